#pragma once
// A small command-line parser shared by every subcommand: positional
// arguments, `--name value`, `--name=value` and boolean `--flag`s. Each
// command declares its options once, in a table of Option (cli/options.h);
// the same table drives the parser and `newsd COMMAND --help`, so the help
// cannot list an option the parser refuses, or miss one it accepts.
#include <map>
#include <optional>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace newsd::cli {

// Thrown for a command line that cannot be understood; main prints it and
// exits with kExitUsage.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Option {
  std::string_view name;         // without the leading "--"
  std::string_view placeholder;  // what the value is ("URL"); empty for a boolean flag
  std::string_view help;         // one line for `newsd COMMAND --help`

  [[nodiscard]] constexpr bool takes_value() const { return !placeholder.empty(); }
};

using Options = std::span<const Option>;

class Args {
 public:
  // Anything starting with "--" that is not in `options` is a UsageError.
  // "-" alone is positional (stdin); after "--" everything is positional.
  Args(std::span<const std::string_view> argv, Options options);

  [[nodiscard]] const std::vector<std::string>& positional() const { return positional_; }
  [[nodiscard]] std::optional<std::string> value(std::string_view name) const;
  [[nodiscard]] bool flag(std::string_view name) const;

  // True when the command line asks for help (`--help` or `-h` where an option
  // may stand), whatever else it holds: `newsd add --bogus --help` still helps.
  [[nodiscard]] static bool asks_for_help(std::span<const std::string_view> argv, Options options);

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::string, std::less<>> values_;
  std::set<std::string, std::less<>> flags_set_;
};

}  // namespace newsd::cli
