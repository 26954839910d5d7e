// feeds::content_hash: XXH3-128 of title U+001F summary U+001F content.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "feeds/feed.h"

namespace {

TEST(ContentHash, MatchesTheReferenceImplementation) {
  // printf 'T\x1fS\x1fC' | xxh128sum  (xxhash's own command-line tool)
  EXPECT_EQ(feeds::content_hash("T", "S", "C"), "e8626631bb635abe7462da617ce212fc");
  // printf 'No link\x1fBody\x1f' | xxh128sum
  EXPECT_EQ(feeds::content_hash("No link", "Body", ""), "426f30d22a5a8454d6f388c5c387f5a3");
}

TEST(ContentHash, SeparatesTheFields) {
  EXPECT_NE(feeds::content_hash("ab", "", ""), feeds::content_hash("a", "b", ""));
  EXPECT_NE(feeds::content_hash("", "x", ""), feeds::content_hash("", "", "x"));
}

TEST(ContentHash, IsStableAndReusableAcrossCalls) {
  const std::string long_content(1 << 20, 'z');
  const std::string first = feeds::content_hash("title", "summary", long_content);
  EXPECT_EQ(feeds::content_hash("other", "", ""), feeds::content_hash("other", "", ""));
  EXPECT_EQ(first, feeds::content_hash("title", "summary", long_content));
  EXPECT_EQ(first.size(), 32u);
  EXPECT_EQ(first.find_first_not_of("0123456789abcdef"), std::string::npos);
}

}  // namespace

namespace {

// The one-shot XXH3-128 of the joined string, from xxhash.h in its inline
// (header-only) mode: content_hash streams the three parts through the
// system library's state, and the two must give the same digest on either
// side of XXH3's internal buffer sizes.
std::string one_shot_hex(const std::string& joined) {
  XXH128_canonical_t canonical;
  XXH128_canonicalFromHash(&canonical, XXH3_128bits(joined.data(), joined.size()));
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : canonical.digest) {
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
  }
  return out;
}

TEST(ContentHash, StreamedPartsEqualTheOneShotHashOfTheJoinedString) {
  std::string content;
  std::uint32_t state = 7;
  for (std::size_t length : {0u, 1u, 15u, 16u, 17u, 63u, 64u, 65u, 127u, 240u, 241u, 1000u, 4096u, 100000u}) {
    content.clear();
    for (std::size_t i = 0; i < length; ++i) {
      state = state * 1103515245u + 12345u;
      content += static_cast<char>(state >> 16);
    }
    const std::string summary = content.substr(0, length / 3);
    EXPECT_EQ(feeds::content_hash("title", summary, content),
              one_shot_hex("title\x1f" + summary + "\x1f" + content))
        << length;
  }
}

}  // namespace
