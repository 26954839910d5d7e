// The embedded cluster against the real PostgreSQL 15 binaries: created on
// first use, shared by several users, stopped by the last one out.
#include "cluster/embedded_cluster.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>
#include <utility>
#include <vector>

#include "cluster_support.h"
#include "run_newsd.h"
#include "storage/pg.h"

using ::testing::HasSubstr;
using ::testing::StartsWith;

namespace {

newsd::cluster::ClusterOptions options_for(const std::filesystem::path& state_dir) {
  newsd::cluster::ClusterOptions options;
  options.state_dir = state_dir;
  options.unsafe_fast = true;  // test data only
  options.logger = newsd::Logger(newsd::LogLevel::warn);
  return options;
}

TEST(EmbeddedCluster, StartsIsSharedAndTheLastOneOutStopsIt) {
  newsd::test::TempStateDir state;
  auto first = newsd::cluster::EmbeddedCluster::open(options_for(state.path()));
  EXPECT_TRUE(first->started_server());
  EXPECT_THAT(first->url(), StartsWith("postgresql:///newsd?host="));
  EXPECT_EQ(first->url(), newsd::cluster::embedded_cluster_url(state.path()));

  {
    newsd::pg::Connection conn(first->url());
    auto result = conn.exec("test", "select current_database(), current_setting('listen_addresses')");
    EXPECT_EQ(result.text(0, 0), "newsd");
    EXPECT_EQ(result.text(0, 1), "");  // no TCP at all
    conn.exec("test", "create table kept (value text)");
    conn.exec("test", "insert into kept values ('still here')");
  }
  // Only the owner may reach the socket directory (trust authentication relies on it).
  struct stat info {};
  ASSERT_EQ(::stat((state.path() / "postgres").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);

  auto second = newsd::cluster::EmbeddedCluster::open(options_for(state.path()));
  EXPECT_FALSE(second->started_server());  // joined the running server
  EXPECT_EQ(second->url(), first->url());

  first.reset();  // not the last user: the server keeps running
  ASSERT_TRUE(newsd::test::accepts_connections(second->url()));
  {
    newsd::pg::Connection conn(second->url());
    EXPECT_EQ(conn.exec("test", "select value from kept").text(0, 0), "still here");
  }
  const std::string url = second->url();
  second.reset();  // the last one out stops it
  EXPECT_FALSE(newsd::test::accepts_connections(url));
  EXPECT_FALSE(std::filesystem::exists(state.path() / "postgres" / "data" / "postmaster.pid"));

  // Started again later, the data is still there (no second initdb).
  auto again = newsd::cluster::EmbeddedCluster::open(options_for(state.path()));
  EXPECT_TRUE(again->started_server());
  newsd::pg::Connection conn(again->url());
  EXPECT_EQ(conn.exec("test", "select value from kept").text(0, 0), "still here");
}

TEST(EmbeddedCluster, TwoStartingAtOnceShareOneServer) {
  newsd::test::TempStateDir state;
  std::unique_ptr<newsd::cluster::EmbeddedCluster> a, b;
  std::string error_a, error_b;
  auto open_into = [&state](std::unique_ptr<newsd::cluster::EmbeddedCluster>& out, std::string& error) {
    try {
      out = newsd::cluster::EmbeddedCluster::open(options_for(state.path()));
    } catch (const std::exception& e) {
      error = e.what();
    }
  };
  std::thread first(open_into, std::ref(a), std::ref(error_a));
  std::thread second(open_into, std::ref(b), std::ref(error_b));
  first.join();
  second.join();
  ASSERT_TRUE(a && b) << error_a << error_b;
  EXPECT_NE(a->started_server(), b->started_server());  // exactly one started it
  const std::string url = a->url();
  a.reset();
  EXPECT_TRUE(newsd::test::accepts_connections(url));
  b.reset();
  EXPECT_FALSE(newsd::test::accepts_connections(url));
}

TEST(EmbeddedCluster, KeepRunningLastsUntilStop) {
  newsd::test::TempStateDir state;
  auto options = options_for(state.path());
  EXPECT_EQ(newsd::cluster::stop_embedded_cluster(options), newsd::cluster::StopOutcome::not_running);
  auto cluster = newsd::cluster::EmbeddedCluster::open(options);
  const std::string url = cluster->url();
  cluster->keep_running();
  EXPECT_EQ(newsd::cluster::stop_embedded_cluster(options), newsd::cluster::StopOutcome::in_use);
  cluster.reset();
  // stop_embedded_cluster cleared the keep mark, so the last user stopped the server.
  EXPECT_FALSE(newsd::test::accepts_connections(url));

  cluster = newsd::cluster::EmbeddedCluster::open(options);
  cluster->keep_running();
  cluster.reset();
  EXPECT_TRUE(newsd::test::accepts_connections(url));  // kept running for psql
  EXPECT_EQ(newsd::cluster::stop_embedded_cluster(options), newsd::cluster::StopOutcome::stopped);
  EXPECT_FALSE(newsd::test::accepts_connections(url));
  EXPECT_EQ(newsd::cluster::stop_embedded_cluster(options), newsd::cluster::StopOutcome::not_running);
}

TEST(EmbeddedCluster, RefusesAStateDirectoryTooDeepForASocket) {
  newsd::test::TempStateDir state;
  auto options = options_for(state.path() / std::string(100, 'd'));
  try {
    newsd::cluster::EmbeddedCluster::open(options);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("too deep for a Unix socket path"));
  }
}

TEST(EmbeddedCluster, AsRootAStateDirectoryTheClusterAccountCannotReachIsRefused) {
  if (::geteuid() != 0) GTEST_SKIP() << "only root hands the cluster to another account";
  newsd::test::TempStateDir state;
  auto locked = state.path() / "locked";
  std::filesystem::create_directories(locked);
  std::filesystem::permissions(locked, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace);
  try {
    newsd::cluster::EmbeddedCluster::open(options_for(locked / "newsd"));
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("cannot reach " + locked.string() + " (mode 0700"));
  }
}

TEST(EmbeddedCluster, MissingBinariesAreReportedClearly) {
  newsd::test::TempStateDir state;
  auto options = options_for(state.path());
  options.pg_bin = "/nonexistent/postgresql/bin";
  try {
    newsd::cluster::EmbeddedCluster::open(options);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("no PostgreSQL 15 server in /nonexistent/postgresql/bin"));
  }
}

// Sets or unsets environment variables for the newsd processes a test runs,
// restoring them afterwards.
class ScopedEnvironment {
 public:
  void set(const std::string& name, const std::optional<std::string>& value) {
    const char* old = std::getenv(name.c_str());
    saved_.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
    apply(name, value);
  }
  // No database, configuration or state directory from the caller's
  // environment: the newsd commands run find none but the embedded cluster
  // under `state`.
  void use_only_the_embedded_cluster_under(const std::filesystem::path& state) {
    set("NEWSD_DB", std::nullopt);
    set("NEWSD_CONFIG", std::nullopt);
    set("STATE_DIRECTORY", std::nullopt);
    set("XDG_CONFIG_HOME", (state / "no-config").string());
    set("XDG_STATE_HOME", state.string());
  }
  ~ScopedEnvironment() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) apply(it->first, it->second);
  }

 private:
  static void apply(const std::string& name, const std::optional<std::string>& value) {
    if (value) {
      ::setenv(name.c_str(), value->c_str(), 1);
    } else {
      ::unsetenv(name.c_str());
    }
  }
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST(EmbeddedCluster, DbUrlLeavesItRunningForPsqlAndDbStopStopsIt) {
  newsd::test::TempStateDir state;
  ScopedEnvironment environment;
  environment.use_only_the_embedded_cluster_under(state.path());
  const std::string env;
  // initdb here, without fsync, so that the CLI below only has to start the
  // server (initdb with fsync would take most of this test's time).
  newsd::cluster::EmbeddedCluster::open(options_for(state.path() / "newsd")).reset();
  auto printed = newsd::test::run_newsd(env + "db-url");
  ASSERT_EQ(printed.status, 0) << printed.err;
  std::string url = printed.out.substr(0, printed.out.find('\n'));
  EXPECT_EQ(url, newsd::cluster::embedded_cluster_url(state.path() / "newsd"));
  EXPECT_THAT(printed.err, HasSubstr("newsd db-stop"));
  EXPECT_TRUE(newsd::test::accepts_connections(url));  // newsd has exited; the server has not

  auto again = newsd::test::run_newsd(env + "db-url");  // joins, prints the same
  EXPECT_EQ(again.out, printed.out);

  auto stopped = newsd::test::run_newsd(env + "db-stop");
  EXPECT_EQ(stopped.status, 0) << stopped.err;
  EXPECT_THAT(stopped.out, HasSubstr("stopped"));
  EXPECT_FALSE(newsd::test::accepts_connections(url));

  // With a database named, db-url just prints it.
  auto named = newsd::test::run_newsd(env + "db-url --db 'postgresql://elsewhere/news'");
  EXPECT_EQ(named.out, "postgresql://elsewhere/news\n");
}

}  // namespace

namespace {

TEST(EmbeddedCluster, CommandsWithoutADatabaseUseItAndStopItWhenDone) {
  newsd::test::TempStateDir state;
  ScopedEnvironment environment;
  environment.use_only_the_embedded_cluster_under(state.path());
  newsd::cluster::EmbeddedCluster::open(options_for(state.path() / "newsd")).reset();  // fast initdb
  const std::string url = newsd::cluster::embedded_cluster_url(state.path() / "newsd");

  auto added = newsd::test::run_newsd("add --no-discover https://embedded.example/feed --title Embedded");
  ASSERT_EQ(added.status, 0) << added.err;
  EXPECT_FALSE(newsd::test::accepts_connections(url));  // stopped when the command exited
  auto exported = newsd::test::run_newsd("export");
  ASSERT_EQ(exported.status, 0) << exported.err;
  EXPECT_THAT(exported.out, HasSubstr("xmlUrl=\"https://embedded.example/feed\""));
  EXPECT_FALSE(newsd::test::accepts_connections(url));
}

// Issue 15: `newsd once` had no SIGTERM handling, so cron's timeout killed it
// and left the embedded PostgreSQL it had started running. Now the poll in
// flight finishes, the summary is printed, the cluster is stopped, and the
// exit status is 128 + SIGTERM.
TEST(EmbeddedCluster, OnceInterruptedBySigtermStillStopsTheClusterItStarted) {
  newsd::test::TempStateDir state;
  ScopedEnvironment environment;
  environment.use_only_the_embedded_cluster_under(state.path());
  newsd::cluster::EmbeddedCluster::open(options_for(state.path() / "newsd")).reset();  // fast initdb
  const std::string url = newsd::cluster::embedded_cluster_url(state.path() / "newsd");

  // A feed server that takes connections (the kernel's backlog) but never
  // answers: the poll stays in flight until the 5 s request timeout.
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(listener, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(listener, 16), 0);
  socklen_t length = sizeof address;
  ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
  const std::string feed = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/feed.xml";
  const auto config = state.path() / "newsd.toml";
  std::ofstream(config) << "[http]\nallow_private = [\"127.0.0.1\"]\nrequest_timeout = \"5s\"\n";
  auto added = newsd::test::run_newsd("add " + feed);
  ASSERT_EQ(added.status, 0) << added.err;

  const auto out_path = state.path() / "once.out";
  const auto err_path = state.path() / "once.err";
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    if (std::freopen(out_path.c_str(), "w", stdout) == nullptr ||
        std::freopen(err_path.c_str(), "w", stderr) == nullptr)
      _exit(126);
    execl(NEWSD_BINARY, NEWSD_BINARY, "once", "--config", config.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  ASSERT_GT(pid, 0);
  // The poll is in flight once newsd has connected (generous limit: the
  // cluster starts first, and the machine may be loaded).
  pollfd waiting{listener, POLLIN, 0};
  ASSERT_EQ(::poll(&waiting, 1, 120'000), 1) << "newsd never connected to the feed";
  const int connection = ::accept(listener, nullptr, nullptr);
  EXPECT_TRUE(newsd::test::accepts_connections(url));  // the cluster this `once` started
  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ::close(connection);
  ::close(listener);
  auto read = [](const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
  const std::string out = read(out_path);
  const std::string err = read(err_path);
  ASSERT_TRUE(WIFEXITED(status)) << err;
  EXPECT_EQ(WEXITSTATUS(status), 128 + SIGTERM) << out << err;
  EXPECT_THAT(out, HasSubstr("sources polled: 1"));
  EXPECT_THAT(out, HasSubstr("interrupted by signal 15"));
  EXPECT_FALSE(newsd::test::accepts_connections(url)) << "the embedded cluster was left running";
}

}  // namespace
