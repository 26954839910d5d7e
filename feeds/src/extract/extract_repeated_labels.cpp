// Table cells, list items and definition terms repeat their words by nature
// ("Yes", "N/A", a course's weekday): only boxes with a class of their own
// are counted, and only when nothing but text and inline elements is in
// them.
#include "extract/extract_repeated_labels.h"

#include <map>
#include <string>
#include <utility>

#include "extract/extract_dom.h"
#include "extract/extract_hints.h"
#include "extract/extract_title.h"
#include "feeds/text.h"

namespace feeds::extract_detail {
namespace {

constexpr std::size_t kMaxLabelBytes = 60;
constexpr int kRepeats = 3;
// Fewer words repeat in data set out as boxes: "Yes", "No", "Residency
// permit", an author's name under each post of a blog's front page.
constexpr std::size_t kMinWords = 5;

bool holds_only_inline(xmlNode* node) {
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (!is_element(child)) continue;
    const std::string_view name = tag(child);
    if (!(name == "a" || name == "span" || name == "b" || name == "strong" || name == "em" || name == "i" ||
          name == "small"))
      return false;
  }
  return true;
}

}  // namespace

void remove_repeated_labels(const std::vector<xmlNode*>& roots) {
  std::map<std::pair<std::string, std::string>, std::vector<xmlNode*>> labels;
  for (xmlNode* root : roots) {
    walk(root, [&](xmlNode* node) {
      if (!is_element(node)) return false;
      const std::string_view name = tag(node);
      if (node == root || !(name == "div" || name == "p")) return true;
      const std::string_view names = attribute(node, "class");
      if (names.empty() || !holds_only_inline(node)) return true;
      std::string text = collapse_whitespace(text_content(node));
      if (text.size() >= kMaxLabelBytes || word_count(text) < kMinWords || ends_like_sentence(text))
        return false;
      labels[{std::string(names), std::move(text)}].push_back(node);
      return false;
    });
  }
  for (auto& [label, nodes] : labels) {
    if (static_cast<int>(nodes.size()) < kRepeats) continue;
    for (xmlNode* node : nodes) remove_node(node);
  }
}

}  // namespace feeds::extract_detail
