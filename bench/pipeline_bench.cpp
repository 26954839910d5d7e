// One `newsd once` pass end to end, in process: a newsroom of 50 sources with
// 4 articles each, served by the demo's static server on loopback (no host
// gap), against a throwaway PostgreSQL (run it with bench/pipeline-bench, which
// starts one). Each iteration starts from an empty newsroom: every source due
// and never polled, no items, no articles, no politeness state; so a pass
// fetches 50 feeds and 200 pages, parses, stores, extracts and stores again.
//
// What it measures is the pipeline's own cost (coroutines, the storage thread
// hand-offs, the per-item and per-article SQL) plus the parse and extraction it
// drives; the server and PostgreSQL run on the same machine and are counted in
// the process CPU time (the server) or the real time (PostgreSQL). Compare two
// builds in the same session, interleaved, and read the ratio.
#include <benchmark/benchmark.h>
#include <fmt/core.h>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "app/driver.h"
#include "demo/static_server.h"
#include "feeds/opml.h"
#include "pipeline/pipeline.h"
#include "politeness/host_key.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/pg.h"
#include "storage/sources.h"

namespace {

namespace fs = std::filesystem;
using namespace newsd;

constexpr int kSources = 50;
constexpr int kArticlesPerSource = 4;

std::string article_page(int source, int article) {
  std::string body;
  for (int paragraph = 0; paragraph < 8; ++paragraph) {
    body += fmt::format(
        "<p>Paragraph {} of story {} from desk {}. The council met on Tuesday evening to discuss the new "
        "bridge over the river, the cost of repairing the old harbour wall, and the plans for the market "
        "square, which residents have asked about for years. Several speakers said the work should start "
        "before winter.</p>\n",
        paragraph + 1, article, source);
  }
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Story {1} from desk {0}</title></head>\n"
      "<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Story {1} from desk "
      "{0}</h1>\n{2}</article><footer>Copyright the desk</footer></body></html>\n",
      source, article, body);
}

std::string feed(int source) {
  std::string items;
  for (int article = 0; article < kArticlesPerSource; ++article) {
    items += fmt::format(
        "<item><title>Story {1} from desk {0}</title><link>{{{{BASE}}}}/s{0}/story-{1}.html</link>"
        "<guid>desk-{0}-story-{1}</guid><pubDate>Mon, 0{2} Jan 2024 10:00:00 GMT</pubDate>"
        "<description>&lt;p&gt;Story {1}, &lt;b&gt;in short&lt;/b&gt;.&lt;/p&gt;</description></item>\n",
        source, article, article + 1);
  }
  return fmt::format(
      "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Desk {0}</title>"
      "<link>{{{{BASE}}}}/s{0}/</link>\n{1}</channel></rss>\n",
      source, items);
}

// The newsroom's files under a fresh temporary directory, removed at the end.
class Newsroom {
 public:
  Newsroom() : root_(fs::temp_directory_path() / fmt::format("newsd-pipeline-bench-{}", getpid())) {
    fs::remove_all(root_);
    for (int source = 0; source < kSources; ++source) {
      fs::create_directories(root_ / fmt::format("s{}", source));
      std::ofstream(root_ / fmt::format("s{}/feed.xml", source)) << feed(source);
      for (int article = 0; article < kArticlesPerSource; ++article)
        std::ofstream(root_ / fmt::format("s{}/story-{}.html", source, article))
            << article_page(source, article);
    }
  }
  ~Newsroom() {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }
  Newsroom(const Newsroom&) = delete;
  Newsroom& operator=(const Newsroom&) = delete;
  const fs::path& root() const { return root_; }

 private:
  fs::path root_;
};

// A migrated database of its own in the cluster NEWSD_TEST_DB names.
std::string bench_database() {
  const char* cluster = std::getenv("NEWSD_TEST_DB");
  if (cluster == nullptr) throw std::runtime_error("NEWSD_TEST_DB is not set: run bench/pipeline-bench");
  pg::Connection admin(cluster);
  admin.exec("drop the bench database", "drop database if exists newsd_pipeline_bench");
  admin.exec("create the bench database", "create database newsd_pipeline_bench");
  std::string url = cluster;
  auto at = url.find("dbname=postgres");
  if (at == std::string::npos) throw std::runtime_error("NEWSD_TEST_DB has no dbname=postgres");
  url.replace(at, std::string_view("dbname=postgres").size(), "dbname=newsd_pipeline_bench");
  storage::migrate_database(url);
  return url;
}

void BM_OncePassOverANewsroom(benchmark::State& state) {
  Newsroom newsroom;
  demo::StaticServer server(newsroom.root());
  std::string url = bench_database();
  {
    std::string outlines;
    for (int source = 0; source < kSources; ++source)
      outlines += fmt::format("<outline text=\"Desk {0}\" xmlUrl=\"{1}/s{0}/feed.xml\"/>\n", source,
                              server.base_url());
    auto document = feeds::parse_opml("<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head/><body>\n" +
                                      outlines + "</body></opml>\n")
                        .value();
    pg::Connection conn(url);
    storage::sync_sources(conn, document.sources, {false, "bench.opml"});
  }
  pipeline::PipelineOptions options;
  options.logger = Logger(LogLevel::error);
  options.client.logger = options.logger;
  options.client.allow_list = {"127.0.0.1"};
  if (auto host = politeness::host_key(server.base_url() + "/")) options.gate.overrides[*host] = {4, {}};
  storage::Database database(url);
  pg::Connection reset(url);

  long long articles = 0;
  for (auto _ : state) {
    state.PauseTiming();
    reset.exec("empty the newsroom", "truncate items, articles, fetch_log, hosts");
    reset.exec("make every source due and never polled",
               "update sources set next_poll_at = now() - interval '1 second', last_polled_at = null, "
               "etag = null, last_modified = null, consecutive_errors = 0");
    state.ResumeTiming();
    auto summary = app::run_once_blocking(database, options);
    articles += summary.articles_extracted;
    if (summary.articles_extracted != kSources * kArticlesPerSource) {
      state.SkipWithError(fmt::format("{} articles extracted, not {}", summary.articles_extracted,
                                      kSources * kArticlesPerSource)
                              .c_str());
      break;
    }
  }
  state.counters["articles/s"] =
      benchmark::Counter(static_cast<double>(articles), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_OncePassOverANewsroom)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

}  // namespace

BENCHMARK_MAIN();
