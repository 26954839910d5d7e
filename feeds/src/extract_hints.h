#pragma once
// What class names, ids, roles and short texts say about a block: content
// ("entry-content", "articleBody") or furniture ("share-bar", "newsletter").
#include <libxml/tree.h>

#include <string_view>

namespace feeds::extract_detail {

inline constexpr int kStrongNegative = -25;
inline constexpr int kStrongPositive = 25;

// -25 for furniture hints, +25 for content hints, 0 for neither or both
// weak; furniture words beat weak content words ("article-comments" is
// furniture), strong content compounds ("entry-content") beat everything.
int class_weight(const xmlNode* node);

// Elements that never hold article text: script, style, form, nav, ...
bool is_junk_element(std::string_view tag);

// hidden attribute, aria-hidden=true, inline display:none / visibility:hidden.
bool is_hidden(const xmlNode* node);

// role=navigation/banner/contentinfo/complementary/search/dialog/alert.
bool has_furniture_role(const xmlNode* node);

// Block-level elements (start a new paragraph in text output).
bool is_block_element(std::string_view tag);

// Short texts that are furniture by their words, in the corpus languages:
// "Read also: ...", "5 min read", "Listen to this article", "Advertisement",
// "Share", "Subscribe to our newsletter", ... `text` is whitespace-collapsed.
bool is_boilerplate_text(std::string_view text);

// "By Jane Doe", "Автор: ...", "Von ...".
bool looks_like_byline(std::string_view text);

}  // namespace feeds::extract_detail
