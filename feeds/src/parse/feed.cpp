#include "feeds/feed.h"

namespace feeds {

std::string_view format_name(FeedFormat format) {
  switch (format) {
    case FeedFormat::rss2_0:
      return "rss2.0";
    case FeedFormat::rss0_9x:
      return "rss0.9x";
    case FeedFormat::rss1_0:
      return "rss1.0";
    case FeedFormat::atom1_0:
      return "atom1.0";
    case FeedFormat::atom0_3:
      return "atom0.3";
    case FeedFormat::json1_0:
      return "json1.0";
    case FeedFormat::json1_1:
      return "json1.1";
  }
  return "unknown";
}

}  // namespace feeds
