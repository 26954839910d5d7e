// Pull quotes are found by what they repeat, not by how they are styled:
// a blockquote or a box named for a quote is one only when the story's
// other text holds its words. A quote the story does not repeat (a tweet,
// a letter, an excerpt) is the story's own and stays.
#include "extract/extract_pull_quotes.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/extract_dom.h"
#include "extract/extract_hints.h"
#include "extract/extract_tokens.h"

namespace feeds::extract_detail {
namespace {

// Four words in a row, hashed: the unit the quote and the story share.
constexpr std::size_t kShingle = 4;
// A quote of fewer words is a label or a name, too short to be sure.
constexpr std::size_t kMinWords = 6;
// Longer quotes are excerpts of another text, not a sentence set again.
constexpr std::size_t kMaxBytes = 1000;
// Pages that quote a thread post after post are not set with pull quotes.
constexpr std::size_t kMaxCandidates = 32;

std::uint64_t word_hash(std::string_view word) {
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a, lower-cased ASCII
  for (unsigned char c : word) {
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    hash = (hash ^ c) * 1099511628211ULL;
  }
  return hash;
}

// The word hashes of a subtree's text, in document order, leaving out the
// subtrees `skip` says to.
template <typename Skip>
std::vector<std::uint64_t> words_of(xmlNode* root, Skip&& skip) {
  std::vector<std::uint64_t> words;
  walk(root, [&](xmlNode* node) {
    if (node != root && skip(node)) return false;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      for_each_token(as_view(node->content),
                     [&](std::string_view word) { words.push_back(word_hash(word)); });
      return false;
    }
    return is_element(node) && tag(node) != "script" && tag(node) != "style";
  });
  return words;
}

std::vector<std::uint64_t> words_of(xmlNode* root) {
  return words_of(root, [](const xmlNode*) { return false; });
}

// The hashes of every four words in a row.
std::vector<std::uint64_t> shingles(const std::vector<std::uint64_t>& words) {
  std::vector<std::uint64_t> out;
  for (std::size_t i = 0; i + kShingle <= words.size(); ++i) {
    std::uint64_t hash = 0;
    for (std::size_t k = 0; k < kShingle; ++k) hash = hash * 0x9E3779B97F4A7C15ULL + words[i + k];
    out.push_back(hash);
  }
  return out;
}

bool names_a_quote(const xmlNode* node) {
  for (std::string_view value : {attribute(node, "class"), attribute(node, "id")}) {
    const bool quote = any_token(value, [](std::string_view token) {
      return icontains(token, "pullquote") || icontains(token, "pull-quote") ||
             icontains(token, "pull_quote") || icontains(token, "pullout") || iequals(token, "quote");
    });
    if (quote) return true;
  }
  return false;
}

struct Candidate {
  xmlNode* node;
  std::size_t bytes;
};

std::vector<Candidate> find_candidates(const std::vector<xmlNode*>& roots) {
  std::vector<Candidate> candidates;
  for (xmlNode* root : roots) {
    walk(root, [&](xmlNode* node) {
      if (!is_element(node) || candidates.size() > kMaxCandidates) return false;
      if (node == root || (tag(node) != "blockquote" && tag(node) != "aside" && !names_a_quote(node)))
        return true;
      if (is_quoted_post(node)) return false;  // an embedded post is the story's own (issue 16, item 7)
      const std::size_t bytes = text_content(node).size();
      if (bytes > kMaxBytes) return true;  // an excerpt: quotes inside it are its own
      candidates.push_back({node, bytes});
      return false;
    });
  }
  if (candidates.size() > kMaxCandidates) candidates.clear();
  return candidates;
}

// The quote with the ancestors below `roots` that only frame it: their
// text beyond the quote is a label and a name, not more of the story.
xmlNode* framing_box(xmlNode* quote, std::size_t quote_bytes, const std::vector<xmlNode*>& roots) {
  xmlNode* box = quote;
  for (xmlNode* up = quote->parent; up != nullptr && is_element(up); up = up->parent) {
    if (std::find(roots.begin(), roots.end(), up) != roots.end()) break;
    if (tag(up) == "p" || tag(up) == "li" || tag(up) == "td") break;
    if (text_content(up).size() > quote_bytes + quote_bytes / 2 + 120) break;
    box = up;
  }
  return box;
}

}  // namespace

void remove_pull_quotes(const std::vector<xmlNode*>& roots) {
  const std::vector<Candidate> candidates = find_candidates(roots);
  if (candidates.empty()) return;
  // The story's own words: quotes of every length are left out, so that a
  // document quoted in full after excerpts of it does not make the
  // excerpts pull quotes.
  auto quoted = [&](const xmlNode* node) {
    return tag(node) == "blockquote" || std::any_of(candidates.begin(), candidates.end(),
                                                    [&](const Candidate& c) { return c.node == node; });
  };
  std::unordered_set<std::uint64_t> story;
  for (xmlNode* root : roots) {
    for (std::uint64_t shingle : shingles(words_of(root, quoted))) story.insert(shingle);
  }
  std::vector<bool> gone(candidates.size(), false);
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (gone[i]) continue;
    const Candidate& candidate = candidates[i];
    const std::vector<std::uint64_t> words = words_of(candidate.node);
    if (words.size() < kMinWords) continue;
    const std::vector<std::uint64_t> own = shingles(words);
    const auto repeated = static_cast<std::size_t>(std::count_if(
        own.begin(), own.end(), [&](std::uint64_t shingle) { return story.contains(shingle); }));
    if (repeated * 5 < own.size() * 4) continue;  // under 80 % repeated: the story's own quote
    xmlNode* box = framing_box(candidate.node, candidate.bytes, roots);
    for (std::size_t later = i + 1; later < candidates.size(); ++later) {
      for (xmlNode* up = candidates[later].node->parent; up != nullptr; up = up->parent) {
        if (up == box) gone[later] = true;
      }
    }
    remove_node(box);
  }
}

}  // namespace feeds::extract_detail
