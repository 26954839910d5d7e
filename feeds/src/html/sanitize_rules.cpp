// The fast paths' knowledge of libxml2's HTML parser (sanitize_rules.h),
// asked of libxml2 itself: which elements are empty, which start tags end
// which open elements, what each named reference decodes to.
#include "html/sanitize_rules.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <memory>
#include <string>
#include <vector>

#include "common/libxml_ptr.h"
#include "common/utf8.h"

namespace feeds::detail {
namespace {

bool is_raw_text(std::string_view name) {
  return name == "script" || name == "style";
}

extern "C" {
void probe_error(void*, xmlErrorPtr) {}
}  // extern "C"

// Runs libxml2's push parser, with the sanitiser's options, over `document`
// and reports its SAX events to `handler` (startElement and endElement only).
void probe(std::string_view document, htmlSAXHandler handler, void* events) {
  handler.initialized = XML_SAX2_MAGIC;
  handler.serror = probe_error;
  HtmlParserContextPtr context(
      htmlCreatePushParserCtxt(&handler, events, nullptr, 0, nullptr, XML_CHAR_ENCODING_UTF8));
  if (!context) return;
  htmlCtxtUseOptions(context.get(), HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED | HTML_PARSE_IGNORE_ENC |
                                        HTML_PARSE_NODEFDTD);
  htmlParseChunk(context.get(), document.data(), static_cast<int>(document.size()), 1);
}

// The events of a probe as one string: "+p" for a start, "-p" for an end.
extern "C" {
void record_start(void* events, const xmlChar* name, const xmlChar**) {
  *static_cast<std::string*>(events) += "+" + std::string(reinterpret_cast<const char*>(name)) + " ";
}
void record_end(void* events, const xmlChar* name) {
  *static_cast<std::string*>(events) += "-" + std::string(reinterpret_cast<const char*>(name)) + " ";
}
}  // extern "C"

std::string events_of(std::string_view document) {
  htmlSAXHandler handler{};
  handler.startElement = record_start;
  handler.endElement = record_end;
  std::string events;
  probe(document, handler, &events);
  return events;
}

// Does libxml2 end <open> when <started> begins right inside it? For two
// different names this is the table lookup libxml2's own parser makes
// (htmlAutoCloseTag asks it without a parser); an element inside one of its
// own kind (<p><p>, <li><li>) is asked of the parser.
bool libxml2_closes(const std::string& open, const std::string& started) {
  if (open != started) {
    xmlNode node{};
    node.type = XML_ELEMENT_NODE;
    node.name = reinterpret_cast<const xmlChar*>(started.c_str());
    return htmlAutoCloseTag(nullptr, reinterpret_cast<const xmlChar*>(open.c_str()), &node) != 0;
  }
  const std::string events = events_of("<newsd-probe><" + open + "><" + open + "><newsd-after>");
  return events.starts_with("+newsd-probe +" + open + " -" + open + " +" + open + " +newsd-after");
}

// Does an end tag of `outer` end an open `inner` above it? Only when `inner`'s
// end priority is not higher than `outer`'s (htmlAutoCloseOnClose); an
// unknown element between the two keeps <inner> from ending <outer> when it starts.
bool end_tag_closes(const std::string& outer, const std::string& inner) {
  const std::string events =
      events_of("<newsd-probe><" + outer + "><newsd-between><" + inner + "></" + outer + "><newsd-after>");
  return events.starts_with("+newsd-probe +" + outer + " +newsd-between +" + inner + " -" + inner +
                            " -newsd-between -" + outer + " +newsd-after");
}

// Ranks the elements that can be open by libxml2's end priority, asking it
// how each compares with one element of every rank found so far (a handful:
// libxml2 gives most elements the same priority), not every pair. The last
// rank computed is that of elements libxml2 does not know (<o:p>, <svg>), for
// which "newsd-unknown" stands.
void rank_end_priorities(Rules& rules) {
  std::vector<std::string> names;
  std::vector<std::size_t> slots;  // position in kElementNames, kElementCount for the unknown
  for (std::size_t element = 0; element < kElementCount; ++element) {
    if (rules.empty[element] || rules.raw_text[element]) continue;
    names.emplace_back(kElementNames[element]);
    slots.push_back(element);
  }
  names.emplace_back("newsd-unknown");
  slots.push_back(kElementCount);
  std::vector<std::size_t> representatives;  // one name per rank, lowest rank first
  std::vector<std::size_t> rank_of(names.size(), 0);
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::size_t rank = 0;
    bool placed = false;
    for (; rank < representatives.size(); ++rank) {
      const std::string& other = names[representatives[rank]];
      if (!end_tag_closes(other, names[i])) continue;  // priority(i) > priority(other)
      if (!end_tag_closes(names[i], other)) {          // priority(i) < priority(other): a new rank
        representatives.insert(representatives.begin() + static_cast<std::ptrdiff_t>(rank), i);
        for (std::size_t j = 0; j < i; ++j) {
          if (rank_of[j] >= rank) ++rank_of[j];
        }
      }
      placed = true;
      break;
    }
    if (!placed) representatives.push_back(i);
    rank_of[i] = rank;
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto rank = static_cast<std::uint8_t>(rank_of[i]);
    if (slots[i] == kElementCount)
      rules.unknown_end_rank = rank;
    else
      rules.end_rank[slots[i]] = rank;
  }
}

Rules ask_libxml2() {
  Rules rules;
  for (std::size_t i = 0; i < kElementCount; ++i) {
    const std::string name(kElementNames[i]);
    const htmlElemDesc* description = htmlTagLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
    rules.empty[i] = description != nullptr && description->empty != 0;
    rules.keys[i] = SanitizeWriter::key_for(kElementNames[i]);
    rules.raw_text[i] = is_raw_text(kElementNames[i]);
  }
  for (std::size_t open = 0; open < kElementCount; ++open) {
    // Elements never left open need no row: empty ones end at once, raw text holds no tags.
    if (rules.empty[open] || rules.raw_text[open]) continue;
    const std::string open_name(kElementNames[open]);
    for (std::size_t started = 0; started < kElementCount; ++started)
      rules.closes[started][open] = libxml2_closes(open_name, std::string(kElementNames[started]));
  }
  rank_end_priorities(rules);
  rules.unknown_elements_plain = true;
  for (std::size_t i = 0; i < kElementCount; ++i) {
    const std::string name(kElementNames[i]);
    if (libxml2_closes(name, "newsd-unknown") || libxml2_closes("newsd-unknown", name))
      rules.unknown_elements_plain = false;
  }
  for (std::size_t i = 0; i < std::size(kEntityNames); ++i) {
    const std::uint32_t value = libxml2_entity(kEntityNames[i]);
    if (value != 0) utf8::append(rules.entities[i], value);
    rules.escaped_entities[i] = SanitizeWriter::escape_text(rules.entities[i]);
  }
  return rules;
}

}  // namespace

std::uint32_t libxml2_entity(std::string_view name) {
  // libxml2's names are at most 8 characters; anything longer is no reference.
  constexpr std::size_t kLongest = 15;
  if (name.empty() || name.size() > kLongest) return 0;
  char terminated[kLongest + 1] = {};
  name.copy(terminated, name.size());
  const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(terminated));
  return entity != nullptr && entity->value > 0 ? entity->value : 0;
}

bool libxml2_knows_element(std::string_view lowercase_name) {
  constexpr std::size_t kLongest = 63;
  if (lowercase_name.empty() || lowercase_name.size() > kLongest) return true;  // not asked: treated as known
  char terminated[kLongest + 1] = {};
  lowercase_name.copy(terminated, lowercase_name.size());
  return htmlTagLookup(reinterpret_cast<const xmlChar*>(terminated)) != nullptr;
}

const Rules& rules() {
  static const Rules instance = ask_libxml2();
  return instance;
}

}  // namespace feeds::detail
