// `newsd extract FILE [--url URL] [--charset NAME]`: one page in, the
// extracted article out as one JSON object (docs/extraction.md).
#include <fmt/core.h>
#include <boost/json/serialize.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "feeds/extract.h"

namespace newsd::cli {

namespace {

struct FileCloser {
  // The deleter of a unique_ptr: exactly the owner the check asks for.
  // NOLINTNEXTLINE(cppcoreguidelines-owning-memory)
  void operator()(std::FILE* file) const noexcept { std::fclose(file); }
};

// Reads at most `limit` + 1 bytes, so an oversized page is refused by
// extract_article without being read whole.
std::string read_input(const std::string& path, std::size_t limit) {
  std::unique_ptr<std::FILE, FileCloser> owned;
  std::FILE* file = stdin;
  if (path != "-") {
    owned.reset(std::fopen(path.c_str(), "rb"));  // NOLINT(cppcoreguidelines-owning-memory)
    if (!owned) throw std::invalid_argument(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
    file = owned.get();
  }
  std::string bytes;
  char buffer[65536];
  while (bytes.size() <= limit) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, file);
    if (n == 0) break;
    bytes.append(buffer, n);
  }
  if (std::ferror(file)) {
    throw std::invalid_argument(
        fmt::format("cannot read {}: {}", path == "-" ? "standard input" : path, std::strerror(errno)));
  }
  return bytes;
}

}  // namespace

int cmd_extract(std::span<const std::string_view> args) {
  Args parsed(args, {"url", "charset", "max-bytes"}, {"help"});
  if (parsed.flag("help")) {
    fmt::print(
        "usage: newsd extract FILE [--url URL] [--charset NAME] [--max-bytes N]\n"
        "Extracts the article from an HTML page (FILE, or - for standard input) and prints\n"
        "one JSON object: url, canonical_url, title, authors, published, modified, site_name,\n"
        "language, image, tags, description, text, html, word_count, confidence, method.\n"
        "A page without an article prints text \"\" and a low confidence (exit 0);\n"
        "unreadable input exits 2. See docs/extraction.md.\n");
    return kExitOk;
  }
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
  std::string bytes;
  try {
    bytes = read_input(path, options.max_bytes);
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "newsd extract: {}\n", e.what());
    return kExitBadInput;
  }
  try {
    feeds::Article article = feeds::extract_article(bytes, options);
    for (const auto& warning : article.warnings)
      fmt::print(stderr, "newsd extract: {}: warning: {}\n", path, warning);
    fmt::print("{}\n", boost::json::serialize(feeds::article_to_json(article)));
    return kExitOk;
  } catch (const feeds::ExtractError& e) {
    fmt::print(stderr, "newsd extract: {}: {}\n", path == "-" ? "standard input" : path, e.what());
    return kExitBadInput;
  }
}

}  // namespace newsd::cli
