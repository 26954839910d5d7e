#pragma once
// Runs the built `newsd` binary from tests, capturing its output.
#include <string>

namespace newsd::test {

struct CommandResult {
  int status = -1;  // exit status
  std::string out;  // standard output
  std::string err;  // standard error
};

// `arguments` is passed through /bin/sh, so quote paths that need it.
CommandResult run_newsd(const std::string& arguments);

}  // namespace newsd::test
