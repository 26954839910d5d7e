#pragma once
// The bytes of a command's FILE argument ("-" for standard input), read with a
// bound, shared by `newsd parse` and `newsd extract`.
#include <cstddef>
#include <string>

namespace newsd::cli {

struct InputFile {
  std::string bytes;
  std::string error;  // "cannot open: <reason>" or "cannot read: <reason>"; empty when read
};

// Reads at most `limit` + 1 bytes: enough for the caller's parser to refuse an
// oversized input with its own message, without holding the input whole.
InputFile read_input_file(const std::string& path, std::size_t limit);

}  // namespace newsd::cli
