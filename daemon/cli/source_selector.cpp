#include "cli/source_selector.h"

#include <fmt/core.h>

#include <algorithm>

#include "cli/args.h"
#include "storage/sources.h"

namespace newsd::cli {

std::vector<std::int64_t> select_sources(pg::Connection& conn, std::span<const std::string> selectors) {
  std::vector<std::int64_t> ids;
  auto keep = [&ids](std::int64_t id) {
    if (std::ranges::find(ids, id) == ids.end()) ids.push_back(id);
  };
  for (const auto& selector : selectors) {
    if (auto id = storage::source_id_by_url(conn, selector)) {
      keep(*id);
      continue;
    }
    auto by_title = storage::sources_by_title(conn, selector);
    if (by_title.size() == 1) {
      keep(by_title.front().id);
      continue;
    }
    if (by_title.empty()) {
      throw UsageError(fmt::format("no source has the URL or title \"{}\"", selector));
    }
    std::string matches;
    for (const auto& match : by_title) matches += fmt::format("\n  {} {}", match.id, match.url);
    throw UsageError(fmt::format("\"{}\" is the title of {} sources; name one by its URL:{}", selector,
                                 by_title.size(), matches));
  }
  return ids;
}

}  // namespace newsd::cli
