#pragma once
// Private pieces of encoding detection shared by encoding.cpp and encoding_sniff.cpp.
#include <cstddef>
#include <string>
#include <string_view>

namespace feeds::encoding_detail {

struct TranscodeResult {
  bool known = false;        // false: iconv does not know the encoding
  std::size_t replaced = 0;  // invalid sequences replaced with U+FFFD
  bool truncated = false;    // the input ended inside a multibyte sequence
};

// Canonical (WHATWG) name -> transcoded into `out` (appended). When
// `truncation_is_error` is false, an incomplete sequence at the end is dropped
// without counting (used for samples cut at an arbitrary byte).
TranscodeResult transcode_canonical(std::string_view bytes, std::string_view canonical, std::string& out,
                                    bool truncation_is_error = true);

// The label written in the document's own declaration, or "" when none:
// the XML declaration's encoding="..." (xml) or <meta charset> /
// <meta http-equiv=content-type content="...; charset=..."> within the first
// 1024 bytes (html).
std::string xml_declared_encoding(std::string_view bytes);
std::string html_declared_encoding(std::string_view bytes);

// Extracts the charset parameter from a Content-Type-like value
// ("text/html; charset=koi8-r") or returns the value itself when it has no '='.
std::string charset_from_content_type(std::string_view value);

// Guesses the encoding of bytes that are not valid UTF-8: UTF-16 without BOM
// by its zero bytes, then CJK multibyte encodings that decode cleanly into
// common characters, then windows-1251 / koi8-r / windows-1252 by letter
// statistics. Returns a canonical name.
std::string sniff_legacy_encoding(std::string_view bytes);

// True for encodings whose bytes below 0x80 are always ASCII characters.
bool is_ascii_compatible(std::string_view canonical);

// True for one-byte-per-character encodings (windows-125x, iso-8859-x, koi8-x, ...).
bool is_single_byte(std::string_view canonical);

}  // namespace feeds::encoding_detail
