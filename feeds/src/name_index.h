#pragma once
// Private: a fixed list of names (HTML elements, attributes, entities) looked
// up by hashing instead of binary search. The sanitiser looks up every tag and
// attribute name it meets, twice per tag; a binary search over ~100 names is
// seven string comparisons, each a memcmp call, and measured 8 % of a whole
// feed parse. This is one short hash and, almost always, one comparison.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace feeds::detail {

constexpr std::uint32_t name_hash(std::string_view name) {
  std::uint32_t hash = 2166136261u;  // FNV-1a: names are short, so per-byte is fine
  for (char c : name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return hash;
}

// Names are a few bytes long: comparing them inline beats a call to memcmp,
// which is what std::string_view's == compiles to.
constexpr bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// Maps each of N names to its position in the list, built at compile time
// with open addressing; a quarter full or less, so probes are short.
template <std::size_t N>
class NameIndex {
 public:
  static constexpr std::size_t kSlots = [] {
    std::size_t slots = 16;
    while (slots < 4 * N) slots *= 2;
    return slots;
  }();
  static_assert(N < 0xFFFF, "positions are stored in 16 bits");

  constexpr explicit NameIndex(const std::array<std::string_view, N>& names) : names_(names) {
    for (std::size_t i = 0; i < N; ++i) {
      std::size_t slot = name_hash(names[i]) & (kSlots - 1);
      while (slots_[slot] != 0) slot = (slot + 1) & (kSlots - 1);
      slots_[slot] = static_cast<std::uint16_t>(i + 1);
    }
  }

  // The name's position in the list, or N when it is not there.
  [[nodiscard]] constexpr std::size_t find(std::string_view name) const {
    for (std::size_t slot = name_hash(name) & (kSlots - 1);; slot = (slot + 1) & (kSlots - 1)) {
      const std::uint16_t entry = slots_[slot];
      if (entry == 0) return N;
      if (same_name(names_[entry - 1], name)) return entry - 1u;
    }
  }

 private:
  std::array<std::string_view, N> names_;
  std::array<std::uint16_t, kSlots> slots_{};
};

// A NameIndex over the `name` members of a table of rules.
template <typename Rule, std::size_t N>
constexpr NameIndex<N> index_names(const Rule (&table)[N]) {
  std::array<std::string_view, N> names{};
  for (std::size_t i = 0; i < N; ++i) names[i] = table[i].name;
  return NameIndex<N>(names);
}

template <std::size_t N>
constexpr NameIndex<N> index_names(const std::string_view (&table)[N]) {
  std::array<std::string_view, N> names{};
  for (std::size_t i = 0; i < N; ++i) names[i] = table[i];
  return NameIndex<N>(names);
}

}  // namespace feeds::detail
