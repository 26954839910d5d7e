#include "storage/source_options.h"

#include <fmt/core.h>

#include <boost/json.hpp>
#include <stdexcept>

#include "feeds/duration.h"

namespace newsd::storage {

std::string options_to_json(const feeds::SourceOptions& options) {
  boost::json::object out;
  if (options.interval) out["interval"] = feeds::format_duration(*options.interval);
  if (options.min_interval) out["minInterval"] = feeds::format_duration(*options.min_interval);
  if (options.host_rate) out["hostRate"] = feeds::format_host_rate(*options.host_rate);
  if (options.articles) out["articles"] = *options.articles;
  if (options.insecure) out["insecure"] = *options.insecure;
  return boost::json::serialize(out);
}

feeds::SourceOptions options_from_json(std::string_view json) {
  boost::system::error_code ec;
  auto value = boost::json::parse(json, ec);
  if (ec || !value.is_object())
    throw std::invalid_argument(fmt::format("options are not a JSON object: {}", json));
  feeds::SourceOptions options;
  for (const auto& [key, element] : value.as_object()) {
    std::string_view name = key;
    if (name != "interval" && name != "minInterval" && name != "hostRate" && name != "articles" &&
        name != "insecure") {
      continue;
    }
    std::string text;
    if (element.is_string()) {
      text = std::string(element.as_string());
    } else if (element.is_bool()) {
      text = element.as_bool() ? "true" : "false";
    } else {
      throw std::invalid_argument(
          fmt::format("option {} has a value of the wrong type: {}", name, boost::json::serialize(element)));
    }
    feeds::set_source_option(options, name, text);  // throws naming the option
  }
  return options;
}

}  // namespace newsd::storage
