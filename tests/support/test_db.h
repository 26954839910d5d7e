#pragma once
// The one place integration tests get their database from: the throwaway
// cluster that tests/support/with-postgres started (NEWSD_TEST_DB).
#include <string>

namespace newsd::test {

// Connection string of the cluster's maintenance database. Fails the test
// (never skips it) when the suite was not started under with-postgres.
std::string cluster_url();

// Creates a new, empty database with a unique name and returns its connection
// string, so each test starts from nothing and tests cannot see each other.
std::string fresh_database(const std::string& purpose);

// Stops, starts or restarts the test server (tests/support/pg-control).
void pg_control(const std::string& action);

}  // namespace newsd::test
