#pragma once
// Article bodies that exist only in a framework's hydration JSON
// (Next.js __NEXT_DATA__, Nuxt): found by shape, not by one site's keys.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feeds::extract_detail {

struct HydratedArticle {
  std::vector<std::string> paragraphs;  // plain text, in order
  std::string html;                     // the body as HTML (joined blocks or the body string)
  std::string title;
  std::vector<std::string> authors;
  std::optional<std::chrono::sys_seconds> published;
  std::size_t text_bytes = 0;
};

// The longest article-like body in the JSON: an HTML/text string under a
// body-like key, or an array of paragraph blocks. nullopt when none holds
// at least a few sentences, or the JSON does not parse.
std::optional<HydratedArticle> read_hydration(std::string_view json_text);

}  // namespace feeds::extract_detail
