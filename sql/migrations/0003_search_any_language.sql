-- 0003_search_any_language: full-text search that finds items and articles
-- whatever their language.
--
-- Until now items.search and articles.search held only the lexemes of the
-- language's own configuration (newsd_ts_config), so a query had to be written
-- in the configuration of the rows it wanted: items of a feed without
-- <language> are indexed with 'simple' (no stemming), and the english query the
-- cookbook showed found none of them; a German or Ukrainian item needed yet
-- another configuration. Every vector now holds two parts:
--   * the words as written, lowercased ('simple'): the same for every language,
--     so websearch_to_tsquery('simple', ...) finds any item or article that
--     contains the words, whatever its language;
--   * the stemmed lexemes of the row's language when PostgreSQL has a stemmer
--     for it, so websearch_to_tsquery('german', ...) still finds inflected forms
--     ("Staudämme" for "Staudamm") in German rows.
-- docs/sql.md shows both kinds of query.
--
-- PostgreSQL 15 cannot change the expression of a generated column, so the
-- columns are dropped and added again: this rewrites items and articles once.

create function newsd_search_vector(language text, a_text text, b_text text, c_text text)
  returns tsvector language sql immutable parallel safe
return
  setweight(to_tsvector('simple'::regconfig, coalesce(a_text, '')), 'A') ||
  setweight(to_tsvector('simple'::regconfig, coalesce(b_text, '')), 'B') ||
  setweight(to_tsvector('simple'::regconfig, coalesce(c_text, '')), 'C') ||
  case when newsd_ts_config(language) = 'simple'::regconfig then ''::tsvector
  else
    setweight(to_tsvector(newsd_ts_config(language), coalesce(a_text, '')), 'A') ||
    setweight(to_tsvector(newsd_ts_config(language), coalesce(b_text, '')), 'B') ||
    setweight(to_tsvector(newsd_ts_config(language), coalesce(c_text, '')), 'C')
  end;
comment on function newsd_search_vector(text, text, text, text) is
  'Full-text vector of items.search and articles.search: the words as written (simple configuration, any language) weighted A/B/C, plus the stemmed lexemes of the language''s configuration (newsd_ts_config) when PostgreSQL has a stemmer for it.';

alter table items drop column search;
alter table items add column search tsvector
  generated always as (newsd_search_vector(language, title, summary, content)) stored;
create index items_search on items using gin (search);
comment on column items.search is 'Full-text vector: title (weight A), summary (B), content (C), as written (simple configuration) plus stemmed in the feed language''s configuration. GIN-indexed; query with websearch_to_tsquery(''simple'', ...) to search every language, or with the language''s configuration for stemmed matches.';

alter table articles drop column search;
alter table articles add column search tsvector
  generated always as (newsd_search_vector(language, title, description, text)) stored;
create index articles_search on articles using gin (search);
comment on column articles.search is 'Full-text vector: title (weight A), description (B), text (C), as written (simple configuration) plus stemmed in the page language''s configuration. GIN-indexed; query with websearch_to_tsquery(''simple'', ...) to search every language, or with the language''s configuration for stemmed matches.';
