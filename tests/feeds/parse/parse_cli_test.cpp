// `newsd parse`: the output contract of the issue (one JSON object; JSON Lines
// for several files; exit 2 and a one-line reason for what is not a feed).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "run_newsd.h"

namespace {

using newsd::test::run_newsd;

std::string data(const std::string& name) {
  return "'" + std::string(NEWSD_TEST_DATA_DIR) + "/" + name + "'";
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(ParseCli, OneFilePrintsOneJsonObject) {
  const auto run = run_newsd("parse " + data("fixtures/kyiv-independent/feed.xml"));
  ASSERT_EQ(run.status, 0) << run.err;
  const boost::json::value feed = boost::json::parse(run.out);
  EXPECT_EQ(feed.at("format"), "rss2.0");
  EXPECT_EQ(feed.at("items").as_array().size(), 3u);
  EXPECT_EQ(feed.at("items").at(1).at("canonical_url"),
            "https://kyivindependent.com/elon-musk-publicly-supports-call-for-us-to-exit-nato-un/");
  EXPECT_EQ(lines(run.out).size(), 1u);
}

TEST(ParseCli, NotAFeedExitsDataErrorWithOneLineReason) {
  const auto run = run_newsd("parse " + data("feeds/notfeed_html.html"));
  EXPECT_EQ(run.status, 65);  // EX_DATAERR
  EXPECT_TRUE(run.out.empty()) << run.out;
  EXPECT_EQ(lines(run.err).size(), 1u) << run.err;
  EXPECT_NE(run.err.find("not a feed: an HTML page"), std::string::npos) << run.err;
}

TEST(ParseCli, SeveralFilesGiveJsonLinesInOrderAndFailWhenAnyFails) {
  const auto run =
      run_newsd("parse " + data("feeds/format_atom10.xml") + " " + data("feeds/notfeed_empty.xml") +
                " /nonexistent/feed.xml " + data("feeds/format_json11.json"));
  EXPECT_EQ(run.status, 66);  // EX_NOINPUT: a missing file outranks a file that is not a feed
  const auto out = lines(run.out);
  ASSERT_EQ(out.size(), 4u) << run.out;
  EXPECT_EQ(boost::json::parse(out[0]).at("format"), "atom1.0");
  const boost::json::value empty = boost::json::parse(out[1]);
  EXPECT_TRUE(std::string_view(empty.at("file").as_string()).ends_with("notfeed_empty.xml"));
  EXPECT_EQ(empty.at("error"), "not a feed: empty document");
  EXPECT_EQ(boost::json::parse(out[2]).at("file"), "/nonexistent/feed.xml");
  EXPECT_EQ(boost::json::parse(out[3]).at("format"), "json1.1");
}

TEST(ParseCli, StdinBaseUrlAndCharset) {
  const auto run = run_newsd("parse - --base-url https://b.example.com/dir/feed --charset windows-1251 < " +
                             data("feeds/encoding_http_charset_hint.xml"));
  ASSERT_EQ(run.status, 0) << run.err;
  const boost::json::value feed = boost::json::parse(run.out);
  EXPECT_EQ(feed.at("items").at(0).at("title"), "\u041f\u0440\u0438\u0432\u0456\u0442");
  const auto relative = run_newsd("parse --base-url https://b.example.com/dir/feed " +
                                  data("feeds/link_relative_unresolvable.xml"));
  ASSERT_EQ(relative.status, 0) << relative.err;
  EXPECT_EQ(boost::json::parse(relative.out).at("items").at(0).at("link"), "https://b.example.com/dir/p/3");
}

TEST(ParseCli, NoFileIsAUsageError) {
  const auto run = run_newsd("parse");
  EXPECT_EQ(run.status, 64);  // EX_USAGE
  EXPECT_NE(run.err.find("usage: newsd parse"), std::string::npos) << run.err;
}

}  // namespace
