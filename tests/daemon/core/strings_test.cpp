#include "core/strings.h"

#include <gtest/gtest.h>

namespace {

using namespace newsd::core;

TEST(CoreStrings, TrimRemovesTheSixAsciiSpacesOnlyAtTheEnds) {
  EXPECT_EQ(trim(" \t\r\n\f\vgzip, br \t\r\n\f\v"), "gzip, br");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("\xC2\xA0x\xC2\xA0"), "\xC2\xA0x\xC2\xA0") << "no-break space is not ASCII whitespace";
}

TEST(CoreStrings, ToLowerChangesAsciiLettersOnly) {
  EXPECT_EQ(to_lower("HTTPS://Example.ORG/Ä"), "https://example.org/Ä");
  EXPECT_EQ(to_lower("@[`{"), "@[`{") << "the bytes around A-Z stay";
}

TEST(CoreStrings, IequalsComparesAsciiCaseInsensitively) {
  EXPECT_TRUE(iequals("Content-Encoding", "content-encoding"));
  EXPECT_FALSE(iequals("gzip", "gzip "));
  EXPECT_FALSE(iequals("@", "`")) << "0x40 and 0x60 differ by the case bit but are not letters";
}

}  // namespace
