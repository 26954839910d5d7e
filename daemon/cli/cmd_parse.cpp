// `newsd parse FILE... [--charset NAME] [--base-url URL]`: parses feeds from
// files (or "-" for standard input) and prints them as JSON (docs/feed-json.md):
// one object for one file; JSON Lines, in argument order, for several, where a
// file that fails gives {"file": ..., "error": ...} and the exit status is 2.
#include <fmt/core.h>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <cstdio>
#include <string>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/input_file.h"
#include "cli/options.h"
#include "feeds/feed_json.h"
#include "feeds/parse.h"

namespace newsd::cli {
int cmd_parse(std::span<const std::string_view> args) {
  Args parsed(args, options::kParse);
  const auto& files = parsed.positional();
  if (files.empty()) throw UsageError("parse needs at least one FILE (or - for standard input)");
  const std::string charset = parsed.value("charset").value_or("");
  const std::string base_url = parsed.value("base-url").value_or("");

  feeds::ParseOptions options;
  options.http_charset = charset;
  options.document_url = base_url;

  // Each feed needs a few buffers of its own size (the bytes read, the JSON
  // written), hundreds of KB: glibc would map each from the kernel and unmap
  // it again, so every feed paid page faults on fresh zeroed pages (a third
  // of a `newsd parse` over many files, in system time). A batch command
  // keeps them in the heap instead.
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's maximum
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
  const bool lines = files.size() > 1;
  int status = kExitOk;
  for (const std::string& file : files) {
    std::string error;
    std::string output;
    InputFile input = read_input_file(file, options.max_bytes);
    int failure = kExitDataError;
    if (!input.error.empty()) {
      error = input.error;
      failure = kExitNoInput;
    } else {
      feeds::Result<feeds::Feed> result = feeds::parse_feed(input.bytes, options);
      if (result)
        output = feeds::feed_to_json_string(*result);
      else
        error = result.error().message;
    }
    const std::string name = file == "-" ? std::string("<stdin>") : file;
    if (!error.empty()) {
      // A missing file outranks a bad one: the caller's mistake is bigger.
      status = status == kExitNoInput ? status : failure;
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
