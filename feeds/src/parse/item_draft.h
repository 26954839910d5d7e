#pragma once
// An item while its elements are read: what the formats share (the namespaced
// extensions: Media RSS, iTunes, Dublin Core, content, slash, wfw, atom:link in
// RSS) and the fallbacks applied once every element has been seen.
#include <array>
#include <string>

#include "feeds/feed.h"
#include "parse/xml_scope.h"

namespace feeds::detail {

struct ItemDraft {
  Item item;
  std::string base;   // base for this item's relative URLs (xml:base, feed link, document URL)
  std::string where;  // "item 3", for warnings
  // Image candidates, best first: media:content image, media:thumbnail,
  // itunes:image, enclosure of image type.
  std::array<std::string, 4> images;
  std::string media_title;
  std::string fallback_summary;  // media:description, itunes:summary, dc:description (HTML)
  std::string alternate_link;    // atom:link rel=alternate inside RSS
  // The second of RSS <description> and <summary> (sanitised HTML): the
  // content when nothing else is.
  std::string second_description;
  std::string guid;
  bool guid_is_permalink = false;

  // The base for a child element: its own xml:base chain if any, else the item's.
  [[nodiscard]] const std::string& base_for(const Scope& child) const {
    return child.has_xml_base() ? child.base() : base;
  }
};

// Reads one namespaced extension element of an item; false when not one.
bool read_item_extension(ItemDraft& draft, const Scope& child);

// Reads feed-level extensions (itunes:image/author/explicit, sy:*, dc:*,
// atom:link); false when not one.
bool read_feed_extension(ParseState& state, const Scope& child, std::string_view base);

// What an Atom text construct is read as: sanitised HTML (summary, content) or
// plain text (titles, subtitle, rights). Only the one asked for is computed:
// content is most of a feed's bytes.
enum class TextAs { html, plain };
// The content of an Atom text construct (or content element), as asked; also
// for atom:content and atom:summary inside RSS items (atom.cpp).
std::string read_text_construct(const Scope& scope, std::string_view base, std::string_view where, TextAs as);
// An Atom person construct (name, email, uri; a bare text as RSS writes it).
Person read_person(ParseState& state, const Scope& scope, std::string_view base);

// Applies the fallbacks (title, summary, link from guid, image) and returns the item.
Item finish_item(ItemDraft& draft);

// "1:02:03", "62:03", "3723" -> seconds.
std::optional<std::int64_t> parse_duration(std::string_view text);
std::optional<bool> parse_explicit(std::string_view text);
std::optional<std::int64_t> parse_length(std::string_view text);

}  // namespace feeds::detail
