#pragma once
// The JSON form of a parsed feed (schema: docs/feed-json.md), as printed by
// `newsd parse`. Absent strings and dates are null; dates are RFC 3339 UTC.
#include <boost/json/value.hpp>
#include <string>

#include "feeds/feed.h"

namespace feeds {

boost::json::value feed_to_json(const Feed& feed);

// One line of compact JSON (no trailing newline), written straight from the
// Feed without building the tree: byte for byte
// boost::json::serialize(feed_to_json(feed)), which defines it (checked by
// tests/feeds/parse/feed_json_test.cpp and the feed_fuzz target).
std::string feed_to_json_string(const Feed& feed);

}  // namespace feeds
