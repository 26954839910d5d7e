#include "cli/input_file.h"

#include <fmt/core.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace newsd::cli {

InputFile read_input_file(const std::string& path, std::size_t limit) {
  InputFile input;
  std::istream* in = &std::cin;
  std::ifstream file;
  // Read straight into input.bytes, the whole file at once when its size is known (growing a
  // buffer chunk by chunk copied each feed several times over). A separate 64 KB chunk,
  // zero-filled on every call, was 16 of the ~250 page faults of a `newsd extract` start-up.
  std::size_t step = std::size_t{64} * 1024;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      input.error = fmt::format("cannot open: {}", std::strerror(errno));
      return input;
    }
    in = &file;
    std::error_code size_error;
    const auto size = std::filesystem::file_size(path, size_error);
    // Size 0 is also what /proc files and the like report: keep the chunk for those.
    if (!size_error && size > 0) step = static_cast<std::size_t>(std::min<std::uintmax_t>(size, limit)) + 1;
  }
  while (input.bytes.size() <= limit) {
    const std::size_t had = input.bytes.size();
    input.bytes.resize(had + step);
    in->read(input.bytes.data() + had, static_cast<std::streamsize>(step));
    const auto got = static_cast<std::size_t>(in->gcount());
    input.bytes.resize(had + got);
    if (got < step) break;
  }
  if (in->bad()) input.error = fmt::format("cannot read: {}", std::strerror(errno));
  return input;
}

}  // namespace newsd::cli
