#pragma once
// Private: RFC 3492 Punycode and the IDNA host conversion canonical_url needs
// (Boost.URL has no IDN support, and Debian's libidn2 is not a dependency).
#include <optional>
#include <string>
#include <string_view>

namespace feeds::punycode {

// Encodes one label's code points (no "xn--" prefix); nullopt on overflow.
std::optional<std::string> encode(std::u32string_view label);

// A UTF-8 host name to its ASCII form: labels split on '.' (and the
// ideographic full stops IDNA treats as dots), letters lowercased (ASCII,
// Latin-1, Latin Extended-A, Greek, Cyrillic, Armenian, fullwidth), and every
// label with non-ASCII characters written as "xn--" + Punycode. This is the
// subset of UTS #46 mapping that real feed URLs need; no NFC normalisation.
// nullopt for invalid UTF-8 or a label Punycode cannot encode.
std::optional<std::string> host_to_ascii(std::string_view utf8_host);

}  // namespace feeds::punycode
