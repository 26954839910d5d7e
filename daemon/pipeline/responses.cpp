#include "pipeline/responses.h"

#include <fmt/core.h>

#include "politeness/polite_fetcher.h"

namespace newsd::pipeline {

bool is_success(int status) {
  return status >= 200 && status < 300;
}

bool is_transient(const http::Response& response) {
  return !response.ok() || response.status == 429 || response.status >= 500;
}

std::string describe_failure(const http::Response& response, std::string_view url) {
  auto described = politeness::describe_failure(response, url);
  return described.empty() ? fmt::format("HTTP {} from {}", response.status,
                                         response.final_url.empty() ? url : response.final_url)
                           : described;
}

}  // namespace newsd::pipeline
