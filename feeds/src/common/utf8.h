#pragma once
// Private UTF-8 helpers shared by the text, encoding and sanitising code.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "common/sse2.h"

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
// time where SSE2 is there, else eight). Inline: first_invalid calls it at
// every non-ASCII character.
inline std::size_t ascii_run_end(std::string_view text, std::size_t pos) {
#if NEWSD_USE_SSE2
  while (pos + 16 <= text.size() &&
         _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos))) == 0)
    pos += 16;
#endif
  while (pos + 8 <= text.size()) {
    std::uint64_t chunk;
    std::memcpy(&chunk, text.data() + pos, 8);
    if (chunk & 0x8080808080808080ULL) break;
    pos += 8;
  }
  while (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) ++pos;
  return pos;
}

inline bool is_valid(std::string_view text) {
  return first_invalid(text) == text.size();
}

// Decodes the sequence at text[pos] (which must be valid) and advances pos.
char32_t decode_valid(std::string_view text, std::size_t& pos);

// Replaces the C1 controls U+0080-U+009F with the windows-1252 characters they
// stand for (U+0092 -> U+2019), in place. No one means a C1 control in a feed:
// they come from "&#146;" references (which HTML5 maps the same way) or from
// windows-1252 text mislabelled as Latin-1. Defined in text.cpp, beside the
// table the entity decoder uses.
void map_c1_to_windows1252(std::string& text);

}  // namespace feeds::utf8
