#include "extract/extract_dom.h"

#include "feeds/testing/extract.h"

#include <algorithm>
#include <climits>

namespace feeds::extract_detail {

namespace {

using ascii::lower;

// An attribute's NUL-terminated name against `name`, without measuring it
// first: attribute() runs for every element in several passes.
bool name_equals(const xmlChar* attr_name, std::string_view name) {
  std::size_t i = 0;
  for (; i < name.size(); ++i) {
    if (attr_name[i] == 0 || lower(static_cast<char>(attr_name[i])) != lower(name[i])) return false;
  }
  return attr_name[i] == 0;
}

}  // namespace

XmlDocPtr parse_html_utf8(std::string_view utf8, std::string_view url) {
  if (utf8.size() > static_cast<std::size_t>(INT_MAX)) return nullptr;
  HtmlParserContextPtr context(htmlNewParserCtxt());
  if (!context) return nullptr;
  const std::string base(url);
  // IGNORE_ENC: the bytes are already UTF-8 (decode_to_utf8 ran first); a
  // <meta charset> in them must not make libxml2 transcode a second time.
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                           HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
  return XmlDocPtr(htmlCtxtReadMemory(context.get(), utf8.data(), static_cast<int>(utf8.size()),
                                      base.empty() ? nullptr : base.c_str(), "UTF-8", kOptions));
}

}  // namespace feeds::extract_detail

namespace feeds {

bool bare_html_parse(std::string_view bytes, std::string_view url) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return false;
  const std::string base(url);
  constexpr int kOptions =
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
  extract_detail::XmlDocPtr doc(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()),
                                               base.empty() ? nullptr : base.c_str(), nullptr, kOptions));
  return doc != nullptr;
}

}  // namespace feeds

namespace feeds::extract_detail {

bool has_token(std::string_view list, std::initializer_list<std::string_view> tokens) {
  return any_token(list, [&](std::string_view token) {
    return std::any_of(tokens.begin(), tokens.end(),
                       [&](std::string_view wanted) { return iequals(token, wanted); });
  });
}

std::string_view attribute(const xmlNode* node, std::string_view name) {
  if (!is_element(node)) return {};
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    if (attr->name == nullptr || !name_equals(attr->name, name)) continue;
    const xmlNode* value = attr->children;
    if (value == nullptr) return {};
    // Attribute values are a single text node in HTML documents.
    return as_view(value->content);
  }
  return {};
}

bool has_attribute(const xmlNode* node, std::string_view name) {
  if (!is_element(node)) return false;
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    if (attr->name != nullptr && name_equals(attr->name, name)) return true;
  }
  return false;
}

std::string text_content(xmlNode* root) {
  std::string out;
  walk(root, [&](xmlNode* node) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) out += as_view(node->content);
    return true;
  });
  return out;
}

}  // namespace feeds::extract_detail
