#pragma once
// The embedded default: with no database named, newsd runs its own PostgreSQL
// 15 cluster under its state directory, reachable only through a Unix socket
// in that directory.
//
// Layout of STATE_DIR:
//   cluster.lock       exclusive flock while a newsd starts or stops the server
//   cluster.users      shared flock held by every newsd using the server
//   cluster.keep       present after `newsd db-url`: keep running until db-stop
//   postgres/          owned by the cluster's account, mode 0700:
//     data/            PGDATA            server.log  the server's log
//     .s.PGSQL.5432    the socket        tools.log   initdb/pg_ctl output
//
// Several newsd processes may share one state directory: the first starts the
// server, the others join it, and the last one out stops it (unless db-url
// asked to keep it running). As root, the server runs as the `newsd` account
// (else `postgres`; `newsd` is created with useradd --system when neither
// exists), because initdb and postgres refuse to run as root.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "cluster/process.h"
#include "core/log.h"

namespace newsd::cluster {

struct ClusterOptions {
  std::filesystem::path state_dir;
  std::filesystem::path pg_bin = "/usr/lib/postgresql/15/bin";
  std::chrono::seconds start_timeout{60};
  // Tests: initdb --no-sync and fsync = off. Never for real data.
  bool unsafe_fast = false;
  Logger logger;
};

// The state directory to use when none is configured: $STATE_DIRECTORY (set
// by systemd's StateDirectory=, first entry), else $XDG_STATE_HOME/newsd,
// else $HOME/.local/state/newsd.
template <typename Getenv>
std::filesystem::path default_state_dir(const Getenv& getenv) {
  if (auto systemd = getenv("STATE_DIRECTORY")) {
    auto first = systemd->substr(0, systemd->find(':'));
    if (!first.empty()) return std::filesystem::path(first);
  }
  if (auto xdg = getenv("XDG_STATE_HOME"); xdg && std::filesystem::path(*xdg).is_absolute()) {
    return std::filesystem::path(*xdg) / "newsd";
  }
  if (auto home = getenv("HOME")) return std::filesystem::path(*home) / ".local" / "state" / "newsd";
  throw std::runtime_error(
      "no state directory: set state_dir in the configuration, or XDG_STATE_HOME or HOME");
}

// A handle on the running cluster: while it lives, the server keeps running.
class EmbeddedCluster {
 public:
  // Starts the server (creating the cluster and its `newsd` database on first
  // use) or joins the one already running. Throws std::runtime_error naming
  // the step that failed and where its log is.
  static std::unique_ptr<EmbeddedCluster> open(const ClusterOptions& options);

  EmbeddedCluster(const EmbeddedCluster&) = delete;
  EmbeddedCluster& operator=(const EmbeddedCluster&) = delete;
  // Leaves; stops the server when this was the last user and nobody asked to
  // keep it running.
  ~EmbeddedCluster();

  // libpq URL of the `newsd` database, e.g.
  // postgresql:///newsd?host=%2Fhome%2Fme%2F.local%2Fstate%2Fnewsd%2Fpostgres&port=5432&user=newsd
  [[nodiscard]] const std::string& url() const { return url_; }
  [[nodiscard]] std::filesystem::path socket_dir() const { return options_.state_dir / "postgres"; }
  [[nodiscard]] std::filesystem::path data_dir() const { return socket_dir() / "data"; }
  // True when this handle started the server, false when it joined a running one.
  [[nodiscard]] bool started_server() const { return started_server_; }

  // Marks the cluster "keep running" (cluster.keep): no newsd stops it on
  // exit any more; `newsd db-stop` (stop_embedded_cluster) does.
  void keep_running();

 private:
  EmbeddedCluster(ClusterOptions options, std::optional<Account> account);

  ClusterOptions options_;
  std::optional<Account> account_;  // set when running as root
  int users_fd_ = -1;               // holds the shared flock on cluster.users
  std::string url_;
  bool started_server_ = false;
};

enum class StopOutcome { stopped, not_running, in_use };

// `newsd db-stop`: clears "keep running" and stops the server unless a newsd
// is still using it (then it is stopped when the last one exits).
StopOutcome stop_embedded_cluster(const ClusterOptions& options);

// The URL of the cluster in `state_dir`, whether or not it is running.
std::string embedded_cluster_url(const std::filesystem::path& state_dir);

}  // namespace newsd::cluster
