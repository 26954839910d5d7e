#include "metrics/registry.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace newsd::metrics {

std::vector<double> fetch_duration_buckets() {
  return {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
}

std::vector<double> storage_duration_buckets() {
  return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5};
}

void Registry::describe(std::string name, Type type, std::string help, std::vector<double> buckets) {
  if (type == Type::histogram && !std::is_sorted(buckets.begin(), buckets.end()))
    throw std::logic_error(fmt::format("metric {}: histogram buckets must ascend", name));
  std::lock_guard lock(mutex_);
  auto& family = families_[std::move(name)];
  family.type = type;
  family.help = std::move(help);
  family.bounds = std::move(buckets);
}

Registry::Family& Registry::family(std::string_view name, Type type) {
  auto it = families_.find(name);
  if (it == families_.end() || it->second.type != type)
    throw std::logic_error(fmt::format("metric {} is not declared with this type", name));
  return it->second;
}

void Registry::add(std::string_view name, const Labels& labels, double delta) {
  std::lock_guard lock(mutex_);
  family(name, Type::counter).series[labels].value += delta;
}

void Registry::set(std::string_view name, const Labels& labels, double value) {
  std::lock_guard lock(mutex_);
  family(name, Type::gauge).series[labels].value = value;
}

void Registry::observe(std::string_view name, const Labels& labels, double value) {
  std::lock_guard lock(mutex_);
  auto& found = family(name, Type::histogram);
  auto& series = found.series[labels];
  if (series.buckets.empty()) series.buckets.assign(found.bounds.size() + 1, 0);
  // The first bound the value does not exceed (le is "less or equal").
  auto bucket = std::lower_bound(found.bounds.begin(), found.bounds.end(), value) - found.bounds.begin();
  series.buckets[static_cast<std::size_t>(bucket)] += 1;
  series.value += value;
  series.count += 1;
}

std::optional<double> Registry::value(std::string_view name, const Labels& labels) const {
  std::lock_guard lock(mutex_);
  auto it = families_.find(name);
  if (it == families_.end()) return std::nullopt;
  auto series = it->second.series.find(labels);
  if (series == it->second.series.end()) return std::nullopt;
  return it->second.type == Type::histogram ? series->second.count : series->second.value;
}

std::string escape_label_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// HELP text escapes backslash and newline only.
std::string escape_help(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string label_text(const Labels& labels, std::optional<std::string> le = std::nullopt) {
  if (labels.empty() && !le) return {};
  std::string out = "{";
  bool first = true;
  for (const auto& [name, value] : labels) {
    out += fmt::format("{}{}=\"{}\"", first ? "" : ",", name, escape_label_value(value));
    first = false;
  }
  if (le) out += fmt::format("{}le=\"{}\"", first ? "" : ",", *le);
  return out + "}";
}

std::string_view type_name(Type type) {
  switch (type) {
    case Type::counter:
      return "counter";
    case Type::gauge:
      return "gauge";
    case Type::histogram:
      return "histogram";
  }
  return "untyped";
}

}  // namespace

std::string format_value(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value == std::floor(value) && std::fabs(value) < 1e15)
    return fmt::format("{}", static_cast<long long>(value));
  return fmt::format("{}", value);
}

std::string Registry::render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  for (const auto& [name, family] : families_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, escape_help(family.help), name,
                       type_name(family.type));
    for (const auto& [labels, series] : family.series) {
      if (family.type != Type::histogram) {
        out += fmt::format("{}{} {}\n", name, label_text(labels), format_value(series.value));
        continue;
      }
      double cumulative = 0;
      for (std::size_t i = 0; i < series.buckets.size(); ++i) {
        cumulative += series.buckets[i];
        std::string le = i < family.bounds.size() ? format_value(family.bounds[i]) : "+Inf";
        out += fmt::format("{}_bucket{} {}\n", name, label_text(labels, le), format_value(cumulative));
      }
      out += fmt::format("{}_sum{} {}\n", name, label_text(labels), format_value(series.value));
      out += fmt::format("{}_count{} {}\n", name, label_text(labels), format_value(series.count));
    }
  }
  return out;
}

void describe_process_metrics(Registry& registry) {
  registry.describe("process_start_time_seconds", Type::gauge,
                    "Start time of the process since the Unix epoch.");
  registry.describe("process_resident_memory_bytes", Type::gauge, "Resident memory size in bytes.");
  registry.describe("process_cpu_seconds_total", Type::counter,
                    "User and system CPU time spent, in seconds.");
  registry.describe("process_open_fds", Type::gauge, "Open file descriptors.");
}

namespace {

// The fields of /proc/self/stat after the command name (which may hold spaces
// and parentheses, so it is skipped up to the last ')'); field 3 is index 0.
std::vector<std::string> proc_self_stat() {
  std::ifstream in("/proc/self/stat");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto close = text.rfind(')');
  if (close == std::string::npos) return {};
  std::istringstream fields(text.substr(close + 1));
  std::vector<std::string> out;
  for (std::string field; fields >> field;) out.push_back(field);
  return out;
}

std::optional<double> boot_time_seconds() {
  std::ifstream in("/proc/stat");
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("btime ")) return std::stod(line.substr(6));
  }
  return std::nullopt;
}

}  // namespace

void update_process_metrics(Registry& registry) {
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  auto stat = proc_self_stat();
  // utime is field 14, stime 15, starttime 22, rss 24 (man 5 proc).
  if (stat.size() > 21 && ticks > 0) {
    double cpu = (std::stod(stat[11]) + std::stod(stat[12])) / ticks;
    // A counter is set, not added: the kernel keeps the running total.
    registry.add("process_cpu_seconds_total", {},
                 cpu - registry.value("process_cpu_seconds_total").value_or(0));
    if (auto boot = boot_time_seconds())
      registry.set("process_start_time_seconds", {}, *boot + std::stod(stat[19]) / ticks);
    registry.set("process_resident_memory_bytes", {},
                 std::stod(stat[21]) * static_cast<double>(sysconf(_SC_PAGESIZE)));
  }
  std::error_code error;
  std::size_t fds = 0;
  for (std::filesystem::directory_iterator it("/proc/self/fd", error), end; !error && it != end;
       it.increment(error))
    ++fds;
  if (!error) registry.set("process_open_fds", {}, static_cast<double>(fds));
}

}  // namespace newsd::metrics
