#include <fmt/core.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "core/version.h"

namespace newsd::cli {

int cmd_version(std::span<const std::string_view> args) {
  Args parsed(args, {});
  if (!parsed.positional().empty()) throw UsageError("version takes no arguments");
  fmt::print("newsd {}\n", kVersion);
  return kExitOk;
}

}  // namespace newsd::cli
