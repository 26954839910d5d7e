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

// Whether an inline script is worth keeping for read_state_script: large, and
// holding article HTML (a plain or escaped "<p") or an Arc/paragraph block
// array. Cheap: a few substring searches, no copy.
bool may_hold_state(std::string_view script);

// The article body in another client-side state script: a JSON value the
// script assigns or pushes (`window.__INITIAL_STATE__ = {...}`,
// `Fusion.globalContent = {...}`, `window["__RQ_x"].push({...})`,
// `JSON.parse("...")`), or the whole text of a <script type=application/json>.
// Searched as read_hydration searches, but a state blob also carries other
// stories' teasers: only a body whose own object has a title that `page_title`
// (the page's title or headline) shows counts. Malformed text yields nullopt;
// the parse work per script is bounded.
std::optional<HydratedArticle> read_state_script(std::string_view script, std::string_view page_title);

}  // namespace feeds::extract_detail
