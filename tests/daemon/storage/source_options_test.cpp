#include "storage/source_options.h"

#include <gtest/gtest.h>

using namespace std::chrono_literals;

namespace {

TEST(SourceOptions, JsonRoundTripsInOpmlSpelling) {
  feeds::SourceOptions options;
  EXPECT_EQ(newsd::storage::options_to_json(options), "{}");
  options.interval = 90min;
  options.min_interval = 5min;
  options.host_rate = feeds::HostRate{1, 10s};
  options.articles = false;
  options.insecure = true;
  const auto json = newsd::storage::options_to_json(options);
  EXPECT_EQ(json,
            R"({"interval":"1h30m","minInterval":"5m","hostRate":"1/10s","articles":false,"insecure":true})");
  EXPECT_EQ(newsd::storage::options_from_json(json), options);
}

TEST(SourceOptions, BadStoredValuesAreNamedAndUnknownKeysIgnored) {
  EXPECT_EQ(newsd::storage::options_from_json(R"({"somethingElse": 1})"), feeds::SourceOptions{});
  EXPECT_THROW(newsd::storage::options_from_json(R"({"interval": 30})"), std::invalid_argument);
  EXPECT_THROW(newsd::storage::options_from_json(R"({"interval": "30 minutes"})"), std::invalid_argument);
  EXPECT_THROW(newsd::storage::options_from_json(R"({"articles": "yes"})"), std::invalid_argument);
  EXPECT_THROW(newsd::storage::options_from_json("[]"), std::invalid_argument);
  EXPECT_THROW(newsd::storage::options_from_json("not json"), std::invalid_argument);
}

}  // namespace
