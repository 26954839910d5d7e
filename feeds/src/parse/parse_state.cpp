#include "parse/parse_state.h"

#include <openssl/evp.h>

#include <fmt/format.h>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>
#include <stdexcept>

#include "feeds/dates.h"
#include "feeds/sanitize.h"
#include "feeds/text.h"
#include "feeds/url.h"
#include "html/sanitize_parsers.h"
#include "parse/xml_scope.h"
#include "url/url_resolver.h"

namespace feeds::detail {

void ParseState::warn(std::string message) {
  if (seen_.contains(message)) return;
  seen_.insert(message);
  feed_.warnings.push_back(std::move(message));
}

void ParseState::warn_once(std::string_view key, std::string message) {
  std::string marker = "\x01";
  marker += key;
  if (seen_.contains(marker)) return;
  seen_.insert(std::move(marker));
  warn(std::move(message));
}

void ParseState::note(std::string message) {
  if (seen_.contains(message)) return;
  seen_.insert(message);
  feed_.notes.push_back(std::move(message));
}

void ParseState::note_once(std::string_view key, std::string message) {
  std::string marker = "\x01";
  marker += key;
  if (seen_.contains(marker)) return;
  seen_.insert(std::move(marker));
  note(std::move(message));
}

std::optional<std::chrono::sys_seconds> parse_date_field(ParseState& state, std::string_view text,
                                                         std::string_view where) {
  return parse_date_element(state, text, where, {});
}

std::optional<std::chrono::sys_seconds> parse_date_element(ParseState& state, std::string_view text,
                                                           std::string_view where, std::string_view element) {
  const std::string_view trimmed = trim_view(text);
  if (trimmed.empty()) return std::nullopt;
  if (auto parsed = parse_date(trimmed)) return parsed;
  if (element.empty())
    state.warn(fmt::format("{}: unparseable date '{}'", where, trimmed.substr(0, 80)));
  else
    state.warn(fmt::format("{} <{}>: unparseable date '{}'", where, element, trimmed.substr(0, 80)));
  return std::nullopt;
}

std::optional<std::chrono::sys_seconds> date_from_unix(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return std::nullopt;
  if (seconds > 1e11) seconds /= 1000.0;              // milliseconds
  if (seconds > 253402300799.0) return std::nullopt;  // after 9999-12-31
  return std::chrono::sys_seconds(std::chrono::seconds(static_cast<std::int64_t>(seconds)));
}

std::string absolute_url(std::string_view base, std::string_view reference) {
  std::string trimmed = trim(reference);
  if (trimmed.empty()) return {};
  std::string resolved;
  if (cached_resolver(base).resolve_append(trimmed, resolved)) return resolved;
  return trimmed;
}

std::string trim_sanitized(std::string out) {
  // In place: the result is most of the item's bytes, and a trimmed copy cost a
  // second allocation and copy of every content field.
  std::size_t end = out.size();
  while (end > 0 && ascii::is_space(out[end - 1])) --end;
  out.resize(end);
  std::size_t start = 0;
  while (start < out.size() && ascii::is_space(out[start])) ++start;
  out.erase(0, start);
  return out;
}

std::string sanitize_markup(std::string_view html, const SanitizeOptions& options, bool valid_utf8) {
  if (html.find_first_not_of(" \t\r\n") == std::string_view::npos) return {};
  return trim_sanitized(valid_utf8 ? sanitize_valid_utf8(html, options) : sanitize_html(html, options));
}

std::string sanitize_fragment(const ParseState& state, std::string_view html, std::string_view base) {
  SanitizeOptions options;
  options.base_url = base;
  return sanitize_markup(html, options, state.text_is_valid_utf8);
}

std::string sanitize_xhtml(const ParseState& state, pugi::xml_node content, std::string_view base) {
  SanitizeOptions options;
  options.base_url = base;
  return sanitize_markup(xhtml_markup(content), options, state.text_is_valid_utf8);
}

namespace {

bool looks_like_email(std::string_view text) {
  const auto at = text.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < text.size() &&
         text.find_first_of(" \t<>()") == std::string_view::npos;
}

std::string strip_mailto(std::string text) {
  if (text.size() > 7 && iequals(std::string_view(text).substr(0, 7), "mailto:")) text.erase(0, 7);
  return text;
}

}  // namespace

Person person_from_text(std::string_view raw) {
  Person person;
  // Entities first, tags last: "Jane &lt;jane@example.com&gt;" must keep its address.
  const std::string text = collapse_whitespace(decode_entities(raw, 2));
  const std::string_view view = text;
  // "jane@example.com (Jane Doe)", and the other way round, "Jane Doe (jane@example.com)"
  if (const auto open = view.find('('); open != std::string_view::npos && view.ends_with(")")) {
    const std::string before = strip_mailto(trim(view.substr(0, open)));
    const std::string_view inside = view.substr(open + 1, view.size() - open - 2);
    if (looks_like_email(before)) {
      person.email = before;
      person.name = html_to_plain_text(inside);
      return person;
    }
    if (std::string address = strip_mailto(trim(inside)); looks_like_email(address)) {
      person.email = std::move(address);
      person.name = html_to_plain_text(view.substr(0, open));
      return person;
    }
  }
  // "Jane Doe <jane@example.com>"
  if (const auto open = view.rfind('<'); open != std::string_view::npos && view.ends_with(">")) {
    const std::string inside = strip_mailto(trim(view.substr(open + 1, view.size() - open - 2)));
    if (looks_like_email(inside)) {
      person.email = inside;
      person.name = html_to_plain_text(view.substr(0, open));
      if (person.name.size() >= 2 && person.name.front() == '"' && person.name.back() == '"')
        person.name = trim(std::string_view(person.name).substr(1, person.name.size() - 2));
      return person;
    }
  }
  const std::string whole = strip_mailto(trim(view));
  if (looks_like_email(whole))
    person.email = whole;
  else
    person.name = html_to_plain_text(whole);
  return person;
}

std::optional<std::string> decode_base64(std::string_view text) {
  std::string compact;
  compact.reserve(text.size());
  for (char c : text)
    if (!ascii::is_space(c)) compact.push_back(c);
  if (compact.size() % 4 != 0) return std::nullopt;
  std::string out(compact.size() / 4 * 3, '\0');
  const int written = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                      reinterpret_cast<const unsigned char*>(compact.data()),
                                      static_cast<int>(compact.size()));
  if (written < 0) return std::nullopt;
  std::size_t size = static_cast<std::size_t>(written);
  // EVP_DecodeBlock counts the padding as zero bytes.
  if (compact.ends_with("=="))
    size -= 2;
  else if (compact.ends_with("="))
    size -= 1;
  out.resize(size);
  return out;
}

namespace {

std::string to_hex(const unsigned char* digest, unsigned int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(std::size_t{length} * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

}  // namespace

std::string sha256_hex_joined(std::initializer_list<std::string_view> parts) {
  // Only the fallback item key uses this (rare): one joined copy is fine.
  std::string joined;
  bool first = true;
  for (std::string_view part : parts) {
    if (!first) joined += '\x1f';
    first = false;
    joined += part;
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(joined.data(), joined.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed (OpenSSL EVP_Digest)");
  return to_hex(digest.data(), length);
}

}  // namespace feeds::detail
