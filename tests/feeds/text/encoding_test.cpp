// decode_to_utf8, transcode_to_utf8, canonical_encoding_name. Legacy byte
// strings are produced in the test with iconv from UTF-8 samples.
#include "feeds/encoding.h"

#include <iconv.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <ostream>
#include <string>

namespace {

using feeds::canonical_encoding_name;
using feeds::decode_to_utf8;
using feeds::DocumentKind;
using feeds::transcode_to_utf8;

// UTF-8 -> `to` with the system iconv (independent of the code under test).
std::string encode(const std::string& utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1)) << to;
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  std::size_t status = iconv(cd, &in, &in_left, &out_ptr, &out_left);
  EXPECT_NE(status, static_cast<std::size_t>(-1)) << "cannot encode sample in " << to;
  iconv(cd, nullptr, nullptr, &out_ptr, &out_left);
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

bool has_warning_containing(const feeds::DecodedText& decoded, std::string_view needle) {
  return std::any_of(decoded.warnings.begin(), decoded.warnings.end(),
                     [&](const std::string& w) { return w.find(needle) != std::string::npos; });
}

const std::string kRussian = "Москва: съешь же ещё этих мягких французских булок, да выпей чаю. Новости дня.";
const std::string kUkrainian = "Київ: Ґанок, їжак, європейська інтеграція та щоденні новини України.";
const std::string kFrench = "Été à Paris: les élèves déjà là, façon «café», très naïve.";
const std::string kJapanese =
    "東京都の新しい政策について、日本政府は今日発表しました。これは大きな変化です。";
const std::string kChinese =
    "中国政府今天发表了关于经济发展的新政策，这是一个重要的变化。我们的国家和人民都在关注这个问题。";
const std::string kTraditional =
    "中國政府今天發表了關於經濟發展的新政策，這是一個重要的變化。我們的國家和人民都在關注這個問題。";
const std::string kKorean =
    "한국 정부는 오늘 새로운 경제 정책을 발표했습니다. 이것은 대한민국의 중요한 변화입니다.";

struct EncodingCase {
  const char* label;       // what the document declares
  const char* iconv_name;  // how the test encodes the sample
  const std::string* sample;
  const char* canonical;
};

class DeclaredEncoding : public ::testing::TestWithParam<EncodingCase> {};
// ctest lists a case by its label, not as a byte dump of the struct.
void PrintTo(const EncodingCase& c, std::ostream* out) {
  *out << c.label;
}

TEST_P(DeclaredEncoding, XmlDeclarationIsHonoured) {
  const auto& c = GetParam();
  std::string document = "<?xml version=\"1.0\" encoding=\"" + std::string(c.label) + "\"?><rss><title>" +
                         *c.sample + "</title></rss>";
  std::string bytes = encode(document, c.iconv_name);
  auto decoded = decode_to_utf8(bytes, DocumentKind::xml);
  EXPECT_EQ(decoded.encoding, c.canonical);
  EXPECT_EQ(decoded.utf8, document);
  EXPECT_TRUE(decoded.warnings.empty()) << decoded.warnings.front();
}

TEST_P(DeclaredEncoding, HttpCharsetIsHonoured) {
  const auto& c = GetParam();
  std::string bytes = encode(*c.sample, c.iconv_name);
  auto decoded = decode_to_utf8(bytes, DocumentKind::json, std::string("text/plain; charset=") + c.label);
  EXPECT_EQ(decoded.encoding, c.canonical);
  EXPECT_EQ(decoded.utf8, *c.sample);
}

TEST_P(DeclaredEncoding, TranscodeByLabel) {
  const auto& c = GetParam();
  auto transcoded = transcode_to_utf8(encode(*c.sample, c.iconv_name), c.label);
  ASSERT_TRUE(transcoded.has_value());
  EXPECT_EQ(transcoded->utf8, *c.sample);
  EXPECT_EQ(transcoded->replaced, 0u);
}

const std::string kLatinSample =
    "caf\xC3\xA9 na\xC3\xAFve";  // café naïve: in every Latin-script ISO-8859 part
const std::string kGreek = "Καλημέρα κόσμε, ειδήσεις σήμερα.";
const std::string kHebrew = "שלום עולם";
const std::string kArabic = "مرحبا بالعالم";
const std::string kThai = "สวัสดีชาวโลก";
const std::string kTurkish = "İstanbul'da güzel bir gün; çok şükür.";
const std::string kBaltic = "Rīga, Vilnius ir Šiauliai.";
const std::string kVietnamese = "Vi\xE1\xBB\x87t Nam";  // Việt Nam (precomposed; CP1258 decomposes)
const std::string kCentral = "Zażółć gęślą jaźń, Příliš žluťoučký kůň.";

INSTANTIATE_TEST_SUITE_P(
    Encodings, DeclaredEncoding,
    ::testing::Values(EncodingCase{"windows-1251", "CP1251", &kRussian, "windows-1251"},
                      EncodingCase{"cp1251", "CP1251", &kUkrainian, "windows-1251"},
                      EncodingCase{"koi8-r", "KOI8-R", &kRussian, "koi8-r"},
                      EncodingCase{"KOI8-U", "KOI8-U", &kUkrainian, "koi8-u"},
                      EncodingCase{"iso-8859-1", "ISO-8859-1", &kFrench, "windows-1252"},
                      EncodingCase{"ISO-8859-2", "ISO-8859-2", &kCentral, "iso-8859-2"},
                      EncodingCase{"iso-8859-3", "ISO-8859-3", &kLatinSample, "iso-8859-3"},
                      EncodingCase{"iso-8859-4", "ISO-8859-4", &kBaltic, "iso-8859-4"},
                      EncodingCase{"iso-8859-5", "ISO-8859-5", &kRussian, "iso-8859-5"},
                      EncodingCase{"iso-8859-6", "ISO-8859-6", &kArabic, "iso-8859-6"},
                      EncodingCase{"iso-8859-7", "ISO-8859-7", &kGreek, "iso-8859-7"},
                      EncodingCase{"iso-8859-8", "ISO-8859-8", &kHebrew, "iso-8859-8"},
                      EncodingCase{"iso-8859-9", "ISO-8859-9", &kTurkish, "windows-1254"},
                      EncodingCase{"iso-8859-10", "ISO-8859-10", &kLatinSample, "iso-8859-10"},
                      EncodingCase{"iso-8859-11", "TIS-620", &kThai, "windows-874"},
                      EncodingCase{"iso-8859-13", "ISO-8859-13", &kBaltic, "iso-8859-13"},
                      EncodingCase{"iso-8859-14", "ISO-8859-14", &kLatinSample, "iso-8859-14"},
                      EncodingCase{"iso-8859-15", "ISO-8859-15", &kFrench, "iso-8859-15"},
                      EncodingCase{"windows-1250", "CP1250", &kCentral, "windows-1250"},
                      EncodingCase{"windows-1252", "CP1252", &kFrench, "windows-1252"},
                      EncodingCase{"windows-1253", "CP1253", &kGreek, "windows-1253"},
                      EncodingCase{"windows-1254", "CP1254", &kTurkish, "windows-1254"},
                      EncodingCase{"windows-1255", "CP1255", &kHebrew, "windows-1255"},
                      EncodingCase{"windows-1256", "CP1256", &kArabic, "windows-1256"},
                      EncodingCase{"windows-1257", "CP1257", &kBaltic, "windows-1257"},
                      EncodingCase{"shift_jis", "SHIFT_JIS", &kJapanese, "shift_jis"},
                      EncodingCase{"euc-jp", "EUC-JP", &kJapanese, "euc-jp"},
                      EncodingCase{"gb2312", "GB2312", &kChinese, "gbk"},
                      EncodingCase{"gbk", "GBK", &kChinese, "gbk"},
                      EncodingCase{"gb18030", "GB18030", &kChinese, "gb18030"},
                      EncodingCase{"big5", "BIG5", &kTraditional, "big5"},
                      EncodingCase{"euc-kr", "EUC-KR", &kKorean, "euc-kr"}),
    [](const auto& test_info) {
      std::string name = test_info.param.label;
      std::replace_if(
          name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
      return name;
    });

TEST(DecodeToUtf8, Windows1258) {
  // CP1258 writes diacritics as combining marks; compare after a round trip.
  std::string bytes = encode(kVietnamese, "CP1258");
  auto decoded = decode_to_utf8(bytes, DocumentKind::json, "windows-1258");
  EXPECT_EQ(decoded.encoding, "windows-1258");
  std::string expected_nfd = "Vi\xC3\xAA\xCC\xA3t Nam";  // glibc decodes ệ as ê + combining dot below
  EXPECT_TRUE(decoded.utf8 == kVietnamese || decoded.utf8 == expected_nfd) << decoded.utf8;
}

TEST(DecodeToUtf8, Utf16WithBom) {
  std::string le = "\xFF\xFE" + encode("<?xml version=\"1.0\"?><rss>" + kUkrainian + "</rss>", "UTF-16LE");
  auto decoded = decode_to_utf8(le, DocumentKind::xml);
  EXPECT_EQ(decoded.encoding, "utf-16le");
  EXPECT_EQ(decoded.utf8, "<?xml version=\"1.0\"?><rss>" + kUkrainian + "</rss>");
  std::string be = "\xFE\xFF" + encode(kJapanese, "UTF-16BE");
  decoded = decode_to_utf8(be, DocumentKind::html);
  EXPECT_EQ(decoded.encoding, "utf-16be");
  EXPECT_EQ(decoded.utf8, kJapanese);
}

TEST(DecodeToUtf8, Utf16WithoutBomFromZeroBytes) {
  std::string document = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><feed>" + kRussian + "</feed>";
  auto decoded = decode_to_utf8(encode(document, "UTF-16LE"), DocumentKind::xml);
  EXPECT_EQ(decoded.encoding, "utf-16le");
  EXPECT_EQ(decoded.utf8, document);
  decoded = decode_to_utf8(encode(document, "UTF-16BE"), DocumentKind::xml);
  EXPECT_EQ(decoded.encoding, "utf-16be");
  EXPECT_EQ(decoded.utf8, document);
  // JSON: RFC 4627 detection.
  decoded = decode_to_utf8(encode("{\"title\":\"" + kKorean + "\"}", "UTF-16LE"), DocumentKind::json);
  EXPECT_EQ(decoded.encoding, "utf-16le");
  EXPECT_EQ(decoded.utf8, "{\"title\":\"" + kKorean + "\"}");
}

TEST(DecodeToUtf8, Utf8BomRemovedAndWins) {
  std::string bytes = "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"windows-1251\"?><a>" + kRussian + "</a>";
  auto decoded = decode_to_utf8(bytes, DocumentKind::xml, "koi8-r");
  EXPECT_EQ(decoded.encoding, "utf-8");
  EXPECT_EQ(decoded.utf8, bytes.substr(3));
}

TEST(DecodeToUtf8, ValidUtf8WithoutDeclaration) {
  auto decoded = decode_to_utf8(kJapanese, DocumentKind::json);
  EXPECT_EQ(decoded.encoding, "utf-8");
  EXPECT_EQ(decoded.utf8, kJapanese);
  EXPECT_TRUE(decoded.warnings.empty());
}

TEST(DecodeToUtf8, DeclarationBeatsHttpHint) {
  std::string document = "<?xml version='1.0' encoding='koi8-r'?><rss>" + kRussian + "</rss>";
  auto decoded =
      decode_to_utf8(encode(document, "KOI8-R"), DocumentKind::xml, "text/xml; charset=windows-1251");
  EXPECT_EQ(decoded.encoding, "koi8-r");
  EXPECT_EQ(decoded.utf8, document);
}

TEST(DecodeToUtf8, HtmlMetaCharset) {
  std::string page =
      "<!DOCTYPE html><html><head><!-- <meta charset=koi8-r> --><meta charset=\"windows-1251\">"
      "<title>" +
      kRussian + "</title></head></html>";
  auto decoded = decode_to_utf8(encode(page, "CP1251"), DocumentKind::html);
  EXPECT_EQ(decoded.encoding, "windows-1251");
  EXPECT_EQ(decoded.utf8, page);
}

TEST(DecodeToUtf8, HtmlMetaHttpEquiv) {
  std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
      "</head><body>" +
      kJapanese + "</body></html>";
  auto decoded = decode_to_utf8(encode(page, "SHIFT_JIS"), DocumentKind::html);
  EXPECT_EQ(decoded.encoding, "shift_jis");
  EXPECT_EQ(decoded.utf8, page);
}

TEST(DecodeToUtf8, DeclarationSpellings) {
  // Single quotes, leading white space before the XML declaration, odd case.
  std::string xml = "\n  <?xml version='1.0' encoding='KOI8-R' ?><a>" + kRussian + "</a>";
  EXPECT_EQ(decode_to_utf8(encode(xml, "KOI8-R"), DocumentKind::xml).encoding, "koi8-r");
  // Unquoted meta charset, and http-equiv with the charset unquoted inside content.
  std::string html = "<HTML><HEAD><META CHARSET=windows-1251></HEAD><p>" + kRussian;
  EXPECT_EQ(decode_to_utf8(encode(html, "CP1251"), DocumentKind::html).encoding, "windows-1251");
  html = "<html><head><meta content='text/html; charset=koi8-r' http-equiv='content-type'></head>" + kRussian;
  EXPECT_EQ(decode_to_utf8(encode(html, "KOI8-R"), DocumentKind::html).encoding, "koi8-r");
  // A '<' inside another tag's attribute does not start a fake meta.
  html =
      "<html><head><link title=\"<meta charset=koi8-r>\"><meta charset=\"windows-1251\"></head>" + kRussian;
  EXPECT_EQ(decode_to_utf8(encode(html, "CP1251"), DocumentKind::html).encoding, "windows-1251");
}

TEST(DecodeToUtf8, HttpHintAsBareLabel) {
  auto decoded = decode_to_utf8(encode(kRussian, "KOI8-R"), DocumentKind::html, "KOI8-R");
  EXPECT_EQ(decoded.encoding, "koi8-r");
  EXPECT_EQ(decoded.utf8, kRussian);
}

TEST(DecodeToUtf8, MetaAfterFirst1024BytesIsIgnored) {
  std::string page = "<html><head>" + std::string(1100, ' ') + "<meta charset=\"koi8-r\"></head><body>" +
                     kRussian + "</body></html>";
  auto decoded = decode_to_utf8(encode(page, "CP1251"), DocumentKind::html);
  EXPECT_EQ(decoded.encoding, "windows-1251");  // from sniffing
  EXPECT_EQ(decoded.utf8, page);
}

TEST(DecodeToUtf8, UndeclaredEnglishWithPoundsAndQuotesIsWindows1252) {
  // No declaration, no UTF-8; the only high bytes are "\xA3" (pound), curly
  // quotes and dashes between spaces and digits: no Cyrillic word anywhere.
  const std::string page =
      "<html><body><p>Tickets \xA3"
      "3/\xA3"
      "1 \x96 available from Jack\x92s Records, or phone 07969 "
      "692 975.</p><p>\x93Join us\x94 \x97 Tue 21 June, 7.30pm, \xA3"
      "5 on the door.</p></body></html>";
  auto decoded = decode_to_utf8(page, DocumentKind::html);
  EXPECT_EQ(decoded.encoding, "windows-1252");
  EXPECT_NE(decoded.utf8.find("Tickets \xC2\xA3"
                              "3"),
            std::string::npos)
      << decoded.utf8;
  EXPECT_NE(decoded.utf8.find("Jack\xE2\x80\x99s"), std::string::npos) << decoded.utf8;
}

TEST(DecodeToUtf8, XmlDeclarationNotReadForHtml) {
  std::string bytes = encode("<?xml version=\"1.0\" encoding=\"koi8-r\"?><p>" + kRussian + "</p>", "KOI8-R");
  EXPECT_EQ(decode_to_utf8(bytes, DocumentKind::xml).encoding, "koi8-r");
  EXPECT_EQ(decode_to_utf8(bytes, DocumentKind::json, "koi8-r").encoding, "koi8-r");
}

TEST(DecodeToUtf8, DeclaredLatin1ButValidUtf8IsCorrected) {
  std::string document =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>" + kFrench + "</title></rss>";
  auto decoded = decode_to_utf8(document, DocumentKind::xml);
  EXPECT_EQ(decoded.encoding, "utf-8");
  EXPECT_EQ(decoded.utf8, document);
  EXPECT_TRUE(has_warning_containing(decoded, "valid UTF-8")) << ::testing::PrintToString(decoded.warnings);
}

TEST(DecodeToUtf8, HttpHintWindows1251ButUtf8IsCorrected) {
  auto decoded = decode_to_utf8(kUkrainian, DocumentKind::html, "text/html; charset=windows-1251");
  EXPECT_EQ(decoded.encoding, "utf-8");
  EXPECT_EQ(decoded.utf8, kUkrainian);
  EXPECT_FALSE(decoded.warnings.empty());
}

TEST(DecodeToUtf8, DeclaredUtf8ButWindows1251IsCorrected) {
  std::string document = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss>" + kRussian + "</rss>";
  auto decoded = decode_to_utf8(encode(document, "CP1251"), DocumentKind::xml);
  EXPECT_EQ(decoded.encoding, "windows-1251");
  EXPECT_EQ(decoded.utf8, document);
  EXPECT_TRUE(has_warning_containing(decoded, "says utf-8"));
}

TEST(DecodeToUtf8, AsciiDeclaredLegacyNeedsNoTranscoding) {
  auto decoded =
      decode_to_utf8("<?xml version=\"1.0\" encoding=\"windows-1251\"?><a>ok</a>", DocumentKind::xml);
  EXPECT_EQ(decoded.encoding, "windows-1251");
  EXPECT_EQ(decoded.utf8, "<?xml version=\"1.0\" encoding=\"windows-1251\"?><a>ok</a>");
  EXPECT_TRUE(decoded.warnings.empty());
}

TEST(DecodeToUtf8, Utf16DeclarationInAsciiDocumentMeansUtf8) {
  std::string document = "<?xml version=\"1.0\" encoding=\"utf-16\"?><a>" + kFrench + "</a>";
  auto decoded = decode_to_utf8(document, DocumentKind::xml);
  EXPECT_EQ(decoded.encoding, "utf-8");
  EXPECT_EQ(decoded.utf8, document);
  EXPECT_FALSE(decoded.warnings.empty());
}

TEST(DecodeToUtf8, UnknownDeclarationFallsThroughWithWarning) {
  std::string document = "<?xml version=\"1.0\" encoding=\"x-no-such-thing\"?><a>" + kRussian + "</a>";
  auto decoded = decode_to_utf8(encode(document, "CP1251"), DocumentKind::xml, "koi8-r");
  EXPECT_EQ(decoded.encoding, "koi8-r");  // the HTTP hint is next in line
  EXPECT_TRUE(has_warning_containing(decoded, "x-no-such-thing"));
}

TEST(DecodeToUtf8, InvalidUtf8ReplacedAndCounted) {
  // Undeclared UTF-8 with a few damaged bytes stays UTF-8 (not sniffed as legacy).
  std::string bytes = kUkrainian + " bad\xFF\xFE here \xC3";
  auto decoded = decode_to_utf8(bytes, DocumentKind::json);
  EXPECT_EQ(decoded.encoding, "utf-8");
  EXPECT_EQ(decoded.utf8, kUkrainian + " bad\xEF\xBF\xBD\xEF\xBF\xBD here \xEF\xBF\xBD");
  EXPECT_TRUE(has_warning_containing(decoded, "3 invalid"));
}

TEST(DecodeToUtf8, DeclaredUtf8WithDamagedBytesStaysUtf8) {
  std::string bytes = "<?xml version=\"1.0\" encoding=\"utf-8\"?><a>\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2\xFF</a>";
  auto decoded = decode_to_utf8(bytes, DocumentKind::xml);
  EXPECT_EQ(decoded.encoding, "utf-8");
  EXPECT_EQ(decoded.utf8,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><a>\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2\xEF\xBF\xBD</a>");
  EXPECT_TRUE(has_warning_containing(decoded, "1 invalid UTF-8"));
}

TEST(DecodeToUtf8, InvalidLegacySequencesReplacedAndCounted) {
  // 0x82 0x20 is not Shift_JIS; 0xA0 alone is not a Shift_JIS character either.
  std::string bytes = encode("日本", "SHIFT_JIS") + "\x82 x" + encode("語", "SHIFT_JIS");
  auto decoded = decode_to_utf8(bytes, DocumentKind::json, "shift_jis");
  EXPECT_EQ(decoded.encoding, "shift_jis");
  EXPECT_EQ(decoded.utf8, "日本\xEF\xBF\xBD x語");
  EXPECT_TRUE(has_warning_containing(decoded, "1 invalid shift_jis"));
}

TEST(DecodeToUtf8, TruncatedMultibyteAtEnd) {
  std::string bytes = encode("日本", "EUC-JP");
  bytes.pop_back();
  auto decoded = decode_to_utf8(bytes, DocumentKind::json, "euc-jp");
  EXPECT_EQ(decoded.utf8, "日\xEF\xBF\xBD");
}

TEST(DecodeToUtf8, SniffsCyrillicSingleByte) {
  auto decoded = decode_to_utf8(encode(kRussian, "CP1251"), DocumentKind::json);
  EXPECT_EQ(decoded.encoding, "windows-1251");
  EXPECT_EQ(decoded.utf8, kRussian);
  decoded = decode_to_utf8(encode(kRussian, "KOI8-R"), DocumentKind::json);
  EXPECT_EQ(decoded.encoding, "koi8-r");
  EXPECT_EQ(decoded.utf8, kRussian);
}

TEST(DecodeToUtf8, SniffsLatin) {
  auto decoded = decode_to_utf8(encode(kFrench, "CP1252"), DocumentKind::json);
  EXPECT_EQ(decoded.encoding, "windows-1252");
  EXPECT_EQ(decoded.utf8, kFrench);
}

TEST(DecodeToUtf8, SniffsCjk) {
  struct Case {
    const std::string* text;
    const char* iconv_name;
    const char* expected;
  };
  for (const Case& c : {Case{&kJapanese, "SHIFT_JIS", "shift_jis"}, Case{&kJapanese, "EUC-JP", "euc-jp"},
                        Case{&kChinese, "GB18030", "gb18030"}, Case{&kTraditional, "BIG5", "big5"},
                        Case{&kKorean, "EUC-KR", "euc-kr"}}) {
    auto decoded = decode_to_utf8(encode(*c.text, c.iconv_name), DocumentKind::json);
    EXPECT_EQ(decoded.encoding, c.expected) << c.iconv_name;
    EXPECT_EQ(decoded.utf8, *c.text) << c.iconv_name;
  }
}

TEST(DecodeToUtf8, EmptyInput) {
  auto decoded = decode_to_utf8("", DocumentKind::xml);
  EXPECT_EQ(decoded.utf8, "");
  EXPECT_EQ(decoded.encoding, "utf-8");
}

TEST(TranscodeToUtf8, UnknownEncodingIsAnError) {
  auto unknown = transcode_to_utf8("abc", "no-such-charset");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, feeds::ErrorCode::unknown_encoding);
  EXPECT_EQ(unknown.error().message, "unknown encoding: no-such-charset");
  EXPECT_FALSE(transcode_to_utf8("abc", "../../etc/passwd").has_value());
}

TEST(TranscodeToUtf8, IconvNamesOutsideWhatwg) {
  auto transcoded = transcode_to_utf8(encode(kRussian, "CP855"), "CP855");
  ASSERT_TRUE(transcoded.has_value());
  EXPECT_EQ(transcoded->utf8, kRussian);
}

TEST(TranscodeToUtf8, Windows1252SmartQuotes) {
  auto transcoded = transcode_to_utf8(
      "\x93quoted\x94 \x96 \x80"
      "5",
      "latin1");
  ASSERT_TRUE(transcoded.has_value());
  EXPECT_EQ(transcoded->utf8,
            "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 \xE2\x82\xAC"
            "5");
}

TEST(CanonicalEncodingName, WhatwgLabels) {
  EXPECT_EQ(canonical_encoding_name("latin1"), "windows-1252");
  EXPECT_EQ(canonical_encoding_name("US-ASCII"), "windows-1252");
  EXPECT_EQ(canonical_encoding_name("cp1251"), "windows-1251");
  EXPECT_EQ(canonical_encoding_name(" Windows-1251 "), "windows-1251");
  EXPECT_EQ(canonical_encoding_name("x-sjis"), "shift_jis");
  EXPECT_EQ(canonical_encoding_name("ms_kanji"), "shift_jis");
  EXPECT_EQ(canonical_encoding_name("GB2312"), "gbk");
  EXPECT_EQ(canonical_encoding_name("utf8"), "utf-8");
  EXPECT_EQ(canonical_encoding_name("\"UTF-8\""), "utf-8");
  EXPECT_EQ(canonical_encoding_name("koi8"), "koi8-r");
  EXPECT_EQ(canonical_encoding_name("koi8-ru"), "koi8-u");
  EXPECT_EQ(canonical_encoding_name("ks_c_5601-1987"), "euc-kr");
  EXPECT_EQ(canonical_encoding_name("utf-16"), "utf-16le");
  EXPECT_EQ(canonical_encoding_name("tis-620"), "windows-874");
  EXPECT_EQ(canonical_encoding_name("iso_8859-15"), "iso-8859-15");
  EXPECT_EQ(canonical_encoding_name("big5-hkscs"), "big5");
  EXPECT_EQ(canonical_encoding_name("nonsense"), "");
  EXPECT_EQ(canonical_encoding_name(""), "");
}

}  // namespace

namespace {

// Large single-byte inputs go through a per-byte table instead of iconv's
// stream; the result must be exactly iconv's. Inputs under 4 KB still go
// through iconv, so the same bytes transcoded in small pieces are the reference.
// (windows-1255 and windows-1258 are left to iconv: glibc composes accents there.)
TEST(SingleByteTable, AgreesWithIconvOnEveryByteOfEverySingleByteEncoding) {
  const char* encodings[] = {
      "ibm866",       "iso-8859-2",   "iso-8859-3",   "iso-8859-4",   "iso-8859-5",
      "iso-8859-6",   "iso-8859-7",   "iso-8859-8",   "iso-8859-10",  "iso-8859-13",
      "iso-8859-14",  "iso-8859-15",  "iso-8859-16",  "koi8-r",       "koi8-u",
      "macintosh",    "windows-874",  "windows-1250", "windows-1251", "windows-1252",
      "windows-1253", "windows-1254", "windows-1256", "windows-1257", "x-mac-cyrillic"};
  std::string bytes;
  std::uint32_t state = 12345;
  for (int i = 0; i < 20000; ++i) {
    state = state * 1103515245u + 12345u;
    // Mostly text-like: ASCII runs with high bytes among them, and every byte value present.
    bytes += (i < 256) ? static_cast<char>(i)
                       : static_cast<char>((state >> 16) % 3 == 0 ? 0x80 + (state >> 8) % 128
                                                                  : 'a' + (state >> 8) % 26);
  }
  for (const char* encoding : encodings) {
    std::string pieces;
    std::size_t replaced_pieces = 0;
    auto whole = transcode_to_utf8(bytes, encoding);
    ASSERT_TRUE(whole.has_value()) << encoding;
    for (std::size_t at = 0; at < bytes.size(); at += 1000) {
      auto piece = transcode_to_utf8(std::string_view(bytes).substr(at, 1000), encoding);
      ASSERT_TRUE(piece.has_value());
      pieces += piece->utf8;
      replaced_pieces += piece->replaced;
    }
    EXPECT_TRUE(whole->utf8 == pieces) << encoding;  // not EXPECT_EQ: 20 KB of output on failure
    EXPECT_EQ(whole->replaced, replaced_pieces) << encoding;
  }
}

}  // namespace

namespace {

TEST(DecodeView, BorrowsValidUtf8AndOwnsWhatItHadToChange) {
  feeds::DecodedText decoded;
  const std::string utf8 = "\xEF\xBB\xBF<?xml version=\"1.0\"?><rss>\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2</rss>";
  std::string_view text = feeds::decode_to_utf8_view(utf8, DocumentKind::xml, {}, decoded);
  EXPECT_EQ(text, std::string_view(utf8).substr(3));
  EXPECT_EQ(text.data(), utf8.data() + 3);  // no copy
  EXPECT_TRUE(decoded.utf8.empty());
  EXPECT_EQ(decoded.encoding, "utf-8");

  const std::string legacy = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss>\xCA\xE8\xBF\xE2</rss>";
  text = feeds::decode_to_utf8_view(legacy, DocumentKind::xml, {}, decoded);
  EXPECT_EQ(text,
            "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss>\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2</rss>");
  EXPECT_EQ(text.data(), decoded.utf8.data());
  EXPECT_EQ(decoded.encoding, "windows-1251");

  // The owning form gives the same text either way.
  EXPECT_EQ(decode_to_utf8(utf8, DocumentKind::xml).utf8, std::string_view(utf8).substr(3));
  EXPECT_EQ(decode_to_utf8(legacy, DocumentKind::xml).utf8, text);
}

}  // namespace
