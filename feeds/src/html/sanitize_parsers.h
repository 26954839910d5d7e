#pragma once
// Private: the two HTML parsers that can drive the sanitiser's writer
// (sanitize_writer.h). Both take valid UTF-8 (sanitize_html repairs first).
#include <optional>
#include <string>
#include <string_view>

#include "feeds/sanitize.h"

namespace feeds::detail {

// sanitize_html for input the caller knows to be valid UTF-8 (checked by an
// assertion in debug builds): the validation pass is skipped.
std::string sanitize_valid_utf8(std::string_view html, const SanitizeOptions& options);

// libxml2's HTML parser (SAX, push mode): the parser of record, for any input.
std::string sanitize_with_libxml2(std::string_view html, const SanitizeOptions& options);

// A one-pass scanner for fragments so simple that libxml2's reading of them is
// certain: it reports the same events to the same writer, so the output is
// the same bytes. nullopt (declined) for anything else; see sanitize_fast.cpp.
std::optional<std::string> sanitize_simple_html(std::string_view html, const SanitizeOptions& options);

}  // namespace feeds::detail
