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

// The texts of the page's inline scripts that may hold an article body for
// read_state_script, as views into `html` (the decoded page): no src, not
// JSON-LD or __NEXT_DATA__ (read elsewhere), at least 1 KiB, holding article
// HTML (a plain or escaped "<p"), an Arc block array or a paragraph array; at
// most 16. Read from the page's text, so that only a page whose DOM cut is
// weak pays for it.
std::vector<std::string_view> state_scripts(std::string_view html);

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
