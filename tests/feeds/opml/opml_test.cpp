#include "feeds/opml.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <ostream>
#include <sstream>

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace feeds {
// Readable failure messages for source comparisons.
void PrintTo(const OpmlSource& source, std::ostream* out) {
  *out << "{" << source.url << " title=" << source.title.value_or("<none>")
       << " site=" << source.site_url.value_or("<none>") << " category=";
  for (const auto& segment : source.category) *out << "/" << segment;
  *out << " line=" << source.line << "}";
}
}  // namespace feeds

namespace {

std::vector<feeds::OpmlSource> sorted_by_url(std::vector<feeds::OpmlSource> sources) {
  std::sort(sources.begin(), sources.end(), [](const auto& a, const auto& b) { return a.url < b.url; });
  return sources;
}

std::string read_data(const std::string& name) {
  std::ifstream in(std::string(NEWSD_TEST_DATA_DIR) + "/opml/" + name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The Error a document produces; fails the test when it parses.
feeds::Error error_of(const std::string& bytes) {
  auto parsed = feeds::parse_opml(bytes);
  if (!parsed) return parsed.error();
  ADD_FAILURE() << "parsed without error:\n" << bytes;
  return feeds::Error{feeds::ErrorCode::invalid_opml, "no error", -1};
}

TEST(Opml, NestedOutlinesBecomeCategoryPaths) {
  auto document = feeds::parse_opml(read_data("nested.opml")).value();
  EXPECT_EQ(document.title, "My feeds");
  ASSERT_EQ(document.sources.size(), 4u);
  EXPECT_TRUE(document.warnings.empty());

  const auto& top = document.sources[0];
  EXPECT_EQ(top.url, "https://top.example/feed.xml");
  EXPECT_EQ(top.title, "Top level");
  EXPECT_TRUE(top.category.empty());
  EXPECT_EQ(top.line, 7);

  const auto& kyiv = document.sources[1];
  EXPECT_EQ(kyiv.url, "https://kyivindependent.com/news-archive/rss/");
  EXPECT_EQ(kyiv.title, "The Kyiv Independent");
  EXPECT_EQ(kyiv.site_url, "https://kyivindependent.com/");
  EXPECT_THAT(kyiv.category, ElementsAre("News", "Europe"));
  EXPECT_EQ(kyiv.options.interval, 30min);
  EXPECT_EQ(kyiv.options.articles, true);
  EXPECT_EQ(kyiv.line, 10);

  const auto& text_only = document.sources[2];
  EXPECT_EQ(text_only.title, "Text only");  // no title attribute: text is the title
  EXPECT_THAT(text_only.category, ElementsAre("News", "Europe"));
  EXPECT_EQ(text_only.options.min_interval, 5min);
  EXPECT_EQ(text_only.options.host_rate, (feeds::HostRate{2, 1s}));
  EXPECT_EQ(text_only.options.insecure, true);
  EXPECT_EQ(text_only.options.articles, false);

  const auto& tech = document.sources[3];
  EXPECT_THAT(tech.category, ElementsAre("Tech"));
  EXPECT_FALSE(tech.title.has_value());
  EXPECT_TRUE(tech.options.empty());
}

TEST(Opml, ReadsOpml1WithoutNamespaceDeclaration) {
  auto document =
      feeds::parse_opml(
          "<?xml version=\"1.0\"?>\n<opml version=\"1.0\"><head/><body>\n"
          "<outline text=\"A\" type=\"rss\" xmlurl=\"http://a.example/rss\" newsd:interval=\"1h\"/>\n"
          "</body></opml>")
          .value();
  ASSERT_EQ(document.sources.size(), 1u);
  EXPECT_EQ(document.sources[0].url, "http://a.example/rss");
  EXPECT_EQ(document.sources[0].options.interval, 1h);
  EXPECT_FALSE(document.title.has_value());
}

TEST(Opml, AnyPrefixBoundToTheNamespaceWorksAndOtherNamespacesAreIgnored) {
  auto document =
      feeds::parse_opml(
          "<opml version=\"2.0\" xmlns:n=\"https://newsd.dev/ns/opml/1\" xmlns:newsd=\"urn:other\">"
          "<body><outline text=\"A\" xmlUrl=\"https://a.example/\" n:interval=\"2h\" "
          "newsd:interval=\"nonsense\" other:x=\"y\"/></body></opml>")
          .value();
  ASSERT_EQ(document.sources.size(), 1u);
  EXPECT_EQ(document.sources[0].options.interval, 2h);
}

TEST(Opml, DuplicateUrlsAreMergedWithAWarning) {
  auto document = feeds::parse_opml(read_data("duplicates.opml")).value();
  ASSERT_EQ(document.sources.size(), 2u);
  const auto& merged = document.sources[0];
  EXPECT_EQ(merged.url, "https://dup.example/feed");
  EXPECT_EQ(merged.title, "First");                    // the first occurrence wins
  EXPECT_EQ(merged.site_url, "https://dup.example/");  // filled in from the second
  EXPECT_EQ(merged.options.interval, 10min);
  EXPECT_EQ(merged.options.articles, false);
  ASSERT_EQ(document.warnings.size(), 2u);
  EXPECT_EQ(document.warnings[0].line, 6);
  EXPECT_THAT(document.warnings[0].message, HasSubstr("duplicate xmlUrl https://dup.example/feed"));
  EXPECT_THAT(document.warnings[0].message, HasSubstr("first at line 4"));
  EXPECT_EQ(document.warnings[1].line, 9);
  EXPECT_THAT(document.warnings[1].message, HasSubstr("keeping its values"));
}

struct BrokenCase {
  const char* name;
  const char* document;
  int line;
  const char* reason;
};

class BrokenOpml : public ::testing::TestWithParam<BrokenCase> {};
// ctest lists a case by its name, not as a byte dump of the struct.
void PrintTo(const BrokenCase& c, std::ostream* out) {
  *out << c.name;
}

TEST_P(BrokenOpml, IsRefusedWithLineAndReason) {
  const auto& c = GetParam();
  auto error = error_of(c.document);
  EXPECT_EQ(error.code, feeds::ErrorCode::invalid_opml);
  EXPECT_EQ(error.line, c.line) << error.message;
  EXPECT_THAT(error.message, HasSubstr(c.reason));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BrokenOpml,
    ::testing::Values(
        BrokenCase{"NotXml", "this is not xml", 1, "not well-formed XML"},
        BrokenCase{"Empty", "", 1, "not well-formed XML"},
        BrokenCase{"Unclosed", "<opml version=\"2.0\">\n<body>\n<outline text=\"a\"\n</body></opml>", 4,
                   "not well-formed XML"},
        BrokenCase{"MismatchedTag", "<opml>\n<body>\n\n</bdy>\n</opml>", 4, "not well-formed XML"},
        BrokenCase{"WrongRoot", "<?xml version=\"1.0\"?>\n\n<rss version=\"2.0\"><channel/></rss>", 3,
                   "not <opml>"},
        BrokenCase{"NoBody", "<opml version=\"2.0\">\n<head><title>x</title></head>\n</opml>", 1,
                   "no <body>"},
        BrokenCase{"BadVersion", "\n<opml version=\"3.0\"><body/></opml>", 2, "unsupported OPML version"},
        BrokenCase{"OutlineWithoutUrl",
                   "<?xml version=\"1.0\"?>\n<opml version=\"2.0\">\n<body>\n"
                   "<outline text=\"ok\" xmlUrl=\"https://ok.example/\"/>\n<outline "
                   "text=\"lonely\"/>\n</body></opml>",
                   5, "no xmlUrl"},
        BrokenCase{
            "RssOutlineWithoutUrl",
            "<opml version=\"2.0\">\n<body>\n<outline text=\"x\" type=\"rss\" xmlUrl=\" \"/>\n</body></opml>",
            3, "type \"rss\" has no xmlUrl"},
        BrokenCase{"RelativeUrl",
                   "<opml version=\"2.0\">\n<body>\n<outline text=\"Cat\">\n\n<outline text=\"x\" "
                   "xmlUrl=\"/feed.xml\"/>"
                   "</outline></body></opml>",
                   5, "not an absolute URL"},
        BrokenCase{"FtpUrl",
                   "<opml version=\"2.0\">\n<body>\n<outline text=\"x\" "
                   "xmlUrl=\"ftp://a.example/f\"/>\n</body></opml>",
                   3, "not an http or https URL"},
        BrokenCase{"BadHtmlUrl",
                   "<opml version=\"2.0\">\n<body>\n<outline text=\"x\" xmlUrl=\"https://a.example/f\" "
                   "htmlUrl=\"nope\"/>"
                   "</body></opml>",
                   3, "htmlUrl"},
        BrokenCase{"BadInterval",
                   "<opml version=\"2.0\">\n<body>\n\n<outline text=\"x\" xmlUrl=\"https://a.example/f\" "
                   "newsd:interval=\"30 minutes\"/>\n</body></opml>",
                   4, "newsd:interval=\"30 minutes\" is not a duration"},
        BrokenCase{"ZeroInterval",
                   "<opml version=\"2.0\">\n<body>\n<outline text=\"x\" xmlUrl=\"https://a.example/f\" "
                   "newsd:minInterval=\"0s\"/>\n</body></opml>",
                   3, "longer than zero"},
        BrokenCase{"BadHostRate",
                   "<opml version=\"2.0\">\n<body>\n<outline text=\"x\" xmlUrl=\"https://a.example/f\" "
                   "newsd:hostRate=\"fast\"/>\n</body></opml>",
                   3, "newsd:hostRate"},
        BrokenCase{"BadBoolean",
                   "<opml version=\"2.0\">\n<body>\n<outline text=\"x\" xmlUrl=\"https://a.example/f\"\n"
                   "   newsd:articles=\"yes\"/>\n</body></opml>",
                   3, "newsd:articles=\"yes\" must be \"true\" or \"false\""},
        BrokenCase{"UnknownOption",
                   "<opml version=\"2.0\">\n<body>\n<outline text=\"x\" xmlUrl=\"https://a.example/f\" "
                   "newsd:intervall=\"1h\"/>\n</body></opml>",
                   3, "unknown option newsd:intervall"},
        BrokenCase{"OptionOnCategory",
                   "<opml version=\"2.0\">\n<body>\n<outline text=\"Cat\" newsd:interval=\"1h\">\n"
                   "<outline text=\"x\" xmlUrl=\"https://a.example/f\"/></outline>\n</body></opml>",
                   3, "without xmlUrl"}),
    [](const ::testing::TestParamInfo<BrokenCase>& param_info) {
      return std::string(param_info.param.name);
    });

TEST(Opml, DeepNestingIsRefusedNotACrash) {
  std::string deep = "<opml version=\"2.0\"><body>\n";
  for (int i = 0; i < 100000; ++i) deep += "<outline text=\"c\">";
  deep += "<outline text=\"x\" xmlUrl=\"https://a.example/\"/>";
  for (int i = 0; i < 100000; ++i) deep += "</outline>";
  deep += "</body></opml>";
  auto error = error_of(deep);
  EXPECT_EQ(error.line, 2);
  EXPECT_THAT(error.message, HasSubstr("nested deeper than 64 levels"));
  // 64 levels are fine.
  std::string ok = "<opml version=\"2.0\"><body>";
  for (int i = 0; i < 63; ++i) ok += "<outline text=\"c\">";
  ok += "<outline text=\"x\" xmlUrl=\"https://a.example/\"/>";
  for (int i = 0; i < 63; ++i) ok += "</outline>";
  ok += "</body></opml>";
  auto document = feeds::parse_opml(ok).value();
  ASSERT_EQ(document.sources.size(), 1u);
  EXPECT_EQ(document.sources[0].category.size(), 63u);
  EXPECT_EQ(feeds::parse_opml(feeds::write_opml(document)).value().sources, document.sources);
}

TEST(Opml, LinesCountCrLfFiles) {
  auto error = error_of("<opml version=\"2.0\">\r\n<body>\r\n\r\n<outline text=\"x\"/>\r\n</body></opml>");
  EXPECT_EQ(error.line, 4);
}

TEST(Opml, WrittenOpmlRoundTripsUnchanged) {
  auto original = feeds::parse_opml(read_data("nested.opml")).value();
  std::string written = feeds::write_opml(original);
  auto reread = feeds::parse_opml(written).value();
  EXPECT_EQ(reread.title, original.title);
  EXPECT_EQ(reread.sources, original.sources);
  EXPECT_TRUE(reread.warnings.empty());
  // And writing again gives the same bytes: the format is stable.
  EXPECT_EQ(feeds::write_opml(reread), written);
  EXPECT_THAT(written, HasSubstr("<opml version=\"2.0\" xmlns:newsd=\"https://newsd.dev/ns/opml/1\">"));
}

TEST(Opml, AwkwardValuesSurviveTheRoundTrip) {
  feeds::OpmlDocument document;
  feeds::OpmlSource source;
  source.url = "https://a.example/feed?x=1&y=%3C2%3E&z='q'";
  source.title = "Quotes \" and 'apostrophes' & <tags> – ünïcode";
  source.site_url = "https://a.example/";
  source.category = {"A & B", "\"C\"", "Ключ"};
  source.options.interval = 90min;
  source.options.host_rate = feeds::HostRate{3, 1500ms};
  source.options.insecure = false;
  document.sources.push_back(source);
  feeds::OpmlSource bare;
  bare.url = "http://b.example/rss";
  document.sources.push_back(bare);
  feeds::OpmlSource sibling = source;
  sibling.url = "https://c.example/";
  sibling.category = {"A & B"};
  document.sources.push_back(sibling);
  auto reread = feeds::parse_opml(feeds::write_opml(document)).value();
  // Sources come back grouped by category (the sibling joins its category's
  // outline), so compare as sets.
  EXPECT_EQ(sorted_by_url(reread.sources), sorted_by_url(document.sources));
  EXPECT_EQ(reread.sources[1].url, "https://c.example/");
}

TEST(Opml, HostRatesParseStrictlyAndFormatBack) {
  EXPECT_EQ(feeds::parse_host_rate("1/s"), (feeds::HostRate{1, 1s}));
  EXPECT_EQ(feeds::parse_host_rate("1/10s"), (feeds::HostRate{1, 10s}));
  EXPECT_EQ(feeds::parse_host_rate("30/m"), (feeds::HostRate{30, 1min}));
  EXPECT_EQ(feeds::parse_host_rate("2/1h30m"), (feeds::HostRate{2, 90min}));
  EXPECT_EQ(feeds::parse_host_rate("1/10s")->gap(), 10s);
  EXPECT_EQ(feeds::parse_host_rate("4/s")->gap(), 250ms);
  for (const char* bad :
       {"", "1", "/s", "0/s", "1/", "1/0s", "-1/s", "1/ s", "1 /s", "1/sec", "a/s", "1/1", "2000000/s"}) {
    EXPECT_FALSE(feeds::parse_host_rate(bad).has_value()) << bad;
  }
  EXPECT_EQ(feeds::format_host_rate({1, 1s}), "1/s");
  EXPECT_EQ(feeds::format_host_rate({1, 10s}), "1/10s");
  EXPECT_EQ(feeds::format_host_rate({5, 1min}), "5/m");
  EXPECT_EQ(feeds::format_host_rate({2, 90min}), "2/1h30m");
  for (const char* text : {"1/s", "1/10s", "7/m", "2/1h30m", "3/500ms", "1/1d1s"}) {
    EXPECT_EQ(feeds::format_host_rate(*feeds::parse_host_rate(text)), text);
  }
}

TEST(Opml, SetSourceOptionIsStrict) {
  feeds::SourceOptions options;
  feeds::set_source_option(options, "interval", "15m");
  EXPECT_EQ(options.interval, 15min);
  EXPECT_THROW(feeds::set_source_option(options, "interval", "15"), std::invalid_argument);
  EXPECT_THROW(feeds::set_source_option(options, "color", "red"), std::invalid_argument);
  EXPECT_THROW(feeds::set_source_option(options, "insecure", "TRUE"), std::invalid_argument);
}

}  // namespace

namespace {

// The example `make install` ships (share/doc/newsd/examples/sources.opml)
// must be a file `newsd import` accepts as written.
TEST(Opml, TheShippedExampleIsValidAndReadAsWritten) {
  std::ifstream in(std::string(NEWSD_TESTS_SOURCE_DIR) + "/../systemd/sources.opml.example",
                   std::ios::binary);
  ASSERT_TRUE(in.good());
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto document = feeds::parse_opml(bytes.str()).value();
  EXPECT_TRUE(document.warnings.empty());
  ASSERT_EQ(document.sources.size(), 2u);
  EXPECT_EQ(document.sources[0].url, "https://kyivindependent.com/news-archive/rss/");
  EXPECT_EQ(document.sources[0].category, (std::vector<std::string>{"News", "Europe"}));
  EXPECT_EQ(document.sources[0].options.articles, true);
  EXPECT_EQ(document.sources[0].options.interval, std::chrono::minutes(30));
  EXPECT_EQ(document.sources[1].category, (std::vector<std::string>{"Software"}));
  EXPECT_EQ(document.sources[1].options.articles, false);
}

}  // namespace
