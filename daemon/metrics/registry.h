#pragma once
// The daemon's metrics: counters, gauges and histograms with labels, and
// their Prometheus text exposition (format 0.0.4). There is no global
// registry: the session owns one and hands it to the pipeline and the HTTP
// server (docs/operations.md lists every metric). Thread-safe: the pipeline's
// io and storage threads update it while the server's thread renders it.
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsd::metrics {

enum class Type { counter, gauge, histogram };

// Label name/value pairs, in the order they are written.
using Labels = std::vector<std::pair<std::string, std::string>>;

// Default histogram bounds (seconds) for fetches and database calls.
std::vector<double> fetch_duration_buckets();
std::vector<double> storage_duration_buckets();

class Registry {
 public:
  // Declares a family; every update names a declared family (a typo throws
  // std::logic_error rather than exporting a metric nobody documented).
  // `buckets`: the upper bounds of a histogram, ascending; +Inf is implied.
  void describe(std::string name, Type type, std::string help, std::vector<double> buckets = {});

  void add(std::string_view name, const Labels& labels, double delta = 1);  // counter
  void set(std::string_view name, const Labels& labels, double value);      // gauge
  void observe(std::string_view name, const Labels& labels, double value);  // histogram

  // A counter's or gauge's current value (a histogram's count); nullopt
  // when the series has never been touched.
  [[nodiscard]] std::optional<double> value(std::string_view name, const Labels& labels = {}) const;

  // Every family in name order, as Prometheus text.
  [[nodiscard]] std::string render() const;

 private:
  struct Series {
    double value = 0;             // counter, gauge; histogram: sum
    std::vector<double> buckets;  // histogram: per-bucket (not cumulative) counts, last is +Inf
    double count = 0;             // histogram
  };
  struct Family {
    Type type = Type::counter;
    std::string help;
    std::vector<double> bounds;
    std::map<Labels, Series> series;
  };
  Family& family(std::string_view name, Type type);

  mutable std::mutex mutex_;
  std::map<std::string, Family, std::less<>> families_;
};

// "a\"b\\c\nd" for a label value: backslash, double quote and newline escaped.
std::string escape_label_value(std::string_view value);
// A sample value as Prometheus writes it: integers without a fraction, +Inf, NaN.
std::string format_value(double value);

// The process_* metrics (start time, resident memory, CPU seconds, open file
// descriptors) read from /proc/self; declared by describe_process_metrics and
// refreshed before each scrape.
void describe_process_metrics(Registry& registry);
void update_process_metrics(Registry& registry);

}  // namespace newsd::metrics
