#include "cli/args.h"

#include <fmt/core.h>

namespace newsd::cli {

Args::Args(std::span<const std::string_view> argv, const std::set<std::string, std::less<>>& valued,
           const std::set<std::string, std::less<>>& flags) {
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
    std::string_view body = arg.substr(2);
    std::string_view name = body;
    std::optional<std::string_view> inline_value;
    if (auto eq = body.find('='); eq != std::string_view::npos) {
      name = body.substr(0, eq);
      inline_value = body.substr(eq + 1);
    }
    if (valued.contains(name)) {
      if (inline_value) {
        values_[std::string(name)] = std::string(*inline_value);
      } else if (i + 1 < argv.size()) {
        values_[std::string(name)] = std::string(argv[++i]);
      } else {
        throw UsageError(fmt::format("option --{} needs a value", name));
      }
    } else if (flags.contains(name) && !inline_value) {
      flags_set_.emplace(name);
    } else {
      throw UsageError(fmt::format("unknown option --{}", name));
    }
  }
}

std::optional<std::string> Args::value(std::string_view name) const {
  if (auto it = values_.find(name); it != values_.end()) return it->second;
  return std::nullopt;
}

bool Args::flag(std::string_view name) const {
  return flags_set_.contains(name);
}

}  // namespace newsd::cli
