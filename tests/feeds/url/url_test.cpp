// resolve_url, canonical_url, is_tracking_parameter.
#include "feeds/url.h"

#include <gtest/gtest.h>

namespace {

using feeds::canonical_url;
using feeds::is_tracking_parameter;
using feeds::resolve_url;

TEST(ResolveUrl, RelativeReferences) {
  const char* base = "https://example.com/news/world/story.html?page=2";
  EXPECT_EQ(resolve_url(base, "other.html"), "https://example.com/news/world/other.html");
  EXPECT_EQ(resolve_url(base, "../sport/"), "https://example.com/news/sport/");
  EXPECT_EQ(resolve_url(base, "/about"), "https://example.com/about");
  EXPECT_EQ(resolve_url(base, "?page=3"), "https://example.com/news/world/story.html?page=3");
  EXPECT_EQ(resolve_url(base, "#comments"), "https://example.com/news/world/story.html?page=2#comments");
  EXPECT_EQ(resolve_url(base, "//cdn.example.net/img.jpg"), "https://cdn.example.net/img.jpg");
  EXPECT_EQ(resolve_url(base, "../../../../up"), "https://example.com/up");
}

TEST(ResolveUrl, WhitespaceTrimmedAndSpacesEncoded) {
  EXPECT_EQ(resolve_url("http://example.com/a/", "  b c.html \n"), "http://example.com/a/b%20c.html");
  EXPECT_EQ(resolve_url("http://example.com/", "\n/x\ty"), "http://example.com/xy");
}

TEST(ResolveUrl, AbsoluteReferenceIsNormalised) {
  EXPECT_EQ(resolve_url("", "HTTP://Example.COM:80/a/./b/../c"), "http://example.com/a/c");
  EXPECT_EQ(resolve_url("https://ignored.example/", "https://other.example/%7euser"),
            "https://other.example/~user");
  EXPECT_EQ(resolve_url("", "mailto:desk@example.com"), "mailto:desk@example.com");
}

TEST(ResolveUrl, NonAsciiPathsAndHosts) {
  EXPECT_EQ(resolve_url("https://example.com/", "/новини"),
            "https://example.com/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8");
  EXPECT_EQ(resolve_url("", "https://пример.рф/"), "https://xn--e1afmkfd.xn--p1ai/");
}

TEST(ResolveUrl, NoAbsoluteResult) {
  EXPECT_EQ(resolve_url("", "relative/path"), std::nullopt);
  EXPECT_EQ(resolve_url("not a url", "relative/path"), std::nullopt);
  EXPECT_EQ(resolve_url("/also/relative", "x"), std::nullopt);
}

TEST(ResolveUrl, EmptyReferenceIsTheBase) {
  EXPECT_EQ(resolve_url("https://example.com/a?b=1", ""), "https://example.com/a?b=1");
}

TEST(CanonicalUrl, LowercasesSchemeAndHostNotPath) {
  EXPECT_EQ(canonical_url("HTTPS://WWW.Example.COM/Path/To"), "https://www.example.com/Path/To");
}

TEST(CanonicalUrl, DropsDefaultPortKeepsOthers) {
  EXPECT_EQ(canonical_url("http://example.com:80/a"), "http://example.com/a");
  EXPECT_EQ(canonical_url("https://example.com:443/a"), "https://example.com/a");
  EXPECT_EQ(canonical_url("https://example.com:8443/a"), "https://example.com:8443/a");
  EXPECT_EQ(canonical_url("http://example.com:443/a"), "http://example.com:443/a");
  EXPECT_EQ(canonical_url("http://example.com:/a"), "http://example.com/a");
}

TEST(CanonicalUrl, DropsFragment) {
  EXPECT_EQ(canonical_url("https://example.com/story#comments"), "https://example.com/story");
}

TEST(CanonicalUrl, EmptyPathBecomesSlash) {
  EXPECT_EQ(canonical_url("https://example.com"), "https://example.com/");
  EXPECT_EQ(canonical_url("https://example.com?x=1"), "https://example.com/?x=1");
}

TEST(CanonicalUrl, PercentEncodingNormalised) {
  EXPECT_EQ(canonical_url("https://example.com/%7Euser/%61bc%2fdef%3a"),
            "https://example.com/~user/abc%2Fdef%3A");
  EXPECT_EQ(canonical_url("https://example.com/a b"), "https://example.com/a%20b");
  EXPECT_EQ(canonical_url("https://example.com/100%"), "https://example.com/100%25");
}

TEST(CanonicalUrl, DotSegmentsRemoved) {
  EXPECT_EQ(canonical_url("https://example.com/a/b/../c/./d"), "https://example.com/a/c/d");
}

TEST(CanonicalUrl, IdnToPunycode) {
  EXPECT_EQ(canonical_url("https://пример.рф/путь"),
            "https://xn--e1afmkfd.xn--p1ai/%D0%BF%D1%83%D1%82%D1%8C");
  EXPECT_EQ(canonical_url("http://bücher.example/"), "http://xn--bcher-kva.example/");
  EXPECT_EQ(canonical_url("http://BÜCHER.example/"), "http://xn--bcher-kva.example/");
  EXPECT_EQ(canonical_url("https://мвс.gov.ua/"), "https://xn--b1atq.gov.ua/");
  EXPECT_EQ(canonical_url("https://xn--bcher-kva.example/"), "https://xn--bcher-kva.example/");
  // Percent-encoded UTF-8 in the host is the same IDN.
  EXPECT_EQ(canonical_url("http://b%C3%BCcher.example/"), "http://xn--bcher-kva.example/");
}

TEST(CanonicalUrl, TrailingDotInHostRemoved) {
  EXPECT_EQ(canonical_url("https://example.com./a"), "https://example.com/a");
}

TEST(CanonicalUrl, TrackingParametersRemovedOthersKeptInOrder) {
  EXPECT_EQ(canonical_url("https://example.com/a?utm_source=rss&id=7&utm_medium=feed&b=2&fbclid=XYZ"),
            "https://example.com/a?id=7&b=2");
  EXPECT_EQ(canonical_url("https://example.com/a?z=1&a=2&m=3"), "https://example.com/a?z=1&a=2&m=3");
  EXPECT_EQ(canonical_url("https://example.com/a?gclid=1&mc_cid=2&mc_eid=3&yclid=4&igshid=5&ref_src=6"),
            "https://example.com/a");
  EXPECT_EQ(canonical_url("https://example.com/a?UTM_Campaign=x&flag"), "https://example.com/a?flag");
  EXPECT_EQ(canonical_url("https://example.com/a?"), "https://example.com/a");
}

TEST(CanonicalUrl, QueryValuesKeepTheirEncoding) {
  EXPECT_EQ(canonical_url("https://example.com/search?q=a+b&x=%2f"),
            "https://example.com/search?q=a+b&x=%2F");
}

TEST(CanonicalUrl, IPv6AndIPv4Hosts) {
  EXPECT_EQ(canonical_url("http://[2001:DB8::1]:80/x"), "http://[2001:db8::1]/x");
  EXPECT_EQ(canonical_url("http://192.168.0.1:8080/x"), "http://192.168.0.1:8080/x");
}

TEST(CanonicalUrl, RejectsWhatIsNotAbsoluteHttp) {
  EXPECT_EQ(canonical_url("ftp://example.com/file"), std::nullopt);
  EXPECT_EQ(canonical_url("/relative"), std::nullopt);
  EXPECT_EQ(canonical_url("mailto:a@example.com"), std::nullopt);
  EXPECT_EQ(canonical_url("javascript:alert(1)"), std::nullopt);
  EXPECT_EQ(canonical_url(""), std::nullopt);
  EXPECT_EQ(canonical_url("http://"), std::nullopt);
  EXPECT_EQ(canonical_url("http:///path"), std::nullopt);
}

TEST(CanonicalUrl, Idempotent) {
  for (const char* url :
       {"https://example.com/a?b=1&c=2", "http://xn--bcher-kva.example/x%20y", "https://example.com/"}) {
    auto once = canonical_url(url);
    ASSERT_TRUE(once) << url;
    EXPECT_EQ(canonical_url(*once), once);
  }
}

TEST(TrackingParameters, TheList) {
  for (const char* name : {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content",
                           "UTM_SOURCE", "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "yclid",
                           "igshid", "ref_src", "_hsenc", "_hsmi", "mkt_tok"}) {
    EXPECT_TRUE(is_tracking_parameter(name)) << name;
  }
  for (const char* name : {"id", "page", "q", "utm", "ref", "source", "p", "s"}) {
    EXPECT_FALSE(is_tracking_parameter(name)) << name;
  }
}

}  // namespace
