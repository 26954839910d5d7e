// Article extraction over the dev corpus (tests/data/pages, 100+ pages):
//   BareParse  the floor: libxml2's htmlReadMemory of the same bytes (same
//              options as the extractor: recover, no network, compact), then
//              xmlFreeDoc; no decoding, no walking.
//   Extract    feeds::extract_article: encoding, parse, metadata, scoring,
//              cleaning, text, sanitised HTML.
// Both report CPU time, bytes/s and pages/s (items_per_second); the issue's
// target is Extract <= 2x BareParse. bench/extract-compare runs this next to
// readability-lxml on the same pages.
//
// `extract_bench --per-page N` instead prints one JSON object: for every page,
// the best of N process-CPU times of the bare parse and of the extraction,
// interleaved page by page so that both see the same machine load; the
// harness sums them per page type.
#include <benchmark/benchmark.h>

#include <time.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "feeds/extract.h"
#include "feeds/testing/extract.h"

namespace {

struct Page {
  std::string name;
  std::string bytes;
  std::string url;
  std::string http_charset;
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::vector<Page>& pages() {
  static const std::vector<Page> loaded = [] {
    const std::filesystem::path dir =
        std::filesystem::path(NEWSD_BENCH_DIR) / ".." / "tests" / "data" / "pages";
    std::vector<Page> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      const std::string name = entry.path().filename().string();
      if (!name.ends_with(".expected.json")) continue;
      const auto expected = boost::json::parse(read_file(entry.path())).as_object();
      Page page;
      page.name = std::string(expected.at("page").as_string());
      page.bytes = read_file(dir / page.name);
      page.url = std::string(expected.at("url").as_string());
      if (expected.at("http_charset").is_string())
        page.http_charset = std::string(expected.at("http_charset").as_string());
      out.push_back(std::move(page));
    }
    std::sort(out.begin(), out.end(), [](const Page& a, const Page& b) { return a.name < b.name; });
    return out;
  }();
  return loaded;
}

std::int64_t corpus_bytes() {
  std::int64_t total = 0;
  for (const auto& page : pages()) total += static_cast<std::int64_t>(page.bytes.size());
  return total;
}

void finish(benchmark::State& state) {
  state.SetBytesProcessed(state.iterations() * corpus_bytes());
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(pages().size()));
  state.counters["pages"] = static_cast<double>(pages().size());
}

void BareParse(benchmark::State& state) {
  if (pages().empty()) {
    state.SkipWithError("no pages under tests/data/pages");
    return;
  }
  for (auto _ : state) {
    for (const auto& page : pages()) {
      const bool parsed = feeds::bare_html_parse(page.bytes, page.url);
      benchmark::DoNotOptimize(parsed);
    }
  }
  finish(state);
}

void Extract(benchmark::State& state) {
  if (pages().empty()) {
    state.SkipWithError("no pages under tests/data/pages");
    return;
  }
  std::size_t words = 0;
  for (auto _ : state) {
    words = 0;
    for (const auto& page : pages()) {
      feeds::ExtractOptions options;
      options.url = page.url;
      options.http_charset = page.http_charset;
      feeds::Article article = feeds::extract_article(page.bytes, options).value();
      words += article.word_count;
      benchmark::DoNotOptimize(article);
    }
  }
  finish(state);
  state.counters["words"] = static_cast<double>(words);
}

BENCHMARK(BareParse)->Unit(benchmark::kMillisecond)->MinTime(3.0);
BENCHMARK(Extract)->Unit(benchmark::kMillisecond)->MinTime(3.0);

double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

template <typename Work>
double best_of(int runs, Work&& work) {
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    const double start = cpu_seconds();
    work();
    best = std::min(best, cpu_seconds() - start);
  }
  return best;
}

int per_page(int runs) {
  std::printf("{");
  const char* separator = "";
  for (const auto& page : pages()) {
    const double parse =
        best_of(runs, [&] { benchmark::DoNotOptimize(feeds::bare_html_parse(page.bytes, page.url)); });
    const double extract = best_of(runs, [&] {
      feeds::ExtractOptions options;
      options.url = page.url;
      options.http_charset = page.http_charset;
      auto article = feeds::extract_article(page.bytes, options);
      benchmark::DoNotOptimize(article);
    });
    std::printf("%s\n\"%s\": {\"parse\": %.9f, \"extract\": %.9f}", separator, page.name.c_str(), parse,
                extract);
    separator = ",";
  }
  std::printf("\n}\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "--per-page") == 0) return per_page(std::max(1, std::atoi(argv[2])));
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
