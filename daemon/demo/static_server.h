#pragma once
// A tiny HTTP/1.1 server on loopback for `newsd demo` and the pipeline tests:
// serves the files of one directory, with keep-alive, ETag/Last-Modified and
// 304 answers to conditional GETs, so the whole pipeline (conditional GET,
// robots.txt, article pages) can run offline. Text files may contain the
// token {{BASE}}, replaced by "http://127.0.0.1:PORT" when served, so feeds
// can link to pages on whatever port the kernel chose.
//
// It runs on its own thread and io_context; Beast stays inside the .cpp.
// Tests steer it: a status override per path, and "go away" after N requests
// (every later request has its connection closed without an answer).
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsd::demo {

inline constexpr std::string_view kBaseToken = "{{BASE}}";

class StaticServer {
 public:
  // Listens on `address`:0 (the kernel picks the port) and starts serving
  // `root`. Throws std::runtime_error when the socket cannot be opened.
  explicit StaticServer(std::filesystem::path root, std::string address = "127.0.0.1");
  ~StaticServer();  // stops the thread, closes every connection
  StaticServer(const StaticServer&) = delete;
  StaticServer& operator=(const StaticServer&) = delete;

  [[nodiscard]] unsigned short port() const;
  // "http://127.0.0.1:PORT" (no trailing slash).
  [[nodiscard]] std::string base_url() const;

  // Answers `path` (exact, query ignored) with `status`, a short body and
  // `headers` (e.g. {"Retry-After", "120"}).
  void override_status(const std::string& path, int status,
                       std::vector<std::pair<std::string, std::string>> headers = {});
  // Answers `path` with a redirect (301, 302, 307, 308) to `location`.
  void redirect(const std::string& path, int status, const std::string& location);
  void clear_overrides();
  // After `requests` more requests have been answered, the server "goes
  // away": every later request's connection is closed without an answer.
  void go_away_after(std::size_t requests);
  // Serves normally again.
  void come_back();
  // Every answer is written this long after its request was read (and
  // logged): a slow host, with the request in flight meanwhile.
  void delay_answers(std::chrono::milliseconds delay);

  // "GET /path 200" for every request answered (or "GET /path dropped"), in order.
  [[nodiscard]] std::vector<std::string> request_log() const;
  // Requests that carried If-None-Match or If-Modified-Since.
  [[nodiscard]] std::size_t conditional_requests() const;

  struct State;

 private:
  std::shared_ptr<State> state_;
};

// The Content-Type the server sends for a file name (by extension).
std::string_view content_type_for(std::string_view file_name);

}  // namespace newsd::demo
