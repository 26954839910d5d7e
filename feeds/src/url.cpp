// URL resolution and canonicalisation on Boost.URL, plus the one list of
// tracking parameters canonical_url removes.
#include "feeds/url.h"

#include <boost/url.hpp>

#include <algorithm>
#include <array>

#include "punycode.h"

namespace feeds {

namespace {

// Query parameters that only identify a campaign, a click or a subscriber.
// Names are compared case-insensitively; entries ending in '*' are prefixes.
constexpr std::string_view kTrackingParameters[] = {
    "utm_*",        // Google Analytics campaign tags (utm_source, utm_medium, ...)
    "fbclid",       // Facebook click id
    "gclid",        // Google Ads click id
    "gclsrc",       //   and its source
    "dclid",        // Google Display click id
    "gbraid",       // Google iOS click ids
    "wbraid",
    "msclkid",      // Microsoft Ads click id
    "mc_cid",       // Mailchimp campaign and subscriber ids
    "mc_eid",
    "yclid",        // Yandex click id
    "_openstat",    // Yandex/Openstat campaign tag
    "igshid",       // Instagram share id
    "igsh",
    "ref_src",      // Twitter embed referrer
    "ref_url",
    "twclid",       // Twitter click id
    "ttclid",       // TikTok click id
    "li_fat_id",    // LinkedIn click id
    "_hsenc",       // HubSpot
    "_hsmi",
    "__hssc",
    "__hstc",
    "__hsfp",
    "hsctatracking",
    "mkt_tok",      // Marketo
    "_ga",          // Google Analytics cross-domain linker
    "_gl",
    "oly_anon_id",  // Omeda
    "oly_enc_id",
    "rb_clickid",   // Rakuten
    "s_cid",        // Adobe campaign id
    "vero_conv",    // Vero
    "vero_id",
    "wickedid",     // Wicked Reports
    "sr_share",     // SimpleReach
    "at_medium",    // AT Internet
    "at_campaign",
    "cmpid",        // Adobe/Omniture campaign id as used by news sites
    "ncid",         // Yahoo/AOL network campaign id
    "guccounter",   // Yahoo consent redirect
    "guce_referrer",
    "guce_referrer_sig",
};

bool is_space_or_control(char c) { return static_cast<unsigned char>(c) <= 0x20; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space_or_control(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space_or_control(text.back())) text.remove_suffix(1);
  return text;
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Makes what people write in href attributes parseable as an RFC 3986
// reference, as browsers do: tabs and newlines removed, spaces, non-ASCII
// bytes and other characters URIs cannot hold percent-encoded, a '%' not
// followed by two hex digits written as %25.
std::string to_uri_syntax(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() + 8);
  // The authority (where '[' and ']' delimit IPv6 literals) follows "//".
  std::size_t scheme_end = text.find(':');
  std::size_t first_delimiter = text.find_first_of("/?#");
  std::size_t authority_start = std::string_view::npos;
  if (text.starts_with("//")) {
    authority_start = 2;
  } else if (scheme_end != std::string_view::npos && (first_delimiter == std::string_view::npos || scheme_end < first_delimiter) &&
             text.substr(scheme_end + 1).starts_with("//")) {
    authority_start = scheme_end + 3;
  }
  std::size_t authority_end = authority_start == std::string_view::npos
                                  ? std::string_view::npos
                                  : std::min(text.find_first_of("/?#", authority_start), text.size());
  bool in_fragment = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    auto byte = static_cast<unsigned char>(c);
    if (c == '\t' || c == '\n' || c == '\r') continue;
    bool in_authority = authority_start != std::string_view::npos && i >= authority_start && i < authority_end;
    bool encode = byte <= 0x20 || byte >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' ||
                  c == '`' || c == '{' || c == '|' || c == '}';
    if ((c == '[' || c == ']') && !in_authority) encode = true;
    if (c == '#' && in_fragment) encode = true;
    if (c == '%' && !(i + 2 < text.size() && is_hex(text[i + 1]) && is_hex(text[i + 2]))) encode = true;
    if (c == '#') in_fragment = true;
    if (encode) {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

// Lowercase ASCII form of a host whose name is percent-encoded UTF-8 (an IDN
// typed into a feed), in Punycode. Returns false when it cannot be converted.
bool normalise_host(boost::urls::url& url) {
  if (url.host_type() != boost::urls::host_type::name) return true;
  std::string host = url.host();
  while (!host.empty() && host.back() == '.') host.pop_back();  // "example.com." is example.com
  bool ascii = std::all_of(host.begin(), host.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    for (char& c : host) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
  } else {
    auto converted = punycode::host_to_ascii(host);
    if (!converted) return false;
    host = std::move(*converted);
  }
  if (host.empty()) return false;
  url.set_host(host);
  return true;
}

void drop_default_port(boost::urls::url& url) {
  if (!url.has_port()) return;
  std::string_view scheme = url.scheme();
  if (url.port().empty() || (scheme == "http" && url.port() == "80") || (scheme == "https" && url.port() == "443")) {
    url.remove_port();
  }
}

std::optional<boost::urls::url> parse_absolute(std::string_view text) {
  std::string cleaned = to_uri_syntax(trim(text));
  auto parsed = boost::urls::parse_uri(cleaned);  // a view into `cleaned`: copy it before returning
  if (!parsed) return std::nullopt;
  return boost::urls::url(*parsed);
}

// Scheme, host, percent-encoding and dot segments; IDN hosts to Punycode.
bool normalise(boost::urls::url& url) {
  url.normalize();
  if (url.has_authority() && !normalise_host(url)) return false;
  drop_default_port(url);
  if (url.has_authority() && url.encoded_path().empty()) url.set_encoded_path("/");
  return true;
}

}  // namespace

bool is_tracking_parameter(std::string_view name) {
  std::string lowered(name);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  for (std::string_view entry : kTrackingParameters) {
    if (entry.ends_with('*') ? std::string_view(lowered).starts_with(entry.substr(0, entry.size() - 1))
                             : lowered == entry) {
      return true;
    }
  }
  return false;
}

std::optional<std::string> resolve_url(std::string_view base, std::string_view reference) {
  try {
    std::string cleaned = to_uri_syntax(trim(reference));
    auto ref = boost::urls::parse_uri_reference(cleaned);
    if (!ref) return std::nullopt;
    boost::urls::url result;
    if (ref->has_scheme()) {
      result = boost::urls::url(*ref);
    } else {
      auto base_url = parse_absolute(base);
      if (!base_url) return std::nullopt;
      if (!boost::urls::resolve(*base_url, *ref, result)) return std::nullopt;
    }
    if (!normalise(result)) return std::nullopt;
    return std::string(result.buffer());
  } catch (const std::exception&) {  // Boost.URL throws on inputs its setters reject
    return std::nullopt;
  }
}

std::optional<std::string> canonical_url(std::string_view text) {
  try {
    auto url = parse_absolute(text);
    if (!url) return std::nullopt;
    std::string scheme = url->scheme();
    for (char& c : scheme) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    if ((scheme != "http" && scheme != "https") || !url->has_authority() || url->encoded_host().empty()) {
      return std::nullopt;
    }
    if (!normalise(*url)) return std::nullopt;
    url->remove_fragment();
    if (url->has_query()) {
      std::string kept;
      for (auto param : url->encoded_params()) {
        if (is_tracking_parameter(param.key.decode())) continue;
        if (!kept.empty()) kept += '&';
        kept.append(param.key.data(), param.key.size());
        if (param.has_value) {
          kept += '=';
          kept.append(param.value.data(), param.value.size());
        }
      }
      if (kept.empty()) {
        url->remove_query();
      } else {
        url->set_encoded_query(kept);
      }
    }
    return std::string(url->buffer());
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace feeds
