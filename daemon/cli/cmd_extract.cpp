// `newsd extract FILE [--url URL] [--charset NAME]`: one page in, the
// extracted article out as one JSON object (docs/extraction.md).
#include <fmt/core.h>
#include <boost/json/serialize.hpp>

#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/input_file.h"
#include "cli/options.h"
#include "feeds/extract.h"

namespace newsd::cli {

int cmd_extract(std::span<const std::string_view> args) {
  Args parsed(args, options::kExtract);
  if (parsed.positional().size() != 1) throw UsageError("extract takes exactly one FILE (or - for stdin)");
  feeds::ExtractOptions options;
  const std::string url = parsed.value("url").value_or("");
  const std::string charset = parsed.value("charset").value_or("");
  options.url = url;
  options.http_charset = charset;
  if (auto max = parsed.value("max-bytes")) {
    try {
      options.max_bytes = std::stoull(*max);
    } catch (const std::exception&) {
      throw UsageError(fmt::format("--max-bytes wants a number of bytes, not '{}'", *max));
    }
  }
  const std::string& path = parsed.positional().front();
  const std::string name = path == "-" ? std::string("standard input") : path;
  const InputFile input = read_input_file(path, options.max_bytes);
  if (!input.error.empty()) {
    fmt::print(stderr, "newsd extract: {}: {}\n", name, input.error);
    return kExitNoInput;
  }
  auto article = feeds::extract_article(input.bytes, options);
  if (!article) {
    fmt::print(stderr, "newsd extract: {}: {}\n", name, article.error().message);
    return kExitDataError;
  }
  for (const auto& warning : article->warnings)
    fmt::print(stderr, "newsd extract: {}: warning: {}\n", path, warning);
  fmt::print("{}\n", boost::json::serialize(feeds::article_to_json(*article)));
  return kExitOk;
}

}  // namespace newsd::cli
