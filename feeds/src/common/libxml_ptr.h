#pragma once
// Owning pointers for libxml2 objects, written once: every libxml2 document
// and parser context in feeds/ is freed by these.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>

namespace feeds {

struct XmlDocDeleter {
  void operator()(xmlDoc* doc) const noexcept { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

struct HtmlParserContextDeleter {
  void operator()(htmlParserCtxt* context) const noexcept { htmlFreeParserCtxt(context); }
};
using HtmlParserContextPtr = std::unique_ptr<htmlParserCtxt, HtmlParserContextDeleter>;

}  // namespace feeds
