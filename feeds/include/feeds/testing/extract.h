#pragma once
// Hooks of article extraction for the tests and benchmarks; users call
// extract_article (feeds/extract.h).
#include <string>
#include <string_view>
#include <vector>

namespace feeds {

// The floor extraction is measured against (bench/extract_bench): libxml2's
// htmlReadMemory of the raw bytes with the extractor's parser options, then
// xmlFreeDoc; no decoding, no walking. Returns false when libxml2 gave no
// document. Here so that benchmarks need not include libxml2 themselves.
bool bare_html_parse(std::string_view bytes, std::string_view url = {});

// Words as counted for Article::word_count and for the corpus F1 the tests
// and bench/extract-compare score with: runs of letters and digits, and every
// CJK ideograph / kana character on its own.
std::vector<std::string> text_tokens(std::string_view utf8);

// The page's markup as the extractor hands it to libxml2: the slash of
// "<div/>" on an element that is not void dropped, as a browser ignores it,
// "</br>" a line break, and a noscript element's content left out.
std::string as_a_browser_reads_it(std::string html);

}  // namespace feeds
