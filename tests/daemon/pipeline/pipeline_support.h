#pragma once
// The pipeline tests' world: a migrated test database, the demo web server
// serving tests/data/demo/, the demo's sources imported (all or some), and a
// pipeline pass run against them with the loopback address allow-listed.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "demo/static_server.h"
#include "pipeline/pipeline.h"
#include "storage/database.h"
#include "storage/pg.h"

namespace newsd::test {

// A file served beside the demo's (path relative to the server's root, e.g.
// "/bad/page.html"), imported as a source of its own when `source` is set.
struct ServedSource {
  std::string path;
  std::string body;
  bool source = true;
};

class PipelineWorld {
 public:
  // `only`: import just the demo sources whose URL contains one of these (empty: all).
  // `extra`: more sources, served from a copy of the demo directory.
  explicit PipelineWorld(const std::string& purpose, std::vector<std::string> only = {},
                         const std::vector<ServedSource>& extra = {});
  ~PipelineWorld();
  PipelineWorld(const PipelineWorld&) = delete;
  PipelineWorld& operator=(const PipelineWorld&) = delete;

  demo::StaticServer& server() { return *server_; }
  pg::Connection& conn() { return *conn_; }
  const std::string& url() const { return url_; }

  // One `newsd once` pass.
  pipeline::PassSummary run_once();
  // The options run_once uses (loopback allowed, short host backoff).
  [[nodiscard]] pipeline::PipelineOptions options() const;
  storage::Database& database() { return *database_; }
  // Makes every source due again, as if its interval had passed.
  void make_all_due();

  // A new test connection, after the server was restarted (pg_control).
  void reconnect();

  long long count(std::string_view sql);
  std::string text(std::string_view sql);  // first column of the first row ("" when none or NULL)

 private:
  std::filesystem::path copied_root_;  // empty when the demo directory is served as it is
  std::string url_;
  std::unique_ptr<demo::StaticServer> server_;
  std::unique_ptr<pg::Connection> conn_;
  std::unique_ptr<storage::Database> database_;
};

std::string demo_data_dir();

}  // namespace newsd::test
