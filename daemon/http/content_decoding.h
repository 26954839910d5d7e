#pragma once
// Content-Encoding: gzip, deflate (zlib) and br (libbrotli), with a hard cap
// on the decoded size so a decompression bomb is cut off, not inflated.
#include <cstddef>
#include <string>
#include <string_view>

namespace newsd::http {

// The Accept-Encoding value matching what decode_content understands.
inline constexpr std::string_view kAcceptEncoding = "gzip, deflate, br";

struct DecodedBody {
  enum class Error { none, unsupported, corrupt, too_large };
  std::string body;
  Error error = Error::none;
  std::string message;  // empty when error == none
};

// Decodes `input` by the codings listed in a Content-Encoding header value
// (applied in order, so undone in reverse). Never produces more than
// `max_decoded_bytes`: the decoder stops as soon as the output would exceed it.
DecodedBody decode_content(std::string_view content_encoding, std::string input,
                           std::size_t max_decoded_bytes);

}  // namespace newsd::http
