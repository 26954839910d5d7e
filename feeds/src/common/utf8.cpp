#include "common/utf8.h"

#include <cstring>

namespace feeds::utf8 {

void append(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    out += kReplacement;
  } else if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {

inline unsigned byte_at(std::string_view text, std::size_t pos) {
  return static_cast<unsigned char>(text[pos]);
}

inline bool is_continuation(unsigned b) {
  return (b & 0xC0) == 0x80;
}

// Valid range of the second byte for a given lead byte (Unicode table 3-7);
// later bytes are plain continuation bytes.
struct LeadInfo {
  std::size_t length;
  unsigned second_low;
  unsigned second_high;
};

inline LeadInfo lead_info(unsigned lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return {2, 0x80, 0xBF};
  if (lead == 0xE0) return {3, 0xA0, 0xBF};
  if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) return {3, 0x80, 0xBF};
  if (lead == 0xED) return {3, 0x80, 0x9F};
  if (lead == 0xF0) return {4, 0x90, 0xBF};
  if (lead >= 0xF1 && lead <= 0xF3) return {4, 0x80, 0xBF};
  if (lead == 0xF4) return {4, 0x80, 0x8F};
  return {0, 0, 0};
}

}  // namespace

std::size_t valid_sequence_length(std::string_view text, std::size_t pos) {
  unsigned lead = byte_at(text, pos);
  if (lead < 0x80) return 1;
  LeadInfo info = lead_info(lead);
  if (info.length == 0 || pos + info.length > text.size()) return 0;
  unsigned second = byte_at(text, pos + 1);
  if (second < info.second_low || second > info.second_high) return 0;
  for (std::size_t i = 2; i < info.length; ++i) {
    if (!is_continuation(byte_at(text, pos + i))) return 0;
  }
  return info.length;
}

std::size_t invalid_sequence_length(std::string_view text, std::size_t pos) {
  LeadInfo info = lead_info(byte_at(text, pos));
  if (info.length == 0) return 1;
  std::size_t n = 1;
  if (pos + n < text.size()) {
    unsigned second = byte_at(text, pos + n);
    if (second < info.second_low || second > info.second_high) return n;
    ++n;
  }
  while (n < info.length && pos + n < text.size() && is_continuation(byte_at(text, pos + n))) ++n;
  return n;
}

std::size_t first_invalid(std::string_view text) {
  std::size_t pos = 0;
  const std::size_t size = text.size();
  while (pos < size) {
    pos = ascii_run_end(text, pos);  // ASCII runs dominate real documents
    if (pos >= size) break;
    unsigned lead = byte_at(text, pos);
    // Two-byte sequences (Cyrillic, Greek, Latin accents) inline: the common case.
    if (lead >= 0xC2 && lead <= 0xDF && pos + 1 < size && is_continuation(byte_at(text, pos + 1))) {
      pos += 2;
      continue;
    }
    std::size_t length = valid_sequence_length(text, pos);
    if (length == 0) return pos;
    pos += length;
  }
  return size;
}

char32_t decode_valid(std::string_view text, std::size_t& pos) {
  unsigned lead = byte_at(text, pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  char32_t cp = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
  for (std::size_t i = 1; i < length; ++i) cp = (cp << 6) | (byte_at(text, pos + i) & 0x3F);
  pos += length;
  return cp;
}

}  // namespace feeds::utf8
