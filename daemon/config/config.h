#pragma once
// newsd's configuration file (TOML). Every setting has a documented default,
// so an absent file is a valid configuration; every bad value is an error
// naming the file, the line and the key. docs/configuration.md describes the
// format; systemd/newsd.toml.example is a complete commented example.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace newsd::config {

using std::chrono::milliseconds;

// [database]
struct DatabaseConfig {
  // libpq connection string or postgresql:// URL; nullopt means "the embedded
  // cluster in the state directory" (unless --db or NEWSD_DB say otherwise).
  std::optional<std::string> url;
};

// [http]
struct HttpConfig {
  std::string user_agent = "newsd/0.1 (+https://newsd.dev/bot)";
  milliseconds connect_timeout{std::chrono::seconds(10)};
  milliseconds request_timeout{std::chrono::seconds(30)};  // whole request, headers to last byte
  std::size_t max_feed_bytes = 16u << 20;                  // larger feed bodies are refused
  std::size_t max_article_bytes = 8u << 20;                // larger article pages are refused
  int max_redirects = 5;
  // Private, loopback and link-local addresses are refused (SSRF) unless one
  // of these allows them: CIDR blocks ("10.0.0.0/8", "fd00::/8") or host names.
  std::vector<std::string> allow_private;
  std::optional<std::string> proxy;  // http://, https:// or socks5:// URL
};

// [politeness.hosts."example.com"]: overrides for one host.
struct HostOverride {
  std::optional<int> connections;
  std::optional<milliseconds> gap;
};

// [politeness]
struct PolitenessConfig {
  int per_host_connections = 2;                                // concurrent requests per host
  milliseconds host_gap{std::chrono::seconds(1)};              // pause between requests to one host
  milliseconds source_min_interval{std::chrono::minutes(15)};  // never poll one feed more often
  bool robots_for_feeds = false;  // also obey robots.txt for feed URLs (always for article pages)
  std::map<std::string, HostOverride, std::less<>> hosts;  // lowercased host -> override
};

// [scheduler]
struct SchedulerConfig {
  milliseconds min_interval{std::chrono::minutes(15)};  // adaptive interval's lower bound
  milliseconds max_interval{std::chrono::hours(24)};    // and its upper bound
};

// [retention]: how long rows are kept (docs/operations.md); nullopt keeps
// them forever. Pruning runs in the daemon in small batches.
struct RetentionConfig {
  std::optional<milliseconds> items;     // by first_seen_at; the key stays as a tombstone
  std::optional<milliseconds> articles;  // by created_at; emptied to a 'pruned' row
  std::optional<milliseconds> fetch_log{std::chrono::hours(24 * 30)};  // by at
  milliseconds tombstones{std::chrono::hours(24 * 365)};               // item keys and pruned articles
  int batch_size = 500;                                                // rows per statement
};

// [metrics]: `newsd run`'s /metrics and /healthz endpoint (docs/operations.md).
struct MetricsConfig {
  std::optional<std::string> listen;  // "127.0.0.1:9466"; nullopt: no endpoint (the default)
};

struct Config {
  // The file this was read from; nullopt when no file was found (all defaults).
  std::optional<std::filesystem::path> file;
  // Where the embedded cluster and other state live; nullopt = the default
  // (see cluster/state_dir.h).
  std::optional<std::filesystem::path> state_dir;
  DatabaseConfig database;
  HttpConfig http;
  PolitenessConfig politeness;
  SchedulerConfig scheduler;
  RetentionConfig retention;
  MetricsConfig metrics;
};

// A configuration file that cannot be used. what() is "FILE:LINE: KEY: reason".
class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string file, int line, std::string key, std::string reason);
  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] int line() const { return line_; }
  [[nodiscard]] const std::string& key() const { return key_; }
  [[nodiscard]] const std::string& reason() const { return reason_; }

 private:
  std::string file_;
  int line_;
  std::string key_;
  std::string reason_;
};

// Reads the environment; tests pass their own.
using Getenv = std::function<std::optional<std::string>(std::string_view name)>;
Getenv process_environment();

// The configuration file to use: `explicit_file` (--config) if given, else
// $NEWSD_CONFIG, both of which must exist; else the first that exists of
// $XDG_CONFIG_HOME/newsd/newsd.toml (~/.config/newsd/newsd.toml when unset)
// and /etc/newsd/newsd.toml; else nullopt (defaults). Throws ConfigError for
// an explicitly named file that does not exist.
std::optional<std::filesystem::path> find_config_file(
    const std::optional<std::filesystem::path>& explicit_file, const Getenv& getenv,
    const std::filesystem::path& system_file = "/etc/newsd/newsd.toml");

// Parses TOML text; `file_name` is used in error messages and stored in Config::file.
Config parse_config(std::string_view toml_text, const std::filesystem::path& file_name);

// Reads and parses a file (ConfigError when unreadable).
Config load_config_file(const std::filesystem::path& file);

// find_config_file + load_config_file; defaults when no file is found.
Config load_config(const std::optional<std::filesystem::path>& explicit_file, const Getenv& getenv);

}  // namespace newsd::config
