#pragma once
// The list of sources in the database, managed as a whole from OPML:
// import is a sync (add new, update changed, disable or delete the missing)
// in one transaction; export reads the list back in the same shape.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "feeds/opml.h"
#include "storage/pg.h"

namespace newsd::sources {

// disabled_reason of sources an import disabled because its file no longer
// listed them. Only these are re-enabled when a later import lists them again;
// sources disabled for other reasons (e.g. by the scheduler) stay disabled.
inline constexpr std::string_view kMissingFromImport = "not in the imported OPML";

struct SyncOptions {
  bool prune = false;  // delete missing sources (and their items) instead of disabling them
  std::string origin;  // the file, for disabled_reason
  // Called after each source of the file is written: (done, total). For
  // `newsd import`'s progress line.
  std::function<void(std::size_t, std::size_t)> on_progress{};
};

struct SyncReport {
  std::vector<std::string> added;
  std::vector<std::string> updated;         // title, site, category or options changed
  std::vector<std::string> reenabled;       // disabled by an earlier import, listed again
  std::vector<std::string> still_disabled;  // listed, but disabled for another reason
  int unchanged = 0;
  std::vector<std::string> disabled;  // missing from the file (without prune)
  std::vector<std::string> deleted;   // missing from the file (with prune)
};

// Makes the sources table match `sources` in one transaction (all or nothing).
SyncReport sync_sources(pg::Connection& conn, std::span<const feeds::OpmlSource> sources,
                        const SyncOptions& options);

// The enabled sources, ordered by category, title and URL; for export.
std::vector<feeds::OpmlSource> load_sources(pg::Connection& conn);

// Adds one source; returns its id, or nullopt when the URL is already a source.
std::optional<long long> add_source(pg::Connection& conn, const feeds::OpmlSource& source);

}  // namespace newsd::sources
