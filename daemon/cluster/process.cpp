#include "cluster/process.h"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace newsd::cluster {

std::optional<Account> find_account(const std::string& name) {
  std::vector<char> buffer(16384);
  passwd entry{};
  passwd* found = nullptr;
  if (getpwnam_r(name.c_str(), &entry, buffer.data(), buffer.size(), &found) != 0 || found == nullptr) {
    return std::nullopt;
  }
  return Account{name, found->pw_uid, found->pw_gid};
}

int run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
  // Everything the child needs is built before fork: between fork and exec
  // only async-signal-safe calls are allowed (the daemon has threads).
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  // A fixed environment: no PGDATA/PGHOST/PGPORT from the caller's shell can
  // redirect initdb or pg_ctl, and C.UTF-8 always exists on Debian.
  std::vector<std::string> environment = {"PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8", "LANG=C.UTF-8"};
  if (options.run_as) environment.push_back("USER=" + options.run_as->name);
  std::vector<char*> env;
  env.reserve(environment.size() + 1);
  for (auto& entry : environment) env.push_back(entry.data());
  env.push_back(nullptr);
  const std::string log_file = options.log_file.string();
  const std::string working_directory = options.working_directory.string();
  const std::optional<Account> run_as = options.run_as;

  pid_t pid = fork();
  if (pid < 0) throw std::system_error(errno, std::generic_category(), "fork for " + argv.at(0));
  if (pid == 0) {
    int null_in = open("/dev/null", O_RDONLY);
    int out = log_file.empty() ? open("/dev/null", O_WRONLY)
                               : open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    // write() is async-signal-safe; the messages end up in the log file.
    auto fail = [](const char* message, int code) {
      [[maybe_unused]] auto written = write(2, message, std::strlen(message));
      _exit(code);
    };
    if (null_in < 0 || out < 0 || dup2(null_in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0) _exit(126);
    // Nothing else of ours may leak into the long-lived postmaster: no locks,
    // sockets or pipes (close_range is a plain system call, safe here).
    ::close_range(3, ~0U, 0);
    if (run_as) {
      if (setgroups(0, nullptr) != 0 || setgid(run_as->gid) != 0 || setuid(run_as->uid) != 0) {
        fail("newsd: cannot switch to the cluster's account\n", 126);
      }
    }
    if (chdir(working_directory.c_str()) != 0) fail("newsd: cannot enter the working directory\n", 126);
    execve(args[0], args.data(), env.data());
    fail("newsd: cannot execute the program\n", 127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::system_error(errno, std::generic_category(), "waiting for " + argv.at(0));
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

}  // namespace newsd::cluster
