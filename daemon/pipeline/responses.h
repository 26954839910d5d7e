#pragma once
// What an HTTP answer means to the pipeline's stages: done, worth trying
// again later, or a failure to record (and its message). Both stages judge
// answers alike, so a feed and an article page fail for the same reasons.
#include <string>
#include <string_view>

#include "http/client.h"

namespace newsd::pipeline {

bool is_success(int status);

// The server has trouble now (no answer, 429, 5xx): worth retrying later.
bool is_transient(const http::Response& response);

// The error message for a response that is not a success; also for a 3xx the
// client did not follow (e.g. a redirect without Location).
std::string describe_failure(const http::Response& response, std::string_view url);

}  // namespace newsd::pipeline
