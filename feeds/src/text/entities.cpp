#include "text/entities.h"

#include <algorithm>
#include <array>

namespace feeds::entities {

namespace {

constexpr Entity kTable[] = {
#include "text/entity_table.inc"
};

constexpr bool table_is_sorted() {
  for (std::size_t i = 1; i < std::size(kTable); ++i) {
    if (!(kTable[i - 1].name < kTable[i].name)) return false;
  }
  return true;
}
static_assert(table_is_sorted(), "entity_table.inc must be sorted: regenerate it with scripts/gen-entities");

}  // namespace

const Entity* find(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameLength) return nullptr;
  const Entity* end = std::end(kTable);
  const Entity* found = std::lower_bound(std::begin(kTable), end, name,
                                         [](const Entity& e, std::string_view n) { return e.name < n; });
  if (found == end || found->name != name) return nullptr;
  return found;
}

}  // namespace feeds::entities
