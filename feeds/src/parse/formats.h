#pragma once
// The format parsers behind parse_feed; each fills state.feed() (format set by
// the caller for XML, by the parser for JSON Feed).
#include <pugixml.hpp>

#include <optional>
#include <string_view>

#include "parse/parse_state.h"

namespace feeds::detail {

// RSS 0.90-0.94 and 2.0 (<rss>, or a bare <channel>) and RSS 1.0 / 0.90 (<rdf:RDF>).
void parse_rss(ParseState& state, pugi::xml_node root);
// Atom 1.0 and 0.3 (<feed>).
void parse_atom(ParseState& state, pugi::xml_node root);
// JSON Feed 1.0 / 1.1; nullopt on success, else why the JSON is not a feed.
std::optional<std::string> parse_json_feed(ParseState& state, std::string_view utf8);

}  // namespace feeds::detail
