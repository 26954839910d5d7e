#pragma once
// Private UTF-8 helpers shared by the text, encoding and sanitising code.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace feeds::utf8 {

inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Appends `code_point` encoded as UTF-8; surrogates and values above U+10FFFF
// become U+FFFD.
void append(std::string& out, char32_t code_point);

// Length of the valid UTF-8 sequence starting at text[pos], or 0 when the bytes
// there are not one (truncated, overlong, surrogate, > U+10FFFF, stray byte).
std::size_t valid_sequence_length(std::string_view text, std::size_t pos);

// Length of the maximal prefix at text[pos] that could start a valid sequence
// (at least 1): the unit one U+FFFD replaces (the WHATWG/Unicode practice).
std::size_t invalid_sequence_length(std::string_view text, std::size_t pos);

// Offset of the first invalid sequence, or text.size() when all of it is valid.
// Skips ASCII eight bytes at a time: this is the fast path of every decoder.
std::size_t first_invalid(std::string_view text);

// The end of the run of ASCII bytes starting at text[pos] (sixteen bytes at a
// time where SSE2 is there).
std::size_t ascii_run_end(std::string_view text, std::size_t pos);

inline bool is_valid(std::string_view text) {
  return first_invalid(text) == text.size();
}

// Decodes the sequence at text[pos] (which must be valid) and advances pos.
char32_t decode_valid(std::string_view text, std::size_t& pos);

}  // namespace feeds::utf8
