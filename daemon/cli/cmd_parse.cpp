// `newsd parse FILE... [--charset NAME] [--base-url URL]`: parses feeds from
// files (or "-" for standard input) and prints them as JSON (docs/feed-json.md):
// one object for one file; JSON Lines, in argument order, for several, where a
// file that fails gives {"file": ..., "error": ...} and the exit status is 2.
#include <fmt/core.h>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "feeds/feed_json.h"
#include "feeds/parse.h"

namespace newsd::cli {
namespace {

struct Loaded {
  std::string bytes;
  std::string error;  // empty when read
};

// Reads at most max_bytes + 1 bytes, so an oversized input is refused by the
// parser with its own message without being held in memory whole.
Loaded load(const std::string& path, std::size_t max_bytes) {
  Loaded loaded;
  std::istream* in = &std::cin;
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      loaded.error = fmt::format("cannot open: {}", std::strerror(errno));
      return loaded;
    }
    in = &file;
  }
  std::string chunk(std::size_t{64} * 1024, '\0');
  while (loaded.bytes.size() <= max_bytes) {
    in->read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(in->gcount());
    loaded.bytes.append(chunk.data(), got);
    if (got < chunk.size()) break;
  }
  if (in->bad()) loaded.error = "read error";
  return loaded;
}

}  // namespace

int cmd_parse(std::span<const std::string_view> args) {
  Args parsed(args, {"charset", "base-url"});
  const auto& files = parsed.positional();
  if (files.empty()) throw UsageError("parse needs at least one FILE (or - for standard input)");
  const std::string charset = parsed.value("charset").value_or("");
  const std::string base_url = parsed.value("base-url").value_or("");

  feeds::ParseOptions options;
  options.http_charset = charset;
  options.document_url = base_url;

  const bool lines = files.size() > 1;
  int status = kExitOk;
  for (const std::string& file : files) {
    std::string error;
    std::string output;
    Loaded loaded = load(file, options.max_bytes);
    if (!loaded.error.empty()) {
      error = loaded.error;
    } else {
      feeds::ParseResult result = feeds::parse_feed(loaded.bytes, options);
      if (result.ok())
        output = feeds::feed_to_json_string(*result.feed);
      else
        error = result.error->message;
    }
    const std::string name = file == "-" ? std::string("<stdin>") : file;
    if (!error.empty()) {
      status = kExitBadInput;
      if (lines) {
        boost::json::object line;
        line["file"] = file;
        line["error"] = error;
        output = boost::json::serialize(line);
      } else {
        fmt::print(stderr, "newsd parse: {}: {}\n", name, error);
        continue;
      }
    }
    output.push_back('\n');
    std::fwrite(output.data(), 1, output.size(), stdout);
  }
  std::fflush(stdout);
  return status;
}

}  // namespace newsd::cli
