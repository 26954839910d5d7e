// newsd add URL [--category A/B] [--title T] [...]: add one source.
#include <fmt/core.h>

#include "cli/args.h"
#include "cli/commands.h"
#include "cluster/database.h"
#include "feeds/opml.h"
#include "sources/source_store.h"
#include "storage/migrations.h"

namespace newsd::cli {
namespace {

// Trimmed like OPML values, so that export -> import finds nothing to change.
std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

std::optional<std::string> trimmed_value(const Args& parsed, std::string_view name) {
  auto value = parsed.value(name);
  if (!value) return std::nullopt;
  auto text = trim(*value);
  if (text.empty()) return std::nullopt;
  return std::string(text);
}

// "News/Europe" -> {"News", "Europe"}; empty segments ("A//B", "/A") are refused.
std::vector<std::string> split_category(std::string_view text) {
  std::vector<std::string> path;
  if (text.empty()) return path;
  std::size_t start = 0;
  while (true) {
    auto slash = text.find('/', start);
    auto segment =
        trim(text.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (segment.empty()) throw UsageError(fmt::format("--category \"{}\" has an empty segment", text));
    path.emplace_back(segment);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return path;
}

}  // namespace

int cmd_add(std::span<const std::string_view> args) {
  Args parsed(args, {"db", "config", "category", "title", "site-url", "interval", "min-interval", "host-rate",
                     "articles", "insecure"});
  if (parsed.positional().size() != 1) throw UsageError("add takes exactly one feed URL");
  feeds::OpmlSource source;
  source.url = std::string(trim(parsed.positional()[0]));
  if (auto problem = feeds::feed_url_problem(source.url)) throw UsageError(*problem);
  source.title = trimmed_value(parsed, "title");
  source.site_url = trimmed_value(parsed, "site-url");
  if (source.site_url) {
    if (auto problem = feeds::feed_url_problem(*source.site_url)) throw UsageError("--site-url " + *problem);
  }
  if (auto category = parsed.value("category")) source.category = split_category(*category);
  const std::pair<const char*, const char*> option_flags[] = {{"interval", "interval"},
                                                              {"min-interval", "minInterval"},
                                                              {"host-rate", "hostRate"},
                                                              {"articles", "articles"},
                                                              {"insecure", "insecure"}};
  for (const auto& [flag, option] : option_flags) {
    auto value = parsed.value(flag);
    if (!value) continue;
    try {
      feeds::set_source_option(source.options, option, *value);
    } catch (const std::invalid_argument& e) {
      throw UsageError(fmt::format("--{}: {}", flag, e.what()));
    }
  }

  Logger logger(LogLevel::info, stderr);
  auto database = cluster::open_database(parsed.value("db"), parsed.value("config"), logger);
  pg::Connection conn(database.url);
  storage::migrate(conn);
  auto id = sources::add_source(conn, source);
  if (!id) {
    fmt::print(stderr, "newsd add: {} is already a source (change it with import, or in the sources table)\n",
               source.url);
    return kExitFailure;
  }
  fmt::print("added source {}: {}\n", *id, source.url);
  return kExitOk;
}

}  // namespace newsd::cli
