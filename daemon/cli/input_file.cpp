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
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      input.error = fmt::format("cannot open: {}", std::strerror(errno));
      return input;
    }
    in = &file;
    // Read into a buffer of the file's size: growing it chunk by chunk copied
    // each feed several times over.
    std::error_code size_error;
    const auto size = std::filesystem::file_size(path, size_error);
    if (!size_error) input.bytes.reserve(std::min<std::uintmax_t>(size, limit) + 1);
  }
  std::string chunk(std::size_t{64} * 1024, '\0');
  while (input.bytes.size() <= limit) {
    in->read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(in->gcount());
    input.bytes.append(chunk.data(), got);
    if (got < chunk.size()) break;
  }
  if (in->bad()) input.error = fmt::format("cannot read: {}", std::strerror(errno));
  return input;
}

}  // namespace newsd::cli
