#include "feed_test_support.h"

#include <boost/json.hpp>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace feeds::test {

namespace json = boost::json;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

namespace {

const json::value* resolve(const json::value& root, const std::string& path) {
  const json::value* at = &root;
  std::size_t start = 0;
  while (start <= path.size() && !path.empty()) {
    const std::size_t slash = path.find('/', start);
    const std::string segment =
        path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (at->is_object()) {
      at = at->as_object().if_contains(segment);
    } else if (at->is_array()) {
      std::size_t index = 0;
      try {
        index = std::stoul(segment);
      } catch (const std::exception&) {
        return nullptr;
      }
      at = index < at->as_array().size() ? &at->as_array()[index] : nullptr;
    } else {
      return nullptr;
    }
    if (!at || slash == std::string::npos) break;
    start = slash + 1;
  }
  return at;
}

bool contains(const json::value& value, std::string_view needle) {
  if (value.is_string()) return std::string_view(value.as_string()).find(needle) != std::string_view::npos;
  if (value.is_array())
    for (const json::value& element : value.as_array())
      if (contains(element, needle)) return true;
  return false;
}

}  // namespace

std::vector<std::string> apply_checks(const json::value& actual, const json::object& checks) {
  std::vector<std::string> failures;
  for (const auto& [key, want] : checks) {
    // Text after a space only makes keys unique ("warnings~ 2" checks "warnings~" again).
    std::string path(std::string_view(key).substr(0, std::string_view(key).find(' ')));
    const char mode = path.empty() ? '=' : path.back();
    if (mode == '~' || mode == '#') path.pop_back();
    const json::value* got = resolve(actual, path);
    if (!got) {
      failures.push_back("no value at '" + path + "'; output: " + json::serialize(actual));
      continue;
    }
    if (mode == '~') {
      if (!contains(*got, want.as_string()))
        failures.push_back("'" + path + "' = " + json::serialize(*got) + " does not contain " +
                           json::serialize(want));
    } else if (mode == '#') {
      const auto length = got->is_array() ? static_cast<std::int64_t>(got->as_array().size()) : -1;
      if (length != want.to_number<std::int64_t>())
        failures.push_back("'" + path + "' has " + std::to_string(length) + " elements, not " +
                           json::serialize(want) + ": " + json::serialize(*got));
    } else if (*got != want) {
      failures.push_back("'" + path + "' = " + json::serialize(*got) + ", expected " + json::serialize(want));
    }
  }
  return failures;
}

std::string first_difference(const json::value& a, const json::value& b, const std::string& path) {
  if (a == b) return "";
  if (a.is_object() && b.is_object()) {
    for (const auto& [key, value] : a.as_object()) {
      const json::value* other = b.as_object().if_contains(key);
      if (!other) return path + "/" + std::string(key) + " (missing in expected)";
      if (std::string diff = first_difference(value, *other, path + "/" + std::string(key)); !diff.empty())
        return diff;
    }
    return path + " (keys differ)";
  }
  if (a.is_array() && b.is_array()) {
    const auto& x = a.as_array();
    const auto& y = b.as_array();
    for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i)
      if (std::string diff = first_difference(x[i], y[i], path + "/" + std::to_string(i)); !diff.empty())
        return diff;
    return path + " (lengths " + std::to_string(x.size()) + " vs " + std::to_string(y.size()) + ")";
  }
  return path + ": " + json::serialize(a) + " vs " + json::serialize(b);
}

namespace {

void print(std::ostringstream& out, const json::value& value, int indent) {
  const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
  if (value.is_object() && !value.as_object().empty()) {
    out << "{\n";
    bool first = true;
    for (const auto& [key, member] : value.as_object()) {
      if (!first) out << ",\n";
      first = false;
      out << pad << "  " << json::serialize(json::string(key)) << ": ";
      print(out, member, indent + 1);
    }
    out << "\n" << pad << "}";
  } else if (value.is_array() && !value.as_array().empty()) {
    out << "[\n";
    bool first = true;
    for (const json::value& element : value.as_array()) {
      if (!first) out << ",\n";
      first = false;
      out << pad << "  ";
      print(out, element, indent + 1);
    }
    out << "\n" << pad << "]";
  } else {
    out << json::serialize(value);
  }
}

}  // namespace

std::string pretty(const json::value& value) {
  std::ostringstream out;
  print(out, value, 0);
  out << "\n";
  return out.str();
}

}  // namespace feeds::test
