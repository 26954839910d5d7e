#include "http/content_decoding.h"

#include <brotli/decode.h>
#include <fmt/core.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "core/strings.h"

namespace newsd::http {
namespace {

constexpr std::size_t kChunk = std::size_t{64} * 1024;

DecodedBody too_large(std::size_t limit, std::string_view coding) {
  return {{},
          DecodedBody::Error::too_large,
          fmt::format("{}-decoded body exceeds the limit of {} bytes (decompression bomb?)", coding, limit)};
}

// window_bits: 15+32 auto-detects zlib or gzip headers, -15 is raw deflate.
DecodedBody inflate_with(std::string_view input, int window_bits, std::size_t limit,
                         std::string_view coding) {
  z_stream stream{};
  if (inflateInit2(&stream, window_bits) != Z_OK)
    return {{}, DecodedBody::Error::corrupt, "zlib: out of memory"};
  const std::unique_ptr<z_stream, decltype(&inflateEnd)> guard(&stream, &inflateEnd);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  stream.avail_in = static_cast<uInt>(input.size());
  std::string out;
  int status = Z_OK;
  while (status != Z_STREAM_END) {
    const std::size_t before = out.size();
    out.resize(before + kChunk);
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + before);
    stream.avail_out = static_cast<uInt>(kChunk);
    status = inflate(&stream, Z_NO_FLUSH);
    out.resize(before + (kChunk - stream.avail_out));
    if (out.size() > limit) return too_large(limit, coding);
    if (status == Z_STREAM_END) {
      // gzip allows several members back to back (RFC 1952 §2.2).
      if (stream.avail_in > 0 && window_bits > 0 && inflateReset(&stream) == Z_OK) status = Z_OK;
      continue;
    }
    if (status == Z_BUF_ERROR && stream.avail_in == 0)
      return {{},
              DecodedBody::Error::corrupt,
              fmt::format("{}: body ends in the middle of the compressed stream", coding)};
    if (status != Z_OK && status != Z_BUF_ERROR)
      return {
          {},
          DecodedBody::Error::corrupt,
          fmt::format("{}: corrupt compressed data ({})", coding, stream.msg ? stream.msg : "zlib error")};
  }
  return {std::move(out), DecodedBody::Error::none, {}};
}

DecodedBody unbrotli(std::string_view input, std::size_t limit) {
  const std::unique_ptr<BrotliDecoderState, decltype(&BrotliDecoderDestroyInstance)> state(
      BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), &BrotliDecoderDestroyInstance);
  if (!state) return {{}, DecodedBody::Error::corrupt, "br: out of memory"};
  const auto* next_in = reinterpret_cast<const std::uint8_t*>(input.data());
  std::size_t avail_in = input.size();
  std::string out;
  for (;;) {
    const std::size_t before = out.size();
    out.resize(before + kChunk);
    auto* next_out = reinterpret_cast<std::uint8_t*>(out.data() + before);
    std::size_t avail_out = kChunk;
    const auto result =
        BrotliDecoderDecompressStream(state.get(), &avail_in, &next_in, &avail_out, &next_out, nullptr);
    out.resize(before + (kChunk - avail_out));
    if (out.size() > limit) return too_large(limit, "br");
    if (result == BROTLI_DECODER_RESULT_SUCCESS) break;
    if (result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) continue;
    if (result == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT)
      return {{}, DecodedBody::Error::corrupt, "br: body ends in the middle of the compressed stream"};
    return {{},
            DecodedBody::Error::corrupt,
            fmt::format("br: corrupt compressed data ({})",
                        BrotliDecoderErrorString(BrotliDecoderGetErrorCode(state.get())))};
  }
  return {std::move(out), DecodedBody::Error::none, {}};
}

DecodedBody decode_one(std::string_view coding, std::string input, std::size_t limit) {
  if (coding.empty() || coding == "identity") {
    if (input.size() > limit) return too_large(limit, "identity");
    return {std::move(input), DecodedBody::Error::none, {}};
  }
  if (coding == "gzip" || coding == "x-gzip") return inflate_with(input, 15 + 32, limit, coding);
  if (coding == "deflate") {
    // RFC 9110 says zlib-wrapped, but some servers send raw deflate.
    auto zlib = inflate_with(input, 15, limit, coding);
    if (zlib.error != DecodedBody::Error::corrupt) return zlib;
    return inflate_with(input, -15, limit, coding);
  }
  if (coding == "br") return unbrotli(input, limit);
  return {{}, DecodedBody::Error::unsupported, fmt::format("unsupported Content-Encoding '{}'", coding)};
}

}  // namespace

DecodedBody decode_content(std::string_view content_encoding, std::string input,
                           std::size_t max_decoded_bytes) {
  std::vector<std::string> codings;
  while (!content_encoding.empty()) {
    const auto comma = content_encoding.find(',');
    if (auto coding = core::to_lower(core::trim(content_encoding.substr(0, comma))); !coding.empty())
      codings.push_back(coding);
    content_encoding =
        comma == std::string_view::npos ? std::string_view{} : content_encoding.substr(comma + 1);
  }
  DecodedBody result{std::move(input), DecodedBody::Error::none, {}};
  if (codings.empty()) return decode_one("identity", std::move(result.body), max_decoded_bytes);
  for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
    result = decode_one(*it, std::move(result.body), max_decoded_bytes);
    if (result.error != DecodedBody::Error::none) return result;
  }
  return result;
}

}  // namespace newsd::http
