#pragma once
// The pipeline tests' world: a migrated test database, the demo web server
// serving tests/data/demo/, the demo's sources imported (all or some), and a
// pipeline pass run against them with the loopback address allow-listed.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "demo/static_server.h"
#include "pipeline/pipeline.h"
#include "storage/database.h"
#include "storage/pg.h"

namespace newsd::test {

class PipelineWorld {
 public:
  // `only`: import just the demo sources whose URL contains one of these (empty: all).
  explicit PipelineWorld(const std::string& purpose, std::vector<std::string> only = {});

  demo::StaticServer& server() { return *server_; }
  pg::Connection& conn() { return *conn_; }
  const std::string& url() const { return url_; }

  // One `newsd once` pass.
  pipeline::PassSummary run_once();
  // Makes every source due again, as if its interval had passed.
  void make_all_due();

  long long count(std::string_view sql);
  std::string text(std::string_view sql);  // first column of the first row ("" when none or NULL)

 private:
  std::string url_;
  std::unique_ptr<demo::StaticServer> server_;
  std::unique_ptr<pg::Connection> conn_;
  std::unique_ptr<storage::Database> database_;
};

std::string demo_data_dir();

}  // namespace newsd::test
