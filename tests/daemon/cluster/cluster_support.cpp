#include "cluster_support.h"

#include <stdlib.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

#include "storage/pg.h"

namespace newsd::test {

TempStateDir::TempStateDir() {
  std::string pattern = "/tmp/newsd-st-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
  // Like a home directory: others may pass through but not list it (as root,
  // the cluster runs as another account that must reach its directory).
  std::filesystem::permissions(path_,
                               std::filesystem::perms::owner_all | std::filesystem::perms::others_exec);
}

TempStateDir::~TempStateDir() {
  // open() puts the cluster in STATE/postgres; the CLI tests use STATE/newsd/postgres.
  for (const auto& data : {path_ / "postgres" / "data", path_ / "newsd" / "postgres" / "data"}) {
    if (!std::filesystem::exists(data / "postmaster.pid")) continue;
    // A test that failed half-way may leave its server running.
    std::string as_user = ::geteuid() == 0 ? "runuser -u postgres -- " : "";
    std::string command = as_user + "/usr/lib/postgresql/15/bin/pg_ctl stop -m immediate -D '" +
                          data.string() + "' >/dev/null 2>&1";
    [[maybe_unused]] int status = std::system(command.c_str());
  }
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

bool accepts_connections(const std::string& url) {
  return newsd::pg::accepts_connections(url);
}

}  // namespace newsd::test
