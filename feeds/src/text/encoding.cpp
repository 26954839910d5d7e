// Transcoding to UTF-8 with iconv, WHATWG encoding labels, and the detection
// order of decode_to_utf8 (BOM, declaration, HTTP hint, sniffing).
#include "feeds/encoding.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <utility>

#include "common/ascii.h"
#include "common/utf8.h"
#include "feeds/text.h"
#include "text/encoding_detail.h"

namespace feeds {

namespace {

struct EncodingLabels {
  std::string_view canonical;
  std::string_view iconv_name;  // "" for utf-8, which never goes through iconv
  std::string_view labels;      // space-separated WHATWG labels (plus common misspellings)
};

// From the WHATWG Encoding Standard's label table. As in browsers, latin1 and
// us-ascii mean windows-1252, iso-8859-9 means windows-1254, iso-8859-11
// windows-874, gb2312 GBK (decoded with the gb18030 superset), Shift_JIS is
// decoded as windows-31j (CP932: 0x5C is '\', not the yen sign) and EUC-KR
// as its superset windows-949.
constexpr EncodingLabels kEncodings[] = {
    {"utf-8", "", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"},
    {"ibm866", "IBM866", "866 cp866 csibm866 ibm866"},
    {"iso-8859-2", "ISO-8859-2",
     "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2"},
    {"iso-8859-3", "ISO-8859-3",
     "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3"},
    {"iso-8859-4", "ISO-8859-4",
     "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4"},
    {"iso-8859-5", "ISO-8859-5",
     "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988"},
    {"iso-8859-6", "ISO-8859-6",
     "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e iso-8859-6-i "
     "iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987"},
    {"iso-8859-7", "ISO-8859-7",
     "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7 "
     "iso_8859-7:1987 sun_eu_greek"},
    {"iso-8859-8", "ISO-8859-8",
     "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 iso_8859-8 "
     "iso_8859-8:1988 visual"},
    {"iso-8859-8-i", "ISO-8859-8", "csiso88598i iso-8859-8-i logical"},
    {"iso-8859-10", "ISO-8859-10", "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"},
    {"iso-8859-13", "ISO-8859-13", "iso-8859-13 iso8859-13 iso885913"},
    {"iso-8859-14", "ISO-8859-14", "iso-8859-14 iso8859-14 iso885914"},
    {"iso-8859-15", "ISO-8859-15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"},
    {"iso-8859-16", "ISO-8859-16", "iso-8859-16"},
    {"koi8-r", "KOI8-R", "cskoi8r koi koi8 koi8-r koi8_r"},
    {"koi8-u", "KOI8-RU", "koi8-ru koi8-u"},
    {"macintosh", "MACINTOSH", "csmacintosh mac macintosh x-mac-roman"},
    {"windows-874", "CP874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"},
    {"windows-1250", "CP1250", "cp1250 windows-1250 x-cp1250 win-1250"},
    {"windows-1251", "CP1251", "cp1251 windows-1251 x-cp1251 win-1251 cp-1251"},
    {"windows-1252", "CP1252",
     "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 "
     "iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252"},
    {"windows-1253", "CP1253", "cp1253 windows-1253 x-cp1253"},
    {"windows-1254", "CP1254",
     "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 "
     "windows-1254 x-cp1254"},
    {"windows-1255", "CP1255", "cp1255 windows-1255 x-cp1255"},
    {"windows-1256", "CP1256", "cp1256 windows-1256 x-cp1256"},
    {"windows-1257", "CP1257", "cp1257 windows-1257 x-cp1257"},
    {"windows-1258", "CP1258", "cp1258 windows-1258 x-cp1258"},
    {"x-mac-cyrillic", "MAC-CYRILLIC", "x-mac-cyrillic x-mac-ukrainian"},
    {"gbk", "GB18030",
     "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk euc-cn"},
    {"gb18030", "GB18030", "gb18030"},
    {"big5", "BIG5-HKSCS", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"},
    {"euc-jp", "EUC-JP", "cseucpkdfmtjapanese euc-jp x-euc-jp"},
    {"iso-2022-jp", "ISO-2022-JP", "csiso2022jp iso-2022-jp"},
    {"shift_jis", "CP932", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis cp932"},
    {"euc-kr", "CP949",
     "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 "
     "windows-949 cp949 uhc"},
    {"utf-16be", "UTF-16BE", "unicodefffe utf-16be"},
    {"utf-16le", "UTF-16LE", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"},
    // Not in WHATWG's list (browsers refuse UTF-32), but XML allows it and feeds use it.
    {"utf-32be", "UTF-32BE", "utf-32be ucs-4be"},
    {"utf-32le", "UTF-32LE", "iso-10646-ucs-4 ucs-4 ucs-4le utf-32 utf-32le"},
};

const EncodingLabels* find_canonical(std::string_view canonical) {
  for (const auto& entry : kEncodings) {
    if (entry.canonical == canonical) return &entry;
  }
  return nullptr;
}

std::string trim_and_lower(std::string_view label) {
  label = ascii::trim_html(label);  // WHATWG: labels are trimmed of ASCII whitespace
  // Quotes survive sloppy declarations: charset="utf-8".
  while (!label.empty() && (label.front() == '"' || label.front() == '\'')) label.remove_prefix(1);
  while (!label.empty() && (label.back() == '"' || label.back() == '\'')) label.remove_suffix(1);
  return ascii::lower(label);
}

// Owns one iconv conversion descriptor.
class Iconv {
 public:
  Iconv(const char* to, const char* from) : handle_(iconv_open(to, from)) {}
  ~Iconv() {
    if (valid()) iconv_close(handle_);
  }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;

  bool valid() const { return handle_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return handle_; }

 private:
  iconv_t handle_;
};

// Bytes one invalid sequence is skipped by: a code unit.
std::size_t unit_size(std::string_view iconv_name) {
  if (iconv_name.starts_with("UTF-32")) return 4;
  return iconv_name.starts_with("UTF-16") ? 2 : 1;
}

encoding_detail::TranscodeResult run_iconv(std::string_view bytes, const char* iconv_name, std::string& out,
                                           bool truncation_is_error) {
  encoding_detail::TranscodeResult result;
  Iconv converter("UTF-8", iconv_name);
  if (!converter.valid()) return result;
  result.known = true;
  const std::size_t skip = unit_size(iconv_name);
  const std::size_t start = out.size();
  std::size_t written = start;
  out.resize(start + bytes.size() * 2 + 16);
  // iconv's prototype wants char** for the input although it never writes it.
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  auto replace = [&] {
    if (out.size() - written < 3) out.resize(out.size() * 2 + 3);
    out.replace(written, 3, utf8::kReplacement);
    written += 3;
    ++result.replaced;
  };
  bool flushing = false;
  while (true) {
    char* out_ptr = out.data() + written;
    std::size_t out_left = out.size() - written;
    std::size_t status = flushing ? iconv(converter.get(), nullptr, nullptr, &out_ptr, &out_left)
                                  : iconv(converter.get(), &in, &in_left, &out_ptr, &out_left);
    int error = errno;
    written = static_cast<std::size_t>(out_ptr - out.data());
    if (status != static_cast<std::size_t>(-1)) {
      if (flushing) break;
      flushing = true;  // stateful encodings (ISO-2022-JP) may owe a final reset
      continue;
    }
    if (error == E2BIG) {
      out.resize(out.size() * 2 + 16);
    } else if (error == EILSEQ) {
      replace();
      std::size_t step = std::min(skip, in_left);
      in += step;
      in_left -= step;
    } else if (error == EINVAL) {  // input ends inside a sequence
      if (truncation_is_error) {
        replace();
      } else {
        result.truncated = true;
      }
      in_left = 0;
      flushing = true;
    } else {
      break;
    }
  }
  out.resize(written);
  return result;
}

// Single-byte encodings map every byte on its own, so one table of 256 UTF-8
// sequences, each asked of iconv, then a plain loop gives exactly what
// run_iconv gives. glibc's iconv spends about 20 instructions a byte on these
// (KOI8-R was 4 % of a feed-corpus parse); the loop copies ASCII runs whole.
struct SingleByteTable {
  // One byte of a single-byte encoding is one code point of the BMP: at most
  // three bytes of UTF-8, so every entry fits in four and the loop below can
  // store four bytes unconditionally and advance by the entry's length.
  struct Entry {
    std::array<char, 4> bytes{};
    std::uint8_t length = 0;
    bool refused = false;  // iconv refuses the byte: U+FFFD, counted
  };
  std::array<Entry, 256> entries;
  bool ascii_identity = true;  // bytes below 0x80 are themselves
};

std::optional<SingleByteTable> single_byte_table(const char* iconv_name) {
  Iconv converter("UTF-8", iconv_name);
  if (!converter.valid()) return std::nullopt;
  SingleByteTable table;
  for (int byte = 0; byte < 256; ++byte) {
    char input = static_cast<char>(byte);
    char* in = &input;
    std::size_t in_left = 1;
    SingleByteTable::Entry& entry = table.entries[static_cast<std::size_t>(byte)];
    std::array<char, 8> converted{};
    char* out = converted.data();
    std::size_t out_left = converted.size();
    iconv(converter.get(), nullptr, nullptr, nullptr, nullptr);  // initial state for every byte
    const std::size_t status = iconv(converter.get(), &in, &in_left, &out, &out_left);
    if (status == static_cast<std::size_t>(-1) || in_left != 0) {
      if (errno != EILSEQ) return std::nullopt;  // not a single-byte mapping after all
      std::memcpy(entry.bytes.data(), utf8::kReplacement.data(), utf8::kReplacement.size());
      entry.length = static_cast<std::uint8_t>(utf8::kReplacement.size());
      entry.refused = true;
    } else {
      const std::size_t length = converted.size() - out_left;
      if (length == 0 || length > 3) return std::nullopt;  // not one BMP code point: iconv's job
      std::memcpy(entry.bytes.data(), converted.data(), length);
      entry.length = static_cast<std::uint8_t>(length);
    }
    if (byte < 0x80 && !(entry.length == 1 && entry.bytes[0] == input && !entry.refused))
      table.ascii_identity = false;
  }
  return table;
}

encoding_detail::TranscodeResult transcode_single_byte(std::string_view bytes, const SingleByteTable& table,
                                                       std::string& out) {
  encoding_detail::TranscodeResult result;
  result.known = true;
  // Written through a pointer into room made chunk by chunk (three output
  // bytes per input byte at most, plus the fourth byte of the last store),
  // then cut to what was written: no append, no capacity check per byte.
  constexpr std::size_t kChunk = std::size_t{16} * 1024;
  std::size_t written = out.size();
  for (std::size_t chunk = 0; chunk < bytes.size(); chunk += kChunk) {
    const std::string_view in = bytes.substr(chunk, kChunk);
    out.resize(written + in.size() * 3 + 4);
    char* const begin = out.data() + written;
    char* dst = begin;
    std::size_t pos = 0;
    while (pos < in.size()) {
      if (table.ascii_identity && static_cast<unsigned char>(in[pos]) < 0x80) {
        const std::size_t run_end = utf8::ascii_run_end(in, pos);
        std::memcpy(dst, in.data() + pos, run_end - pos);
        dst += run_end - pos;
        pos = run_end;
        continue;
      }
      const SingleByteTable::Entry& entry = table.entries[static_cast<unsigned char>(in[pos++])];
      std::memcpy(dst, entry.bytes.data(), 4);
      dst += entry.length;
      result.replaced += entry.refused ? 1 : 0;
    }
    written += static_cast<std::size_t>(dst - begin);
  }
  out.resize(written);
  return result;
}

struct Utf8Census {
  std::size_t valid_multibyte = 0;
  std::size_t invalid = 0;
};

// Counts valid multibyte and invalid sequences: UTF-8 with a few damaged
// bytes has far more of the first; legacy text has mostly the second (its
// byte pairs form valid UTF-8 only by chance).
Utf8Census utf8_census(std::string_view bytes) {
  Utf8Census census;
  for (std::size_t pos = 0; pos < bytes.size();) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    std::size_t length = utf8::valid_sequence_length(bytes, pos);
    if (length == 0) {
      ++census.invalid;
      pos += utf8::invalid_sequence_length(bytes, pos);
    } else {
      ++census.valid_multibyte;
      pos += length;
    }
  }
  return census;
}

bool has_non_ascii(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

}  // namespace

namespace encoding_detail {

TranscodeResult transcode_canonical(std::string_view bytes, std::string_view canonical, std::string& out,
                                    bool truncation_is_error) {
  const EncodingLabels* entry = find_canonical(canonical);
  if (entry == nullptr) return {};
  if (entry->iconv_name.empty()) {  // utf-8: validate and repair
    std::string copy(bytes);
    TranscodeResult result;
    result.known = true;
    if (!truncation_is_error) {
      // Drop an incomplete sequence at the very end of a sample.
      std::size_t tail = copy.size();
      std::size_t back = 0;
      while (back < 3 && tail > back && (static_cast<unsigned char>(copy[tail - 1 - back]) & 0xC0) == 0x80)
        ++back;
      if (tail > back && static_cast<unsigned char>(copy[tail - 1 - back]) >= 0xC0 &&
          utf8::valid_sequence_length(copy, tail - 1 - back) == 0) {
        copy.resize(tail - 1 - back);
        result.truncated = true;
      }
    }
    result.replaced = repair_utf8(copy);
    out += copy;
    return result;
  }
  std::string name(entry->iconv_name);
  // Below 4 KB the table costs more than it saves. glibc's CP1255 and CP1258
  // combine a letter with the accents that follow it, so a byte is not
  // always converted on its own there.
  if (is_single_byte(canonical) && bytes.size() >= 4096 && canonical != "windows-1255" &&
      canonical != "windows-1258") {
    if (auto table = single_byte_table(name.c_str())) return transcode_single_byte(bytes, *table, out);
  }
  return run_iconv(bytes, name.c_str(), out, truncation_is_error);
}

bool is_ascii_compatible(std::string_view canonical) {
  return !(canonical.starts_with("utf-16") || canonical.starts_with("utf-32") || canonical == "iso-2022-jp");
}

bool is_single_byte(std::string_view canonical) {
  return canonical.starts_with("windows-") || canonical.starts_with("iso-8859-") ||
         canonical.starts_with("koi8-") || canonical == "ibm866" || canonical == "macintosh" ||
         canonical == "x-mac-cyrillic";
}

}  // namespace encoding_detail

std::string canonical_encoding_name(std::string_view label) {
  std::string wanted = trim_and_lower(label);
  if (wanted.empty()) return {};
  for (const auto& entry : kEncodings) {
    std::string_view labels = entry.labels;
    while (!labels.empty()) {
      std::size_t space = labels.find(' ');
      std::string_view one = labels.substr(0, space);
      if (one == wanted) return std::string(entry.canonical);
      if (space == std::string_view::npos) break;
      labels.remove_prefix(space + 1);
    }
  }
  return {};
}

Result<Transcoded> transcode_to_utf8(std::string_view bytes, std::string_view encoding) {
  Transcoded transcoded;
  std::string& out = transcoded.utf8;
  std::string canonical = canonical_encoding_name(encoding);
  encoding_detail::TranscodeResult result;
  if (!canonical.empty()) {
    result = encoding_detail::transcode_canonical(bytes, canonical, out);
  } else {
    // Not a WHATWG label: let iconv try its own names, if the label looks like one.
    std::string name = trim_and_lower(encoding);
    bool plausible = !name.empty() && name.size() < 40 && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
    });
    if (plausible) result = run_iconv(bytes, name.c_str(), out, true);
  }
  if (!result.known) return Error{ErrorCode::unknown_encoding, "unknown encoding: " + std::string(encoding)};
  transcoded.replaced = result.replaced;
  return transcoded;
}

namespace {

struct Choice {
  std::string canonical;
  std::string source;  // "BOM", "XML declaration", "meta charset", "HTTP charset", "sniffing"
};

bool starts_with_bytes(std::string_view bytes, std::string_view prefix) {
  return bytes.starts_with(prefix);
}

}  // namespace

DecodedText decode_to_utf8(std::string_view bytes, DocumentKind kind, std::string_view http_charset) {
  DecodedText result;
  const std::string_view text = decode_to_utf8_view(bytes, kind, http_charset, result);
  if (result.utf8.empty() && !text.empty()) result.utf8.assign(text);
  return result;
}

std::string_view decode_to_utf8_view(std::string_view bytes, DocumentKind kind, std::string_view http_charset,
                                     DecodedText& result) {
  result = DecodedText{};
  std::string_view body = bytes;
  Choice choice;
  bool from_bom = false;

  // 1. Byte order mark: authoritative.
  using namespace std::string_view_literals;
  if (starts_with_bytes(bytes, "\xEF\xBB\xBF")) {
    choice = {"utf-8", "BOM"};
    body.remove_prefix(3);
    from_bom = true;
  } else if (starts_with_bytes(bytes, "\xFF\xFE\0\0"sv)) {  // before UTF-16LE, whose BOM it starts with
    choice = {"utf-32le", "BOM"};
    body.remove_prefix(4);
    from_bom = true;
  } else if (starts_with_bytes(bytes, "\0\0\xFE\xFF"sv)) {
    choice = {"utf-32be", "BOM"};
    body.remove_prefix(4);
    from_bom = true;
  } else if (starts_with_bytes(bytes, "\xFF\xFE")) {
    choice = {"utf-16le", "BOM"};
    body.remove_prefix(2);
    from_bom = true;
  } else if (starts_with_bytes(bytes, "\xFE\xFF")) {
    choice = {"utf-16be", "BOM"};
    body.remove_prefix(2);
    from_bom = true;
  }

  // UTF-16 without a BOM announces itself by "<" with a zero byte beside it
  // (XML/HTML) or by zero bytes around the first ASCII character (JSON, RFC 4627).
  if (!from_bom && bytes.size() >= 4) {
    bool zero0 = bytes[0] == '\0', zero1 = bytes[1] == '\0', zero2 = bytes[2] == '\0',
         zero3 = bytes[3] == '\0';
    if (!zero0 && zero1 && !zero2 && zero3) choice = {"utf-16le", "zero-byte pattern"};
    if (zero0 && !zero1 && zero2 && !zero3) choice = {"utf-16be", "zero-byte pattern"};
    if (!zero0 && zero1 && zero2 && zero3) choice = {"utf-32le", "zero-byte pattern"};
    if (zero0 && zero1 && zero2 && !zero3) choice = {"utf-32be", "zero-byte pattern"};
  }

  // 2. The document's own declaration; 3. the HTTP hint.
  auto consider_label = [&](const std::string& label, const std::string& source) {
    if (!choice.canonical.empty() || label.empty()) return;
    std::string canonical = canonical_encoding_name(label);
    if (canonical.empty()) {
      result.warnings.push_back("encoding: unknown charset \"" + label + "\" in " + source + "; ignored");
      return;
    }
    if (canonical.starts_with("utf-16") || canonical.starts_with("utf-32")) {
      // We read the declaration as ASCII, so the bytes are not UTF-16 (WHATWG does the same).
      if (source != "HTTP charset") {
        result.warnings.push_back("encoding: " + source + " says " + canonical +
                                  " but the document is ASCII-compatible; using utf-8");
        canonical = "utf-8";
      }
    }
    choice = {canonical, source};
  };
  if (choice.canonical.empty()) {
    if (kind == DocumentKind::xml) {
      consider_label(encoding_detail::xml_declared_encoding(body), "XML declaration");
    } else if (kind == DocumentKind::html) {
      consider_label(encoding_detail::html_declared_encoding(body), "meta charset");
    }
  }
  if (choice.canonical.empty() && !http_charset.empty()) {
    consider_label(encoding_detail::charset_from_content_type(http_charset), "HTTP charset");
  }

  // Valid UTF-8 is the common case and costs one validation pass.
  const std::size_t first_invalid = utf8::first_invalid(body);
  const bool valid_utf8 = first_invalid == body.size();

  // 4. Sniffing, and correcting declarations the bytes contradict.
  if (choice.canonical.empty()) {
    // UTF-8 with a few bad bytes is still UTF-8; legacy text is rarely valid UTF-8 at all.
    bool utf8_like = valid_utf8;
    if (!utf8_like) {
      Utf8Census census = utf8_census(body);
      utf8_like = census.invalid * 4 <= census.valid_multibyte;
    }
    choice = {utf8_like ? "utf-8" : encoding_detail::sniff_legacy_encoding(body), "sniffing"};
    if (!utf8_like) {
      result.warnings.push_back("encoding: no declaration and not UTF-8; guessed " + choice.canonical);
    }
  } else if (!from_bom && encoding_detail::is_ascii_compatible(choice.canonical) &&
             choice.canonical != "utf-8" && valid_utf8 && has_non_ascii(body)) {
    result.warnings.push_back("encoding: " + choice.source + " says " + choice.canonical +
                              " but the bytes are valid UTF-8; decoded as utf-8");
    choice = {"utf-8", "correction"};
  } else if (!from_bom && choice.canonical == "utf-8" && !valid_utf8 &&
             utf8_census(body).valid_multibyte < utf8_census(body).invalid) {
    // Declared UTF-8, yet hardly any multibyte sequence is valid: a legacy encoding.
    std::string guessed = encoding_detail::sniff_legacy_encoding(body);
    result.warnings.push_back("encoding: " + choice.source +
                              " says utf-8 but the bytes are not UTF-8; guessed " + guessed);
    choice = {guessed, "correction"};
  }

  result.encoding = choice.canonical;
  if (choice.canonical == "utf-8") {
    if (valid_utf8) return body;
    result.utf8.assign(body);
    std::size_t replaced = repair_utf8(result.utf8);
    result.warnings.push_back("encoding: " + std::to_string(replaced) +
                              " invalid UTF-8 sequence(s) replaced with U+FFFD");
    return result.utf8;
  }
  if (encoding_detail::is_ascii_compatible(choice.canonical) && first_invalid == body.size() &&
      !has_non_ascii(body)) {
    return body;  // pure ASCII reads the same in every ASCII-compatible encoding
  }
  auto transcoded = encoding_detail::transcode_canonical(body, choice.canonical, result.utf8);
  if (!transcoded.known) {
    // Canonical names all map to converters glibc ships; fall back rather than fail.
    result.warnings.push_back("encoding: iconv cannot convert " + choice.canonical + "; decoded as utf-8");
    result.encoding = "utf-8";
    result.utf8.assign(body);
    repair_utf8(result.utf8);
    return result.utf8;
  }
  if (transcoded.replaced > 0) {
    result.warnings.push_back("encoding: " + std::to_string(transcoded.replaced) + " invalid " +
                              choice.canonical + " sequence(s) replaced with U+FFFD");
  }
  return result.utf8;
}

}  // namespace feeds
