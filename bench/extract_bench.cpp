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
// harness sums them per page type. `--real-pages DIR` (before --per-page) reads
// the pages of the shared real-world corpus instead (DIR/manifest.tsv, the
// scorer's default datasets) and also prints the median of the per-page
// ratios extract/parse to stderr: the speed target.
//
// `extract_bench --corpus LIST OUT_DIR` runs the extraction over a page list
// (one page a line: dataset TAB id TAB html-path TAB url) in this one process,
// as bench/extract-compare runs every peer: OUT_DIR/<dataset>/<id>.json gets the
// JSON `newsd extract FILE --url URL` prints (the layout `extraction-score
// --outputs` rescores), and OUT_DIR/cpu.tsv one line per page: dataset, id,
// extraction CPU microseconds, ok|error, bare-parse CPU microseconds. Pages
// already in cpu.tsv are skipped (a stopped run resumes).
#include <benchmark/benchmark.h>

#include <time.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
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

// Set by --real-pages: the unpacked shared extraction corpus.
std::filesystem::path corpus_dir;

// The scorer's default datasets: all but CleanEval, without readability's
// synthetic unit-test pages.
std::vector<Page> corpus_pages() {
  std::vector<Page> out;
  std::ifstream manifest(corpus_dir / "manifest.tsv");
  std::string line;
  std::getline(manifest, line);  // header
  while (std::getline(manifest, line)) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (fields.size() < 9 || fields[0].starts_with("cleaneval") ||
        fields[8].find("synthetic") != std::string::npos)
      continue;
    Page page;
    page.name = fields[0] + "/" + fields[1];
    page.bytes = read_file(corpus_dir / fields[0] / "html" / (fields[1] + ".html"));
    page.url = fields[2];
    if (!page.bytes.empty()) out.push_back(std::move(page));
  }
  return out;
}

const std::vector<Page>& pages() {
  static const std::vector<Page> loaded = [] {
    if (!corpus_dir.empty()) return corpus_pages();
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
  std::vector<double> ratios;
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
    if (parse > 0) ratios.push_back(extract / parse);
  }
  std::printf("\n}\n");
  if (!ratios.empty()) {
    std::sort(ratios.begin(), ratios.end());
    std::fprintf(stderr, "pages %zu, median extract/parse %.2f\n", ratios.size(), ratios[ratios.size() / 2]);
  }
  return 0;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

int corpus(const std::filesystem::path& list, const std::filesystem::path& out_dir) {
  std::ifstream in(list);
  if (!in) {
    std::fprintf(stderr, "extract_bench: cannot read %s\n", list.c_str());
    return 2;
  }
  std::filesystem::create_directories(out_dir);
  const std::filesystem::path cpu_path = out_dir / "cpu.tsv";
  std::set<std::string> done;
  {
    std::ifstream previous(cpu_path);
    for (std::string line; std::getline(previous, line);) {
      const auto fields = split_tabs(line);
      if (fields.size() >= 2) done.insert(fields[0] + '\t' + fields[1]);
    }
  }
  std::ofstream cpu(cpu_path, std::ios::app);
  for (std::string line; std::getline(in, line);) {
    const auto fields = split_tabs(line);
    if (fields.size() < 3) continue;
    const std::string& dataset = fields[0];
    const std::string& id = fields[1];
    if (done.contains(dataset + '\t' + id)) continue;
    const std::string bytes = read_file(fields[2]);
    const std::string url = fields.size() > 3 ? fields[3] : std::string();
    feeds::ExtractOptions options;  // options.url is a view: url outlives it
    options.url = url;
    const double parse =
        best_of(1, [&] { benchmark::DoNotOptimize(feeds::bare_html_parse(bytes, options.url)); });
    std::string json;
    const char* status = "ok";
    const double start = cpu_seconds();
    if (auto article = feeds::extract_article(bytes, options)) {
      json = boost::json::serialize(feeds::article_to_json(*article));
    } else {
      // `newsd extract` exits non-zero here: the scorer counts the page as failed (no output file).
      status = "error";
      std::ofstream(out_dir / dataset / (id + ".error.txt")) << fields[2] << ": " << article.error().message << '\n';
    }
    const double extract = cpu_seconds() - start;
    std::filesystem::create_directories(out_dir / dataset);
    if (!json.empty()) std::ofstream(out_dir / dataset / (id + ".json"), std::ios::binary) << json << '\n';
    cpu << dataset << '\t' << id << '\t' << static_cast<long long>(extract * 1e6) << '\t' << status << '\t'
        << static_cast<long long>(parse * 1e6) << '\n'
        << std::flush;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], "--corpus") == 0) return corpus(argv[2], argv[3]);
  if (argc >= 3 && std::strcmp(argv[1], "--real-pages") == 0) {
    corpus_dir = argv[2];
    argv[2] = argv[0];
    argc -= 2;
    argv += 2;
  }
  if (argc == 3 && std::strcmp(argv[1], "--per-page") == 0) return per_page(std::max(1, std::atoi(argv[2])));
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
