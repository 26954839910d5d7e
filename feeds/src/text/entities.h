#pragma once
// Private: the HTML5 named character reference table (entity_table.inc).
#include <optional>
#include <string_view>

namespace feeds::entities {

struct Entity {
  std::string_view name;   // without the ';'
  std::string_view value;  // UTF-8, one or two code points
  bool legacy;             // also recognised without the ';' ("&amp", "&copy")
};

// Exact lookup by name (without ';'); binary search over the sorted table.
const Entity* find(std::string_view name);

// Longest name in the table, which bounds how far a decoder needs to look.
inline constexpr std::size_t kMaxNameLength = 32;

}  // namespace feeds::entities
