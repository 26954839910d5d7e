#include "http/content_decoding.h"

#include <gtest/gtest.h>

#include "test_server.h"

namespace newsd::http {
namespace {

using Error = DecodedBody::Error;

TEST(ContentDecoding, RoundTripsEveryCoding) {
  const std::string text = "<rss>" + std::string(10000, 'z') + "</rss>";
  EXPECT_EQ(decode_content("gzip", test::gzip(text), 1 << 20).body, text);
  EXPECT_EQ(decode_content("x-gzip", test::gzip(text), 1 << 20).body, text);
  EXPECT_EQ(decode_content("deflate", test::zlib_deflate(text), 1 << 20).body, text);
  EXPECT_EQ(decode_content("br", test::brotli(text), 1 << 20).body, text);
  EXPECT_EQ(decode_content("", text, 1 << 20).body, text);
  EXPECT_EQ(decode_content("identity", text, 1 << 20).body, text);
  EXPECT_EQ(decode_content(" GZIP ", test::gzip(text), 1 << 20).body, text);
}

TEST(ContentDecoding, RawDeflateFromNonConformingServers) {
  const std::string text(3000, 'q');
  auto zlib = test::zlib_deflate(text);
  const std::string raw = zlib.substr(2, zlib.size() - 6);  // strip the zlib header and Adler-32
  const auto decoded = decode_content("deflate", raw, 1 << 20);
  ASSERT_EQ(decoded.error, Error::none) << decoded.message;
  EXPECT_EQ(decoded.body, text);
}

TEST(ContentDecoding, StackedCodingsAreUndoneInReverse) {
  const std::string text = "stacked";
  const auto decoded = decode_content("gzip, br", test::brotli(test::gzip(text)), 1024);
  ASSERT_EQ(decoded.error, Error::none) << decoded.message;
  EXPECT_EQ(decoded.body, text);
}

TEST(ContentDecoding, BombsStopAtTheLimit) {
  const std::string zeros(8 * 1024 * 1024, '\0');
  for (const auto& [coding, encoded] : {std::pair<std::string, std::string>{"gzip", test::gzip(zeros)},
                                        {"deflate", test::zlib_deflate(zeros)},
                                        {"br", test::brotli(zeros)}}) {
    const auto decoded = decode_content(coding, encoded, 100'000);
    EXPECT_EQ(decoded.error, Error::too_large) << coding;
    EXPECT_TRUE(decoded.body.empty());
    EXPECT_NE(decoded.message.find("100000"), std::string::npos) << decoded.message;
    EXPECT_EQ(decode_content(coding, encoded, zeros.size()).body.size(), zeros.size())
        << "exactly at the limit";
  }
  EXPECT_EQ(decode_content("", std::string(101, 'x'), 100).error, Error::too_large);
}

TEST(ContentDecoding, CorruptTruncatedAndUnknown) {
  const auto gz = test::gzip(std::string(5000, 'a'));
  EXPECT_EQ(decode_content("gzip", "garbage", 1024).error, Error::corrupt);
  EXPECT_EQ(decode_content("gzip", gz.substr(0, gz.size() / 2), 1 << 20).error, Error::corrupt);
  EXPECT_EQ(decode_content("br", "garbage!", 1024).error, Error::corrupt);
  const auto br = test::brotli(std::string(5000, 'a') + std::string(5000, 'b'));
  EXPECT_EQ(decode_content("br", br.substr(0, br.size() / 2), 1 << 20).error, Error::corrupt);
  const auto unknown = decode_content("compress", "x", 1024);
  EXPECT_EQ(unknown.error, Error::unsupported);
  EXPECT_NE(unknown.message.find("compress"), std::string::npos);
}

}  // namespace
}  // namespace newsd::http
