#pragma once
// Helpers for the embedded-cluster tests: a short temporary state directory
// (Unix socket paths are limited to 107 bytes) removed at the end, stopping
// any server left in it.
#include <filesystem>
#include <string>

namespace newsd::test {

class TempStateDir {
 public:
  TempStateDir();
  TempStateDir(const TempStateDir&) = delete;
  TempStateDir& operator=(const TempStateDir&) = delete;
  ~TempStateDir();
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// True when a server accepts connections at `url` (a libpq URL).
bool accepts_connections(const std::string& url);

}  // namespace newsd::test
