// Item::content_hash. XXH3 rather than SHA-256: the hash covers every byte of
// every item's content, and SHA-256 was 12 % of a whole feed parse even with
// the CPU's SHA instructions, where XXH3 runs at memory speed. Change
// detection needs no resistance to forgery: whoever could forge a collision
// publishes the feed and can simply leave the item unedited.
#include <xxhash.h>

#include <array>
#include <memory>
#include <optional>
#include <stdexcept>

#include "content_hash_parts.h"
#include "feeds/fast_paths.h"
#include "feeds/feed.h"

namespace feeds {

namespace {

struct StateDeleter {
  void operator()(XXH3_state_t* state) const { XXH3_freeState(state); }
};

std::string to_hex(const unsigned char (&digest)[16]) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(2 * sizeof digest, '0');  // written in place: no capacity check per character
  for (std::size_t i = 0; i < sizeof digest; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return out;
}

bool have_avx2() {
#if defined(NEWSD_CONTENT_HASH_AVX2)
  static const bool supported = __builtin_cpu_supports("avx2");
  return supported;
#else
  return false;
#endif
}

}  // namespace

std::string content_hash(std::string_view title, std::string_view summary, std::string_view content) {
  if (auto avx2 = fast_paths::content_hash_avx2(title, summary, content)) return *std::move(avx2);
  return fast_paths::content_hash_baseline(title, summary, content);
}

namespace fast_paths {

std::string content_hash_baseline(std::string_view title, std::string_view summary,
                                  std::string_view content) {
  // One state per thread, reset per item: creating one allocates 576 bytes
  // (and the shared library's state stays opaque, so its layout may change).
  static thread_local const std::unique_ptr<XXH3_state_t, StateDeleter> state(XXH3_createState());
  if (!state || XXH3_128bits_reset(state.get()) != XXH_OK) throw std::runtime_error("XXH3 state unavailable");
  bool first = true;
  for (std::string_view part : {title, summary, content}) {
    if (!first) XXH3_128bits_update(state.get(), "\x1f", 1);
    first = false;
    XXH3_128bits_update(state.get(), part.data(), part.size());
  }
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(state.get()));
  unsigned char digest[16];
  for (std::size_t i = 0; i < 16; ++i) digest[i] = canonical.digest[i];
  return to_hex(digest);
}

std::optional<std::string> content_hash_avx2(std::string_view title, std::string_view summary,
                                             std::string_view content) {
#if defined(NEWSD_CONTENT_HASH_AVX2)
  unsigned char digest[16];
  if (have_avx2() && detail::xxh3_128_parts_avx2({title, summary, content}, digest)) return to_hex(digest);
#else
  (void)title;
  (void)summary;
  (void)content;
#endif
  return std::nullopt;
}

}  // namespace fast_paths

}  // namespace feeds
