// feeds::content_hash: XXH3-128 of title U+001F summary U+001F content.
#include <gtest/gtest.h>

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
