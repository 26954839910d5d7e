-- 0001_initial: the tables users query (sources, items, articles), the state the
-- scheduler and politeness keep (sources, hosts), the fetch log, full-text
-- search, the `news` view, and the NOTIFY triggers.
--
-- Applied by newsd's migration runner (daemon/storage/migrations.cpp) inside one
-- transaction and recorded in schema_migrations; never edit a migration that has
-- been released: add a new numbered file instead.
--
-- Column names of sources and hosts are a contract other parts of newsd code
-- against (see docs/sql.md): columns may be added, never renamed.

-- Language tag ("en", "en-US", "de_DE", "French") -> text-search configuration.
-- Immutable so that generated tsvector columns can use it; languages PostgreSQL
-- has no stemmer for fall back to 'simple' (lowercased words, no stemming).
create function newsd_ts_config(language text) returns regconfig
  language sql immutable parallel safe
return case lower(split_part(replace(btrim(coalesce(language, '')), '_', '-'), '-', 1))
  when 'en' then 'english'::regconfig    when 'english' then 'english'::regconfig
  when 'de' then 'german'::regconfig     when 'german' then 'german'::regconfig
  when 'fr' then 'french'::regconfig     when 'french' then 'french'::regconfig
  when 'es' then 'spanish'::regconfig    when 'spanish' then 'spanish'::regconfig
  when 'ru' then 'russian'::regconfig    when 'russian' then 'russian'::regconfig
  when 'it' then 'italian'::regconfig    when 'italian' then 'italian'::regconfig
  when 'pt' then 'portuguese'::regconfig when 'portuguese' then 'portuguese'::regconfig
  when 'nl' then 'dutch'::regconfig      when 'dutch' then 'dutch'::regconfig
  when 'sv' then 'swedish'::regconfig    when 'swedish' then 'swedish'::regconfig
  when 'da' then 'danish'::regconfig     when 'danish' then 'danish'::regconfig
  when 'no' then 'norwegian'::regconfig  when 'nb' then 'norwegian'::regconfig
  when 'nn' then 'norwegian'::regconfig  when 'norwegian' then 'norwegian'::regconfig
  when 'fi' then 'finnish'::regconfig    when 'finnish' then 'finnish'::regconfig
  when 'hu' then 'hungarian'::regconfig  when 'hungarian' then 'hungarian'::regconfig
  when 'ro' then 'romanian'::regconfig   when 'romanian' then 'romanian'::regconfig
  when 'tr' then 'turkish'::regconfig    when 'turkish' then 'turkish'::regconfig
  when 'ar' then 'arabic'::regconfig     when 'arabic' then 'arabic'::regconfig
  when 'el' then 'greek'::regconfig      when 'greek' then 'greek'::regconfig
  when 'id' then 'indonesian'::regconfig when 'indonesian' then 'indonesian'::regconfig
  when 'ga' then 'irish'::regconfig      when 'irish' then 'irish'::regconfig
  when 'lt' then 'lithuanian'::regconfig when 'lithuanian' then 'lithuanian'::regconfig
  when 'ne' then 'nepali'::regconfig     when 'nepali' then 'nepali'::regconfig
  when 'ta' then 'tamil'::regconfig      when 'tamil' then 'tamil'::regconfig
  when 'hy' then 'armenian'::regconfig   when 'armenian' then 'armenian'::regconfig
  when 'eu' then 'basque'::regconfig     when 'basque' then 'basque'::regconfig
  when 'ca' then 'catalan'::regconfig    when 'catalan' then 'catalan'::regconfig
  when 'hi' then 'hindi'::regconfig      when 'hindi' then 'hindi'::regconfig
  when 'sr' then 'serbian'::regconfig    when 'serbian' then 'serbian'::regconfig
  when 'yi' then 'yiddish'::regconfig    when 'yiddish' then 'yiddish'::regconfig
  else 'simple'::regconfig
end;
comment on function newsd_ts_config(text) is
  'Maps a language tag (en, en-US, de_DE, french, ...) to the text-search configuration used for items.search and articles.search; simple when PostgreSQL has no stemmer for it.';

-- Keeps updated_at honest without every writer having to remember it.
create function newsd_touch_updated_at() returns trigger language plpgsql as $$
begin
  new.updated_at := now();
  return new;
end $$;

-- ---------------------------------------------------------------- sources
create table sources (
  id bigint generated always as identity primary key,
  url text not null unique,
  title text,
  site_url text,
  category text[] not null default '{}',
  options jsonb not null default '{}',
  etag text,
  last_modified text,
  next_poll_at timestamptz not null default now(),
  poll_interval interval,
  last_polled_at timestamptz,
  last_success_at timestamptz,
  last_status int,
  last_error text,
  consecutive_errors int not null default 0,
  failing_since timestamptz,
  redirect_url text,
  redirect_count int not null default 0,
  disabled_at timestamptz,
  disabled_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sources_due on sources (next_poll_at) where disabled_at is null;
create trigger sources_touch before update on sources
  for each row execute function newsd_touch_updated_at();

comment on table sources is 'The feeds newsd polls, one row per feed URL: what OPML import wrote (title, category, options) and the polling state the scheduler keeps.';
comment on column sources.id is 'Surrogate key; items.source_id and fetch_log.source_id point here.';
comment on column sources.url is 'The feed URL; replaced by the new URL after a confirmed permanent redirect.';
comment on column sources.title is 'Title from OPML (title/text attribute), else from the feed.';
comment on column sources.site_url is 'The site the feed belongs to (OPML htmlUrl, else the feed''s link).';
comment on column sources.category is 'OPML category path, outermost folder first; {} when the outline was at the top level.';
comment on column sources.options is 'Per-source options from OPML newsd:* attributes, e.g. {"interval": "30m", "articles": false, "minInterval": "5m", "hostRate": "1/s"}.';
comment on column sources.etag is 'ETag of the last 200 response, sent back as If-None-Match.';
comment on column sources.last_modified is 'Last-Modified of the last 200 response, sent back as If-Modified-Since.';
comment on column sources.next_poll_at is 'When the scheduler polls this feed next.';
comment on column sources.poll_interval is 'Current adaptive polling interval (null until the first poll has set one).';
comment on column sources.last_polled_at is 'Start of the most recent poll attempt, successful or not.';
comment on column sources.last_success_at is 'End of the most recent poll that returned a usable feed (200 or 304).';
comment on column sources.last_status is 'HTTP status of the most recent poll; null when no response arrived (DNS, TLS, timeout).';
comment on column sources.last_error is 'Why the most recent poll failed, in words; null after a success.';
comment on column sources.consecutive_errors is 'Failed polls in a row; 0 after a success.';
comment on column sources.failing_since is 'Time of the first error of the current error streak; null while healthy.';
comment on column sources.redirect_url is 'Target of a permanent redirect seen on recent polls, not yet confirmed.';
comment on column sources.redirect_count is 'How many polls in a row redirected permanently to redirect_url.';
comment on column sources.disabled_at is 'When the source was disabled (removed from OPML, gone, too many errors); null while active.';
comment on column sources.disabled_reason is 'Why the source was disabled, in words.';
comment on column sources.created_at is 'When the source was first added.';
comment on column sources.updated_at is 'Last change to this row (maintained by a trigger).';

-- ---------------------------------------------------------------- hosts
create table hosts (
  host text primary key,
  next_allowed_at timestamptz,
  backoff_until timestamptz,
  backoff_seconds int not null default 0,
  consecutive_errors int not null default 0,
  crawl_delay_seconds double precision,
  robots_txt text,
  robots_status int,
  robots_fetched_at timestamptz,
  updated_at timestamptz not null default now()
);
create trigger hosts_touch before update on hosts
  for each row execute function newsd_touch_updated_at();

comment on table hosts is 'Per-host politeness state shared by feed and article fetches: rate limit, backoff, robots.txt cache.';
comment on column hosts.host is 'Lowercased host, with :port when not the scheme''s default.';
comment on column hosts.next_allowed_at is 'No request to this host may start before this time (rate limit and crawl-delay).';
comment on column hosts.backoff_until is 'Requests paused until this time after 429/503/Retry-After or repeated errors; null when not backing off.';
comment on column hosts.backoff_seconds is 'Length of the current backoff step; grows exponentially with consecutive errors, 0 when healthy.';
comment on column hosts.consecutive_errors is 'Failed requests to this host in a row; 0 after a success.';
comment on column hosts.crawl_delay_seconds is 'Crawl-delay from robots.txt for our user agent; null when none.';
comment on column hosts.robots_txt is 'Body of the cached robots.txt (null when none was fetched or it was missing).';
comment on column hosts.robots_status is 'HTTP status of the robots.txt fetch (404 means allow all).';
comment on column hosts.robots_fetched_at is 'When robots.txt was fetched; it is refreshed after it ages out.';
comment on column hosts.updated_at is 'Last change to this row (maintained by a trigger).';

-- ---------------------------------------------------------------- articles
create table articles (
  id bigint generated always as identity primary key,
  canonical_url text not null unique,
  url text not null,
  title text,
  authors jsonb,
  published timestamptz,
  modified timestamptz,
  site_name text,
  language text,
  description text,
  text text,
  html text,
  image text,
  tags jsonb,
  word_count int,
  confidence real,
  method text,
  status text not null default 'pending'
    check (status in ('pending', 'extracted', 'failed', 'skipped')),
  error text,
  http_status int,
  attempts int not null default 0,
  fetched_at timestamptz,
  extracted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector(newsd_ts_config(language), coalesce(title, '')), 'A') ||
    setweight(to_tsvector(newsd_ts_config(language), coalesce(description, '')), 'B') ||
    setweight(to_tsvector(newsd_ts_config(language), coalesce(text, '')), 'C')) stored
);
create index articles_search on articles using gin (search);
create index articles_pending on articles (created_at) where status = 'pending';
create index articles_published on articles (published);
create trigger articles_touch before update on articles
  for each row execute function newsd_touch_updated_at();

comment on table articles is 'Pages the items link to, fetched and extracted; one row per canonical URL, shared by every item (of any source) that links the same story. Join: items.canonical_url = articles.canonical_url.';
comment on column articles.id is 'Surrogate key; the payload of NOTIFY newsd_articles.';
comment on column articles.canonical_url is 'Canonical form of the page URL (tracking parameters and fragment removed); the join key with items.canonical_url.';
comment on column articles.url is 'The URL actually fetched (the item''s link).';
comment on column articles.title is 'Title extracted from the page.';
comment on column articles.authors is 'Author names as a JSON array of strings.';
comment on column articles.published is 'Publication time found in the page (UTC).';
comment on column articles.modified is 'Last-modified time found in the page (UTC).';
comment on column articles.site_name is 'Site name (og:site_name, JSON-LD publisher).';
comment on column articles.language is 'Language of the page (html lang, meta); chooses the text-search configuration.';
comment on column articles.description is 'Short description or standfirst from the page metadata.';
comment on column articles.text is 'The article as plain text, paragraphs separated by blank lines.';
comment on column articles.html is 'The article as sanitised HTML (same allow-list as feed content).';
comment on column articles.image is 'Lead image URL.';
comment on column articles.tags is 'Keywords/sections from the page as a JSON array of strings.';
comment on column articles.word_count is 'Words in text.';
comment on column articles.confidence is 'Extractor confidence in [0, 1] that text is the article.';
comment on column articles.method is 'What decided the text (e.g. json-ld, readability).';
comment on column articles.status is 'pending (waiting to be fetched), extracted, failed (see error), skipped (source does not want articles, or not HTML).';
comment on column articles.error is 'Why fetching or extraction failed; null otherwise.';
comment on column articles.http_status is 'HTTP status of the last page fetch.';
comment on column articles.attempts is 'How many times the page fetch was attempted.';
comment on column articles.fetched_at is 'When the page was last fetched.';
comment on column articles.extracted_at is 'When the article text was last extracted successfully.';
comment on column articles.created_at is 'When the first item linking this page was seen.';
comment on column articles.updated_at is 'Last change to this row (maintained by a trigger).';
comment on column articles.search is 'Full-text vector: title (weight A), description (B), text (C), in the article language''s configuration. GIN-indexed; query with websearch_to_tsquery.';

-- ---------------------------------------------------------------- items
create table items (
  id bigint generated always as identity primary key,
  source_id bigint not null references sources (id) on delete cascade,
  key text not null,
  canonical_url text,
  link text,
  title text,
  summary text,
  content text,
  authors jsonb not null default '[]',
  categories jsonb not null default '[]',
  enclosures jsonb not null default '[]',
  image text,
  comments text,
  published timestamptz,
  updated timestamptz,
  language text,
  first_seen_at timestamptz not null default now(),
  last_changed_at timestamptz not null default now(),
  content_hash text not null,
  search tsvector generated always as (
    setweight(to_tsvector(newsd_ts_config(language), coalesce(title, '')), 'A') ||
    setweight(to_tsvector(newsd_ts_config(language), coalesce(summary, '')), 'B') ||
    setweight(to_tsvector(newsd_ts_config(language), coalesce(content, '')), 'C')) stored,
  unique (source_id, key)
);
create index items_canonical_url on items (canonical_url);
create index items_first_seen on items (first_seen_at);
create index items_search on items using gin (search);

comment on table items is 'Entries of the feeds, one row per (source, item key): the latest version of each. An item is never deleted when it drops out of its feed.';
comment on column items.id is 'Surrogate key; the payload of NOTIFY newsd_items.';
comment on column items.source_id is 'The feed this item was read from (sources.id).';
comment on column items.key is 'Stable identity of the item within its feed: trustworthy guid, else canonical link, else a hash of title + date + content.';
comment on column items.canonical_url is 'Canonical form of link (tracking parameters removed); the join key with articles.canonical_url, equal across feeds for the same story.';
comment on column items.link is 'The item''s link as given by the feed, made absolute.';
comment on column items.title is 'Title as plain text.';
comment on column items.summary is 'Summary/description as sanitised HTML.';
comment on column items.content is 'Full content (content:encoded, atom:content) as sanitised HTML.';
comment on column items.authors is 'JSON array of {"name", "email", "uri"} objects (absent fields omitted).';
comment on column items.categories is 'JSON array of category/tag strings, deduplicated, in feed order.';
comment on column items.enclosures is 'JSON array of {"url", "type", "length"} objects (podcasts, images).';
comment on column items.image is 'Image URL from media:content/thumbnail, itunes:image or an image enclosure.';
comment on column items.comments is 'URL of the comments page.';
comment on column items.published is 'Publication time given by the feed (UTC); null when the feed gave none or it was unparseable.';
comment on column items.updated is 'Update time given by the feed (UTC).';
comment on column items.language is 'Language of the feed the item came from; chooses the text-search configuration.';
comment on column items.first_seen_at is 'When newsd first stored this item.';
comment on column items.last_changed_at is 'When the content hash last changed (equals first_seen_at for items never edited).';
comment on column items.content_hash is 'Hex digest of title + summary + content; a different hash on a later poll means the item was edited.';
comment on column items.search is 'Full-text vector: title (weight A), summary (B), content (C), in the feed language''s configuration. GIN-indexed; query with websearch_to_tsquery.';

-- ---------------------------------------------------------------- fetch_log
create table fetch_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  url text not null,
  host text not null,
  kind text not null check (kind in ('feed', 'article', 'robots')),
  status int,
  bytes bigint,
  duration_ms int,
  error text,
  source_id bigint references sources (id) on delete set null
);
create index fetch_log_at on fetch_log (at);
create index fetch_log_host_at on fetch_log (host, at);

comment on table fetch_log is 'One row per HTTP attempt (feeds, article pages, robots.txt); rows older than the configured retention are pruned.';
comment on column fetch_log.id is 'Surrogate key.';
comment on column fetch_log.at is 'When the request started.';
comment on column fetch_log.url is 'The URL requested.';
comment on column fetch_log.host is 'Lowercased host[:port] of url (hosts.host).';
comment on column fetch_log.kind is 'feed, article or robots.';
comment on column fetch_log.status is 'HTTP status; null when no response arrived (see error).';
comment on column fetch_log.bytes is 'Response body size in bytes as received (compressed size when compressed).';
comment on column fetch_log.duration_ms is 'Time from request start to the end of the body, in milliseconds.';
comment on column fetch_log.error is 'What went wrong (DNS, TLS, timeout, too large, HTTP error); null on success.';
comment on column fetch_log.source_id is 'The source the request was made for (feeds and articles of its items); null for robots.txt.';

-- ---------------------------------------------------------------- the view
create view news as
select
  i.id as item_id,
  i.source_id,
  s.title as source_title,
  s.category as source_category,
  i.key,
  i.canonical_url,
  i.link,
  coalesce(nullif(i.title, ''), a.title) as title,
  coalesce(i.published, a.published, i.first_seen_at) as published,
  i.first_seen_at,
  i.last_changed_at,
  i.authors,
  i.categories,
  i.image,
  coalesce(a.language, i.language) as language,
  case
    when a.status = 'extracted' and coalesce(a.text, '') <> '' then a.text
    when coalesce(i.content, '') <> '' then i.content
    else nullif(i.summary, '')
  end as best_text,
  case
    when a.status = 'extracted' and coalesce(a.text, '') <> '' then 'article'
    when coalesce(i.content, '') <> '' then 'content'
    when coalesce(i.summary, '') <> '' then 'summary'
  end as best_text_source,
  a.id as article_id,
  a.status as article_status,
  a.title as article_title,
  a.site_name,
  a.word_count
from items i
join sources s on s.id = i.source_id
left join articles a on a.canonical_url = i.canonical_url;

comment on view news is 'Start here: one row per item with its source and its article (if any), and the best text available.';
comment on column news.item_id is 'items.id.';
comment on column news.source_id is 'sources.id.';
comment on column news.source_title is 'Title of the source.';
comment on column news.source_category is 'OPML category path of the source.';
comment on column news.key is 'items.key.';
comment on column news.canonical_url is 'Canonical URL of the story (joins articles).';
comment on column news.link is 'The item''s link.';
comment on column news.title is 'The feed''s title for the item, else the article''s.';
comment on column news.published is 'Publication time: the feed''s, else the page''s, else when newsd first saw it.';
comment on column news.first_seen_at is 'When newsd first stored the item.';
comment on column news.last_changed_at is 'When the item was last edited.';
comment on column news.authors is 'items.authors.';
comment on column news.categories is 'items.categories (JSON array of strings).';
comment on column news.image is 'items.image.';
comment on column news.language is 'Language of the article, else of the feed.';
comment on column news.best_text is 'The best text available: the extracted article text (plain text), else the feed content, else the summary (both sanitised HTML).';
comment on column news.best_text_source is 'Where best_text came from: article, content or summary (null when there is no text).';
comment on column news.article_id is 'articles.id, null when no article row exists for the link.';
comment on column news.article_status is 'articles.status: pending, extracted, failed, skipped; null when no article row.';
comment on column news.article_title is 'Title extracted from the page.';
comment on column news.site_name is 'Site name extracted from the page.';
comment on column news.word_count is 'Words in the extracted article text.';

-- ---------------------------------------------------------------- NOTIFY
-- The payload is the row id only: listeners read the row themselves, and the
-- 8000-byte payload limit can never be hit.
create function newsd_notify_item() returns trigger language plpgsql as $$
begin
  perform pg_notify('newsd_items', new.id::text);
  return null;
end $$;
create trigger items_notify after insert on items
  for each row execute function newsd_notify_item();

create function newsd_notify_article() returns trigger language plpgsql as $$
begin
  if new.status = 'extracted' and (tg_op = 'INSERT' or old.status is distinct from 'extracted') then
    perform pg_notify('newsd_articles', new.id::text);
  end if;
  return null;
end $$;
create trigger articles_notify after insert or update of status on articles
  for each row execute function newsd_notify_article();
