#pragma once
// Runs a helper program (initdb, pg_ctl, useradd) and waits for it, with its
// output appended to a log file, optionally as another (unprivileged) user.
#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace newsd::cluster {

// An account to run programs as: initdb and postgres refuse to run as root.
struct Account {
  std::string name;
  uid_t uid = 0;
  gid_t gid = 0;
};

// The account named `name`, or nullopt when there is none.
std::optional<Account> find_account(const std::string& name);

struct ProcessOptions {
  std::optional<Account> run_as;   // nullopt: as ourselves
  std::filesystem::path log_file;  // stdout and stderr are appended here
  std::filesystem::path working_directory = "/";
};

// Runs argv[0] (an absolute path) with a small fixed environment and returns
// its exit status (128 + signal when it was killed). Throws std::system_error
// when it cannot be started at all.
int run_process(const std::vector<std::string>& argv, const ProcessOptions& options);

}  // namespace newsd::cluster
