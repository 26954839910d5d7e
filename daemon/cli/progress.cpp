#include "cli/progress.h"

#include <fmt/core.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>

namespace newsd::cli {
namespace {

double per_second(double count, Elapsed elapsed) {
  return elapsed.count() > 0 ? count / elapsed.count() : 0.0;
}

std::string format_elapsed(Elapsed elapsed) {
  auto seconds = static_cast<long long>(elapsed.count());
  if (seconds < 60) return fmt::format("{} s", seconds);
  if (seconds < 3600) return fmt::format("{}m{:02}s", seconds / 60, seconds % 60);
  return fmt::format("{}h{:02}m", seconds / 3600, seconds % 3600 / 60);
}

std::size_t terminal_columns(std::FILE* terminal) {
  winsize size{};
  if (ioctl(fileno(terminal), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

// Cuts UTF-8 text to `columns` characters (one column each: the line is ASCII
// but for what a feed's URL might hold).
std::string_view cut_to_columns(std::string_view text, std::size_t columns) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars++ == columns) return text.substr(0, i);
  }
  return text;
}

}  // namespace

bool progress_wanted(int fd) {
  if (isatty(fd) == 0) return false;
  const char* term = std::getenv("TERM");  // NOLINT(concurrency-mt-unsafe): read before any thread starts
  return term == nullptr || std::string_view(term) != "dumb";
}

std::string format_rate(double rate) {
  if (!std::isfinite(rate) || rate <= 0) return "0";
  if (rate < 1) return fmt::format("{:.2f}", rate);
  if (rate < 10) return fmt::format("{:.1f}", rate);
  return fmt::format("{:.0f}", rate);
}

std::string format_once_progress(const pipeline::PassSummary& summary, Elapsed elapsed) {
  int errors = 0;
  for (const auto& source : summary.sources) errors += source.error.empty() ? 0 : 1;
  const int articles = summary.articles_extracted + summary.articles_failed + summary.articles_skipped;
  std::string line =
      fmt::format("sources {}/{} | {} new items ({}/s) | articles {} ({}/s)", summary.sources.size(),
                  summary.sources_due, summary.items_new, format_rate(per_second(summary.items_new, elapsed)),
                  articles, format_rate(per_second(articles, elapsed)));
  if (errors > 0) line += fmt::format(" | {} error{}", errors, errors == 1 ? "" : "s");
  line += fmt::format(" | {}", format_elapsed(elapsed));
  return line;
}

std::string format_import_progress(std::size_t done, std::size_t total, Elapsed elapsed) {
  return fmt::format("sources {}/{} ({}/s) | {}", done, total,
                     format_rate(per_second(static_cast<double>(done), elapsed)), format_elapsed(elapsed));
}

ProgressLine::ProgressLine(std::FILE* terminal, bool enabled, std::chrono::milliseconds min_interval)
    : terminal_(terminal), enabled_(enabled && terminal != nullptr), min_interval_(min_interval) {}

ProgressLine::~ProgressLine() {
  clear();
}

void ProgressLine::show(std::string_view text, bool force) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (!force && drawn_ && now - last_draw_ < min_interval_) return;
  last_draw_ = now;
  // One column short of the width: a line that fills it wraps on some terminals.
  auto columns = terminal_columns(terminal_);
  auto shown = cut_to_columns(text, columns > 1 ? columns - 1 : columns);
  // \r back to the start, the text, then erase what a longer earlier line left.
  fmt::print(terminal_, "\r{}\x1b[K", shown);
  std::fflush(terminal_);
  drawn_ = true;
}

void ProgressLine::clear() {
  if (!enabled_ || !drawn_) return;
  fmt::print(terminal_, "\r\x1b[K");
  std::fflush(terminal_);
  drawn_ = false;
}

}  // namespace newsd::cli
