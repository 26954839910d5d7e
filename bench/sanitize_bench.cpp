// Sanitiser and decoder throughput, each beside its floor measured in the same run:
//   BM_LibxmlParse      libxml2's bare htmlReadMemory of the same article HTML (builds a tree)
//   BM_Sanitize         feeds::sanitize_html on it (SAX, allow-list, URL resolution)
//   BM_CopyUtf8         copying the bytes: decode_to_utf8 must return a copy
//   BM_ValidateUtf8     one UTF-8 validation pass (repair_utf8 on valid text changes nothing)
//   BM_DecodeUtf8       decode_to_utf8 on valid UTF-8 (validation fast path)
//   BM_DecodeWindows1251 decode_to_utf8 on the same text in declared windows-1251 (iconv)
// The articles are generated with a fixed seed: 2-8 KB each, like content:encoded.
#include <benchmark/benchmark.h>
#include <iconv.h>
#include <libxml/HTMLparser.h>

#include <random>
#include <string>
#include <vector>

#include "feeds/encoding.h"
#include "feeds/sanitize.h"
#include "feeds/text.h"

namespace {

const char* const kWords[] = {
    "Kyiv",      "council",  "said",   "on",       "Tuesday", "that",      "the",       "new",
    "budget",    "would",    "fund",   "schools",  "and",     "hospitals", "across",    "region",
    "officials", "reported", "energy", "grid",     "repairs", "continued", "overnight", "residents",
    "café",      "naïve",    "—",      "“quoted”", "Київ",    "новини",    "2025",      "percent"};

std::string sentence(std::mt19937& random) {
  std::uniform_int_distribution<int> length(6, 18), word(0, std::size(kWords) - 1);
  std::string out;
  int n = length(random);
  for (int i = 0; i < n; ++i) {
    if (i > 0) out += ' ';
    out += kWords[word(random)];
  }
  return out + ". ";
}

// One article of roughly `target` bytes: paragraphs with inline markup,
// links (relative and absolute), images, a figure, entities, and the junk
// feeds carry (scripts, tracking pixels, iframes, inline styles, comments).
std::string article(std::mt19937& random, std::size_t target) {
  std::uniform_int_distribution<int> pick(0, 9);
  std::string html;
  while (html.size() < target) {
    switch (pick(random)) {
      case 0:
        html += "<h2>" + sentence(random) + "</h2>\n";
        break;
      case 1:
        html +=
            "<figure class=\"wp-block-image\"><img src=\"/uploads/2025/03/photo.jpg\" "
            "srcset=\"/uploads/photo-300.jpg 300w, "
            "/uploads/photo-1024.jpg 1024w\" alt=\"A photo\" width=\"1024\" height=\"683\" loading=\"lazy\" "
            "style=\"border:0\"><figcaption>" +
            sentence(random) + "</figcaption></figure>\n";
        break;
      case 2:
        html +=
            "<script "
            "type=\"text/"
            "javascript\">window.dataLayer=window.dataLayer||[];dataLayer.push({'event':'view'});</script>\n";
        break;
      case 3:
        html += "<ul><li>" + sentence(random) +
                "</li><li><a href=\"https://example.org/related?utm_source=rss\">" + sentence(random) +
                "</a></li></ul>\n";
        break;
      case 4:
        html += "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">" + sentence(random) +
                "</p>&mdash; Reporter (@reporter) <a href=\"https://twitter.com/x/status/1\">March 2, "
                "2025</a></blockquote>"
                "<iframe src=\"https://www.youtube.com/embed/xyz\" width=\"560\" height=\"315\" "
                "allowfullscreen></iframe>\n";
        break;
      default:
        html += "<p style=\"margin:0\" class=\"para\">" + sentence(random) + "<a href=\"../world/story-" +
                std::to_string(pick(random)) + ".html\" target=\"_blank\" onclick=\"track()\">" +
                sentence(random) + "</a> <strong>" + sentence(random) + "</strong> &amp; <em>" +
                sentence(random) +
                "</em>&nbsp;&hellip;"
                "<!-- ad slot --></p>\n";
        break;
    }
  }
  return html;
}

const std::vector<std::string>& articles() {
  static const std::vector<std::string> corpus = [] {
    std::mt19937 random(20250302);
    std::uniform_int_distribution<std::size_t> size(2048, 8192);
    std::vector<std::string> out;
    for (int i = 0; i < 200; ++i) out.push_back(article(random, size(random)));
    return out;
  }();
  return corpus;
}

std::size_t total_bytes(const std::vector<std::string>& corpus) {
  std::size_t total = 0;
  for (const auto& item : corpus) total += item.size();
  return total;
}

void BM_LibxmlParse(benchmark::State& state) {
  const auto& corpus = articles();
  for (auto _ : state) {
    for (const auto& html : corpus) {
      htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                          HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
      benchmark::DoNotOptimize(doc);
      xmlFreeDoc(doc);
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes(corpus)));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * corpus.size()));
}
BENCHMARK(BM_LibxmlParse)->Unit(benchmark::kMillisecond);

void BM_Sanitize(benchmark::State& state) {
  const auto& corpus = articles();
  feeds::SanitizeOptions options;
  options.base_url = "https://news.example.com/2025/03/02/story.html";
  for (auto _ : state) {
    for (const auto& html : corpus) {
      std::string clean = feeds::sanitize_html(html, options);
      benchmark::DoNotOptimize(clean);
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes(corpus)));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * corpus.size()));
}
BENCHMARK(BM_Sanitize)->Unit(benchmark::kMillisecond);

// About 1 MB of mixed Cyrillic and Latin text, as a feed body.
const std::string& utf8_text() {
  static const std::string text = [] {
    std::mt19937 random(7);
    std::string out = "<?xml version=\"1.0\"?><rss><channel>";
    const char* const words[] = {"Київ",   "новини",  "України", "council", "budget",
                                 "Москва", "сегодня", "2025",    "the"};
    std::uniform_int_distribution<int> word(0, std::size(words) - 1);
    while (out.size() < (1 << 20)) {
      out += "<item><title>";
      for (int i = 0; i < 40; ++i) {
        out += words[word(random)];
        out += ' ';
      }
      out += "</title></item>";
    }
    return out + "</channel></rss>";
  }();
  return text;
}

const std::string& windows1251_text() {
  static const std::string text = [] {
    // Same text with the Ukrainian-only letters (not in every Cyrillic code page) kept: CP1251 has them.
    std::string utf8 = utf8_text();
    std::string declared = "<?xml version=\"1.0\" encoding=\"windows-1251\"?>" + utf8.substr(21);
    iconv_t cd = iconv_open("CP1251", "UTF-8");
    std::string out(declared.size(), '\0');
    char* in = declared.data();
    std::size_t in_left = declared.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    iconv(cd, &in, &in_left, &out_ptr, &out_left);
    iconv_close(cd);
    out.resize(out.size() - out_left);
    return out;
  }();
  return text;
}

void BM_CopyUtf8(benchmark::State& state) {
  const std::string& text = utf8_text();
  for (auto _ : state) {
    std::string copy(text);
    benchmark::DoNotOptimize(copy);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_CopyUtf8)->Unit(benchmark::kMicrosecond);

void BM_ValidateUtf8(benchmark::State& state) {
  std::string text = utf8_text();
  for (auto _ : state) {
    std::size_t replaced = feeds::repair_utf8(text);
    benchmark::DoNotOptimize(replaced);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ValidateUtf8)->Unit(benchmark::kMicrosecond);

void BM_DecodeUtf8(benchmark::State& state) {
  const std::string& text = utf8_text();
  for (auto _ : state) {
    auto decoded = feeds::decode_to_utf8(text, feeds::DocumentKind::xml);
    benchmark::DoNotOptimize(decoded);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_DecodeUtf8)->Unit(benchmark::kMicrosecond);

void BM_DecodeWindows1251(benchmark::State& state) {
  const std::string& text = windows1251_text();
  for (auto _ : state) {
    auto decoded = feeds::decode_to_utf8(text, feeds::DocumentKind::xml);
    benchmark::DoNotOptimize(decoded);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_DecodeWindows1251)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
