#pragma once
// Character encodings: detection and transcoding to UTF-8 (iconv).
#include <string>
#include <string_view>
#include <vector>

#include "feeds/result.h"

namespace feeds {

// What the caller knows of the document's type; changes which declarations are read.
enum class DocumentKind { xml, html, json };

struct DecodedText {
  std::string utf8;                   // the document as valid UTF-8, BOM removed
  std::string encoding;               // canonical name of the encoding used, e.g. "windows-1251"
  std::vector<std::string> warnings;  // replaced sequences, wrong declarations, unknown names
};

// Decides the encoding from, in order: a BOM; the document's own declaration
// (XML declaration for xml, <meta charset>/http-equiv in the first 1024 bytes
// for html); the HTTP charset hint; then sniffing (valid UTF-8 wins, else a
// heuristic among windows-1251/koi8-r/windows-1252/shift_jis/euc-jp/gb18030/
// big5/euc-kr). A declaration that the bytes contradict (declared single-byte
// but the bytes are valid multibyte UTF-8) is corrected with a warning.
// Invalid byte sequences become U+FFFD and are counted in a warning; never throws
// for bad input.
DecodedText decode_to_utf8(std::string_view bytes, DocumentKind kind, std::string_view http_charset = {});

// The same decision, without copying `bytes` when they already are the answer
// (valid UTF-8 that needs no change but a BOM removed): then `decoded.utf8`
// stays empty and the returned view points into `bytes`, else into
// `decoded.utf8`. For callers that only read the text while `bytes` lives
// (feed parsing: the copy of a whole document was 2 % of a parse).
std::string_view decode_to_utf8_view(std::string_view bytes, DocumentKind kind, std::string_view http_charset,
                                     DecodedText& decoded);

struct Transcoded {
  std::string utf8;
  std::size_t replaced = 0;  // invalid sequences, each now U+FFFD
};

// Transcodes `bytes` from `encoding` (any iconv name or WHATWG label) to UTF-8,
// replacing invalid sequences with U+FFFD. An encoding neither knows is an
// Error{ErrorCode::unknown_encoding, "unknown encoding: <label>"}.
Result<Transcoded> transcode_to_utf8(std::string_view bytes, std::string_view encoding);

// Maps a charset label (WHATWG aliases, any case, e.g. "latin1", "cp1251",
// "x-sjis") to a canonical name, or "" when unknown.
std::string canonical_encoding_name(std::string_view label);

}  // namespace feeds
