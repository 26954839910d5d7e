#include <fmt/core.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "core/version.h"

namespace newsd::cli {

int cmd_version(std::span<const std::string_view> args) {
  Args parsed(args, options::kNone);
  if (!parsed.positional().empty()) throw UsageError("version takes no arguments");
  fmt::print("newsd {}\n", kVersion);
  return kExitOk;
}

}  // namespace newsd::cli
