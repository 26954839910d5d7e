#include "config/config.h"
#include "metrics/server.h"

#include <arpa/inet.h>
#include <fmt/core.h>

#include <toml++/toml.h>
#include <algorithm>
#include <boost/url/parse.hpp>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "core/strings.h"
#include "feeds/duration.h"

namespace newsd::config {
namespace {

// Wraps one TOML table with the knowledge of where it is, so that every
// problem is reported as FILE:LINE: key: reason, and keys nobody reads (typos)
// are refused rather than silently ignored.
class Section {
 public:
  Section(const toml::table& table, std::string prefix, const std::string& file)
      : table_(table), prefix_(std::move(prefix)), file_(file) {}

  [[noreturn]] void fail(const toml::node& node, std::string_view key, std::string reason) const {
    throw ConfigError(file_, static_cast<int>(node.source().begin.line), full(key), std::move(reason));
  }

  // Refuses keys not in `known`.
  void only(std::initializer_list<std::string_view> known) const {
    for (const auto& [key, node] : table_) {
      if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
        std::string list;
        for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        fail(node, key.str(), fmt::format("unknown key (known here: {})", list));
      }
    }
  }

  [[nodiscard]] const toml::node* find(std::string_view key) const { return table_.get(key); }

  [[nodiscard]] std::optional<Section> table(std::string_view key) const {
    const auto* node = find(key);
    if (node == nullptr) return std::nullopt;
    if (!node->is_table()) fail(*node, key, "must be a table ([" + full(key) + "])");
    return Section(*node->as_table(), full(key), file_);
  }

  void string(std::string_view key, std::string& out) const {
    if (const auto* node = find(key)) out = require_string(*node, key);
  }
  void string(std::string_view key, std::optional<std::string>& out) const {
    if (const auto* node = find(key)) out = require_string(*node, key);
  }

  void positive_duration(std::string_view key, milliseconds& out) const {
    const auto* node = find(key);
    if (node == nullptr) return;
    std::string text = require_string(*node, key);
    auto parsed = feeds::parse_duration(text);
    if (!parsed)
      fail(*node, key, fmt::format("\"{}\" is not a duration (write e.g. 500ms, 10s, 5m, 1h30m, 2d)", text));
    if (parsed->count() <= 0) fail(*node, key, "must be longer than zero");
    out = *parsed;
  }
  void positive_duration(std::string_view key, std::optional<milliseconds>& out) const {
    if (find(key) == nullptr) return;
    milliseconds value{};
    positive_duration(key, value);
    out = value;
  }

  // A retention age: "forever" (keep everything) or a duration of at least an
  // hour (shorter would prune what the next poll is still reading).
  void retention_age(std::string_view key, std::optional<milliseconds>& out) const {
    const auto* node = find(key);
    if (node == nullptr) return;
    if (node->is_string() && *node->value<std::string>() == "forever") {
      out = std::nullopt;
      return;
    }
    milliseconds value{};
    positive_duration(key, value);
    if (value < std::chrono::hours(1)) fail(*node, key, "must be at least 1h, or \"forever\"");
    out = value;
  }

  void boolean(std::string_view key, bool& out) const {
    const auto* node = find(key);
    if (node == nullptr) return;
    if (!node->is_boolean()) fail(*node, key, "must be true or false");
    out = *node->value<bool>();
  }

  void positive_int(std::string_view key, int& out, int max) const {
    const auto* node = find(key);
    if (node == nullptr) return;
    auto value = node->value<std::int64_t>();
    if (!node->is_integer() || !value) fail(*node, key, "must be an integer");
    if (*value < 1 || *value > max) fail(*node, key, fmt::format("must be between 1 and {}", max));
    out = static_cast<int>(*value);
  }
  void positive_int(std::string_view key, std::optional<int>& out, int max) const {
    if (find(key) == nullptr) return;
    int value = 0;
    positive_int(key, value, max);
    out = value;
  }

  // An integer number of bytes, or a string with a unit: "512KiB", "10MiB", "1GB".
  void size(std::string_view key, std::size_t& out) const {
    const auto* node = find(key);
    if (node == nullptr) return;
    if (node->is_integer()) {
      auto value = *node->value<std::int64_t>();
      if (value < 1) fail(*node, key, "must be at least 1 byte");
      out = static_cast<std::size_t>(value);
      return;
    }
    if (!node->is_string()) fail(*node, key, "must be a size: an integer (bytes) or a string like \"10MiB\"");
    std::string text = *node->value<std::string>();
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
    static const std::pair<std::string_view, std::uint64_t> kUnits[] = {{"B", 1},
                                                                        {"KB", 1000},
                                                                        {"MB", 1000'000},
                                                                        {"GB", 1000'000'000},
                                                                        {"KiB", 1ull << 10},
                                                                        {"MiB", 1ull << 20},
                                                                        {"GiB", 1ull << 30}};
    std::string_view unit = std::string_view(text).substr(digits);
    auto found =
        std::find_if(std::begin(kUnits), std::end(kUnits), [&](const auto& u) { return u.first == unit; });
    if (digits == 0 || digits > 12 || found == std::end(kUnits)) {
      fail(*node, key,
           fmt::format("\"{}\" is not a size (write e.g. 512KiB, 10MiB, 1GB or a number of bytes)", text));
    }
    std::uint64_t value = std::stoull(text.substr(0, digits)) * found->second;
    if (value < 1 || value > (1ull << 40)) fail(*node, key, "must be between 1 byte and 1TiB");
    out = static_cast<std::size_t>(value);
  }

  // An array of strings, each checked by `validate` (returns a reason or nullopt).
  template <typename Validate>
  void string_list(std::string_view key, std::vector<std::string>& out, Validate&& validate) const {
    const auto* node = find(key);
    if (node == nullptr) return;
    if (!node->is_array()) fail(*node, key, "must be an array of strings");
    out.clear();
    for (const auto& element : *node->as_array()) {
      if (!element.is_string()) fail(element, key, "must be an array of strings");
      std::string text = *element.value<std::string>();
      if (auto problem = validate(text)) fail(element, key, *problem);
      out.push_back(text);
    }
  }

  [[nodiscard]] const toml::table& raw() const { return table_; }
  [[nodiscard]] std::string full(std::string_view key) const {
    return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
  }

 private:
  std::string require_string(const toml::node& node, std::string_view key) const {
    if (!node.is_string()) fail(node, key, "must be a string");
    return *node.value<std::string>();
  }

  const toml::table& table_;
  std::string prefix_;
  const std::string& file_;
};

bool valid_host_name(std::string_view host) {
  if (host.empty() || host.size() > 253 || host.front() == '.' || host.front() == '-') return false;
  return std::all_of(host.begin(), host.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
  });
}

std::optional<std::string> cidr_or_host_problem(std::string_view entry) {
  auto slash = entry.find('/');
  std::string address(entry.substr(0, slash));
  unsigned char buffer[16];
  int max_prefix = 0;
  if (inet_pton(AF_INET, address.c_str(), buffer) == 1) {
    max_prefix = 32;
  } else if (inet_pton(AF_INET6, address.c_str(), buffer) == 1) {
    max_prefix = 128;
  } else if (slash == std::string_view::npos && valid_host_name(entry)) {
    return std::nullopt;
  } else {
    return fmt::format("\"{}\" is neither an IP address, a CIDR block nor a host name", entry);
  }
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view prefix = entry.substr(slash + 1);
  bool digits = !prefix.empty() && prefix.size() <= 3 &&
                std::all_of(prefix.begin(), prefix.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || std::stoi(std::string(prefix)) > max_prefix) {
    return fmt::format("\"{}\": the prefix length must be 0 to {}", entry, max_prefix);
  }
  return std::nullopt;
}

void read_http(const Section& http, HttpConfig& out) {
  http.only({"user_agent", "connect_timeout", "request_timeout", "max_feed_size", "max_article_size",
             "max_redirects", "allow_private", "proxy"});
  http.string("user_agent", out.user_agent);
  if (const auto* node = http.find("user_agent")) {
    if (out.user_agent.empty() || out.user_agent.find_first_of("\r\n") != std::string::npos) {
      http.fail(*node, "user_agent", "must be one non-empty line");
    }
  }
  http.positive_duration("connect_timeout", out.connect_timeout);
  http.positive_duration("request_timeout", out.request_timeout);
  http.size("max_feed_size", out.max_feed_bytes);
  http.size("max_article_size", out.max_article_bytes);
  if (const auto* node = http.find("max_redirects")) {
    auto value = node->value<std::int64_t>();
    if (!node->is_integer() || *value < 0 || *value > 20) {
      http.fail(*node, "max_redirects", "must be an integer between 0 and 20");
    }
    out.max_redirects = static_cast<int>(*value);
  }
  http.string_list("allow_private", out.allow_private, cidr_or_host_problem);
  http.string("proxy", out.proxy);
  if (out.proxy) {
    auto parsed = boost::urls::parse_absolute_uri(*out.proxy);
    static const std::set<std::string, std::less<>> kSchemes{"http", "https", "socks5", "socks5h"};
    if (!parsed || !kSchemes.contains(core::to_lower(parsed->scheme())) || parsed->encoded_host().empty()) {
      http.fail(*http.find("proxy"), "proxy",
                fmt::format("\"{}\" is not a proxy URL (http://, https://, socks5:// or socks5h://HOST:PORT)",
                            *out.proxy));
    }
  }
}

void read_politeness(const Section& politeness, PolitenessConfig& out) {
  politeness.only({"per_host_connections", "host_gap", "source_min_interval", "robots_for_feeds", "hosts"});
  politeness.boolean("robots_for_feeds", out.robots_for_feeds);
  politeness.positive_int("per_host_connections", out.per_host_connections, 64);
  politeness.positive_duration("host_gap", out.host_gap);
  politeness.positive_duration("source_min_interval", out.source_min_interval);
  if (auto hosts = politeness.table("hosts")) {
    for (const auto& [name, node] : hosts->raw()) {
      std::string host = core::to_lower(name.str());
      std::string_view bare = host;
      if (auto colon = bare.rfind(':'); colon != std::string_view::npos) bare = bare.substr(0, colon);
      if (!valid_host_name(bare)) hosts->fail(node, name.str(), "is not a host name");
      auto section = hosts->table(name.str());
      section->only({"connections", "gap"});
      HostOverride override_settings;
      section->positive_int("connections", override_settings.connections, 64);
      section->positive_duration("gap", override_settings.gap);
      out.hosts[host] = override_settings;
    }
  }
}

void read_retention(const Section& retention, RetentionConfig& out) {
  retention.only({"items", "articles", "fetch_log", "tombstones", "batch_size"});
  retention.retention_age("items", out.items);
  retention.retention_age("articles", out.articles);
  retention.retention_age("fetch_log", out.fetch_log);
  if (const auto* node = retention.find("tombstones")) {
    std::optional<milliseconds> tombstones = out.tombstones;
    retention.retention_age("tombstones", tombstones);
    if (!tombstones) retention.fail(*node, "tombstones", "must be a duration (tombstones are always pruned)");
    out.tombstones = *tombstones;
  }
  retention.positive_int("batch_size", out.batch_size, 100000);
}

}  // namespace

ConfigError::ConfigError(std::string file, int line, std::string key, std::string reason)
    : std::runtime_error(fmt::format("{}:{}: {}{}", file, line, key.empty() ? "" : key + ": ", reason)),
      file_(std::move(file)),
      line_(line),
      key_(std::move(key)),
      reason_(std::move(reason)) {}

Getenv process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
  };
}

std::optional<std::filesystem::path> find_config_file(
    const std::optional<std::filesystem::path>& explicit_file, const Getenv& getenv,
    const std::filesystem::path& system_file) {
  namespace fs = std::filesystem;
  auto must_exist = [](const fs::path& file, std::string_view origin) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
      throw ConfigError(file.string(), 0, "",
                        fmt::format("no such configuration file (named by {})", origin));
    }
    return file;
  };
  if (explicit_file) return must_exist(*explicit_file, "--config");
  if (auto env = getenv("NEWSD_CONFIG")) return must_exist(*env, "NEWSD_CONFIG");
  std::optional<fs::path> user_dir;
  if (auto xdg = getenv("XDG_CONFIG_HOME"); xdg && fs::path(*xdg).is_absolute()) {
    user_dir = *xdg;
  } else if (auto home = getenv("HOME")) {
    user_dir = fs::path(*home) / ".config";
  }
  std::error_code ec;
  if (user_dir && fs::is_regular_file(*user_dir / "newsd" / "newsd.toml", ec)) {
    return *user_dir / "newsd" / "newsd.toml";
  }
  if (fs::is_regular_file(system_file, ec)) return system_file;
  return std::nullopt;
}

Config parse_config(std::string_view toml_text, const std::filesystem::path& file_name) {
  const std::string file = file_name.string();
  toml::table root;
  try {
    root = toml::parse(toml_text, file);
  } catch (const toml::parse_error& e) {
    throw ConfigError(file, static_cast<int>(e.source().begin.line), "",
                      fmt::format("not valid TOML: {}", e.description()));
  }
  Config config;
  config.file = file_name;
  Section top(root, "", file);
  top.only({"state_dir", "database", "http", "politeness", "scheduler", "retention", "metrics"});
  if (const auto* node = top.find("state_dir")) {
    std::optional<std::string> dir;
    top.string("state_dir", dir);
    if (dir->empty() || !std::filesystem::path(*dir).is_absolute())
      top.fail(*node, "state_dir", "must be an absolute path");
    config.state_dir = *dir;
  }
  if (auto database = top.table("database")) {
    database->only({"url"});
    database->string("url", config.database.url);
    if (config.database.url && config.database.url->empty()) {
      database->fail(*database->find("url"), "url",
                     "must not be empty (leave it out for the embedded cluster)");
    }
  }
  if (auto http = top.table("http")) read_http(*http, config.http);
  if (auto politeness = top.table("politeness")) read_politeness(*politeness, config.politeness);
  if (auto scheduler = top.table("scheduler")) {
    scheduler->only({"min_interval", "max_interval"});
    scheduler->positive_duration("min_interval", config.scheduler.min_interval);
    scheduler->positive_duration("max_interval", config.scheduler.max_interval);
    if (config.scheduler.min_interval > config.scheduler.max_interval) {
      const auto* node =
          scheduler->find("max_interval") ? scheduler->find("max_interval") : scheduler->find("min_interval");
      scheduler->fail(*node, scheduler->find("max_interval") ? "max_interval" : "min_interval",
                      fmt::format("min_interval ({}) is longer than max_interval ({})",
                                  feeds::format_duration(config.scheduler.min_interval),
                                  feeds::format_duration(config.scheduler.max_interval)));
    }
  }
  if (auto retention = top.table("retention")) read_retention(*retention, config.retention);
  if (auto metrics = top.table("metrics")) {
    metrics->only({"listen"});
    metrics->string("listen", config.metrics.listen);
    if (config.metrics.listen) {
      try {
        metrics::parse_listen_address(*config.metrics.listen);
      } catch (const std::invalid_argument& e) {
        metrics->fail(*metrics->find("listen"), "listen", e.what());
      }
    }
  }
  return config;
}

Config load_config_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(file.string(), 0, "", "cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) throw ConfigError(file.string(), 0, "", "cannot be read");
  return parse_config(text.str(), file);
}

Config load_config(const std::optional<std::filesystem::path>& explicit_file, const Getenv& getenv) {
  if (auto file = find_config_file(explicit_file, getenv)) return load_config_file(*file);
  return Config{};
}

}  // namespace newsd::config
