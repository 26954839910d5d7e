#include "cluster/embedded_cluster.h"

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "storage/pg.h"

namespace newsd::cluster {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kDatabase = "newsd";
constexpr std::string_view kSuperuser = "newsd";
constexpr int kPort = 5432;

// An open file descriptor, closed on destruction. O_CLOEXEC everywhere: the
// postmaster that pg_ctl starts must not inherit (and so hold) our flocks.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    reset(std::exchange(other.fd_, -1));
    return *this;
  }
  ~Fd() { reset(); }
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }
  [[nodiscard]] int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

Fd open_lock_file(const fs::path& path) {
  Fd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
  if (fd.get() < 0) throw std::system_error(errno, std::generic_category(), "cannot open " + path.string());
  return fd;
}

// flock, retried on EINTR; false when `nonblocking` and the lock is taken.
bool lock(int fd, int operation, const fs::path& path) {
  while (::flock(fd, operation) != 0) {
    if (errno == EINTR) continue;
    if (errno == EWOULDBLOCK && (operation & LOCK_NB) != 0) return false;
    throw std::system_error(errno, std::generic_category(), "cannot lock " + path.string());
  }
  return true;
}

// Held while the server is being started or stopped: one newsd at a time.
class TransitionLock {
 public:
  explicit TransitionLock(const fs::path& state_dir)
      : path_(state_dir / "cluster.lock"), fd_(open_lock_file(path_)) {
    lock(fd_.get(), LOCK_EX, path_);
  }

 private:
  fs::path path_;
  Fd fd_;  // closing it releases the lock
};

std::string percent_encode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::string sql_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::string url_for(const fs::path& socket_dir, std::string_view database) {
  return fmt::format("postgresql:///{}?host={}&port={}&user={}", database,
                     percent_encode(socket_dir.string()), kPort, kSuperuser);
}

// The last lines of a log, for error messages.
std::string tail_of(const fs::path& log, std::size_t max_lines = 8) {
  std::ifstream in(log);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
    if (lines.size() > max_lines) lines.erase(lines.begin());
  }
  std::string out;
  for (const auto& line : lines) out += "\n  " + line;
  return out;
}

// initdb and postgres refuse to run as root; pick (or create) an account.
std::optional<Account> cluster_account(const Logger& logger) {
  if (::geteuid() != 0) return std::nullopt;
  if (auto account = find_account("newsd")) return account;
  if (auto account = find_account("postgres")) return account;
  logger.info("creating the system account 'newsd' to run the embedded PostgreSQL cluster");
  int status =
      run_process({"/usr/sbin/useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
                   "--shell", "/usr/sbin/nologin", "--comment", "newsd embedded PostgreSQL", "newsd"},
                  {});
  if (auto account = find_account("newsd")) return account;
  throw std::runtime_error(fmt::format(
      "running as root, and no 'newsd' or 'postgres' account exists to run PostgreSQL as (useradd exited {})",
      status));
}

}  // namespace

std::string embedded_cluster_url(const fs::path& state_dir) {
  return url_for(state_dir / "postgres", kDatabase);
}

EmbeddedCluster::EmbeddedCluster(ClusterOptions options, std::optional<Account> account)
    : options_(std::move(options)),
      account_(std::move(account)),
      url_(embedded_cluster_url(options_.state_dir)) {}

namespace {

struct Tools {
  const ClusterOptions& options;
  const std::optional<Account>& account;

  [[nodiscard]] fs::path socket_dir() const { return options.state_dir / "postgres"; }
  [[nodiscard]] fs::path data_dir() const { return socket_dir() / "data"; }
  [[nodiscard]] fs::path tools_log() const { return socket_dir() / "tools.log"; }
  [[nodiscard]] fs::path server_log() const { return socket_dir() / "server.log"; }

  int run(std::string_view tool, std::vector<std::string> args) const {
    args.insert(args.begin(), (options.pg_bin / tool).string());
    return run_process(args, {account, tools_log(), socket_dir()});
  }

  [[nodiscard]] bool running() const {
    if (!fs::exists(data_dir() / "PG_VERSION")) return false;
    return run("pg_ctl", {"status", "-D", data_dir().string()}) == 0;
  }

  void prepare_directories() const {
    // Directories we create ourselves; the ones that existed are left as they are.
    std::vector<fs::path> created;
    for (auto dir = fs::absolute(options.state_dir); !fs::exists(dir); dir = dir.parent_path()) {
      created.push_back(dir);
      if (dir == dir.parent_path()) break;
    }
    fs::create_directories(options.state_dir);
    if (account) {
      // The cluster's account must be able to reach its directory: grant
      // search (not read) permission on the state directory and on what we
      // created above it, and check the rest of the way.
      created.push_back(fs::absolute(options.state_dir));
      for (const auto& dir : created) {
        struct stat info {};
        if (::stat(dir.c_str(), &info) == 0 && (info.st_mode & S_IXOTH) == 0) {
          ::chmod(dir.c_str(), (info.st_mode & 07777) | S_IXOTH);
        }
      }
      for (auto dir = fs::absolute(options.state_dir);; dir = dir.parent_path()) {
        struct stat info {};
        if (::stat(dir.c_str(), &info) != 0) {
          throw std::system_error(errno, std::generic_category(), "cannot stat " + dir.string());
        }
        bool reachable = (info.st_mode & S_IXOTH) != 0 ||
                         (info.st_uid == account->uid && (info.st_mode & S_IXUSR) != 0) ||
                         (info.st_gid == account->gid && (info.st_mode & S_IXGRP) != 0);
        if (!reachable) {
          throw std::runtime_error(fmt::format(
              "the PostgreSQL server runs as '{}', which cannot reach {} (mode {:04o}, owner uid {}): "
              "allow it search permission (chmod o+x) or choose another state_dir",
              account->name, dir.string(), info.st_mode & 07777, info.st_uid));
        }
        if (dir == dir.parent_path()) break;
      }
    }
    fs::create_directories(socket_dir());
    if (account && ::chown(socket_dir().c_str(), account->uid, account->gid) != 0) {
      throw std::system_error(errno, std::generic_category(),
                              "cannot hand " + socket_dir().string() + " to " + account->name);
    }
    // Trust authentication is safe only because nobody else can reach the socket.
    fs::permissions(socket_dir(), fs::perms::owner_all, fs::perm_options::replace);
    // sockaddr_un.sun_path holds 108 bytes, including the terminating NUL.
    auto socket_path = (socket_dir() / fmt::format(".s.PGSQL.{}", kPort)).string();
    if (socket_path.size() >= 108) {
      throw std::runtime_error(fmt::format(
          "the state directory {} is too deep for a Unix socket path ({} bytes, the limit is 107): "
          "set state_dir to a shorter path",
          options.state_dir.string(), socket_path.size()));
    }
  }

  void create_cluster() const {
    auto scratch = socket_dir() / "data.initdb";
    fs::remove_all(scratch);
    options.logger.info("creating the embedded PostgreSQL cluster in {}", data_dir().string());
    std::vector<std::string> args = {
        "-D",   scratch.string(),  "-U", std::string(kSuperuser), "-A", "trust", "-E",
        "UTF8", "--locale=C.UTF-8"};
    if (options.unsafe_fast) args.emplace_back("--no-sync");
    if (int status = run("initdb", args); status != 0) {
      throw std::runtime_error(fmt::format("initdb failed with status {} (see {}):{}", status,
                                           tools_log().string(), tail_of(tools_log())));
    }
    std::ofstream conf(scratch / "postgresql.conf", std::ios::app);
    conf << "\n# Added by newsd: reachable only through the Unix socket in " << socket_dir().string() << ".\n"
         << "listen_addresses = ''\n"
         << "unix_socket_directories = " << sql_quote(socket_dir().string()) << "\n"
         << "unix_socket_permissions = 0700\n"
         << "port = " << kPort
         << "\n"
         // LLVM JIT writes executable memory, which the systemd unit's
         // MemoryDenyWriteExecute forbids; news queries gain nothing from it.
         << "jit = off\n";
    if (options.unsafe_fast) conf << "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n";
    conf.close();
    if (!conf) throw std::runtime_error("cannot write " + (scratch / "postgresql.conf").string());
    // Renamed only when complete: a half-made cluster is never mistaken for one.
    fs::rename(scratch, data_dir());
  }

  void start() const {
    options.logger.info("starting the embedded PostgreSQL server ({})", data_dir().string());
    int status = run("pg_ctl", {"start", "-D", data_dir().string(), "-l", server_log().string(), "-w", "-t",
                                std::to_string(options.start_timeout.count())});
    if (status != 0) {
      throw std::runtime_error(fmt::format("the embedded PostgreSQL server did not start (see {}):{}",
                                           server_log().string(), tail_of(server_log())));
    }
  }

  void stop() const {
    options.logger.info("stopping the embedded PostgreSQL server ({})", data_dir().string());
    if (run("pg_ctl", {"stop", "-D", data_dir().string(), "-m", "fast", "-w", "-t", "60"}) != 0) {
      throw std::runtime_error(
          fmt::format("pg_ctl stop failed (see {}):{}", tools_log().string(), tail_of(tools_log())));
    }
  }

  void ensure_database() const {
    pg::Connection admin(url_for(socket_dir(), "postgres"));
    auto found = admin.exec("look for the newsd database", "select 1 from pg_database where datname = $1",
                            {pg::Param(kDatabase)});
    if (found.rows() == 0) {
      // An identifier cannot be a bound parameter; kDatabase is a constant.
      admin.exec("create the newsd database", fmt::format("create database {}", kDatabase));
    }
  }
};

}  // namespace

std::unique_ptr<EmbeddedCluster> EmbeddedCluster::open(const ClusterOptions& options) {
  if (!fs::exists(options.pg_bin / "pg_ctl")) {
    throw std::runtime_error(fmt::format(
        "no PostgreSQL 15 server in {} (install postgresql-15, or give a database with --db, NEWSD_DB or "
        "[database] url)",
        options.pg_bin.string()));
  }
  auto account = cluster_account(options.logger);
  std::unique_ptr<EmbeddedCluster> cluster(new EmbeddedCluster(options, account));
  Tools tools{cluster->options_, cluster->account_};
  tools.prepare_directories();

  TransitionLock transition(options.state_dir);
  Fd users = open_lock_file(options.state_dir / "cluster.users");
  lock(users.get(), LOCK_SH, options.state_dir / "cluster.users");
  if (tools.running()) {
    options.logger.debug("joining the embedded PostgreSQL server already running in {}",
                         tools.data_dir().string());
  } else {
    if (!fs::exists(tools.data_dir() / "PG_VERSION")) tools.create_cluster();
    tools.start();
    cluster->started_server_ = true;
  }
  try {
    tools.ensure_database();
  } catch (...) {
    if (cluster->started_server_) {
      try {
        tools.stop();
      } catch (const std::exception& e) {
        options.logger.error("{}", e.what());
      }
    }
    throw;
  }
  cluster->users_fd_ = users.release();
  return cluster;
}

EmbeddedCluster::~EmbeddedCluster() {
  if (users_fd_ < 0) return;
  try {
    Tools tools{options_, account_};
    TransitionLock transition(options_.state_dir);
    ::close(users_fd_);
    users_fd_ = -1;
    // Anyone else still holding the shared lock keeps the server up; so does
    // a "keep running" request from db-url.
    Fd users = open_lock_file(options_.state_dir / "cluster.users");
    if (!lock(users.get(), LOCK_EX | LOCK_NB, options_.state_dir / "cluster.users")) return;
    if (fs::exists(options_.state_dir / "cluster.keep")) return;
    if (tools.running()) tools.stop();
  } catch (const std::exception& e) {
    options_.logger.error("leaving the embedded PostgreSQL cluster in {}: {}", options_.state_dir.string(),
                          e.what());
  }
  if (users_fd_ >= 0) ::close(users_fd_);
}

void EmbeddedCluster::keep_running() {
  std::ofstream marker(options_.state_dir / "cluster.keep");
  marker << "newsd db-url asked to keep the embedded PostgreSQL server running; `newsd db-stop` stops it.\n";
  if (!marker) throw std::runtime_error("cannot write " + (options_.state_dir / "cluster.keep").string());
}

StopOutcome stop_embedded_cluster(const ClusterOptions& options) {
  if (!fs::exists(options.state_dir / "postgres" / "data" / "PG_VERSION")) return StopOutcome::not_running;
  auto account = cluster_account(options.logger);
  Tools tools{options, account};
  TransitionLock transition(options.state_dir);
  fs::remove(options.state_dir / "cluster.keep");
  if (!tools.running()) return StopOutcome::not_running;
  Fd users = open_lock_file(options.state_dir / "cluster.users");
  if (!lock(users.get(), LOCK_EX | LOCK_NB, options.state_dir / "cluster.users")) return StopOutcome::in_use;
  tools.stop();
  return StopOutcome::stopped;
}

}  // namespace newsd::cluster
