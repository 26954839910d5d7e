#include "cli/source_selector.h"

#include <fmt/core.h>

#include <algorithm>

#include "cli/args.h"

namespace newsd::cli {

std::vector<std::int64_t> select_sources(pg::Connection& conn, std::span<const std::string> selectors) {
  std::vector<std::int64_t> ids;
  auto keep = [&ids](std::int64_t id) {
    if (std::ranges::find(ids, id) == ids.end()) ids.push_back(id);
  };
  for (const auto& selector : selectors) {
    auto by_url = conn.exec("find a source by URL", "select id from sources where url = $1", {selector});
    if (by_url.rows() == 1) {
      keep(by_url.integer(0, 0));
      continue;
    }
    // lower() on both sides: PostgreSQL's case folding, which knows more scripts than ASCII.
    auto by_title = conn.exec("find a source by title",
                              "select id, url from sources where lower(btrim(title)) = lower(btrim($1)) "
                              "order by id",
                              {selector});
    if (by_title.rows() == 1) {
      keep(by_title.integer(0, 0));
      continue;
    }
    if (by_title.rows() == 0) {
      throw UsageError(fmt::format("no source has the URL or title \"{}\"", selector));
    }
    std::string matches;
    for (int row = 0; row < by_title.rows(); ++row) {
      matches += fmt::format("\n  {} {}", by_title.text(row, 0), by_title.text(row, 1));
    }
    throw UsageError(fmt::format("\"{}\" is the title of {} sources; name one by its URL:{}", selector,
                                 by_title.rows(), matches));
  }
  return ids;
}

}  // namespace newsd::cli
