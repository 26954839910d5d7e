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

// Whether the subtree's text, as written, runs past `limit` bytes: most
// boxes are paragraphs of the story, measured here without a copy.
bool text_longer_than(xmlNode* root, std::size_t limit) {
  std::size_t bytes = 0;
  bool longer = false;
  walk(root, [&](xmlNode* node) {
    if (longer) return false;
    if (node->type == XML_TEXT_NODE) {
      bytes += as_view(node->content).size();
      longer = bytes > limit;
      return false;
    }
    return is_element(node);
  });
  return longer;
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
      // White space collapses: a label of 60 bytes can be written in 240.
      if (text_longer_than(node, 4 * kMaxLabelBytes)) return false;
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
