// The fast paths' knowledge of libxml2's HTML parser (sanitize_rules.h),
// asked of libxml2 itself: which elements are empty, which start tags end
// which open elements, what each named reference decodes to.
#include "html/sanitize_rules.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <memory>

#include "common/libxml_ptr.h"
#include "common/utf8.h"

namespace feeds::detail {
namespace {

bool is_raw_text(std::string_view name) {
  return name == "script" || name == "style";
}

struct ProbeEvents {
  std::string_view open, started;
  bool open_seen = false, started_seen = false, closed_first = false;
};

extern "C" {
void probe_start(void* context, const xmlChar* name, const xmlChar**) {
  auto* probe = static_cast<ProbeEvents*>(context);
  const std::string_view view(reinterpret_cast<const char*>(name));
  if (!probe->open_seen && view == probe->open) {
    probe->open_seen = true;
  } else if (probe->open_seen && !probe->started_seen && view == probe->started) {
    probe->started_seen = true;
  }
}
void probe_end(void* context, const xmlChar* name) {
  auto* probe = static_cast<ProbeEvents*>(context);
  if (probe->open_seen && !probe->started_seen &&
      std::string_view(reinterpret_cast<const char*>(name)) == probe->open)
    probe->closed_first = true;
}
void probe_error(void*, xmlErrorPtr) {}
}  // extern "C"

// Does libxml2, with the sanitiser's options, end <open> when <started> begins inside it?
bool libxml2_closes(std::string_view open, std::string_view started) {
  ProbeEvents probe{open, started};
  htmlSAXHandler handler{};
  handler.startElement = probe_start;
  handler.endElement = probe_end;
  handler.initialized = XML_SAX2_MAGIC;
  handler.serror = probe_error;
  HtmlParserContextPtr context(
      htmlCreatePushParserCtxt(&handler, &probe, nullptr, 0, nullptr, XML_CHAR_ENCODING_UTF8));
  if (!context) return true;  // unknown: treat as closing, so the fast path declines
  htmlCtxtUseOptions(context.get(), HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED | HTML_PARSE_IGNORE_ENC |
                                        HTML_PARSE_NODEFDTD);
  const std::string document = "<newsd-probe><" + std::string(open) + "><" + std::string(started) + ">x";
  htmlParseChunk(context.get(), document.data(), static_cast<int>(document.size()), 1);
  return probe.closed_first || !probe.started_seen;
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
    if (rules.empty[open] || is_raw_text(kElementNames[open])) continue;
    for (std::size_t started = 0; started < kElementCount; ++started)
      rules.closes[started][open] = libxml2_closes(kElementNames[open], kElementNames[started]);
  }
  for (std::size_t i = 0; i < std::size(kEntityNames); ++i) {
    const std::string name(kEntityNames[i]);
    const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
    if (entity != nullptr && entity->value > 0) utf8::append(rules.entities[i], entity->value);
    rules.escaped_entities[i] = SanitizeWriter::escape_text(rules.entities[i]);
  }
  return rules;
}

}  // namespace

const Rules& rules() {
  static const Rules instance = ask_libxml2();
  return instance;
}

}  // namespace feeds::detail
