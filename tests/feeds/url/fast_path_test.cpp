// The clean-URL fast paths must agree with the general code byte for byte
// whenever they accept: the resolver and the canonicaliser against Boost.URL,
// over generated references and every byte value at every position. (The
// sanitiser's fast path has its own in tests/feeds/html/fast_path_test.cpp.)
#include "feeds/testing/fast_paths.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "feeds/url.h"

namespace {

TEST(FastPath, UrlResolverAgreesWithBoostUrl) {
  const char* const bases[] = {"https://news.example.com/2025/03/story.html",
                               "HTTP://News.Example.COM:80/a/b",
                               "https://user:pw@example.com:8443/x/",
                               "https://example.com",
                               "https://blog.example.org/",
                               "https://example.com/a/b/..",
                               "https://example.com/a/./b/c",
                               "https://example.com/%7Ea/b",
                               "https://example.com/a%20b/c",
                               "https://example.com/a/b?q=1#f",
                               "ftp://files.example.com/pub/",
                               "not a url",
                               ""};
  std::size_t accepted = 0;
  std::mt19937 random(7);
  const std::string pieces[] = {"https://", "http://", "HTTPS://", "/",   "//", "a",   "B",    "example.com",
                                ".",        "..",      "%41",      "%2f", "?",  "#",   "=",    "&",
                                ":",        "@",       "80",       " ",   "\t", "é",   "[",    "]",
                                "-",        "_",       "~",        "!",   "$",  "'()", "*+,;", "|"};
  std::vector<std::string> references = {"https://example.com/a",
                                         "https://example.com",
                                         "https://example.com?x",
                                         "https://example.com#y",
                                         "/images/1.jpg",
                                         "/",
                                         "/a/./b",
                                         "/a/../b",
                                         "/.",
                                         "/a/.hidden/..x",
                                         "https://example.com./",
                                         "https://a..b/",
                                         "https://1.2.3.4/x",
                                         "https://xn--80ak6aa92e.com/",
                                         "https://example.com/a?b#c?d/e",
                                         "posts/1",
                                         "posts/1?x=2#y",
                                         "./posts/1",
                                         "../posts/1",
                                         "posts/../1",
                                         "a:b/c",
                                         "a/b:c",
                                         "?q",
                                         "#f",
                                         "."};
  for (int i = 0; i < 20000; ++i) {
    std::string reference;
    const int length = std::uniform_int_distribution<int>(1, 8)(random);
    for (int j = 0; j < length; ++j)
      reference += pieces[std::uniform_int_distribution<std::size_t>(0, std::size(pieces) - 1)(random)];
    references.push_back(std::move(reference));
  }
  for (const char* base : bases) {
    for (const auto& reference : references) {
      auto fast = feeds::fast_paths::resolve_url_fast(base, reference);
      if (!fast) continue;
      ++accepted;
      EXPECT_EQ(fast, feeds::fast_paths::resolve_url_general(base, reference))
          << "base: " << base << " reference: " << reference;
      EXPECT_EQ(fast, feeds::resolve_url(base, reference)) << "base: " << base << " reference: " << reference;
    }
  }
  EXPECT_GT(accepted, 1000u);
}

// The fast path reads sixteen bytes at a time (the last sixteen overlapping,
// short tails padded): every byte value, at every position of tails and hosts
// of lengths around the multiples of 16 and 8.
TEST(FastPath, UrlResolverAgreesOnEveryByteAtEveryPosition) {
  std::size_t accepted = 0, compared = 0;
  for (int byte = 1; byte < 256; ++byte) {
    for (std::size_t length : {1, 2, 3, 7, 8, 9, 14, 15, 16, 17, 18, 23, 31, 32, 33, 40}) {
      for (std::size_t at = 0; at < length; ++at) {
        std::string tail(length, 'x');
        tail[0] = '/';
        tail[at] = static_cast<char>(byte);
        for (const std::string& reference :
             {"https://example.com" + tail, "https://" + std::string(length, 'h') + ".example" + tail,
              "/p" + tail, "/a/" + tail + "#f", "https://" + tail.substr(1) + "/x"}) {
          ++compared;
          auto fast = feeds::fast_paths::resolve_url_fast("https://news.example.com/a/b", reference);
          if (!fast) continue;
          ++accepted;
          ASSERT_EQ(fast, feeds::fast_paths::resolve_url_general("https://news.example.com/a/b", reference))
              << "reference: " << reference;
        }
      }
    }
  }
  EXPECT_GT(accepted, compared / 4);
}

TEST(FastPath, UrlResolverTakesRelativePathsAgainstCleanBases) {
  EXPECT_EQ(feeds::fast_paths::resolve_url_fast("https://blog.example.org/", "posts/1"),
            "https://blog.example.org/posts/1");
  EXPECT_EQ(feeds::fast_paths::resolve_url_fast("https://Blog.Example.org:443/a/b.html?q#f", "c/d?e"),
            "https://blog.example.org/a/c/d?e");
  EXPECT_EQ(feeds::fast_paths::resolve_url_fast("https://example.com", "x"), "https://example.com/x");
  // Left to Boost.URL: dot segments anywhere, a base path normalising would change, a scheme.
  EXPECT_FALSE(feeds::fast_paths::resolve_url_fast("https://example.com/a/", "../x"));
  EXPECT_FALSE(feeds::fast_paths::resolve_url_fast("https://example.com/a/../b/", "x"));
  EXPECT_FALSE(feeds::fast_paths::resolve_url_fast("https://example.com/%7Ea/", "x"));
  EXPECT_FALSE(feeds::fast_paths::resolve_url_fast("https://example.com/a/", "mailto:x@example.com"));
  EXPECT_EQ(feeds::fast_paths::resolve_url_general("https://example.com/a/b/..", "x"),
            feeds::fast_paths::resolve_url_fast("https://example.com/a/b/..", "x"));
}

TEST(FastPath, CanonicalUrlAgreesWithBoostUrl) {
  std::mt19937 random(11);
  const std::string pieces[] = {
      "utm_source=rss", "utm_medium", "fbclid=1",       "a=1", "=x", "&",   "&&", "?",
      "#frag",          "b=c=d",      "UTM_Campaign=2", "x",   "+",  "%41", "/",  ".."};
  std::size_t accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string url = std::uniform_int_distribution<int>(0, 1)(random) ? "https://news.example.com/story/1"
                                                                       : "http://example.com";
    const int length = std::uniform_int_distribution<int>(0, 6)(random);
    for (int j = 0; j < length; ++j)
      url += pieces[std::uniform_int_distribution<std::size_t>(0, std::size(pieces) - 1)(random)];
    auto fast = feeds::fast_paths::canonical_url_fast(url);
    if (!fast) continue;
    ++accepted;
    EXPECT_EQ(fast, feeds::fast_paths::canonical_url_general(url)) << url;
    EXPECT_EQ(fast, feeds::canonical_url(url)) << url;
  }
  EXPECT_GT(accepted, 1000u);
}

}  // namespace
