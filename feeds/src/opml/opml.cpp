// OPML reader: pugixml parses, this file turns outlines into sources and
// reports every problem with the line it was found on.
#include "feeds/opml.h"

#include <fmt/core.h>
#include <pugixml.hpp>

#include <algorithm>
#include <boost/url/parse.hpp>
#include <cstring>
#include <map>
#include <stdexcept>
#include <utility>

#include "feeds/duration.h"

#include "common/ascii.h"

namespace feeds {
namespace {

// Line of a byte offset (1-based). pugixml reports offsets into its own
// buffer, which equals the input for UTF-8 documents; for other encodings the
// line is approximate, which is all an error message needs.
class LineIndex {
 public:
  explicit LineIndex(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      if (bytes[i] == '\n') newlines_.push_back(i);
    }
  }
  [[nodiscard]] int line_of(std::ptrdiff_t offset) const {
    if (offset < 0) return 0;
    auto it = std::lower_bound(newlines_.begin(), newlines_.end(), static_cast<std::size_t>(offset));
    return static_cast<int>(it - newlines_.begin()) + 1;
  }

 private:
  std::vector<std::size_t> newlines_;
};

using ascii::iequals;
using ascii::trim;

std::optional<std::string> non_empty(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  return std::string(text);
}

// Absolute http(s) URL with a host, or a reason why not.
std::optional<std::string> url_problem(std::string_view url) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return fmt::format("'{}' is not an absolute URL", url);
  auto scheme = parsed->scheme();
  if (!iequals(scheme, "http") && !iequals(scheme, "https")) {
    return fmt::format("'{}' is not an http or https URL", url);
  }
  if (parsed->encoded_host().empty()) return fmt::format("'{}' has no host", url);
  return std::nullopt;
}

bool parse_bool(std::string_view value, bool& out) {
  if (value == "true") {
    out = true;
    return true;
  }
  if (value == "false") {
    out = false;
    return true;
  }
  return false;
}

std::chrono::milliseconds positive_duration(std::string_view name, std::string_view value) {
  auto parsed = parse_duration(value);
  if (!parsed) {
    throw std::invalid_argument(
        fmt::format("newsd:{}=\"{}\" is not a duration (write e.g. 90s, 30m, 1h30m, 2d)", name, value));
  }
  if (parsed->count() <= 0) {
    throw std::invalid_argument(fmt::format("newsd:{}=\"{}\" must be longer than zero", name, value));
  }
  return *parsed;
}

// The prefixes bound to our namespace in the current scope.
struct NamespaceScope {
  std::vector<std::string> ours;    // prefixes bound to kOpmlNamespace
  std::vector<std::string> theirs;  // prefixes bound to something else

  [[nodiscard]] NamespaceScope enter(const pugi::xml_node& element) const {
    NamespaceScope scope = *this;
    for (const auto& attribute : element.attributes()) {
      std::string_view name = attribute.name();
      if (!name.starts_with("xmlns:")) continue;
      std::string prefix(name.substr(6));
      std::erase(scope.ours, prefix);
      std::erase(scope.theirs, prefix);
      (attribute.value() == kOpmlNamespace ? scope.ours : scope.theirs).push_back(prefix);
    }
    return scope;
  }
  // "newsd:" is also accepted when no declaration binds it: hand-written files
  // often forget the xmlns declaration, and the intent is unambiguous.
  [[nodiscard]] bool is_ours(std::string_view prefix) const {
    if (std::find(ours.begin(), ours.end(), prefix) != ours.end()) return true;
    return prefix == "newsd" && std::find(theirs.begin(), theirs.end(), prefix) == theirs.end();
  }
};

Error opml_error(int line, std::string reason) {
  return Error{ErrorCode::invalid_opml, std::move(reason), line};
}

class Reader {
 public:
  Reader(const LineIndex& lines, OpmlDocument& document) : lines_(lines), document_(document) {}

  // The first outline that cannot be used stops the reading: nothing from the
  // file should be applied.
  [[nodiscard]] std::optional<Error> read_children(const pugi::xml_node& parent, const NamespaceScope& scope,
                                                   const std::vector<std::string>& category, int depth = 0) {
    for (const auto& child : parent.children("outline")) {
      // Reading recurses; a hostile file must not be able to exhaust the stack.
      if (depth >= kMaxDepth) {
        return opml_error(line_of(child), fmt::format("outlines nested deeper than {} levels", kMaxDepth));
      }
      if (auto error = read_outline(child, scope.enter(child), category, depth)) return error;
    }
    return std::nullopt;
  }

 private:
  [[nodiscard]] int line_of(const pugi::xml_node& node) const { return lines_.line_of(node.offset_debug()); }

  static constexpr int kMaxDepth = 64;

  [[nodiscard]] std::optional<Error> read_outline(const pugi::xml_node& outline, const NamespaceScope& scope,
                                                  const std::vector<std::string>& category, int depth) {
    const int line = line_of(outline);
    std::optional<std::string> url, title, text, site_url, type;
    SourceOptions options;
    for (const auto& attribute : outline.attributes()) {
      std::string_view name = attribute.name();
      std::string_view value = attribute.value();
      if (iequals(name, "xmlUrl")) {
        url = non_empty(value);
      } else if (iequals(name, "htmlUrl")) {
        site_url = non_empty(value);
      } else if (name == "title") {
        title = non_empty(value);
      } else if (name == "text") {
        text = non_empty(value);
      } else if (name == "type") {
        type = non_empty(value);
      } else if (auto colon = name.find(':');
                 colon != std::string_view::npos && scope.is_ours(name.substr(0, colon))) {
        try {
          set_source_option(options, name.substr(colon + 1), trim(value));
        } catch (const std::invalid_argument& e) {
          return opml_error(line, e.what());
        }
      }
    }
    const bool has_children = static_cast<bool>(outline.child("outline"));
    if (!url) {
      if (!options.empty()) {
        return opml_error(line, "newsd: options on an outline without xmlUrl (options belong to feeds)");
      }
      if (!has_children) {
        if (type && (iequals(*type, "rss") || iequals(*type, "atom"))) {
          return opml_error(line, fmt::format("outline of type \"{}\" has no xmlUrl", *type));
        }
        return opml_error(line,
                          "outline has no xmlUrl and no child outlines (neither a feed nor a category)");
      }
      auto nested = category;
      if (auto name = text ? text : title) nested.push_back(*name);
      return read_children(outline, scope, nested, depth + 1);
    }
    if (auto problem = url_problem(*url)) return opml_error(line, "xmlUrl " + *problem);
    if (site_url) {
      if (auto problem = url_problem(*site_url)) return opml_error(line, "htmlUrl " + *problem);
    }
    OpmlSource source;
    source.url = *url;
    source.title = title ? title : text;
    source.site_url = site_url;
    source.category = category;
    source.options = options;
    source.line = line;
    add(std::move(source));
    if (has_children) {
      auto nested = category;
      if (auto name = text ? text : title) nested.push_back(*name);
      return read_children(outline, scope, nested, depth + 1);
    }
    return std::nullopt;
  }

  void add(OpmlSource source) {
    auto [it, inserted] = index_.try_emplace(source.url, document_.sources.size());
    if (inserted) {
      document_.sources.push_back(std::move(source));
      return;
    }
    OpmlSource& first = document_.sources[it->second];
    bool conflict = false;
    auto merge = [&conflict](auto& kept, const auto& later) {
      if (!later) return;
      if (!kept) {
        kept = later;
      } else if (*kept != *later) {
        conflict = true;
      }
    };
    merge(first.title, source.title);
    merge(first.site_url, source.site_url);
    merge(first.options.interval, source.options.interval);
    merge(first.options.min_interval, source.options.min_interval);
    merge(first.options.host_rate, source.options.host_rate);
    merge(first.options.articles, source.options.articles);
    merge(first.options.insecure, source.options.insecure);
    if (first.category != source.category) conflict = true;
    document_.warnings.push_back(
        {source.line,
         fmt::format("duplicate xmlUrl {} (first at line {}); merged into the first{}", source.url,
                     first.line, conflict ? ", keeping its values where the two differ" : "")});
  }

  const LineIndex& lines_;
  OpmlDocument& document_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

}  // namespace

std::optional<HostRate> parse_host_rate(std::string_view text) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash > 7) return std::nullopt;
  int requests = 0;
  for (char c : text.substr(0, slash)) {
    if (c < '0' || c > '9') return std::nullopt;
    requests = requests * 10 + (c - '0');
  }
  if (requests < 1 || requests > 1'000'000) return std::nullopt;
  std::string_view per_text = text.substr(slash + 1);
  std::string with_count;
  if (!per_text.empty() && per_text.front() >= 'a' && per_text.front() <= 'z') {
    with_count = "1" + std::string(per_text);  // "1/s" means one per second
    per_text = with_count;
  }
  auto per = parse_duration(per_text);
  if (!per || per->count() <= 0) return std::nullopt;
  return HostRate{requests, *per};
}

std::string format_host_rate(const HostRate& rate) {
  std::string per = format_duration(rate.per);
  // "1s" -> "s", but "1h30m" stays: only a lone count of one is dropped.
  if (per.starts_with('1') && per.size() > 1 && per[1] >= 'a' && per[1] <= 'z' &&
      per.find_first_of("0123456789", 1) == std::string::npos) {
    per.erase(0, 1);
  }
  return std::to_string(rate.requests) + "/" + per;
}

std::optional<std::string> feed_url_problem(std::string_view url) {
  return url_problem(url);
}

void set_source_option(SourceOptions& options, std::string_view name, std::string_view value) {
  if (name == "interval") {
    options.interval = positive_duration(name, value);
  } else if (name == "minInterval") {
    options.min_interval = positive_duration(name, value);
  } else if (name == "hostRate") {
    options.host_rate = parse_host_rate(value);
    if (!options.host_rate) {
      throw std::invalid_argument(fmt::format(
          "newsd:{}=\"{}\" is not a rate (write N/duration, e.g. 1/s, 1/10s, 30/1m)", name, value));
    }
  } else if (name == "articles" || name == "insecure") {
    bool flag = false;
    if (!parse_bool(value, flag)) {
      throw std::invalid_argument(fmt::format("newsd:{}=\"{}\" must be \"true\" or \"false\"", name, value));
    }
    (name == "articles" ? options.articles : options.insecure) = flag;
  } else {
    throw std::invalid_argument(fmt::format(
        "unknown option newsd:{} (known: interval, minInterval, hostRate, articles, insecure)", name));
  }
}

Result<OpmlDocument> parse_opml(std::string_view bytes) {
  pugi::xml_document xml;
  auto result = xml.load_buffer(bytes.data(), bytes.size(), pugi::parse_default);
  LineIndex lines(bytes);
  if (!result) {
    return opml_error(
        lines.line_of(std::min<std::ptrdiff_t>(result.offset, static_cast<std::ptrdiff_t>(bytes.size()))),
        fmt::format("not well-formed XML: {}", result.description()));
  }
  auto root = xml.document_element();
  if (!root) return opml_error(1, "no root element");
  if (std::strcmp(root.name(), "opml") != 0) {
    return opml_error(lines.line_of(root.offset_debug()),
                      fmt::format("root element is <{}>, not <opml>", root.name()));
  }
  if (auto version = root.attribute("version")) {
    std::string_view v = version.value();
    if (v != "1.0" && v != "1.1" && v != "2.0") {
      return opml_error(lines.line_of(root.offset_debug()),
                        fmt::format("unsupported OPML version \"{}\" (1.0, 1.1 and 2.0 are)", v));
    }
  }
  auto body = root.child("body");
  if (!body) return opml_error(lines.line_of(root.offset_debug()), "<opml> has no <body>");
  OpmlDocument document;
  document.title = non_empty(root.child("head").child_value("title"));
  NamespaceScope scope = NamespaceScope{}.enter(root).enter(body);
  Reader reader(lines, document);
  if (auto error = reader.read_children(body, scope, {})) return std::move(*error);
  return document;
}

}  // namespace feeds
