// OPML writer: one nested <outline> per category level, options as newsd:
// attributes. pugixml escapes text, so any title or URL survives the trip.
#include <pugixml.hpp>

#include <sstream>

#include "feeds/duration.h"
#include "feeds/opml.h"

namespace feeds {
namespace {

void write_options(pugi::xml_node& outline, const SourceOptions& options) {
  auto duration = [&outline](const char* name, const std::optional<std::chrono::milliseconds>& value) {
    if (value) outline.append_attribute(name).set_value(format_duration(*value).c_str());
  };
  auto flag = [&outline](const char* name, const std::optional<bool>& value) {
    if (value) outline.append_attribute(name).set_value(*value ? "true" : "false");
  };
  duration("newsd:interval", options.interval);
  duration("newsd:minInterval", options.min_interval);
  if (options.host_rate) {
    outline.append_attribute("newsd:hostRate").set_value(format_host_rate(*options.host_rate).c_str());
  }
  flag("newsd:articles", options.articles);
  flag("newsd:insecure", options.insecure);
}

// The outline for `path` under `body`, created on first use. Categories are
// matched among the children written so far, so sources of one category end
// up together in order of first appearance.
pugi::xml_node category_node(pugi::xml_node body, const std::vector<std::string>& path) {
  pugi::xml_node node = body;
  for (const auto& segment : path) {
    pugi::xml_node found;
    for (auto child : node.children("outline")) {
      if (!child.attribute("xmlUrl") && segment == child.attribute("text").value()) {
        found = child;
        break;
      }
    }
    if (!found) {
      found = node.append_child("outline");
      found.append_attribute("text").set_value(segment.c_str());
      found.append_attribute("title").set_value(segment.c_str());
    }
    node = found;
  }
  return node;
}

}  // namespace

std::string write_opml(const OpmlDocument& document) {
  pugi::xml_document xml;
  auto declaration = xml.append_child(pugi::node_declaration);
  declaration.append_attribute("version").set_value("1.0");
  declaration.append_attribute("encoding").set_value("UTF-8");
  auto opml = xml.append_child("opml");
  opml.append_attribute("version").set_value("2.0");
  opml.append_attribute("xmlns:newsd").set_value(std::string(kOpmlNamespace).c_str());
  auto head = opml.append_child("head");
  head.append_child("title").text().set(document.title.value_or("newsd sources").c_str());
  auto body = opml.append_child("body");
  for (const auto& source : document.sources) {
    auto outline = category_node(body, source.category).append_child("outline");
    // OPML 2.0 requires text; an empty one reads back as "no title".
    outline.append_attribute("type").set_value("rss");
    outline.append_attribute("text").set_value(source.title.value_or("").c_str());
    if (source.title) outline.append_attribute("title").set_value(source.title->c_str());
    outline.append_attribute("xmlUrl").set_value(source.url.c_str());
    if (source.site_url) outline.append_attribute("htmlUrl").set_value(source.site_url->c_str());
    write_options(outline, source.options);
  }
  std::ostringstream out;
  xml.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

}  // namespace feeds
