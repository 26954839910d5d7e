// Items per second through ItemStore against a raw COPY of the same rows into
// the same table, in the same run (the machine is shared: only ratios mean
// anything). Needs a server: run through bench/storage-bench, which starts a
// throwaway cluster with tests/support/with-postgres.
//
//   raw_copy            COPY of prebuilt rows straight into items (the floor)
//   store_new/<method>  ItemStore::store_feed_items, every item new, 100 per feed
//   repoll_unchanged    the same feeds again, nothing changed
#include <benchmark/benchmark.h>
#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <random>

#include "storage/database.h"
#include "storage/items.h"
#include "storage/migrations.h"
#include "storage/pg.h"

namespace {

using newsd::storage::WriteMethod;

constexpr int kSources = 20;
constexpr int kItemsPerFeed = 100;
constexpr int kItems = kSources * kItemsPerFeed;  // per iteration
constexpr std::size_t kContentBytes = 3000;

std::string bench_url() {
  const char* base = std::getenv("NEWSD_TEST_DB");
  if (base == nullptr) {
    fmt::print(stderr, "storage_bench: NEWSD_TEST_DB is not set; run bench/storage-bench\n");
    std::exit(2);
  }
  std::string admin_url = base;
  newsd::pg::Connection admin(admin_url);
  admin.exec("create bench database", "drop database if exists newsd_storage_bench");
  admin.exec("create bench database", "create database newsd_storage_bench");
  auto pos = admin_url.find("dbname=postgres");
  return admin_url.replace(pos, std::string("dbname=postgres").size(), "dbname=newsd_storage_bench");
}

// Realistic text (real words, so the tsvector and GIN index do real work).
std::string prose(std::mt19937& random, std::size_t bytes) {
  static const char* const kWords[] = {
      "government",   "minister", "announced", "reform",   "energy",     "grid",          "attack",
      "drone",        "city",     "residents", "power",    "restored",   "after",         "night",
      "of",           "the",      "and",       "in",       "officials",  "said",          "talks",
      "negotiations", "border",   "villages",  "shelling", "aid",        "international", "partners",
      "parliament",   "vote",     "budget",    "economy",  "inflation",  "bank",          "currency",
      "exports",      "grain",    "harbour",   "shipping", "corridor",   "weather",       "winter",
      "heating",      "schools",  "hospital",  "doctors",  "volunteers", "report",        "court"};
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kWords) - 1);
  std::string out = "<p>";
  while (out.size() < bytes) {
    out += kWords[pick(random)];
    out += (out.size() % 97 < 8) ? ". " : " ";
    if (out.size() % 700 < 10) out += "</p><p>";
  }
  return out + "</p>";
}

struct Corpus {
  std::vector<feeds::Feed> feeds;  // one per source
  std::string copy_data;           // the same rows in COPY text format
};

Corpus make_corpus(const std::vector<std::int64_t>& sources, int generation) {
  std::mt19937 random(42 + generation);
  Corpus corpus;
  for (std::size_t s = 0; s < sources.size(); ++s) {
    feeds::Feed feed;
    feed.language = "en";
    for (int i = 0; i < kItemsPerFeed; ++i) {
      feeds::Item item;
      item.key = fmt::format("https://news.example/{}/{}/{}", generation, s, i);
      item.id = item.key;
      item.link = item.key + "?utm_source=rss";
      item.canonical_url = item.key;
      item.title = "Officials said power was restored " + std::to_string(i);
      item.summary = prose(random, 200);
      item.content = prose(random, kContentBytes);
      item.authors = {{"Olena Kovalenko", "", ""}};
      item.categories = {"Ukraine", "Energy"};
      item.published = std::chrono::sys_seconds(std::chrono::seconds(1740904800 + i * 60));
      item.content_hash = fmt::format("{:016x}{:016x}", std::hash<std::string>{}(item.content),
                                      std::hash<std::string>{}(item.title));
      std::vector<std::optional<std::string>> row{
          std::to_string(sources[s]),
          item.key,
          item.canonical_url,
          item.link,
          item.title,
          item.summary,
          item.content,
          R"([{"name": "Olena Kovalenko"}])",
          R"(["Ukraine", "Energy"])",
          "[]",
          std::nullopt,
          std::nullopt,
          fmt::format("{}", item.published->time_since_epoch().count()),
          std::nullopt,
          "en",
          item.content_hash};
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (c > 0) corpus.copy_data += '\t';
        if (c == 12) {  // published: epoch -> timestamptz text
          auto seconds = std::chrono::sys_seconds(std::chrono::seconds(std::stoll(*row[c])));
          auto days = std::chrono::floor<std::chrono::days>(seconds);
          std::chrono::year_month_day date(days);
          std::chrono::hh_mm_ss time(seconds - days);
          corpus.copy_data += fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}+00", int(date.year()),
                                          unsigned(date.month()), unsigned(date.day()), time.hours().count(),
                                          time.minutes().count(), time.seconds().count());
          continue;
        }
        newsd::pg::copy_escape(corpus.copy_data,
                               row[c] ? std::optional<std::string_view>(*row[c]) : std::nullopt);
      }
      corpus.copy_data += '\n';
      feed.items.push_back(std::move(item));
    }
    corpus.feeds.push_back(std::move(feed));
  }
  return corpus;
}

class Fixture {
 public:
  Fixture() : url_(bench_url()), admin_(url_) {
    newsd::storage::migrate(admin_);
    for (int s = 0; s < kSources; ++s) {
      sources_.push_back(admin_
                             .exec("add source", "insert into sources (url) values ($1) returning id",
                                   {fmt::format("https://feed{}.example/rss", s)})
                             .integer(0, 0));
    }
    corpus_ = make_corpus(sources_, 0);
  }
  void empty_items() {
    admin_.exec("empty items", "truncate items");
    admin_.exec("vacuum", "vacuum analyze items");
  }
  const std::string& url() const { return url_; }
  const Corpus& corpus() const { return corpus_; }
  std::int64_t source(std::size_t index) const { return sources_[index]; }
  newsd::pg::Connection& admin() { return admin_; }

 private:
  std::string url_;
  newsd::pg::Connection admin_;
  std::vector<std::int64_t> sources_;
  Corpus corpus_;
};

Fixture& fixture() {
  static Fixture instance;
  return instance;
}

void raw_copy(benchmark::State& state) {
  auto& f = fixture();
  newsd::pg::Connection conn(f.url());
  for (auto _ : state) {
    state.PauseTiming();
    f.empty_items();
    state.ResumeTiming();
    conn.exec("begin", "begin");
    conn.copy_in("raw copy",
                 "copy items (source_id, key, canonical_url, link, title, summary, content, authors, "
                 "categories, enclosures, image, comments, published, updated, language, content_hash) "
                 "from stdin",
                 f.corpus().copy_data);
    conn.exec("commit", "commit");
  }
  state.SetItemsProcessed(state.iterations() * kItems);
}

void store_new(benchmark::State& state) {
  auto& f = fixture();
  newsd::storage::Database db(f.url());
  newsd::storage::ItemStore store(db, static_cast<WriteMethod>(state.range(0)));
  for (auto _ : state) {
    state.PauseTiming();
    f.empty_items();
    state.ResumeTiming();
    int added = 0;
    for (std::size_t i = 0; i < f.corpus().feeds.size(); ++i) {
      added += store.store_feed_items(f.source(i), f.corpus().feeds[i]).added;
    }
    if (added != kItems) state.SkipWithError("not every item was added");
  }
  state.SetItemsProcessed(state.iterations() * kItems);
}

void repoll_unchanged(benchmark::State& state) {
  auto& f = fixture();
  newsd::storage::Database db(f.url());
  newsd::storage::ItemStore store(db);
  f.empty_items();
  for (std::size_t i = 0; i < f.corpus().feeds.size(); ++i)
    store.store_feed_items(f.source(i), f.corpus().feeds[i]);
  f.admin().exec("vacuum", "vacuum analyze items");
  for (auto _ : state) {
    int unchanged = 0;
    for (std::size_t i = 0; i < f.corpus().feeds.size(); ++i) {
      unchanged += store.store_feed_items(f.source(i), f.corpus().feeds[i]).unchanged;
    }
    if (unchanged != kItems) state.SkipWithError("items were not recognised as unchanged");
  }
  state.SetItemsProcessed(state.iterations() * kItems);
}

// Prints the ratios the targets are stated in, from the median of each
// benchmark's repetitions.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& run : runs) {
      if (run.run_type != Run::RT_Iteration || run.error_occurred) continue;
      auto found = run.counters.find("items_per_second");
      if (found != run.counters.end())
        rates_[run.run_name.function_name + run.run_name.args].push_back(found->second.value);
    }
    ConsoleReporter::ReportRuns(runs);
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    auto median = [](std::vector<double> values) {
      std::sort(values.begin(), values.end());
      return values.empty() ? 0.0 : values[values.size() / 2];
    };
    auto floor = rates_.find("raw_copy");
    if (floor == rates_.end()) return;
    double raw = median(floor->second);
    fmt::print("\nratios against raw COPY ({:.0f} items/s, median of {}):\n", raw, floor->second.size());
    for (const auto& [name, values] : rates_) {
      fmt::print("  {:<28} {:>9.0f} items/s  {:>6.1f} %\n", name, median(values),
                 100.0 * median(values) / raw);
    }
  }

 private:
  std::map<std::string, std::vector<double>> rates_;
};

}  // namespace

BENCHMARK(raw_copy)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(store_new)
    ->ArgName("method")
    ->Arg(static_cast<int>(WriteMethod::copy_staging))
    ->Arg(static_cast<int>(WriteMethod::multirow_insert))
    ->Arg(static_cast<int>(WriteMethod::pipeline))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();
BENCHMARK(repoll_unchanged)->Unit(benchmark::kMillisecond)->Iterations(10)->UseRealTime();

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
