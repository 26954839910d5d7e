// `newsd extract`: files, standard input, exit codes.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "run_newsd.h"

namespace {

namespace json = boost::json;
const std::filesystem::path kPages = std::filesystem::path(NEWSD_TEST_DATA_DIR) / "pages";

std::filesystem::path temp_file(const std::string& name, const std::string& bytes) {
  auto path =
      std::filesystem::temp_directory_path() / ("newsd-extract-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(ExtractCli, ReadsStandardInput) {
  const auto result = newsd::test::run_newsd("extract - --url https://e.example/x < '" +
                                             (kPages / "001-wordpress.html").string() + "'");
  ASSERT_EQ(result.status, 0) << result.err;
  const auto out = json::parse(result.out).as_object();
  EXPECT_EQ(out.at("url").as_string(), "https://e.example/x");
  EXPECT_GT(out.at("word_count").as_int64(), 100);
}

TEST(ExtractCli, CharsetOption) {
  const auto result = newsd::test::run_newsd("extract '" + (kPages / "080-uk-1251.html").string() +
                                             "' --charset windows-1251");
  ASSERT_EQ(result.status, 0) << result.err;
  const auto out = json::parse(result.out).as_object();
  EXPECT_NE(std::string(out.at("text").as_string()).find("і"), std::string::npos);
}

TEST(ExtractCli, HomePageIsNotAnError) {
  const auto result = newsd::test::run_newsd("extract '" + (kPages / "102-homepage.html").string() + "'");
  ASSERT_EQ(result.status, 0) << result.err;
  const auto out = json::parse(result.out).as_object();
  EXPECT_EQ(out.at("text").as_string(), "");
  EXPECT_LT(out.at("confidence").as_double(), 0.3);
}

TEST(ExtractCli, UnreadableInputExitsWithSysexitsCodeAndAReason) {
  const auto png = temp_file("image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  auto result = newsd::test::run_newsd("extract '" + png.string() + "'");
  EXPECT_EQ(result.status, 65);  // EX_DATAERR
  EXPECT_NE(result.err.find("PNG"), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty());
  std::filesystem::remove(png);

  result = newsd::test::run_newsd("extract /nonexistent/page.html");
  EXPECT_EQ(result.status, 66);  // EX_NOINPUT
  EXPECT_NE(result.err.find("cannot open"), std::string::npos) << result.err;

  const auto big = temp_file("big.html", "<html><body>" + std::string(5000, 'x'));
  result = newsd::test::run_newsd("extract '" + big.string() + "' --max-bytes 1000");
  EXPECT_EQ(result.status, 65);  // EX_DATAERR
  EXPECT_NE(result.err.find("limit"), std::string::npos) << result.err;
  std::filesystem::remove(big);
}

TEST(ExtractCli, BadCommandLine) {
  EXPECT_EQ(newsd::test::run_newsd("extract").status, 64);
  EXPECT_EQ(newsd::test::run_newsd("extract a b").status, 64);
  EXPECT_EQ(newsd::test::run_newsd("extract a --bogus").status, 64);
  EXPECT_EQ(newsd::test::run_newsd("extract --help").status, 0);
}

}  // namespace
