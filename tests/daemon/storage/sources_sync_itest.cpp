// OPML import as a sync, --prune, broken files, and the export -> import
// round trip, against the real test PostgreSQL with the real schema.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "feeds/opml.h"
#include "run_newsd.h"
#include "storage/migrations.h"
#include "storage/pg.h"
#include "storage/source_options.h"
#include "storage/sources.h"
#include "test_db.h"

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

namespace {

std::string data_path(const std::string& name) {
  return std::string(NEWSD_TEST_DATA_DIR) + "/opml/" + name;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class SourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = newsd::test::fresh_database(::testing::UnitTest::GetInstance()->current_test_info()->name());
    conn_ = std::make_unique<newsd::pg::Connection>(url_);
    newsd::storage::migrate(*conn_);
    dir_ = std::filesystem::temp_directory_path() /
           ("newsd-sources-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  newsd::storage::SyncReport sync(const std::string& opml, bool prune = false) {
    auto document = feeds::parse_opml(opml).value();
    return newsd::storage::sync_sources(*conn_, document.sources, {prune, "test.opml"});
  }
  std::string write(const std::string& name, const std::string& text) {
    auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  // Everything an import could touch, as text, to prove that nothing changed.
  std::string snapshot() {
    auto result = conn_->exec("snapshot", R"sql(
      select coalesce(string_agg(concat_ws('|', id, url, title, site_url, category::text, options::text,
                                           disabled_at, disabled_reason, updated_at), E'\n' order by id), '')
      from sources)sql");
    return std::string(result.text(0, 0));
  }
  long long count(const std::string& sql) { return conn_->exec("count", sql).integer(0, 0); }

  std::string url_;
  std::unique_ptr<newsd::pg::Connection> conn_;
  std::filesystem::path dir_;
};

// run_newsd puts arguments after the command, so --db goes last.
std::string with_db(const std::string& command, const std::string& url) {
  return command + " --db '" + url + "'";
}

constexpr const char* kTwoFeeds = R"(<opml version="2.0" xmlns:newsd="https://newsd.dev/ns/opml/1"><body>
<outline text="News"><outline text="A" xmlUrl="https://a.example/feed" newsd:interval="30m"/></outline>
<outline text="B" xmlUrl="https://b.example/feed" htmlUrl="https://b.example/" newsd:articles="false"/>
</body></opml>)";

TEST_F(SourcesTest, ImportAddsThenLeavesUnchangedSourcesAlone) {
  auto first = sync(kTwoFeeds);
  EXPECT_THAT(first.added, ElementsAre("https://a.example/feed", "https://b.example/feed"));
  auto row =
      conn_->exec("read", "select title, site_url, category::text, options::text from sources where url = $1",
                  {newsd::pg::Param("https://a.example/feed")});
  EXPECT_EQ(row.text(0, 0), "A");
  EXPECT_TRUE(row.is_null(0, 1));
  EXPECT_EQ(row.text(0, 2), "{News}");
  EXPECT_EQ(row.text(0, 3), R"({"interval": "30m"})");
  auto b =
      conn_->exec("read", "select options->'articles' from sources where url = 'https://b.example/feed'");
  EXPECT_EQ(b.text(0, 0), "false");

  const std::string before = snapshot();
  auto second = sync(kTwoFeeds);
  EXPECT_TRUE(second.added.empty());
  EXPECT_TRUE(second.updated.empty());
  EXPECT_TRUE(second.disabled.empty());
  EXPECT_EQ(second.unchanged, 2);
  EXPECT_EQ(snapshot(), before);  // not even updated_at moved
}

TEST_F(SourcesTest, ImportIsASyncThatDisablesMissingSourcesAndKeepsTheirItems) {
  sync(kTwoFeeds);
  conn_->exec("item",
              "insert into items (source_id, key, content_hash) "
              "select id, 'item-1', 'h' from sources where url = 'https://b.example/feed'");
  auto report = sync(R"(<opml version="2.0"><body>
<outline text="A renamed" xmlUrl="https://a.example/feed"/>
<outline text="C" xmlUrl="https://c.example/feed"/>
</body></opml>)");
  EXPECT_THAT(report.added, ElementsAre("https://c.example/feed"));
  EXPECT_THAT(report.updated, ElementsAre("https://a.example/feed"));
  EXPECT_THAT(report.disabled, ElementsAre("https://b.example/feed"));
  auto a = conn_->exec(
      "read",
      "select title, category::text, options::text from sources where url = 'https://a.example/feed'");
  EXPECT_EQ(a.text(0, 0), "A renamed");
  EXPECT_EQ(a.text(0, 1), "{}");  // moved to the top level
  EXPECT_EQ(a.text(0, 2), "{}");  // the interval option was removed from the file
  auto b = conn_->exec(
      "read",
      "select disabled_at is not null, disabled_reason from sources where url = 'https://b.example/feed'");
  EXPECT_EQ(b.text(0, 0), "t");
  EXPECT_EQ(b.text(0, 1), newsd::storage::kMissingFromImport);
  EXPECT_EQ(count("select count(*) from items"), 1);  // its items stay

  // Listed again, it comes back; importing the same file again changes nothing.
  auto back = sync(kTwoFeeds);
  EXPECT_THAT(back.reenabled, ElementsAre("https://b.example/feed"));
  EXPECT_THAT(back.disabled, ElementsAre("https://c.example/feed"));
  EXPECT_EQ(count("select count(*) from sources where disabled_at is null"), 2);
  auto repeat = sync(kTwoFeeds);
  EXPECT_EQ(repeat.unchanged, 2);
  EXPECT_TRUE(repeat.disabled.empty());  // c was already disabled: not disabled twice
}

TEST_F(SourcesTest, SourcesDisabledForAnotherReasonStayDisabled) {
  sync(kTwoFeeds);
  conn_->exec("disable",
              "update sources set disabled_at = now(), disabled_reason = 'HTTP 410 Gone' "
              "where url = 'https://a.example/feed'");
  auto report = sync(kTwoFeeds);
  EXPECT_THAT(report.still_disabled, ElementsAre("https://a.example/feed"));
  EXPECT_TRUE(report.reenabled.empty());
  EXPECT_EQ(conn_->exec("read", "select disabled_reason from sources where url = 'https://a.example/feed'")
                .text(0, 0),
            "HTTP 410 Gone");
}

TEST_F(SourcesTest, PruneDeletesMissingSourcesWithTheirItems) {
  sync(kTwoFeeds);
  conn_->exec("item",
              "insert into items (source_id, key, content_hash) "
              "select id, 'item-1', 'h' from sources where url = 'https://b.example/feed'");
  auto report =
      sync(R"(<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/feed"/></body></opml>)",
           /*prune=*/true);
  EXPECT_THAT(report.deleted, ElementsAre("https://b.example/feed"));
  EXPECT_TRUE(report.disabled.empty());
  EXPECT_EQ(count("select count(*) from sources"), 1);
  EXPECT_EQ(count("select count(*) from items"), 0);
}

TEST_F(SourcesTest, CliImportOfABrokenFileChangesNothingAndExits2) {
  ASSERT_EQ(newsd::test::run_newsd(with_db("import " + data_path("nested.opml"), url_)).status, 0);
  const std::string before = snapshot();
  auto broken = write("broken.opml", R"(<?xml version="1.0"?>
<opml version="2.0" xmlns:newsd="https://newsd.dev/ns/opml/1">
<body>
  <outline text="ok" xmlUrl="https://ok.example/feed"/>
  <outline text="bad" xmlUrl="https://bad.example/feed" newsd:interval="soon"/>
</body>
</opml>)");
  for (const std::string flags : {"", " --prune"}) {
    auto result = newsd::test::run_newsd(with_db("import " + broken + flags, url_));
    EXPECT_EQ(result.status, 65);  // EX_DATAERR
    EXPECT_THAT(result.err, HasSubstr(broken + ":5: newsd:interval=\"soon\" is not a duration"));
    EXPECT_THAT(result.err, HasSubstr("nothing was changed"));
    EXPECT_EQ(snapshot(), before);
  }
  auto not_xml = newsd::test::run_newsd(with_db("import " + write("x.opml", "{\"json\": true}"), url_));
  EXPECT_EQ(not_xml.status, 65);
  EXPECT_THAT(not_xml.err, HasSubstr("x.opml:1: not well-formed XML"));
  auto missing = newsd::test::run_newsd(with_db("import " + (dir_ / "missing.opml").string(), url_));
  EXPECT_EQ(missing.status, 66);  // EX_NOINPUT
  auto empty = newsd::test::run_newsd(with_db("import " + write("empty.opml", "<opml><body/></opml>"), url_));
  EXPECT_EQ(empty.status, 65);
  EXPECT_THAT(empty.err, HasSubstr("lists no feeds"));
  EXPECT_EQ(snapshot(), before);
}

TEST_F(SourcesTest, CliImportReportsWarningsAndCounts) {
  auto result = newsd::test::run_newsd(with_db("import " + data_path("duplicates.opml"), url_));
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(result.err, HasSubstr("duplicates.opml:6: warning: duplicate xmlUrl https://dup.example/feed"));
  EXPECT_THAT(result.out, HasSubstr("2 sources: 2 added, 0 updated, 0 re-enabled, 0 unchanged, 0 disabled"));
  EXPECT_EQ(count("select count(*) from sources"), 2);
}

TEST_F(SourcesTest, ExportThenImportIsUnchanged) {
  ASSERT_EQ(newsd::test::run_newsd(with_db("import " + data_path("nested.opml"), url_)).status, 0);
  ASSERT_EQ(newsd::test::run_newsd(
                with_db("add --no-discover https://solo.example/rss --category 'Misc/ Deep & odd' "
                        "--title ' Solo \"quoted\" ' --host-rate 1/10s --insecure true",
                        url_))
                .status,
            0);
  conn_->exec("disable",
              "update sources set disabled_at = now(), disabled_reason = 'HTTP 410 Gone' "
              "where url = 'https://tech.example/rss'");
  const std::string before = snapshot();
  const auto exported_path = (dir_ / "export.opml").string();
  auto exported = newsd::test::run_newsd(with_db("export --file " + exported_path, url_));
  ASSERT_EQ(exported.status, 0) << exported.err;

  // The file is OPML 2.0 with categories and options, and lists the enabled sources.
  auto document = feeds::parse_opml(read_file(exported_path)).value();
  ASSERT_EQ(document.sources.size(), 4u);
  auto kyiv = std::find_if(document.sources.begin(), document.sources.end(), [](const auto& s) {
    return s.url == "https://kyivindependent.com/news-archive/rss/";
  });
  ASSERT_NE(kyiv, document.sources.end());
  EXPECT_THAT(kyiv->category, ElementsAre("News", "Europe"));
  EXPECT_EQ(kyiv->options.interval, 30min);
  EXPECT_EQ(kyiv->site_url, "https://kyivindependent.com/");
  EXPECT_THAT(read_file(exported_path), HasSubstr("<opml version=\"2.0\""));

  auto reimported = newsd::test::run_newsd(with_db("import " + exported_path, url_));
  ASSERT_EQ(reimported.status, 0) << reimported.err;
  EXPECT_THAT(reimported.out, HasSubstr("0 added, 0 updated, 0 re-enabled, 4 unchanged, 0 disabled"));
  EXPECT_EQ(snapshot(), before);

  // Export to stdout gives the same document.
  auto to_stdout = newsd::test::run_newsd(with_db("export", url_));
  EXPECT_EQ(to_stdout.out, read_file(exported_path));
}

TEST_F(SourcesTest, CliAddAddsOneSource) {
  auto added =
      newsd::test::run_newsd(with_db("add --no-discover https://new.example/feed --category News/World "
                                     "--title 'New' --interval 1h --articles false",
                                     url_));
  ASSERT_EQ(added.status, 0) << added.err;
  EXPECT_THAT(added.out, HasSubstr("added source"));
  auto row = conn_->exec(
      "read", "select title, category::text, options from sources where url = 'https://new.example/feed'");
  EXPECT_EQ(row.text(0, 0), "New");
  EXPECT_EQ(row.text(0, 1), "{News,World}");
  EXPECT_EQ(newsd::storage::options_from_json(row.text(0, 2)).interval, 1h);

  auto again = newsd::test::run_newsd(with_db("add --no-discover https://new.example/feed", url_));
  EXPECT_EQ(again.status, 1);
  EXPECT_THAT(again.err, HasSubstr("already a source"));
  auto bad = newsd::test::run_newsd(with_db("add not-a-url", url_));
  EXPECT_EQ(bad.status, 64);  // EX_USAGE
  auto bad_option = newsd::test::run_newsd(with_db("add https://x.example/ --interval often", url_));
  EXPECT_EQ(bad_option.status, 64);
  EXPECT_THAT(bad_option.err, HasSubstr("--interval"));
  EXPECT_EQ(count("select count(*) from sources"), 1);
}

}  // namespace
