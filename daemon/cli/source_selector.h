#pragma once
// Commands that take a source accept its URL or its title: `newsd status
// "Harbour Gazette"` as well as `newsd status https://harbour.example/rss.xml`.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "storage/pg.h"

namespace newsd::cli {

// The ids of the sources `selectors` name, in the order named (duplicates
// dropped). A selector matches a source whose URL equals it; failing that,
// the source whose title equals it ignoring case and surrounding space.
// Throws UsageError naming the selector when it matches no source, or when it
// matches several by title (listing them, so the user can give a URL).
std::vector<std::int64_t> select_sources(pg::Connection& conn, std::span<const std::string> selectors);

}  // namespace newsd::cli
