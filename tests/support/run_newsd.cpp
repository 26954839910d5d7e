#include "run_newsd.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace newsd::test {

CommandResult run_newsd(const std::string& arguments) {
  auto err_path = std::filesystem::temp_directory_path() /
                  ("newsd-test-stderr-" + std::to_string(getpid()) + "-" + std::to_string(std::rand()));
  std::string command = std::string(NEWSD_BINARY) + " " + arguments + " 2>" + err_path.string();
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 8192> buffer{};
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
    result.out.append(buffer.data(), n);
  int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::ifstream err(err_path);
  std::stringstream text;
  text << err.rdbuf();
  result.err = text.str();
  std::filesystem::remove(err_path);
  return result;
}

}  // namespace newsd::test
