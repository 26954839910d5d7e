-- 0002_queue_orphaned_articles: a repair, no schema change. Before this
-- version newsd committed a feed's new items first and created their articles'
-- rows one by one afterwards, so an interruption in between (SIGTERM, SIGHUP,
-- a crash) left items whose page nothing would ever fetch (issue 15). Items
-- and their pending articles are now written in one transaction; this queues
-- the pages of the items orphaned before, for the next pass to fetch. Sources
-- whose options say "articles": false are left out, as the pipeline does.
insert into articles (canonical_url, url)
select distinct on (i.canonical_url) i.canonical_url, i.link
from items i
join sources s on s.id = i.source_id
where i.canonical_url is not null and i.canonical_url <> ''
  and i.link is not null and i.link <> ''
  and coalesce(s.options ->> 'articles', 'true') <> 'false'
  and not exists (select 1 from articles a where a.canonical_url = i.canonical_url)
order by i.canonical_url, i.first_seen_at, i.id
on conflict (canonical_url) do nothing;
