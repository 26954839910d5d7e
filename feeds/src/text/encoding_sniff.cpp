// Reading encoding declarations, and guessing the encoding of undeclared
// bytes that are not UTF-8.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "common/ascii.h"
#include "common/utf8.h"
#include "text/encoding_detail.h"

namespace feeds::encoding_detail {

namespace {

using ascii::lower;
using ascii::starts_with_icase;
// HTML's white space: <meta charset> is read as the HTML parser would.
constexpr bool is_space(char c) {
  return ascii::is_html_space(c);
}

std::size_t find_icase(std::string_view text, std::string_view needle, std::size_t from = 0) {
  for (std::size_t pos = from; pos + needle.size() <= text.size(); ++pos) {
    if (starts_with_icase(text, pos, needle)) return pos;
  }
  return std::string_view::npos;
}

// Reads a value after '=' at text[pos] (quoted or bare); advances pos.
std::string read_value(std::string_view text, std::size_t& pos) {
  while (pos < text.size() && is_space(text[pos])) ++pos;
  if (pos >= text.size()) return {};
  char quote = text[pos];
  if (quote == '"' || quote == '\'') {
    std::size_t end = text.find(quote, pos + 1);
    if (end == std::string_view::npos) end = text.size();
    std::string value(text.substr(pos + 1, end - pos - 1));
    pos = end + 1;
    return value;
  }
  std::size_t start = pos;
  while (pos < text.size() && !is_space(text[pos]) && text[pos] != '>' && text[pos] != '/' &&
         text[pos] != ';')
    ++pos;
  return std::string(text.substr(start, pos - start));
}

struct Attribute {
  std::string name;
  std::string value;
};

// Reads one attribute of a tag at text[pos]; false at '>' or the end.
bool read_attribute(std::string_view text, std::size_t& pos, Attribute& attribute) {
  while (pos < text.size() && (is_space(text[pos]) || text[pos] == '/')) ++pos;
  if (pos >= text.size() || text[pos] == '>') return false;
  attribute = {};
  while (pos < text.size() && !is_space(text[pos]) && text[pos] != '=' && text[pos] != '>' &&
         text[pos] != '/') {
    attribute.name += lower(text[pos]);
    ++pos;
  }
  while (pos < text.size() && is_space(text[pos])) ++pos;
  if (pos < text.size() && text[pos] == '=') {
    ++pos;
    attribute.value = read_value(text, pos);
  }
  return true;
}

}  // namespace

std::string charset_from_content_type(std::string_view value) {
  std::size_t at = find_icase(value, "charset");
  if (at == std::string_view::npos) {
    return value.find('=') == std::string_view::npos && value.find('/') == std::string_view::npos
               ? std::string(value)
               : std::string();
  }
  std::size_t pos = at + 7;
  while (pos < value.size() && is_space(value[pos])) ++pos;
  if (pos >= value.size() || value[pos] != '=') return {};
  ++pos;
  return read_value(value, pos);
}

std::string xml_declared_encoding(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 1024);
  std::size_t pos = 0;
  while (pos < head.size() && is_space(head[pos])) ++pos;  // leading white space is common in the wild
  if (!head.substr(pos).starts_with("<?xml")) return {};
  std::size_t end = head.find("?>", pos);
  std::string_view declaration =
      head.substr(pos, end == std::string_view::npos ? head.size() - pos : end - pos);
  std::size_t at = declaration.find("encoding");
  if (at == std::string_view::npos) return {};
  std::size_t value_pos = at + 8;
  while (value_pos < declaration.size() && is_space(declaration[value_pos])) ++value_pos;
  if (value_pos >= declaration.size() || declaration[value_pos] != '=') return {};
  ++value_pos;
  return read_value(declaration, value_pos);
}

// The WHATWG prescan, simplified: comments skipped, other tags skipped with
// their attributes, <meta charset> and <meta http-equiv=content-type> read.
std::string html_declared_encoding(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 1024);
  std::size_t pos = 0;
  while ((pos = head.find('<', pos)) != std::string_view::npos) {
    if (head.substr(pos).starts_with("<!--")) {
      std::size_t end = head.find("-->", pos + 4);
      if (end == std::string_view::npos) return {};
      pos = end + 3;
      continue;
    }
    if (starts_with_icase(head, pos, "<meta") && pos + 5 < head.size() &&
        (is_space(head[pos + 5]) || head[pos + 5] == '/')) {
      pos += 5;
      Attribute attribute;
      std::string charset, http_equiv, content;
      while (read_attribute(head, pos, attribute)) {
        if (attribute.name == "charset" && charset.empty()) charset = attribute.value;
        if (attribute.name == "http-equiv") http_equiv = attribute.value;
        if (attribute.name == "content") content = attribute.value;
      }
      if (!charset.empty()) return charset;
      for (char& c : http_equiv) c = lower(c);
      if (http_equiv == "content-type") {
        std::string from_content = charset_from_content_type(content);
        if (!from_content.empty() && content.find('=') != std::string::npos) return from_content;
      }
      continue;
    }
    ++pos;
    if (pos < head.size() && (head[pos] == '/' || (lower(head[pos]) >= 'a' && lower(head[pos]) <= 'z'))) {
      // Another tag: skip its attributes so a '<' inside a value does not confuse us.
      while (pos < head.size() && !is_space(head[pos]) && head[pos] != '>') ++pos;
      Attribute ignored;
      while (read_attribute(head, pos, ignored)) {
      }
    }
  }
  return {};
}

namespace {

// Characters frequent in running text of each language: a decoding that
// produces many of them is probably the right one. Kana alone mark Japanese.
constexpr std::string_view kCommonChinese =
    "的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么"
    "心多天而能好都"
    "然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与"
    "高意进把法此实回二"
    "理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教"
    "西再平真听世气信北"
    "少关并内加化由却代军产入先山五太水万市体别处总才场师书比住员通目华报立马命张活难神数件安表原车白应路期常"
    "提感金何更反合放做"
    "系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许特望直服林题建南度统色字请交让认算论百"
    "义科元社术结功指思"
    "非流每管连远资队带条院变联言权往展该领传近留红治决周保达办运武半候必城强步完革深区即求品转量空众技程告江"
    "语英基派满式息写识"
    "这個們來國說時會為對過後麼裡還發當與實點種現將體間開長問兩邊電話機關從經於無頭動學見氣";
constexpr std::string_view kCommonJapaneseKanji =
    "日本人年大一中出生時行見月分後前間東事自社発者地業方新場員立開手力問代明動京目通言理体田主題意不作用度強"
    "公持野以思家世多正"
    "安院心界教文元重近考画海売知道集別物使品計死特私始朝運終台広住真有口少町料工建空急止送切転研足究楽起着店"
    "病質待試族銀早映親"
    "験英医仕去味写字答夜音注帰古歌買悪図週室歩風紙黒花春赤青館屋色走秋夏習駅洋旅服夕借曜飲肉貸堂鳥飯勉冬昼茶"
    "弟牛魚兄犬妹姉漢政"
    "党首相米国内外選挙市県警察円億万";
constexpr std::string_view kCommonKorean =
    "이다는의에하고가을를지서기사로한대자도리수시어인정으나니해게있적주일전거상부보소면들세국제아여할만구우라"
    "동성원장과비것그년내"
    "때중와경무문생요화관신위없회계학분선연실말되같업방당미마저터후진통물발개모영결러치및까지했습니요던것을에"
    "서는으로하는이다했다"
    "한국대통령정부의원장관북한서울경제시장기업";

std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> out;
  std::size_t pos = 0;
  while (pos < text.size()) out.push_back(utf8::decode_valid(text, pos));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

enum class Language { chinese, japanese, korean };

struct Candidate {
  std::string_view encoding;
  Language language;
};

constexpr Candidate kCjkCandidates[] = {
    {"shift_jis", Language::japanese}, {"euc-jp", Language::japanese}, {"gb18030", Language::chinese},
    {"big5", Language::chinese},       {"euc-kr", Language::korean},
};

bool is_kana(char32_t c) {
  return c >= 0x3041 && c <= 0x30FF;
}

struct Score {
  std::size_t replaced = 0;
  std::size_t non_ascii = 0;
  std::size_t hits = 0;
};

Score score_cjk(std::string_view sample, const Candidate& candidate) {
  static const std::vector<char32_t> chinese = code_points(kCommonChinese);
  static const std::vector<char32_t> japanese = code_points(kCommonJapaneseKanji);
  static const std::vector<char32_t> korean = code_points(kCommonKorean);
  const std::vector<char32_t>& common = candidate.language == Language::chinese    ? chinese
                                        : candidate.language == Language::japanese ? japanese
                                                                                   : korean;
  std::string decoded;
  TranscodeResult result =
      transcode_canonical(sample, candidate.encoding, decoded, /*truncation_is_error=*/false);
  Score score;
  score.replaced = result.replaced;
  std::size_t pos = 0;
  while (pos < decoded.size()) {
    char32_t c = utf8::decode_valid(decoded, pos);
    if (c < 0x80) continue;
    ++score.non_ascii;
    if (c == 0xFFFD) continue;
    if ((candidate.language == Language::japanese && is_kana(c)) ||
        std::binary_search(common.begin(), common.end(), c)) {
      ++score.hits;
    }
  }
  return score;
}

// Among the single-byte candidates: Latin text has isolated high bytes
// between ASCII letters; Cyrillic words are runs of high bytes, mostly
// lower case, which sit at 0xE0-0xFF in windows-1251 and 0xC0-0xDF in koi8-r.
// Text with no two letters (0xC0-0xFF) in a row has no Cyrillic word at all:
// an English page whose only high bytes are pound signs, curly quotes and
// dashes, set apart by spaces and digits, is windows-1252.
std::string guess_single_byte(std::string_view sample) {
  auto is_ascii_letter = [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::size_t high = 0, beside_ascii_letter = 0, windows1251_lower = 0, koi8_lower = 0, letter_runs = 0;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    auto c = static_cast<unsigned char>(sample[i]);
    if (c < 0x80) continue;
    ++high;
    if (c >= 0xC0 && i + 1 < sample.size() && static_cast<unsigned char>(sample[i + 1]) >= 0xC0)
      ++letter_runs;
    bool before = i > 0 && is_ascii_letter(static_cast<unsigned char>(sample[i - 1]));
    bool after = i + 1 < sample.size() && is_ascii_letter(static_cast<unsigned char>(sample[i + 1]));
    if (before || after) ++beside_ascii_letter;
    if (c >= 0xE0) ++windows1251_lower;
    if (c >= 0xC0 && c <= 0xDF) ++koi8_lower;
  }
  if (high == 0 || beside_ascii_letter * 2 > high || letter_runs == 0) return "windows-1252";
  return koi8_lower > windows1251_lower ? "koi8-r" : "windows-1251";
}

}  // namespace

std::string sniff_legacy_encoding(std::string_view bytes) {
  std::string_view sample = bytes.substr(0, std::size_t{64} * 1024);

  // UTF-16 without BOM: ASCII characters leave zero bytes on one side.
  std::size_t even_zero = 0, odd_zero = 0;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    if (sample[i] == '\0') ++(i % 2 == 0 ? even_zero : odd_zero);
  }
  if (odd_zero * 4 > sample.size() && even_zero * 20 < odd_zero) return "utf-16le";
  if (even_zero * 4 > sample.size() && odd_zero * 20 < even_zero) return "utf-16be";

  Score best;
  std::string_view best_encoding;
  for (const auto& candidate : kCjkCandidates) {
    Score score = score_cjk(sample, candidate);
    if (score.replaced > 0) continue;
    if (best_encoding.empty() || score.hits > best.hits) {
      best = score;
      best_encoding = candidate.encoding;
    }
  }
  // Accept a CJK reading only when it decodes cleanly and a fair share of its
  // characters are common ones: random bytes read as CJK hit the lists rarely.
  if (!best_encoding.empty() && best.hits >= 2 && best.hits * 5 >= best.non_ascii)
    return std::string(best_encoding);
  return guess_single_byte(sample);
}

}  // namespace feeds::encoding_detail
