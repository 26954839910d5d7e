// feeds::content_hash: XXH3-128 of title U+001F summary U+001F content.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "feeds/fast_paths.h"
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

// The AVX2 build of xxhash.h and the system library must give the same digest
// (on a CPU without AVX2 there is only the library, and nothing to compare).
TEST(ContentHash, Avx2BuildAgreesWithTheSystemLibrary) {
  std::string content;
  std::uint32_t state = 7;
  for (std::size_t length : {0u, 1u, 15u, 16u, 17u, 63u, 64u, 65u, 127u, 240u, 241u, 1000u, 4096u, 100000u}) {
    content.clear();
    for (std::size_t i = 0; i < length; ++i) {
      state = state * 1103515245u + 12345u;
      content += static_cast<char>(state >> 16);
    }
    const auto avx2 = feeds::fast_paths::content_hash_avx2("title", content.substr(0, length / 3), content);
    const std::string baseline =
        feeds::fast_paths::content_hash_baseline("title", content.substr(0, length / 3), content);
    if (avx2) {
      EXPECT_EQ(*avx2, baseline) << length;
    }
    EXPECT_EQ(feeds::content_hash("title", content.substr(0, length / 3), content), baseline) << length;
  }
}

}  // namespace
