#pragma once
// sources.options (jsonb) <-> feeds::SourceOptions. The column holds the
// OPML attributes under their OPML names, in their OPML spelling:
//   {"interval": "30m", "minInterval": "5m", "hostRate": "1/10s",
//    "articles": false, "insecure": true}
// Absent keys mean "the configured default". Readers (scheduler, politeness)
// use options_from_json; import and add write options_to_json.
#include <string>
#include <string_view>

#include "feeds/opml.h"

namespace newsd::storage {

// Compact JSON object with the keys in a fixed order.
std::string options_to_json(const feeds::SourceOptions& options);

// Throws std::invalid_argument naming the key for a value that is not valid
// (e.g. someone edited the row by hand). Unknown keys are ignored.
feeds::SourceOptions options_from_json(std::string_view json);

}  // namespace newsd::storage
