#include "cli/args.h"

#include <fmt/core.h>

#include <algorithm>

namespace newsd::cli {
namespace {

const Option* find_option(Options options, std::string_view name) {
  auto it = std::ranges::find(options, name, &Option::name);
  return it == options.end() ? nullptr : &*it;
}

struct Split {
  std::string_view name;
  std::optional<std::string_view> inline_value;
};

// "--name=value" -> {"name", "value"}; "--name" -> {"name", nullopt}.
Split split_option(std::string_view arg) {
  std::string_view body = arg.substr(2);
  if (auto eq = body.find('='); eq != std::string_view::npos)
    return {body.substr(0, eq), body.substr(eq + 1)};
  return {body, std::nullopt};
}

}  // namespace

Args::Args(std::span<const std::string_view> argv, Options options) {
  bool options_done = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    std::string_view arg = argv[i];
    if (options_done || arg == "-" || !arg.starts_with("--")) {
      positional_.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    auto [name, inline_value] = split_option(arg);
    const Option* option = find_option(options, name);
    if (option != nullptr && option->takes_value()) {
      if (inline_value) {
        values_[std::string(name)] = std::string(*inline_value);
      } else if (i + 1 < argv.size()) {
        values_[std::string(name)] = std::string(argv[++i]);
      } else {
        throw UsageError(fmt::format("option --{} needs a value", name));
      }
    } else if (option != nullptr && !inline_value) {
      flags_set_.emplace(name);
    } else if (option != nullptr) {
      throw UsageError(fmt::format("option --{} takes no value", name));
    } else {
      throw UsageError(fmt::format("unknown option --{}", name));
    }
  }
}

bool Args::asks_for_help(std::span<const std::string_view> argv, Options options) {
  for (std::size_t i = 0; i < argv.size(); ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") return false;
    if (arg == "--help" || arg == "-h") return true;
    if (!arg.starts_with("--")) continue;
    auto [name, inline_value] = split_option(arg);
    // The value of a valued option is not an option, even when it reads "-h".
    if (const Option* option = find_option(options, name); option && option->takes_value() && !inline_value)
      ++i;
  }
  return false;
}

std::optional<std::string> Args::value(std::string_view name) const {
  if (auto it = values_.find(name); it != values_.end()) return it->second;
  return std::nullopt;
}

bool Args::flag(std::string_view name) const {
  return flags_set_.contains(name);
}

}  // namespace newsd::cli
