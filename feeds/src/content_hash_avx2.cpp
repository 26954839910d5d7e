// XXH3-128 over the parts of an item, compiled with AVX2 (feeds/CMakeLists.txt
// sets -mavx2 on this file alone) from the installed xxhash.h in its inline
// mode: Debian's libxxhash is built for baseline x86-64 (SSE2), and the hash
// reads every byte of every item. content_hash.cpp calls this only when the
// CPU reports AVX2; the result is the same digest either way (tested).
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "content_hash_parts.h"

namespace feeds::detail {

bool xxh3_128_parts_avx2(std::initializer_list<std::string_view> parts, unsigned char (&digest)[16]) {
  XXH3_state_t state;
  if (XXH3_128bits_reset(&state) != XXH_OK) return false;
  bool first = true;
  for (std::string_view part : parts) {
    if (!first) XXH3_128bits_update(&state, "\x1f", 1);
    first = false;
    XXH3_128bits_update(&state, part.data(), part.size());
  }
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(&state));
  for (std::size_t i = 0; i < 16; ++i) digest[i] = canonical.digest[i];
  return true;
}

}  // namespace feeds::detail
