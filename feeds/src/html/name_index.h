#pragma once
// Private: a fixed list of names (HTML elements, attributes, entities) looked
// up by hashing instead of binary search. The sanitiser looks up every tag and
// attribute name it meets, twice per tag; a binary search over ~100 names is
// seven string comparisons, each a memcmp call, and measured 8 % of a whole
// feed parse. This is one multiplication and, almost always, one comparison
// of two words.
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace feeds::detail {

// A name of up to 16 bytes as two little-endian words, zero-padded: hashed and
// compared in a few instructions whatever its length (the names never hold a
// NUL byte, so equal words mean equal names). Hashing byte by byte and then
// comparing byte by byte was 4 % of a feed corpus parse.
struct PackedName {
  std::uint64_t low = 0, high = 0;
  friend constexpr bool operator==(const PackedName&, const PackedName&) = default;
};
inline constexpr std::size_t kLongestPackedName = 16;

// False when the name is empty or longer than 16 bytes (in no table here).
constexpr bool pack_name(std::string_view name, PackedName& out) {
  out = {};
  if (name.empty() || name.size() > kLongestPackedName) return false;
  for (std::size_t i = 0; i < name.size(); ++i)
    (i < 8 ? out.low : out.high) |= std::uint64_t{static_cast<unsigned char>(name[i])} << (8 * (i % 8));
  return true;
}

// The `size` bytes at `at` in `buffer` (1 to 16 of them), packed with two
// loads when sixteen bytes can be read there, else byte by byte. With
// `lowercase`, letters are lowered by setting bit 0x20 of every byte: right
// only for names made of ASCII letters and digits.
[[gnu::always_inline]] inline PackedName pack_name_at(std::string_view buffer, std::size_t at,
                                                      std::size_t size, bool lowercase) {
  PackedName packed;
  if constexpr (std::endian::native == std::endian::little) {
    if (at + 16 <= buffer.size()) {
      std::memcpy(&packed.low, buffer.data() + at, 8);
      std::memcpy(&packed.high, buffer.data() + at + 8, 8);
      const std::uint64_t low_mask = size >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * size)) - 1;
      const std::uint64_t high_mask = size >= 16  ? ~std::uint64_t{0}
                                      : size <= 8 ? 0
                                                  : (std::uint64_t{1} << (8 * (size - 8))) - 1;
      packed.low &= low_mask;
      packed.high &= high_mask;
      if (lowercase) {
        packed.low |= 0x2020202020202020ULL & low_mask;
        packed.high |= 0x2020202020202020ULL & high_mask;
      }
      return packed;
    }
  }
  pack_name(buffer.substr(at, size), packed);
  if (lowercase) {
    for (std::size_t i = 0; i < size; ++i)
      (i < 8 ? packed.low : packed.high) |= std::uint64_t{0x20} << (8 * (i % 8));
  }
  return packed;
}

constexpr std::uint64_t packed_hash(const PackedName& name) {
  // Multiplying carries every byte into the top bits, which pick the slot.
  return (name.low * 0x9E3779B97F4A7C15ULL) ^ (name.high * 0xC2B2AE3D27D4EB4FULL);
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
  static constexpr unsigned kSlotBits = [] {
    unsigned bits = 4;
    while ((std::size_t{1} << bits) < 4 * N) ++bits;
    return bits;
  }();
  static constexpr std::size_t kSlots = std::size_t{1} << kSlotBits;
  static_assert(N < 0xFFFF, "positions are stored in 16 bits");

  constexpr explicit NameIndex(const std::array<std::string_view, N>& names) {
    for (std::size_t i = 0; i < N; ++i) {
      PackedName packed;
      if (!pack_name(names[i], packed)) throw "names must be 1 to 16 bytes long";
      names_[i] = packed;
      sizes_[i] = static_cast<std::uint8_t>(names[i].size());
      std::size_t slot = slot_of(packed);
      while (slots_[slot] != 0) slot = (slot + 1) & (kSlots - 1);
      slots_[slot] = static_cast<std::uint16_t>(i + 1);
    }
  }

  // The name's position in the list, or N when it is not there.
  [[nodiscard]] constexpr std::size_t find(const PackedName& name) const {
    for (std::size_t slot = slot_of(name);; slot = (slot + 1) & (kSlots - 1)) {
      const std::uint16_t entry = slots_[slot];
      if (entry == 0) return N;
      if (names_[entry - 1] == name) return entry - 1u;
    }
  }
  [[nodiscard]] constexpr std::size_t find(std::string_view name) const {
    PackedName packed;
    if (!pack_name(name, packed)) return N;
    const std::size_t position = find(packed);
    // A NUL byte in `name` would pack like the shorter name before it.
    return position != N && sizes_[position] == name.size() ? position : N;
  }
  [[nodiscard]] constexpr const PackedName& packed(std::size_t position) const { return names_[position]; }

 private:
  static constexpr std::size_t slot_of(const PackedName& name) {
    return static_cast<std::size_t>(packed_hash(name) >> (64 - kSlotBits));
  }
  std::array<PackedName, N> names_{};
  std::array<std::uint8_t, N> sizes_{};
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
