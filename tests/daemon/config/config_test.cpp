#include "config/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>

using namespace std::chrono_literals;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

namespace {

newsd::config::Config parse(const std::string& text) {
  return newsd::config::parse_config(text, "test.toml");
}

newsd::config::ConfigError error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const newsd::config::ConfigError& e) {
    return e;
  }
  ADD_FAILURE() << "parsed without error:\n" << text;
  return newsd::config::ConfigError("", -1, "", "");
}

TEST(Config, EmptyFileGivesTheDocumentedDefaults) {
  auto config = parse("");
  EXPECT_EQ(config.file, fs::path("test.toml"));
  EXPECT_FALSE(config.state_dir.has_value());
  EXPECT_FALSE(config.database.url.has_value());
  EXPECT_EQ(config.http.connect_timeout, 10s);
  EXPECT_EQ(config.http.request_timeout, 30s);
  EXPECT_EQ(config.http.max_feed_bytes, 16u << 20);  // the issue's defaults: 16 MB feeds, 8 MB pages
  EXPECT_EQ(config.http.max_article_bytes, 8u << 20);
  EXPECT_EQ(config.http.max_redirects, 5);
  EXPECT_TRUE(config.http.allow_private.empty());
  EXPECT_FALSE(config.http.proxy.has_value());
  EXPECT_EQ(config.politeness.per_host_connections, 2);
  EXPECT_EQ(config.politeness.host_gap, 1s);
  EXPECT_EQ(config.politeness.source_min_interval, 15min);
  EXPECT_FALSE(config.politeness.robots_for_feeds);
  EXPECT_EQ(config.scheduler.min_interval, 15min);
  EXPECT_EQ(config.scheduler.max_interval, 24h);
  // Retention: items and articles are kept forever unless asked otherwise;
  // fetch_log for 30 days, as before it was configurable.
  EXPECT_FALSE(config.retention.items.has_value());
  EXPECT_FALSE(config.retention.articles.has_value());
  EXPECT_EQ(config.retention.fetch_log, 24h * 30);
  EXPECT_EQ(config.retention.tombstones, 24h * 365);
  EXPECT_EQ(config.retention.batch_size, 500);
}

TEST(Config, MetricsListenIsOffByDefaultAndValidated) {
  EXPECT_FALSE(parse("").metrics.listen.has_value());
  EXPECT_EQ(parse("[metrics]\nlisten = \"127.0.0.1:9466\"\n").metrics.listen, "127.0.0.1:9466");
  EXPECT_EQ(parse("[metrics]\nlisten = \"[::1]:0\"\n").metrics.listen, "[::1]:0");
  EXPECT_THAT(std::string(error_of("[metrics]\nlisten = \"127.0.0.1\"\n").what()),
              HasSubstr("test.toml:2: metrics.listen: \"127.0.0.1\" is not HOST:PORT"));
  EXPECT_THAT(std::string(error_of("[metrics]\nlisten = \"127.0.0.1:99999\"\n").what()),
              HasSubstr("the port must be a number from 0 to 65535"));
  EXPECT_THAT(std::string(error_of("[metrics]\nport = 9466\n").what()), HasSubstr("unknown key"));
}

TEST(Config, RetentionAgesAreDurationsOrForever) {
  auto config = parse(R"(
[retention]
items = "90d"
articles = "30d"
fetch_log = "forever"
tombstones = "2d"
batch_size = 100
)");
  EXPECT_EQ(config.retention.items, 24h * 90);
  EXPECT_EQ(config.retention.articles, 24h * 30);
  EXPECT_FALSE(config.retention.fetch_log.has_value());
  EXPECT_EQ(config.retention.tombstones, 48h);
  EXPECT_EQ(config.retention.batch_size, 100);
  EXPECT_FALSE(parse("[retention]\nitems = \"forever\"\n").retention.items.has_value());
}

TEST(Config, TheShippedExampleIsValidAndReadAsWritten) {
  auto config =
      newsd::config::load_config_file(fs::path(NEWSD_TESTS_SOURCE_DIR) / "../systemd/newsd.toml.example");
  EXPECT_EQ(config.state_dir, fs::path("/var/lib/newsd"));
  EXPECT_EQ(config.database.url, "postgresql://newsd@localhost/newsd");
  EXPECT_EQ(config.http.user_agent, "newsd/0.1 (+https://newsd.dev/bot)");
  EXPECT_EQ(config.http.max_feed_bytes, 16u << 20);
  EXPECT_THAT(config.http.allow_private,
              ::testing::ElementsAre("10.0.0.0/8", "fd00::/8", "intranet.example"));
  ASSERT_EQ(config.politeness.hosts.size(), 2u);
  const auto& feeds = config.politeness.hosts.at("feeds.example.com");
  EXPECT_EQ(feeds.connections, 2);
  EXPECT_EQ(feeds.gap, 250ms);
  const auto& slow = config.politeness.hosts.at("slow.example.org");
  EXPECT_FALSE(slow.connections.has_value());
  EXPECT_EQ(slow.gap, 10s);
  EXPECT_EQ(config.scheduler.max_interval, 24h);
  EXPECT_FALSE(config.retention.items.has_value());
  EXPECT_EQ(config.retention.fetch_log, 24h * 30);
}

TEST(Config, ReadsEverySetting) {
  auto config = parse(R"(
state_dir = "/srv/newsd"
[database]
url = "host=/run/postgresql dbname=news"
[http]
user_agent = "bot/1"
connect_timeout = "2s"
request_timeout = "1m"
max_feed_size = 1048576
max_article_size = "512KiB"
max_redirects = 0
allow_private = ["192.168.1.0/24", "127.0.0.1", "::1", "NAS.local"]
proxy = "socks5h://127.0.0.1:9050"
[politeness]
per_host_connections = 4
host_gap = "500ms"
source_min_interval = "30m"
robots_for_feeds = true
[politeness.hosts."Example.COM:8080"]
connections = 1
[scheduler]
min_interval = "1m"
max_interval = "2d"
)");
  EXPECT_EQ(config.state_dir, fs::path("/srv/newsd"));
  EXPECT_EQ(config.database.url, "host=/run/postgresql dbname=news");
  EXPECT_EQ(config.http.user_agent, "bot/1");
  EXPECT_EQ(config.http.connect_timeout, 2s);
  EXPECT_EQ(config.http.request_timeout, 1min);
  EXPECT_EQ(config.http.max_feed_bytes, 1048576u);
  EXPECT_EQ(config.http.max_article_bytes, 512u * 1024);
  EXPECT_EQ(config.http.max_redirects, 0);
  EXPECT_EQ(config.http.allow_private.size(), 4u);
  EXPECT_EQ(config.http.proxy, "socks5h://127.0.0.1:9050");
  EXPECT_EQ(config.politeness.per_host_connections, 4);
  EXPECT_EQ(config.politeness.host_gap, 500ms);
  EXPECT_EQ(config.politeness.source_min_interval, 30min);
  EXPECT_TRUE(config.politeness.robots_for_feeds);
  ASSERT_TRUE(config.politeness.hosts.contains("example.com:8080"));  // host names are lowercased
  EXPECT_EQ(config.politeness.hosts.at("example.com:8080").connections, 1);
  EXPECT_EQ(config.scheduler.min_interval, 1min);
  EXPECT_EQ(config.scheduler.max_interval, 48h);
}

struct BadCase {
  const char* name;
  const char* toml;
  int line;
  const char* key;
  const char* reason;
};

class BadConfig : public ::testing::TestWithParam<BadCase> {};
// ctest lists a case by its name, not as a byte dump of the struct.
void PrintTo(const BadCase& c, std::ostream* out) {
  *out << c.name;
}

TEST_P(BadConfig, NamesTheFileTheLineAndTheKey) {
  const auto& c = GetParam();
  auto error = error_of(c.toml);
  EXPECT_EQ(error.file(), "test.toml");
  EXPECT_EQ(error.line(), c.line) << error.what();
  EXPECT_EQ(error.key(), c.key) << error.what();
  EXPECT_THAT(error.reason(), HasSubstr(c.reason));
  EXPECT_THAT(std::string(error.what()), HasSubstr("test.toml:" + std::to_string(c.line) + ": "));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadConfig,
    ::testing::Values(
        BadCase{"NotToml", "[http\nuser_agent = 1\n", 1, "", "not valid TOML"},
        BadCase{"DuplicateKey", "[http]\nmax_redirects = 1\nmax_redirects = 2\n", 3, "", "not valid TOML"},
        BadCase{"RobotsForFeedsNotBoolean", "[politeness]\nrobots_for_feeds = \"yes\"\n", 2,
                "politeness.robots_for_feeds", "true or false"},
        BadCase{"UnknownTopKey", "\n\nstatedir = \"/x\"\n", 3, "statedir", "unknown key"},
        BadCase{"UnknownSection", "[htp]\nx = 1\n", 1, "htp", "unknown key"},
        BadCase{"UnknownHttpKey", "[http]\ntimeout = \"1s\"\n", 2, "http.timeout", "unknown key"},
        BadCase{"RelativeStateDir", "state_dir = \"state\"\n", 1, "state_dir", "absolute path"},
        BadCase{"StateDirNotString", "state_dir = 5\n", 1, "state_dir", "must be a string"},
        BadCase{"EmptyDatabaseUrl", "[database]\n\nurl = \"\"\n", 3, "database.url", "must not be empty"},
        BadCase{"DatabaseNotTable", "database = \"x\"\n", 1, "database", "must be a table"},
        BadCase{"BadTimeout", "[http]\nconnect_timeout = \"10 seconds\"\n", 2, "http.connect_timeout",
                "not a duration"},
        BadCase{"TimeoutAsNumber", "[http]\nrequest_timeout = 30\n", 2, "http.request_timeout",
                "must be a string"},
        BadCase{"ZeroTimeout", "[http]\nrequest_timeout = \"0s\"\n", 2, "http.request_timeout",
                "longer than zero"},
        BadCase{"BadSize", "[http]\nmax_feed_size = \"10 MB\"\n", 2, "http.max_feed_size", "not a size"},
        BadCase{"NegativeSize", "[http]\nmax_article_size = -1\n", 2, "http.max_article_size",
                "at least 1 byte"},
        BadCase{"TooManyRedirects", "[http]\nmax_redirects = 99\n", 2, "http.max_redirects",
                "between 0 and 20"},
        BadCase{"EmptyUserAgent", "[http]\nuser_agent = \"\"\n", 2, "http.user_agent", "non-empty line"},
        BadCase{"BadCidr", "[http]\nallow_private = [\n  \"10.0.0.0/8\",\n  \"10.0.0.0/33\",\n]\n", 4,
                "http.allow_private", "prefix length must be 0 to 32"},
        BadCase{"BadAllowEntry", "[http]\nallow_private = [\"not a host!\"]\n", 2, "http.allow_private",
                "neither an IP address"},
        BadCase{"AllowNotArray", "[http]\nallow_private = \"10.0.0.0/8\"\n", 2, "http.allow_private",
                "array of strings"},
        BadCase{"BadProxy", "[http]\nproxy = \"ftp://proxy:21\"\n", 2, "http.proxy", "not a proxy URL"},
        BadCase{"ZeroConnections", "[politeness]\nper_host_connections = 0\n", 2,
                "politeness.per_host_connections", "between 1 and 64"},
        BadCase{"FractionalConnections", "[politeness]\nper_host_connections = 1.5\n", 2,
                "politeness.per_host_connections", "must be an integer"},
        BadCase{"BadHostGap", "[politeness]\nhost_gap = \"fast\"\n", 2, "politeness.host_gap",
                "not a duration"},
        BadCase{"BadOverrideHost", "[politeness.hosts.\"bad host\"]\ngap = \"1s\"\n", 1,
                "politeness.hosts.bad host", "not a host name"},
        BadCase{"UnknownOverrideKey", "[politeness.hosts.\"a.example\"]\n\ndelay = \"1s\"\n", 3,
                "politeness.hosts.a.example.delay", "unknown key"},
        BadCase{"BadOverrideGap", "[politeness.hosts.\"a.example\"]\ngap = \"1x\"\n", 2,
                "politeness.hosts.a.example.gap", "not a duration"},
        BadCase{"MinAboveMax", "[scheduler]\nmin_interval = \"2h\"\nmax_interval = \"1h\"\n", 3,
                "scheduler.max_interval", "longer than max_interval"},
        BadCase{"MinAboveDefaultMax", "[scheduler]\nmin_interval = \"2d\"\n", 2, "scheduler.min_interval",
                "longer than max_interval"},
        BadCase{"RetentionTooShort", "[retention]\nitems = \"30m\"\n", 2, "retention.items", "at least 1h"},
        BadCase{"RetentionNotDuration", "[retention]\n\narticles = \"a month\"\n", 3, "retention.articles",
                "not a duration"},
        BadCase{"RetentionZero", "[retention]\nfetch_log = \"0s\"\n", 2, "retention.fetch_log",
                "longer than zero"},
        BadCase{"TombstonesForever", "[retention]\ntombstones = \"forever\"\n", 2, "retention.tombstones",
                "always pruned"},
        BadCase{"RetentionBatchZero", "[retention]\nbatch_size = 0\n", 2, "retention.batch_size",
                "between 1 and 100000"},
        BadCase{"UnknownRetentionKey", "[retention]\nitem = \"90d\"\n", 2, "retention.item", "unknown key"}),
    [](const ::testing::TestParamInfo<BadCase>& param_info) { return std::string(param_info.param.name); });

class ConfigFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("newsd-config-test-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const fs::path& relative, const std::string& text) {
    auto path = dir_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
    return path;
  }
  [[nodiscard]] newsd::config::Getenv env() const {
    return [this](std::string_view name) -> std::optional<std::string> {
      auto it = env_.find(std::string(name));
      if (it == env_.end()) return std::nullopt;
      return it->second;
    };
  }
  std::optional<fs::path> find(const std::optional<fs::path>& explicit_file = std::nullopt) {
    return newsd::config::find_config_file(explicit_file, env(), dir_ / "etc/newsd/newsd.toml");
  }

  fs::path dir_;
  std::map<std::string, std::string> env_;
};

TEST_F(ConfigFiles, SearchOrderIsFlagEnvironmentXdgThenSystem) {
  EXPECT_EQ(find(), std::nullopt);  // nothing anywhere: defaults
  auto system = write("etc/newsd/newsd.toml", "");
  EXPECT_EQ(find(), system);
  env_["HOME"] = (dir_ / "home").string();
  auto home = write("home/.config/newsd/newsd.toml", "");
  EXPECT_EQ(find(), home);
  env_["XDG_CONFIG_HOME"] = (dir_ / "xdg").string();
  EXPECT_EQ(find(), system);  // XDG_CONFIG_HOME replaces ~/.config; nothing there yet
  auto xdg = write("xdg/newsd/newsd.toml", "");
  EXPECT_EQ(find(), xdg);
  auto named = write("named.toml", "");
  env_["NEWSD_CONFIG"] = named.string();
  EXPECT_EQ(find(), named);
  auto flag = write("flag.toml", "");
  EXPECT_EQ(find(flag), flag);
}

TEST_F(ConfigFiles, AFileNamedExplicitlyMustExist) {
  try {
    find(dir_ / "missing.toml");
    FAIL() << "no error for a missing --config file";
  } catch (const newsd::config::ConfigError& e) {
    EXPECT_THAT(e.what(), HasSubstr("missing.toml"));
    EXPECT_THAT(e.what(), HasSubstr("--config"));
  }
  env_["NEWSD_CONFIG"] = (dir_ / "gone.toml").string();
  EXPECT_THROW(find(), newsd::config::ConfigError);
}

TEST_F(ConfigFiles, LoadConfigReadsTheFoundFileAndReportsItsPath) {
  auto file = write("flag.toml", "[scheduler]\nmin_interval = \"10m\"\nmax_interval = \"nope\"\n");
  try {
    newsd::config::load_config(file, env());
    FAIL() << "bad file accepted";
  } catch (const newsd::config::ConfigError& e) {
    EXPECT_EQ(std::string(e.what()).find(file.string() + ":3: scheduler.max_interval: "), 0u) << e.what();
  }
  write("flag.toml", "[scheduler]\nmin_interval = \"10m\"\n");
  auto config = newsd::config::load_config(file, env());
  EXPECT_EQ(config.scheduler.min_interval, 10min);
  EXPECT_EQ(config.file, file);
  auto defaults = newsd::config::load_config(std::nullopt, env());
  EXPECT_FALSE(defaults.file.has_value());
}

}  // namespace
