// `newsd run` with [metrics] listen: /metrics parsed as Prometheus text (the
// fetch counters equal the fetch_log rows and move as fetches happen), and
// /healthz 200 with the database up, 503 once it is stopped.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "pipeline_support.h"
#include "test_db.h"

namespace newsd::test {
namespace {

using Clock = std::chrono::steady_clock;
using LabelMap = std::map<std::string, std::string>;

// ---- a small Prometheus text-format (0.0.4) parser ----

struct Sample {
  std::string name;
  LabelMap labels;
  double value = 0;
};

struct Exposition {
  std::map<std::string, std::string> types;  // family -> counter, gauge, histogram
  std::map<std::string, std::string> help;
  std::vector<Sample> samples;

  // The sum of a metric's samples whose labels include `match`.
  [[nodiscard]] double sum(const std::string& name, const LabelMap& match = {}) const {
    double total = 0;
    for (const auto& sample : samples) {
      if (sample.name != name) continue;
      bool all = true;
      for (const auto& [key, value] : match) {
        auto it = sample.labels.find(key);
        all = all && it != sample.labels.end() && it->second == value;
      }
      if (all) total += sample.value;
    }
    return total;
  }
};

double parse_number(const std::string& text) {
  if (text == "+Inf") return std::numeric_limits<double>::infinity();
  if (text == "-Inf") return -std::numeric_limits<double>::infinity();
  if (text == "NaN") return std::numeric_limits<double>::quiet_NaN();
  std::size_t used = 0;
  double value = std::stod(text, &used);
  if (used != text.size()) throw std::runtime_error("not a number: " + text);
  return value;
}

// The family a sample belongs to: a histogram's _bucket/_sum/_count belong to it.
std::string family_of(const std::string& name, const std::map<std::string, std::string>& types) {
  if (types.contains(name)) return name;
  for (std::string_view suffix : {"_bucket", "_sum", "_count"}) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      auto base = name.substr(0, name.size() - suffix.size());
      if (auto it = types.find(base); it != types.end() && it->second == "histogram") return base;
    }
  }
  return {};
}

// Throws std::runtime_error naming the line on anything malformed.
Exposition parse_exposition(const std::string& text) {
  static const std::regex kName("[a-zA-Z_:][a-zA-Z0-9_:]*");
  Exposition out;
  std::istringstream lines(text);
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    auto fail = [&](const std::string& why) {
      throw std::runtime_error("line " + std::to_string(number) + ": " + why + ": " + line);
    };
    if (line.empty()) continue;
    if (line.starts_with("# HELP ") || line.starts_with("# TYPE ")) {
      auto rest = line.substr(7);
      auto space = rest.find(' ');
      if (space == std::string::npos) fail("no text");
      auto name = rest.substr(0, space);
      if (!std::regex_match(name, kName)) fail("bad metric name");
      if (line[2] == 'H') {
        out.help[name] = rest.substr(space + 1);
      } else {
        auto type = rest.substr(space + 1);
        if (type != "counter" && type != "gauge" && type != "histogram" && type != "summary" &&
            type != "untyped")
          fail("unknown type");
        if (out.types.contains(name)) fail("second TYPE line");
        out.types[name] = type;
      }
      continue;
    }
    if (line.starts_with("#")) continue;
    Sample sample;
    std::size_t at = 0;
    while (at < line.size() && line[at] != '{' && line[at] != ' ') ++at;
    sample.name = line.substr(0, at);
    if (!std::regex_match(sample.name, kName)) fail("bad sample name");
    if (at < line.size() && line[at] == '{') {
      ++at;
      while (at < line.size() && line[at] != '}') {
        auto equals = line.find('=', at);
        if (equals == std::string::npos || equals + 1 >= line.size() || line[equals + 1] != '"')
          fail("bad label");
        auto label = line.substr(at, equals - at);
        std::string value;
        at = equals + 2;
        for (;; ++at) {
          if (at >= line.size()) fail("unterminated label value");
          char c = line[at];
          if (c == '"') break;
          if (c == '\\') {
            if (++at >= line.size()) fail("dangling escape");
            char e = line[at];
            if (e == 'n') {
              value += '\n';
            } else if (e == '\\' || e == '"') {
              value += e;
            } else {
              fail("bad escape");
            }
          } else {
            value += c;
          }
        }
        ++at;  // past the closing quote
        if (!sample.labels.emplace(label, value).second) fail("label twice");
        if (at < line.size() && line[at] == ',') ++at;
      }
      if (at >= line.size()) fail("unterminated labels");
      ++at;  // past '}'
    }
    if (at >= line.size() || line[at] != ' ') fail("no value");
    auto value_text = line.substr(at + 1);
    if (auto space = value_text.find(' '); space != std::string::npos)
      value_text = value_text.substr(0, space);
    sample.value = parse_number(value_text);
    if (family_of(sample.name, out.types).empty()) fail("sample before its TYPE line");
    out.samples.push_back(std::move(sample));
  }
  // Histograms: per label set, buckets cumulative in le order, +Inf = _count, a _sum.
  for (const auto& [family, type] : out.types) {
    if (type != "histogram") continue;
    std::map<LabelMap, std::vector<std::pair<double, double>>> buckets;
    std::map<LabelMap, double> counts;
    std::set<LabelMap> sums;
    for (const auto& sample : out.samples) {
      LabelMap labels = sample.labels;
      if (sample.name == family + "_bucket") {
        auto le = labels.find("le");
        if (le == labels.end()) throw std::runtime_error(family + "_bucket without le");
        double bound = parse_number(le->second);
        labels.erase(le);
        buckets[labels].emplace_back(bound, sample.value);
      } else if (sample.name == family + "_count") {
        counts[labels] = sample.value;
      } else if (sample.name == family + "_sum") {
        sums.insert(labels);
      }
    }
    for (auto& [labels, series] : buckets) {
      std::sort(series.begin(), series.end());
      for (std::size_t i = 1; i < series.size(); ++i) {
        if (series[i].second < series[i - 1].second)
          throw std::runtime_error(family + ": buckets not cumulative");
      }
      if (series.empty() || !std::isinf(series.back().first))
        throw std::runtime_error(family + ": no +Inf bucket");
      if (!counts.contains(labels) || counts[labels] != series.back().second)
        throw std::runtime_error(family + ": +Inf bucket differs from _count");
      if (!sums.contains(labels)) throw std::runtime_error(family + ": no _sum");
    }
    if (buckets.size() != counts.size()) throw std::runtime_error(family + ": _count without buckets");
  }
  return out;
}

TEST(PrometheusParser, ReadsLabelsEscapesAndChecksHistograms) {
  auto parsed = parse_exposition(
      "# HELP a_total A.\n# TYPE a_total counter\na_total{x=\"q\\\"\\\\\\n\",y=\"2\"} 3\n"
      "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 3.5\nh_count 2\n");
  EXPECT_EQ(parsed.sum("a_total", {{"x", "q\"\\\n"}}), 3);
  EXPECT_THROW(parse_exposition("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\n"
                                "h_count 1\n"),
               std::runtime_error);
  EXPECT_THROW(parse_exposition("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 3\n"),
               std::runtime_error);
  EXPECT_THROW(parse_exposition("untyped_sample 1\n"), std::runtime_error);
}

// ---- a minimal HTTP/1.0 client: the request, then everything until close ----

struct HttpAnswer {
  int status = 0;  // 0: no answer
  std::string body;
};

HttpAnswer http_get(int port, const std::string& path) {
  HttpAnswer answer;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return answer;
  timeval timeout{30, 0};  // generous: the machine may be loaded
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string raw;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
    std::string request = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
    if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
      char buffer[8192];
      for (ssize_t got; (got = recv(fd, buffer, sizeof buffer, 0)) > 0;)
        raw.append(buffer, static_cast<std::size_t>(got));
    }
  }
  close(fd);
  auto head_end = raw.find("\r\n\r\n");
  if (!raw.starts_with("HTTP/1.") || head_end == std::string::npos || raw.size() < 12) return answer;
  answer.status = std::stoi(raw.substr(9, 3));
  answer.body = raw.substr(head_end + 4);
  return answer;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string status_class(std::optional<int> status) {
  if (!status) return "error";
  if (*status == 304) return "304";
  if (*status >= 200 && *status < 600) return std::to_string(*status / 100) + "xx";
  return "error";
}

class RunningDaemon {
 public:
  RunningDaemon(const PipelineWorld& world, const std::filesystem::path& dir) : log_(dir / "run.log") {
    auto config = dir / "newsd.toml";
    std::ofstream(config)
        << "[http]\nallow_private = [\"127.0.0.1\"]\n[politeness]\nper_host_connections = 4\n"
           "host_gap = \"10ms\"\n[metrics]\nlisten = \"127.0.0.1:0\"\n";
    pid_ = fork();
    if (pid_ == 0) {
      FILE* out = std::freopen(log_.c_str(), "w", stderr);
      (void)out;
      execl(NEWSD_BINARY, NEWSD_BINARY, "run", "--db", world.url().c_str(), "--config", config.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
  }
  ~RunningDaemon() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  RunningDaemon(const RunningDaemon&) = delete;
  RunningDaemon& operator=(const RunningDaemon&) = delete;

  // The port newsd logged it bound (it was asked for port 0); 0 if it never did.
  int wait_for_port(std::chrono::seconds limit) const {
    static const std::regex kBound("serving /metrics and /healthz on http://127\\.0\\.0\\.1:([0-9]+)");
    auto deadline = Clock::now() + limit;
    while (Clock::now() < deadline) {
      std::smatch match;
      auto text = read_file(log_);
      if (std::regex_search(text, match, kBound)) return std::stoi(match[1]);
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) return 0;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return 0;
  }

  // SIGTERM, then the exit status; -1 if it did not exit normally.
  int stop() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  [[nodiscard]] std::string log() const { return read_file(log_); }

 private:
  std::filesystem::path log_;
  pid_t pid_ = 0;
};

// Polls `path` until `done(answer)`, at most `limit`; returns the last answer.
template <typename Done>
HttpAnswer poll_until(int port, const std::string& path, std::chrono::seconds limit, Done done) {
  auto deadline = Clock::now() + limit;
  HttpAnswer answer;
  while (Clock::now() < deadline) {
    answer = http_get(port, path);
    if (done(answer)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return answer;
}

TEST(MetricsEndpoint, CountersMatchFetchLogAndHealthFollowsTheDatabase) {
  PipelineWorld world("pipeline_metrics");
  auto dir = std::filesystem::temp_directory_path() / ("newsd-metrics-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  RunningDaemon daemon(world, dir);
  int port = daemon.wait_for_port(std::chrono::seconds(60));
  ASSERT_GT(port, 0) << daemon.log();

  // Scrape while the start-up window spreads the polls out: the fetch
  // counters are seen to grow, until every source was polled, no article is
  // left pending and the counters equal the fetch_log rows.
  std::vector<double> totals;
  Exposition last;
  auto deadline = Clock::now() + std::chrono::seconds(180);
  bool settled = false;
  while (Clock::now() < deadline && !settled) {
    auto answer = http_get(port, "/metrics");
    ASSERT_EQ(answer.status, 200) << daemon.log();
    ASSERT_NO_THROW(last = parse_exposition(answer.body)) << answer.body;
    double total = last.sum("newsd_fetches_total");
    if (totals.empty() || totals.back() != total) totals.push_back(total);
    long long rows = world.count("select count(*) from fetch_log");
    // The counters move once the database call returns, after its commit: a
    // scrape taken just before the last article's commit shows one fewer than
    // the table read just after. Settled means they agree, not only that
    // nothing is pending (on a loaded machine the two reads straddle a commit).
    settled = world.count("select count(*) from sources where last_polled_at is null") == 0 &&
              world.count("select count(*) from articles where status = 'pending'") == 0 && rows > 0 &&
              static_cast<long long>(total) == rows &&
              static_cast<long long>(last.sum("newsd_articles_stored_total", {{"outcome", "extracted"}})) ==
                  world.count("select count(*) from articles where status = 'extracted'") &&
              static_cast<long long>(last.sum("newsd_items_stored_total", {{"change", "new"}})) ==
                  world.count("select count(*) from items");
    if (!settled) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  ASSERT_TRUE(settled) << "fetch_log rows " << world.count("select count(*) from fetch_log") << ", counter "
                       << last.sum("newsd_fetches_total") << "\n"
                       << daemon.log();
  EXPECT_GE(totals.size(), 3U) << "the fetch counter never moved between scrapes";
  for (std::size_t i = 1; i < totals.size(); ++i) EXPECT_GT(totals[i], totals[i - 1]);

  // Per kind and status class, per kind the bytes and the duration histogram's count.
  std::map<std::pair<std::string, std::string>, int> expected;
  auto rows = world.count("select count(*) from fetch_log");
  for (long long i = 0; i < rows; ++i) {
    auto offset = std::to_string(i);
    auto kind = world.text("select kind from fetch_log order by id offset " + offset + " limit 1");
    auto status = world.text("select status from fetch_log order by id offset " + offset + " limit 1");
    ++expected[{kind, status_class(status.empty() ? std::nullopt : std::optional(std::stoi(status)))}];
  }
  for (const auto& [key, count] : expected) {
    EXPECT_EQ(last.sum("newsd_fetches_total", {{"kind", key.first}, {"status", key.second}}), count)
        << key.first << " " << key.second;
  }
  for (std::string kind : {"feed", "article", "robots"}) {
    auto bytes = world.count("select coalesce(sum(bytes), 0) from fetch_log where kind = '" + kind + "'");
    EXPECT_EQ(last.sum("newsd_fetch_received_bytes_total", {{"kind", kind}}), static_cast<double>(bytes))
        << kind;
    EXPECT_EQ(last.sum("newsd_fetch_duration_seconds_count", {{"kind", kind}}),
              last.sum("newsd_fetches_total", {{"kind", kind}}))
        << kind;
  }
  EXPECT_GT(last.sum("newsd_fetches_total", {{"kind", "feed"}}), 0);
  EXPECT_GT(last.sum("newsd_fetches_total", {{"kind", "article"}}), 0);
  EXPECT_EQ(last.sum("newsd_items_stored_total", {{"change", "new"}}),
            static_cast<double>(world.count("select count(*) from items")));
  EXPECT_EQ(last.sum("newsd_articles_stored_total", {{"outcome", "extracted"}}),
            static_cast<double>(world.count("select count(*) from articles where status = 'extracted'")));
  EXPECT_GT(last.sum("newsd_storage_call_duration_seconds_count"), 0);
  EXPECT_EQ(last.types["newsd_fetch_duration_seconds"], "histogram");
  EXPECT_GT(last.sum("process_resident_memory_bytes"), 0);
  EXPECT_GT(last.sum("process_start_time_seconds"), 0);
  EXPECT_EQ(last.types["process_cpu_seconds_total"], "counter");

  // Healthy with the database up and the loop turning; last poll reported.
  auto health = poll_until(port, "/healthz", std::chrono::seconds(60),
                           [](const HttpAnswer& a) { return a.status == 200; });
  EXPECT_EQ(health.status, 200) << health.body;
  EXPECT_THAT(health.body, ::testing::HasSubstr("\"status\":\"ok\""));
  EXPECT_THAT(health.body, ::testing::Not(::testing::HasSubstr("\"last_successful_poll\":null")));

  // The database stopped: 503 naming it; started again: 200 again.
  pg_control("stop");
  auto down = poll_until(port, "/healthz", std::chrono::seconds(90),
                         [](const HttpAnswer& a) { return a.status == 503; });
  pg_control("start");
  EXPECT_EQ(down.status, 503) << down.body;
  EXPECT_THAT(down.body, ::testing::HasSubstr("database unreachable"));
  auto up = poll_until(port, "/healthz", std::chrono::seconds(120),
                       [](const HttpAnswer& a) { return a.status == 200; });
  EXPECT_EQ(up.status, 200) << up.body;
  world.reconnect();

  EXPECT_EQ(http_get(port, "/nothing-here").status, 404);
  EXPECT_EQ(daemon.stop(), 0) << daemon.log();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace newsd::test
