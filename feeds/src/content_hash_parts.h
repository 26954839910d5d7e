#pragma once
// Private: the AVX2 build of the content hash (content_hash_avx2.cpp), for
// content_hash.cpp to call when the CPU has AVX2.
#include <initializer_list>
#include <string_view>

namespace feeds::detail {

// XXH3-128 of the parts joined with U+001F, canonical byte order, into `digest`.
bool xxh3_128_parts_avx2(std::initializer_list<std::string_view> parts, unsigned char (&digest)[16]);

}  // namespace feeds::detail
