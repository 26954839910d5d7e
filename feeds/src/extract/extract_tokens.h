#pragma once
// Words as the extractor counts them: runs of letters and digits, and every
// CJK ideograph or kana on its own (Chinese and Japanese run their words
// together). Article::word_count, the corpus F1 (text_tokens) and the
// pull-quote pass all read text this way.
#include <cstddef>
#include <string_view>

namespace feeds::extract_detail {

// Decodes one UTF-8 sequence at `i`; invalid bytes yield U+FFFD and advance one byte.
char32_t next_code_point(std::string_view text, std::size_t& i);
bool is_cjk(char32_t c);
// Letters and digits of any script; punctuation, symbols and spaces are not.
bool is_word_char(char32_t c);

// Calls visit(token) for every word of `utf8` in order, each a view into it.
template <typename Visit>
void for_each_token(std::string_view utf8, Visit&& visit) {
  std::size_t word_start = std::string_view::npos;
  std::size_t i = 0;
  while (i < utf8.size()) {
    const std::size_t start = i;
    const char32_t c = next_code_point(utf8, i);
    const bool cjk = is_cjk(c);
    if (!cjk && is_word_char(c)) {
      if (word_start == std::string_view::npos) word_start = start;
      continue;
    }
    if (word_start != std::string_view::npos) visit(utf8.substr(word_start, start - word_start));
    word_start = std::string_view::npos;
    if (cjk) visit(utf8.substr(start, i - start));
  }
  if (word_start != std::string_view::npos) visit(utf8.substr(word_start));
}

}  // namespace feeds::extract_detail
