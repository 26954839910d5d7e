-- 0004_retention: what stays behind when items and articles are pruned by age
-- ([retention] in the configuration; docs/operations.md).
--
-- A pruned item leaves its (source_id, key) in item_tombstones: feeds keep
-- old entries for months, and without the tombstone the next poll would store
-- a pruned item again as new (and queue its article again). A pruned article
-- keeps its row with status 'pruned' and its bulky columns emptied: items of
-- any age still join it, and the article fetcher never fetches it again.
-- Tombstones themselves are removed after [retention] tombstones.

create table item_tombstones (
  source_id bigint not null references sources (id) on delete cascade,
  key text not null,
  pruned_at timestamptz not null default now(),
  primary key (source_id, key)
);
create index item_tombstones_pruned_at on item_tombstones (pruned_at);

comment on table item_tombstones is 'Keys of items removed by retention, so that a feed still carrying them does not bring them back as new items; removed themselves after the tombstone retention.';
comment on column item_tombstones.source_id is 'The feed the pruned item belonged to (sources.id).';
comment on column item_tombstones.key is 'items.key of the pruned item.';
comment on column item_tombstones.pruned_at is 'When retention removed the item.';

alter table articles drop constraint articles_status_check;
alter table articles add constraint articles_status_check
  check (status in ('pending', 'extracted', 'failed', 'skipped', 'pruned'));
alter table articles add column pruned_at timestamptz;
-- Retention finds the articles to prune, and later the tombstones to remove,
-- without scanning the rest.
create index articles_retention on articles (created_at) where status in ('extracted', 'failed', 'skipped');
create index articles_pruned on articles (pruned_at) where status = 'pruned';

comment on column articles.status is 'pending (waiting to be fetched), extracted, failed (see error), skipped (source does not want articles, or not HTML), pruned (removed by retention: text, html and metadata emptied; never fetched again).';
comment on column articles.pruned_at is 'When retention emptied this article (status pruned); null otherwise.';

comment on table items is 'Entries of the feeds, one row per (source, item key): the latest version of each. An item is not deleted when it drops out of its feed, only by retention ([retention] items), which leaves its key in item_tombstones.';
comment on table fetch_log is 'One row per HTTP attempt (feeds, article pages, robots.txt); rows older than [retention] fetch_log (30 days by default) are pruned.';
