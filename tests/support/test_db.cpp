#include "test_db.h"

#include <gtest/gtest.h>

#include <unistd.h>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "storage/pg.h"

namespace newsd::test {

std::string cluster_url() {
  const char* url = std::getenv("NEWSD_TEST_DB");
  if (url == nullptr || *url == '\0') {
    throw std::runtime_error(
        "NEWSD_TEST_DB is not set: run this suite through ctest "
        "(tests/support/with-postgres starts the test server)");
  }
  return url;
}

std::string fresh_database(const std::string& purpose) {
  static std::atomic<int> counter{0};
  std::string name = "t_";
  for (char c : purpose)
    name += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
  name = name.substr(0, 40) + "_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  pg::Connection admin(cluster_url());
  // Identifiers cannot be bound parameters; the name is built from [a-z0-9_] only.
  admin.exec("create test database", "drop database if exists " + name);
  admin.exec("create test database", "create database " + name);
  std::string base = cluster_url();
  auto pos = base.find("dbname=postgres");
  if (pos == std::string::npos) throw std::runtime_error("NEWSD_TEST_DB has no dbname=postgres");
  return base.replace(pos, std::string("dbname=postgres").size(), "dbname=" + name);
}

void pg_control(const std::string& action) {
  std::string command = std::string(NEWSD_TESTS_SOURCE_DIR) + "/support/pg-control " + action;
  if (std::system(command.c_str()) != 0) throw std::runtime_error("pg-control " + action + " failed");
}

}  // namespace newsd::test
