#include "url/punycode.h"

#include <cstdint>

#include "common/utf8.h"

namespace feeds::punycode {

namespace {

constexpr std::uint32_t kBase = 36, kTMin = 1, kTMax = 26, kSkew = 38, kDamp = 700;
constexpr std::uint32_t kInitialBias = 72, kInitialN = 128;

char encode_digit(std::uint32_t d) {
  return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26));
}

std::uint32_t adapt(std::uint32_t delta, std::uint32_t num_points, bool first_time) {
  delta = first_time ? delta / kDamp : delta / 2;
  delta += delta / num_points;
  std::uint32_t k = 0;
  while (delta > ((kBase - kTMin) * kTMax) / 2) {
    delta /= kBase - kTMin;
    k += kBase;
  }
  return k + (kBase - kTMin + 1) * delta / (delta + kSkew);
}

// Lowercases the scripts that appear in real IDN hosts; other code points pass.
char32_t to_lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0x80) return c;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;  // Latin-1
  if (c == 0x178) return 0xFF;                               // Y with diaeresis
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x138 && c != 0x149 && c != 0x17F) {
    bool odd_is_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_is_upper ? (c % 2 == 1) : (c % 2 == 0)) return c + 1;  // Latin Extended-A pairs
    return c;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;  // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 32;                // Cyrillic
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (c >= 0x460 && c <= 0x4FF && c % 2 == 0 && !(c >= 0x482 && c <= 0x489) && c != 0x4C0) return c + 1;
  if (c >= 0x531 && c <= 0x556) return c + 48;              // Armenian
  if (c >= 0xFF21 && c <= 0xFF3A) return c - 0xFF21 + 'a';  // fullwidth Latin
  if (c >= 0xFF10 && c <= 0xFF19) return c - 0xFF10 + '0';  // fullwidth digits
  return c;
}

bool is_dot(char32_t c) {
  return c == '.' || c == 0x3002 || c == 0xFF0E || c == 0xFF61;
}

}  // namespace

std::optional<std::string> encode(std::u32string_view input) {
  std::string output;
  for (char32_t c : input) {
    if (c < 0x80) output += static_cast<char>(c);
  }
  const std::uint32_t basic = static_cast<std::uint32_t>(output.size());
  std::uint32_t handled = basic;
  if (basic > 0) output += '-';
  std::uint32_t n = kInitialN, delta = 0, bias = kInitialBias;
  const auto length = static_cast<std::uint32_t>(input.size());
  while (handled < length) {
    std::uint32_t m = UINT32_MAX;
    for (char32_t c : input) {
      if (c >= n && c < m) m = c;
    }
    if (m - n > (UINT32_MAX - delta) / (handled + 1)) return std::nullopt;
    delta += (m - n) * (handled + 1);
    n = m;
    for (char32_t c : input) {
      if (c < n && ++delta == 0) return std::nullopt;
      if (c == n) {
        std::uint32_t q = delta;
        for (std::uint32_t k = kBase;; k += kBase) {
          std::uint32_t t = k <= bias ? kTMin : k >= bias + kTMax ? kTMax : k - bias;
          if (q < t) break;
          output += encode_digit(t + (q - t) % (kBase - t));
          q = (q - t) / (kBase - t);
        }
        output += encode_digit(q);
        bias = adapt(delta, handled + 1, handled == basic);
        delta = 0;
        ++handled;
      }
    }
    ++delta;
    ++n;
  }
  return output;
}

std::optional<std::string> host_to_ascii(std::string_view utf8_host) {
  if (!utf8::is_valid(utf8_host)) return std::nullopt;
  std::string out;
  std::u32string label;
  bool label_has_non_ascii = false;
  auto flush = [&]() -> bool {
    if (label_has_non_ascii) {
      auto encoded = encode(label);
      if (!encoded) return false;
      out += "xn--";
      out += *encoded;
    } else {
      for (char32_t c : label) out += static_cast<char>(c);
    }
    label.clear();
    label_has_non_ascii = false;
    return true;
  };
  std::size_t pos = 0;
  while (pos < utf8_host.size()) {
    char32_t c = utf8::decode_valid(utf8_host, pos);
    if (is_dot(c)) {
      if (!flush()) return std::nullopt;
      out += '.';
      continue;
    }
    c = to_lower(c);
    if (c >= 0x80) label_has_non_ascii = true;
    label += c;
  }
  if (!flush()) return std::nullopt;
  return out;
}

}  // namespace feeds::punycode
