#pragma once
// The progress line of `newsd once` and `newsd import`: counts and rates on
// one line of standard error, redrawn in place, and only on a terminal (a log
// file or a pipe gets no carriage returns and escape codes).
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

#include "pipeline/pipeline.h"

namespace newsd::cli {

using Elapsed = std::chrono::duration<double>;

// True when `fd` is a terminal that can redraw a line (TERM is not "dumb").
bool progress_wanted(int fd);

// "sources 12/50 | 340 new items (28.3/s) | articles 45 (3.7/s) | 2 errors | 12 s"
std::string format_once_progress(const pipeline::PassSummary& summary, Elapsed elapsed);
// "sources 1200/5000 (800/s) | 2 s"
std::string format_import_progress(std::size_t done, std::size_t total, Elapsed elapsed);
// 0.04 -> "0.04", 3.7 -> "3.7", 28.33 -> "28", 1234.5 -> "1235": enough digits to see a rate move.
std::string format_rate(double per_second);

class ProgressLine {
 public:
  // Draws on `terminal` only when `enabled`; at most every `min_interval`
  // (a fast pass must not spend its time writing to the terminal).
  ProgressLine(std::FILE* terminal, bool enabled,
               std::chrono::milliseconds min_interval = std::chrono::milliseconds(100));
  ~ProgressLine();  // clears the line it drew
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Redraws the line with `text` (cut to the terminal's width); `force`
  // ignores the interval (the last update).
  void show(std::string_view text, bool force = false);
  // Erases the line, so what is printed next starts on a clean line.
  void clear();
  [[nodiscard]] bool enabled() const { return enabled_; }

 private:
  std::FILE* terminal_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::milliseconds min_interval_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace newsd::cli
