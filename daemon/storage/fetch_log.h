#pragma once
// fetch_log: one row per HTTP attempt, pruned by age so it stays bounded.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.h"

namespace newsd::storage {

enum class FetchKind { feed, article, robots };

struct FetchRecord {
  std::chrono::system_clock::time_point at;  // request start
  std::string url;
  std::string host;  // lowercased host[:port]
  FetchKind kind = FetchKind::feed;
  std::optional<int> status;  // nullopt: no response
  std::optional<std::int64_t> bytes;
  std::optional<int> duration_ms;
  std::string error;  // empty on success
  std::optional<std::int64_t> source_id;
};

class FetchLog {
 public:
  explicit FetchLog(Database& db);

  void record(const FetchRecord& record);

  // Deletes rows older than `max_age`; returns how many.
  long long prune_older_than(std::chrono::seconds max_age);

 private:
  Database& db_;
};

}  // namespace newsd::storage
