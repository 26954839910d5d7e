// The data-driven feed cases: every tests/data/feeds/<case>.checks.json names a
// document (<case>.xml, .json, .html, ...) parsed with <case>.options.json.
// The hand-written checks must hold, and the whole JSON output must equal
// <case>.expected.json (written with NEWSD_BLESS_FEEDS=1 once the checks pass;
// see tests/data/feeds/make_cases.py).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "feed_test_support.h"
#include "feeds/feed_json.h"
#include "feeds/parse.h"

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using feeds::test::read_file;

fs::path cases_dir() {
  return fs::path(NEWSD_TEST_DATA_DIR) / "feeds";
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(cases_dir())) {
    const std::string file = entry.path().filename().string();
    const std::string suffix = ".checks.json";
    if (file.size() > suffix.size() && file.ends_with(suffix))
      names.push_back(file.substr(0, file.size() - suffix.size()));
  }
  std::sort(names.begin(), names.end());
  return names;
}

fs::path document_path(const std::string& name) {
  for (const char* ext : {".xml", ".json", ".html", ".bin", ".txt", ".rss", ".atom"}) {
    fs::path path = cases_dir() / (name + ext);
    if (fs::exists(path)) return path;
  }
  return {};
}

std::string code_name(feeds::ErrorCode code) {
  switch (code) {
    case feeds::ErrorCode::empty:
      return "empty";
    case feeds::ErrorCode::too_large:
      return "too_large";
    case feeds::ErrorCode::not_a_feed:
      return "not_a_feed";
    default:  // parse_feed reports no other code
      break;
  }
  return "?";
}

json::value parse_case(const std::string& name) {
  const std::string bytes = read_file(document_path(name));
  feeds::ParseOptions options;
  options.now = feeds::test::kFixedNow;
  std::string document_url, charset;
  if (fs::exists(cases_dir() / (name + ".options.json"))) {
    const json::value settings = json::parse(read_file(cases_dir() / (name + ".options.json")));
    if (const auto* url = settings.as_object().if_contains("document_url"))
      document_url = url->as_string().c_str();
    if (const auto* hint = settings.as_object().if_contains("http_charset"))
      charset = hint->as_string().c_str();
  }
  options.document_url = document_url;
  options.http_charset = charset;
  feeds::Result<feeds::Feed> result = feeds::parse_feed(bytes, options);
  if (!result)
    return json::object{{"error", code_name(result.error().code)}, {"message", result.error().message}};
  return feeds::feed_to_json(*result);
}

class FeedCase : public ::testing::TestWithParam<std::string> {};

TEST_P(FeedCase, MatchesChecksAndExpectedJson) {
  const std::string name = GetParam();
  ASSERT_FALSE(document_path(name).empty()) << "no document for case " << name;
  const json::value actual = parse_case(name);
  const json::value checks = json::parse(read_file(cases_dir() / (name + ".checks.json")));
  const std::vector<std::string> failures = feeds::test::apply_checks(actual, checks.as_object());
  for (const std::string& failure : failures) ADD_FAILURE() << name << ": " << failure;

  const fs::path expected_path = cases_dir() / (name + ".expected.json");
  if (!fs::exists(expected_path)) {
    const char* bless = std::getenv("NEWSD_BLESS_FEEDS");
    if (bless && std::string(bless) == "1" && failures.empty()) {
      std::ofstream(expected_path) << feeds::test::pretty(actual);
      return;
    }
    FAIL() << "missing " << expected_path << "; actual output:\n" << feeds::test::pretty(actual);
  }
  const json::value expected = json::parse(read_file(expected_path));
  EXPECT_EQ(actual, expected) << name << ": first difference at "
                              << feeds::test::first_difference(actual, expected) << "\nactual:\n"
                              << feeds::test::pretty(actual);
}

INSTANTIATE_TEST_SUITE_P(Data, FeedCase, ::testing::ValuesIn(case_names()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           return param_info.param;
                         });

TEST(FeedCases, ThereAreAtLeastTwoHundred) {
  EXPECT_GE(case_names().size(), 200u);
}

}  // namespace
