#include "pipeline_support.h"

#include <unistd.h>

#include <fstream>
#include <sstream>

#include "app/driver.h"
#include "feeds/opml.h"
#include "politeness/host_key.h"
#include "storage/migrations.h"
#include "storage/sources.h"
#include "test_db.h"

namespace newsd::test {

std::string demo_data_dir() {
  return std::string(NEWSD_TEST_DATA_DIR) + "/demo";
}

namespace {

// The demo directory, or a copy of it with `extra` written in (the source tree stays untouched).
std::filesystem::path served_root(const std::string& purpose, const std::vector<ServedSource>& extra) {
  if (extra.empty()) return {};
  auto root =
      std::filesystem::temp_directory_path() / ("newsd-world-" + purpose + "-" + std::to_string(getpid()));
  std::filesystem::remove_all(root);
  std::filesystem::copy(demo_data_dir(), root, std::filesystem::copy_options::recursive);
  for (const auto& file : extra) {
    auto path = root / std::filesystem::path(file.path).relative_path();
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << file.body;
  }
  return root;
}

}  // namespace

PipelineWorld::PipelineWorld(const std::string& purpose, std::vector<std::string> only,
                             const std::vector<ServedSource>& extra)
    : copied_root_(served_root(purpose, extra)),
      url_(fresh_database(purpose)),
      server_(std::make_unique<demo::StaticServer>(
          copied_root_.empty() ? std::filesystem::path(demo_data_dir()) : copied_root_)) {
  storage::migrate_database(url_);
  conn_ = std::make_unique<pg::Connection>(url_);
  database_ = std::make_unique<storage::Database>(url_);

  std::ifstream in(demo_data_dir() + "/demo.opml");
  std::stringstream text;
  text << in.rdbuf();
  std::string opml = text.str();
  for (auto at = opml.find(demo::kBaseToken); at != std::string::npos; at = opml.find(demo::kBaseToken, at)) {
    opml.replace(at, demo::kBaseToken.size(), server_->base_url());
  }
  auto document = feeds::parse_opml(opml).value();
  std::vector<feeds::OpmlSource> chosen;
  for (const auto& source : document.sources) {
    bool wanted = only.empty();
    for (const auto& part : only) wanted = wanted || source.url.find(part) != std::string::npos;
    if (wanted) chosen.push_back(source);
  }
  for (const auto& file : extra) {
    if (!file.source) continue;
    feeds::OpmlSource source;
    source.url = server_->base_url() + file.path;
    chosen.push_back(std::move(source));
  }
  storage::sync_sources(*conn_, chosen, {false, "demo.opml"});
}

PipelineWorld::~PipelineWorld() {
  server_.reset();
  std::error_code ignored;
  if (!copied_root_.empty()) std::filesystem::remove_all(copied_root_, ignored);
}

pipeline::PassSummary PipelineWorld::run_once() {
  return app::run_once_blocking(*database_, options());
}

pipeline::PipelineOptions PipelineWorld::options() const {
  pipeline::PipelineOptions options;
  options.logger = Logger(LogLevel::error);
  options.client.logger = options.logger;
  options.client.allow_list = {"127.0.0.1"};
  options.timeouts.total = std::chrono::seconds(10);
  if (auto host = politeness::host_key(server_->base_url() + "/")) {
    options.gate.overrides[*host] = {4, std::chrono::milliseconds(0)};
  }
  // Every source here shares one host: a 5xx or a dropped connection backs the
  // whole host off, as it should, but for a second rather than half a minute.
  options.gate.backoff_base = std::chrono::seconds(1);
  options.gate.backoff_max = std::chrono::seconds(1);
  return options;
}

void PipelineWorld::make_all_due() {
  conn_->exec("make sources due",
              "update sources set next_poll_at = now() - interval '1 second', "
              "last_polled_at = now() - interval '1 day'");
}

void PipelineWorld::reconnect() {
  conn_ = std::make_unique<pg::Connection>(url_);
}

long long PipelineWorld::count(std::string_view sql) {
  auto result = conn_->exec("test count", sql);
  return result.rows() > 0 ? result.integer(0, 0) : -1;
}

std::string PipelineWorld::text(std::string_view sql) {
  auto result = conn_->exec("test text", sql);
  if (result.rows() == 0 || result.is_null(0, 0)) return "";
  return std::string(result.text(0, 0));
}

}  // namespace newsd::test
