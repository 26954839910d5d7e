// Feed parsing throughput over the generated corpus (bench/gen_feed_corpus.py,
// directory from $NEWSD_FEED_CORPUS, default /tmp/newsd-feed-corpus):
//   RawParse   the floor: pugixml's parse of the XML files (default options),
//              Boost.JSON's of the JSON Feed files, same bytes;
//   FullParse  feeds::parse_feed: encoding, detection, parsing, normalisation,
//              sanitising, dates, keys and hashes.
// Both report bytes/s; bench/feeds-compare runs this and Python feedparser on
// the same files and prints the ratios.
#include <benchmark/benchmark.h>

#include <boost/json/parse.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "feeds/parse.h"

namespace {

struct CorpusFile {
  std::string name;
  std::string bytes;
  bool json = false;
};

const std::vector<CorpusFile>& corpus() {
  static const std::vector<CorpusFile> files = [] {
    const char* env = std::getenv("NEWSD_FEED_CORPUS");
    const std::filesystem::path dir = env ? env : "/tmp/newsd-feed-corpus";
    std::vector<CorpusFile> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      CorpusFile file;
      file.name = entry.path().filename().string();
      file.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      file.json = entry.path().extension() == ".json";
      out.push_back(std::move(file));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
  }();
  return files;
}

std::int64_t corpus_bytes() {
  std::int64_t total = 0;
  for (const auto& file : corpus()) total += static_cast<std::int64_t>(file.bytes.size());
  return total;
}

bool have_corpus(benchmark::State& state) {
  if (!corpus().empty()) return true;
  state.SkipWithError("no corpus: run bench/gen_feed_corpus.py /tmp/newsd-feed-corpus (or set NEWSD_FEED_CORPUS)");
  return false;
}

void RawParse(benchmark::State& state) {
  if (!have_corpus(state)) return;
  for (auto _ : state) {
    for (const auto& file : corpus()) {
      if (file.json) {
        boost::system::error_code ec;
        auto value = boost::json::parse(file.bytes, ec);
        benchmark::DoNotOptimize(value);
      } else {
        pugi::xml_document document;
        auto result = document.load_buffer(file.bytes.data(), file.bytes.size());
        benchmark::DoNotOptimize(result);
      }
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus_bytes());
  state.counters["files"] = static_cast<double>(corpus().size());
}

void FullParse(benchmark::State& state) {
  if (!have_corpus(state)) return;
  std::size_t items = 0, failures = 0;
  for (auto _ : state) {
    items = failures = 0;
    for (const auto& file : corpus()) {
      feeds::ParseResult result = feeds::parse_feed(file.bytes);
      if (result.ok()) items += result.feed->items.size();
      else ++failures;
      benchmark::DoNotOptimize(result);
    }
  }
  if (failures) state.SkipWithError("some corpus files were not parsed as feeds");
  state.SetBytesProcessed(state.iterations() * corpus_bytes());
  state.counters["items"] = static_cast<double>(items);
}

BENCHMARK(RawParse)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(FullParse)->Unit(benchmark::kMillisecond)->MinTime(4.0);

}  // namespace

BENCHMARK_MAIN();
