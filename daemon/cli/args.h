#pragma once
// A small command-line parser shared by every subcommand: positional
// arguments, `--name value`, `--name=value` and boolean `--flag`s.
#include <map>
#include <optional>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace newsd::cli {

// Thrown for a command line that cannot be understood; main prints it and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Args {
 public:
  // `valued` names the options that take a value; `flags` the boolean ones.
  // Anything else starting with "--" is a UsageError. "-" alone is positional (stdin).
  Args(std::span<const std::string_view> argv, const std::set<std::string, std::less<>>& valued,
       const std::set<std::string, std::less<>>& flags = {});

  [[nodiscard]] const std::vector<std::string>& positional() const { return positional_; }
  [[nodiscard]] std::optional<std::string> value(std::string_view name) const;
  [[nodiscard]] bool flag(std::string_view name) const;

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::string, std::less<>> values_;
  std::set<std::string, std::less<>> flags_set_;
};

}  // namespace newsd::cli
