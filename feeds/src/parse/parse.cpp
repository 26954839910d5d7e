// parse_feed: size cap, encoding, format detection (from the content only),
// strict XML parse with a repairing second pass, then the format's reader.
#include "feeds/parse.h"

#include <pugixml.hpp>

#include <fmt/format.h>
#include <algorithm>
#include <cctype>

#include "common/ascii.h"
#include "feeds/encoding.h"
#include "parse/formats.h"
#include "parse/parse_state.h"
#include "parse/xml_repair.h"
#include "parse/xml_scope.h"

namespace feeds {
namespace {

using detail::iequals;

Error failure(ErrorCode code, std::string message) {
  return Error{code, std::move(message)};
}

bool contains_ci(std::string_view text, std::string_view needle) {
  return ascii::icontains(text, needle);
}

std::string_view skip_space(std::string_view text) {
  while (!text.empty() && ascii::is_space(text.front())) text.remove_prefix(1);
  return text;
}

// Why a document without a feed root is not a feed, in a few words.
std::string describe_non_feed(std::string_view text) {
  const std::string_view head = text.substr(0, 4096);
  if (head.find('\0') != std::string_view::npos) return "not a feed: binary data";
  const std::string_view start = skip_space(text);
  if (start.empty() || start.front() != '<') return "not a feed: neither XML nor JSON";
  if (contains_ci(head, "<html") || contains_ci(head, "<!doctype html")) return "not a feed: an HTML page";
  pugi::xml_document document;
  document.load_buffer(text.data(), std::min<std::size_t>(text.size(), 1 << 20), pugi::parse_default,
                       pugi::encoding_utf8);
  if (pugi::xml_node root = document.document_element())
    return fmt::format("not a feed: the root element is <{}>", std::string_view(root.name()).substr(0, 60));
  return "not a feed: no root element";
}

bool is_feed_root(std::string_view name) {
  const auto colon = name.find(':');
  const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
  return iequals(local, "rss") || iequals(local, "feed") || iequals(local, "RDF") ||
         iequals(local, "channel");
}

std::string_view local_name(std::string_view name) {
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

FeedFormat detect_xml_format(detail::ParseState& state, pugi::xml_node root) {
  const std::string_view local = local_name(root.name());
  if (iequals(local, "rss")) {
    const std::string version = detail::trim(root.attribute("version").value());
    if (version.starts_with("0.9")) return FeedFormat::rss0_9x;
    if (version != "2.0" && version != "2.00" && version != "2")
      state.note(version.empty() ? "<rss> without a version: read as RSS 2.0"
                                 : fmt::format("<rss version=\"{}\"> is unknown: read as RSS 2.0",
                                               version.substr(0, 20)));
    return FeedFormat::rss2_0;
  }
  if (iequals(local, "RDF")) {
    for (pugi::xml_attribute attribute : root.attributes()) {
      bool near_miss = false;
      if (std::string_view(attribute.name()).starts_with("xmlns") &&
          detail::namespace_from_uri(attribute.value(), near_miss) == detail::Ns::rss090)
        return FeedFormat::rss0_9x;
    }
    return FeedFormat::rss1_0;
  }
  if (iequals(local, "channel")) {
    state.note("<channel> without an enclosing <rss>: read as RSS 2.0");
    return FeedFormat::rss2_0;
  }
  // <feed>
  for (pugi::xml_attribute attribute : root.attributes()) {
    bool near_miss = false;
    if (std::string_view(attribute.name()).starts_with("xmlns") &&
        detail::namespace_from_uri(attribute.value(), near_miss) == detail::Ns::atom03)
      return FeedFormat::atom0_3;
  }
  if (detail::trim(root.attribute("version").value()) == "0.3") return FeedFormat::atom0_3;
  return FeedFormat::atom1_0;
}

std::optional<Error> parse_xml(detail::ParseState& state, std::string_view text) {
  // Junk before the root (PHP warnings, stray HTML, text) is cut off.
  const std::size_t root_offset = detail::find_feed_root(text);
  if (root_offset == std::string_view::npos) return Error{ErrorCode::not_a_feed, describe_non_feed(text)};
  const std::string_view prolog = text.substr(0, root_offset);
  if (!detail::clean_prolog(prolog)) {
    if (contains_ci(prolog, "<html")) return Error{ErrorCode::not_a_feed, "not a feed: an HTML page"};
    state.warn(fmt::format("{} bytes of junk before the root element removed", prolog.size()));
    text.remove_prefix(root_offset);
  }

  const detail::XmlScan scan = detail::scan_xml(text);
  std::string cleaned;
  if (scan.control_characters) {
    state.warn(fmt::format("{} control characters removed", scan.control_characters));
    cleaned = detail::strip_control_characters(text);
    text = cleaned;
  }
  if (scan.undefined_entities)
    state.warn(fmt::format("{} undefined entities (first: &{};) read with the HTML entity table",
                           scan.undefined_entities, scan.first_undefined_entity));
  if (scan.bare_ampersands) state.warn(fmt::format("{} unescaped '&' in text", scan.bare_ampersands));
  if (scan.doctype) state.note("DOCTYPE ignored: no DTD or external entity is ever loaded");

  pugi::xml_document document;
  constexpr unsigned kParseOptions = pugi::parse_default;
  pugi::xml_parse_result parsed =
      document.load_buffer(text.data(), text.size(), kParseOptions, pugi::encoding_utf8);
  // decode_to_utf8 gave valid UTF-8; only a reference to a non-character, or
  // the lenient re-parse below, could make pugixml's strings otherwise.
  state.text_is_valid_utf8 = parsed && scan.unsafe_character_references == 0;
  std::string repaired;
  if (!parsed) {
    std::vector<std::string> repairs;
    repaired = detail::repair_xml(text, repairs);
    std::string what;
    for (const auto& repair : repairs) what += (what.empty() ? "" : "; ") + repair;
    state.warn(fmt::format("ill-formed XML at byte {} ({}); recovered with a lenient parse{}{}",
                           parsed.offset, parsed.description(), what.empty() ? "" : ": ", what));
    document.reset();
    parsed = document.load_buffer(repaired.data(), repaired.size(), kParseOptions, pugi::encoding_utf8);
    if (!parsed)
      state.warn(fmt::format("XML still ill-formed after repair at byte {} ({}); what was read is kept",
                             parsed.offset, parsed.description()));
  }
  pugi::xml_node root;
  for (pugi::xml_node node = document.first_child(); node; node = node.next_sibling()) {
    if (node.type() == pugi::node_element && is_feed_root(node.name())) {
      root = node;
      break;
    }
  }
  if (!root) return Error{ErrorCode::not_a_feed, describe_non_feed(text)};

  Feed& feed = state.feed();
  feed.format = detect_xml_format(state, root);
  if (feed.format == FeedFormat::atom1_0 || feed.format == FeedFormat::atom0_3)
    detail::parse_atom(state, root);
  else
    detail::parse_rss(state, root);
  return std::nullopt;
}

}  // namespace

Result<Feed> parse_feed(std::string_view bytes, const ParseOptions& options) {
  if (bytes.size() > options.max_bytes)
    return failure(ErrorCode::too_large,
                   fmt::format("input is {} bytes, over the {} byte limit", bytes.size(), options.max_bytes));
  if (skip_space(bytes).empty()) return failure(ErrorCode::empty, "not a feed: empty document");

  Feed feed;
  detail::ParseState state(options, feed);
  DecodedText decoded;
  const std::string_view text = decode_to_utf8_view(bytes, DocumentKind::xml, options.http_charset, decoded);
  for (auto& warning : decoded.warnings) state.warn(std::move(warning));

  const std::string_view start = skip_space(text);
  if (start.empty()) return failure(ErrorCode::empty, "not a feed: empty document");
  std::optional<Error> error;
  if (start.front() == '{') {
    if (auto why = detail::parse_json_feed(state, start))
      error = Error{ErrorCode::not_a_feed, "not a feed: " + *why};
  } else if (start.front() == '[') {
    error = Error{ErrorCode::not_a_feed, "not a feed: a JSON array"};
  } else {
    error = parse_xml(state, text);
  }
  if (error) return std::move(*error);
  detail::finalize_feed(state);
  return feed;
}

}  // namespace feeds
