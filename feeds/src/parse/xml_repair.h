#pragma once
// Lenient handling of ill-formed XML: a cheap scan before the strict parse
// (what pugixml tolerates silently but a user should hear about), and a
// repairing rewrite for the second pass when the strict parse fails.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace feeds::detail {

struct XmlScan {
  std::size_t control_characters = 0;  // C0 controls other than tab, LF, CR (outside nothing: all)
  std::size_t undefined_entities = 0;  // &name; other than the five XML ones
  std::string first_undefined_entity;
  std::size_t bare_ampersands = 0;  // & not starting a reference
  bool doctype = false;
  // &#...; whose value is no Unicode scalar value (a surrogate, past
  // U+10FFFF): pugixml writes such references as ill-formed UTF-8, so the
  // document's text can only be trusted to be valid UTF-8 when this is 0.
  std::size_t unsafe_character_references = 0;
};

// Scans markup outside CDATA sections and comments.
XmlScan scan_xml(std::string_view document);

// Removes C0 control characters other than tab, LF and CR.
std::string strip_control_characters(std::string_view document);

// Offset of the feed's root element (<rss, <feed, <rdf:RDF, <RDF, <channel),
// npos when there is none.
std::size_t find_feed_root(std::string_view document);

// True when what precedes `root` is only an XML declaration, comments,
// processing instructions, a DOCTYPE and white space.
bool clean_prolog(std::string_view prolog);

// Rewrites `document` into well-formed XML: bare & escaped, undefined entities
// decoded (HTML5 table) or escaped, stray < escaped, DOCTYPE dropped, end tags
// matched case-insensitively, unclosed elements closed, stray end tags
// dropped, a truncated document closed. `repairs` lists what was done.
std::string repair_xml(std::string_view document, std::vector<std::string>& repairs);

}  // namespace feeds::detail
