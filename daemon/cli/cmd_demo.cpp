// newsd demo: the main job, offline. A temporary state directory with the
// embedded PostgreSQL, a loopback HTTP server serving tests/data/demo/
// (feeds in RSS, Atom and JSON Feed, their article pages, robots.txt), the
// loopback address allow-listed for this run only, an OPML import of the
// feeds, one `once` pass, then what landed; everything is stopped and
// removed afterwards (unless --keep).
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "app/driver.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cluster/embedded_cluster.h"
#include "demo/static_server.h"
#include "feeds/opml.h"
#include "politeness/host_key.h"
#include "storage/articles.h"
#include "storage/items.h"
#include "storage/migrations.h"
#include "storage/pg.h"
#include "storage/sources.h"

namespace newsd::cli {
namespace {

namespace fs = std::filesystem;

// tests/data/demo next to the build: searched upward from the executable and
// from the working directory, so `build/daemon/newsd demo` works in a checkout.
std::optional<fs::path> find_demo_data() {
  std::vector<fs::path> starts;
  std::error_code ec;
  if (auto exe = fs::read_symlink("/proc/self/exe", ec); !ec) starts.push_back(exe.parent_path());
  starts.push_back(fs::current_path(ec));
  for (auto dir : starts) {
    for (int up = 0; up < 6 && !dir.empty(); ++up, dir = dir.parent_path()) {
      auto candidate = dir / "tests" / "data" / "demo";
      if (fs::exists(candidate / "demo.opml", ec)) return candidate;
      if (dir == dir.parent_path()) break;
    }
  }
  return std::nullopt;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot read {}", path.string()));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A temporary directory removed when the demo ends (unless kept).
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "newsd-demo.XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary directory");
    path_ = pattern;
    // As root the cluster runs as an unprivileged account that must reach its
    // socket directory inside.
    ::chmod(path_.c_str(), 0755);
  }
  ~TempDir() {
    if (keep_) return;
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  void keep() { keep_ = true; }
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
  bool keep_ = false;
};

std::string shorten(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return std::string(text);
  auto cut = text.substr(0, limit);
  // Never cut inside a UTF-8 sequence.
  while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.remove_suffix(1);
  if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) cut.remove_suffix(1);
  return std::string(cut) + "…";
}

void print_landed(pg::Connection& conn) {
  fmt::print("\nitems and their articles:\n");
  std::string source;
  for (const auto& item : storage::list_items_with_articles(conn)) {
    if (item.source != source) {
      source = item.source;
      fmt::print("  {}\n", source);
    }
    std::string article;
    if (item.article_status == "extracted") {
      article = fmt::format("article: {} words, \"{}\"", item.article_words, shorten(item.article_title, 60));
    } else {
      article = fmt::format("article {}: {}", item.article_status, shorten(item.article_error, 70));
    }
    fmt::print("    - {}\n        {}\n", shorten(item.title, 72), article);
  }
  if (auto kyiv = storage::find_extracted_article(conn, "/kyiv/elon-musk")) {
    fmt::print("\nThe Kyiv Independent story, as extracted ({} words, site \"{}\"):\n  {}\n\n",
               kyiv->word_count, kyiv->site_name, kyiv->title);
    std::istringstream paragraphs(kyiv->text);
    std::string line;
    int shown = 0;
    while (shown < 3 && std::getline(paragraphs, line)) {
      if (line.empty()) continue;
      fmt::print("  {}\n\n", line);
      ++shown;
    }
  }
}

}  // namespace

int cmd_demo(std::span<const std::string_view> args) {
  Args parsed(args, options::kDemo);
  if (!parsed.positional().empty()) throw UsageError("demo takes no positional arguments");
  fs::path data;
  if (auto given = parsed.value("data")) {
    data = *given;
  } else if (auto found = find_demo_data()) {
    data = *found;
  } else {
    throw UsageError("cannot find tests/data/demo; pass --data DIR");
  }
  if (!fs::exists(data / "demo.opml")) throw UsageError(fmt::format("{} has no demo.opml", data.string()));

  Logger logger(LogLevel::warn, stderr);
  TempDir state;
  fmt::print("newsd demo: state directory {}\n", state.path().string());

  cluster::ClusterOptions cluster_options;
  cluster_options.state_dir = state.path();
  cluster_options.unsafe_fast = true;  // throwaway data: skip fsync
  cluster_options.logger = logger;
  auto cluster = cluster::EmbeddedCluster::open(cluster_options);
  std::string url = cluster->url();
  auto migrated = storage::migrate_database(url);
  fmt::print("embedded PostgreSQL started; schema at version {}\n", migrated.to_version);

  demo::StaticServer server(data);
  fmt::print("demo web server on {} serving {}\n", server.base_url(), data.string());

  std::string opml = read_text(data / "demo.opml");
  for (auto at = opml.find(demo::kBaseToken); at != std::string::npos; at = opml.find(demo::kBaseToken, at)) {
    opml.replace(at, demo::kBaseToken.size(), server.base_url());
  }
  auto document = feeds::parse_opml(opml).value();  // ours: an error here is a bug
  {
    pg::Connection conn(url);
    auto report = storage::sync_sources(conn, document.sources, {false, "demo.opml"});
    fmt::print("imported demo.opml: {} sources\n", report.added.size());
  }

  auto options = pipeline::PipelineOptions{};
  options.logger = logger;
  options.client.logger = logger;
  options.client.allow_list = {"127.0.0.1"};  // the demo server; for this run only
  options.timeouts.total = std::chrono::seconds(20);
  auto host = politeness::host_key(server.base_url() + "/");
  // Our own server: no need to be as slow as with a stranger's.
  if (host) options.gate.overrides[*host] = {4, std::chrono::milliseconds(20)};

  storage::Database database(url);
  fmt::print("\npolling every source once (newsd once)...\n");
  auto summary = app::run_once_blocking(database, options);
  fmt::print("{}", pipeline::format_summary(summary));

  {
    pg::Connection conn(url);
    print_landed(conn);
  }

  if (parsed.flag("keep")) {
    cluster->keep_running();
    state.keep();
    fmt::print(
        "explore the data (the server keeps running):\n  psql '{}'\n  e.g. select title, best_text_source "
        "from news;\n"
        "stop it and clean up with:\n  STATE_DIRECTORY={} newsd db-stop && rm -rf {}\n",
        url, state.path().string(), state.path().string());
  } else {
    fmt::print(
        "explore the data: run 'newsd demo --keep', then\n  psql '{}'\n"
        "(this run's database is removed now)\n",
        url);
  }
  return kExitOk;
}

}  // namespace newsd::cli
