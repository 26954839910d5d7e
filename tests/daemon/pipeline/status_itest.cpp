// `newsd status --json` and selecting sources by URL or title, against the
// demo sources after a real pass (one of them failing).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include "pipeline_support.h"
#include "run_newsd.h"

namespace newsd::test {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

const json::object* find_source(const json::array& sources, std::string_view url_part) {
  for (const auto& value : sources) {
    const auto& source = value.as_object();
    if (std::string_view(source.at("url").as_string()).find(url_part) != std::string_view::npos)
      return &source;
  }
  return nullptr;
}

class StatusJson : public ::testing::Test {
 protected:
  void SetUp() override {
    world_.server().override_status("/valley/rss.xml", 503);
    world_.run_once();
    // A host in backoff, as the politeness layer stores it.
    world_.conn().exec("host in backoff",
                       "insert into hosts (host, backoff_until, backoff_seconds, consecutive_errors) "
                       "values ('slow.example', now() + interval '10 minutes', 600, 3)");
  }
  std::string db() { return " --db '" + world_.url() + "'"; }

  PipelineWorld world_{"pipeline_status_json"};
};

TEST_F(StatusJson, DocumentedShapeWithStatesErrorsHostsAndCounts) {
  auto result = run_newsd("status --json" + db());
  ASSERT_EQ(result.status, 0) << result.err;
  const auto out = json::parse(result.out).as_object();
  EXPECT_EQ(out.at("format").as_int64(), 1);
  EXPECT_TRUE(out.at("generated_at").is_string());
  EXPECT_GE(out.at("database").at("schema_version").as_int64(), 1);

  const auto& counts = out.at("counts").as_object();
  EXPECT_EQ(counts.at("sources").at("enabled").as_int64(), 4);
  EXPECT_EQ(counts.at("sources").at("failing").as_int64(), 1);
  EXPECT_EQ(counts.at("sources").at("disabled").as_int64(), 0);
  EXPECT_EQ(counts.at("items").at("total").as_int64(), world_.count("select count(*) from items"));
  EXPECT_EQ(counts.at("articles").at("extracted").as_int64(),
            world_.count("select count(*) from articles where status = 'extracted'"));
  EXPECT_EQ(counts.at("articles").at("pending").as_int64(),
            world_.count("select count(*) from articles where status = 'pending'"));

  const auto& sources = out.at("sources").as_array();
  ASSERT_EQ(sources.size(), 4U);
  const auto* valley = find_source(sources, "/valley/rss.xml");
  ASSERT_NE(valley, nullptr);
  EXPECT_EQ(valley->at("state").as_string(), "failing");
  EXPECT_EQ(valley->at("last_status").as_int64(), 503);
  EXPECT_THAT(std::string(valley->at("last_error").as_string()), HasSubstr("HTTP 503"));
  EXPECT_EQ(valley->at("consecutive_errors").as_int64(), 1);
  EXPECT_TRUE(valley->at("failing_since").is_string());
  EXPECT_EQ(valley->at("title").as_string(), "Valley Courier");
  const auto* harbour = find_source(sources, "/harbour/atom.xml");
  ASSERT_NE(harbour, nullptr);
  EXPECT_EQ(harbour->at("state").as_string(), "ok");
  EXPECT_TRUE(harbour->at("last_error").is_null());
  EXPECT_GT(harbour->at("items").as_int64(), 0);
  EXPECT_EQ(harbour->at("category").as_array().size(), 1U);
  EXPECT_EQ(harbour->at("category").at(0).as_string(), "Local");

  bool slow_listed = false;
  for (const auto& host : out.at("hosts").as_array()) {
    if (host.at("host").as_string() != "slow.example") continue;
    slow_listed = true;
    EXPECT_TRUE(host.at("in_backoff").as_bool());
    EXPECT_EQ(host.at("backoff_seconds").as_int64(), 600);
    EXPECT_EQ(host.at("consecutive_errors").as_int64(), 3);
    EXPECT_TRUE(host.at("backoff_until").is_string());
  }
  EXPECT_TRUE(slow_listed) << result.out;
}

TEST_F(StatusJson, SourcesSelectedByTitleOrUrlInTheOrderNamed) {
  const std::string valley_url = world_.text("select url from sources where url like '%/valley/%'");
  auto result = run_newsd("status --json 'harbour gazette' '" + valley_url + "'" + db());
  ASSERT_EQ(result.status, 0) << result.err;
  const auto out = json::parse(result.out);
  const auto& sources = out.at("sources").as_array();
  ASSERT_EQ(sources.size(), 2U);
  EXPECT_EQ(sources.at(0).at("title").as_string(), "Harbour Gazette");
  EXPECT_EQ(sources.at(1).at("url").as_string(), valley_url);

  auto text = run_newsd("status 'Valley Courier'" + db());
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr(valley_url));
  EXPECT_THAT(text.out, HasSubstr("state: failing"));
  EXPECT_THAT(text.out, HasSubstr("HTTP 503"));
  EXPECT_THAT(text.out, ::testing::Not(HasSubstr("Harbour")));
}

TEST_F(StatusJson, UnknownOrAmbiguousSourceIsAUsageErrorNamingIt) {
  auto unknown = run_newsd("status 'No Such Paper'" + db());
  EXPECT_EQ(unknown.status, 64);
  EXPECT_THAT(unknown.err, HasSubstr("no source has the URL or title \"No Such Paper\""));
  EXPECT_EQ(unknown.out, "");

  world_.conn().exec(
      "two sources, one title",
      "update sources set title = 'Twin' where url like '%/kyiv/%' or url like '%/fieldnotes/%'");
  auto ambiguous = run_newsd("status --json Twin" + db());
  EXPECT_EQ(ambiguous.status, 64);
  EXPECT_THAT(ambiguous.err, HasSubstr("\"Twin\" is the title of 2 sources"));
  EXPECT_THAT(ambiguous.err, HasSubstr("/kyiv/feed.xml"));
  EXPECT_THAT(ambiguous.err, HasSubstr("/fieldnotes/feed.json"));
}

}  // namespace
}  // namespace newsd::test
