// newsd add URL [--category A/B] [--title T] [...]: add one source. URL may
// be a feed or a web page: a page is searched for the feeds it announces
// (<link rel="alternate">), then the common feed paths of its site are tried,
// one request at a time through the politeness layer; the best feed found is
// added and the others listed. A page without a feed adds nothing.
#include <fmt/core.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <exception>
#include <filesystem>
#include <stdexcept>

#include "app/options.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cluster/database.h"
#include "config/config.h"
#include "core/strings.h"
#include "feeds/discover.h"
#include "feeds/opml.h"
#include "feeds/parse.h"
#include "http/client.h"
#include "pipeline/pipeline.h"
#include "politeness/host_gate.h"
#include "politeness/polite_fetcher.h"
#include "politeness/robots_cache.h"
#include "storage/migrations.h"
#include "storage/sources.h"

namespace newsd::cli {
namespace {

// Trimmed like OPML values, so that export -> import finds nothing to change.
std::optional<std::string> trimmed_value(const Args& parsed, std::string_view name) {
  auto value = parsed.value(name);
  if (!value) return std::nullopt;
  auto text = core::trim(*value);
  if (text.empty()) return std::nullopt;
  return std::string(text);
}

// "News/Europe" -> {"News", "Europe"}; empty segments ("A//B", "/A") are refused.
std::vector<std::string> split_category(std::string_view text) {
  std::vector<std::string> path;
  if (text.empty()) return path;
  std::size_t start = 0;
  while (true) {
    auto slash = text.find('/', start);
    auto segment = core::trim(
        text.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (segment.empty()) throw UsageError(fmt::format("--category \"{}\" has an empty segment", text));
    path.emplace_back(segment);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return path;
}

namespace asio = boost::asio;

// What fetching the URL `newsd add` was given found out.
struct Discovery {
  enum class Outcome {
    feed,         // URL is a feed: add it
    found,        // URL is a page and `feed_url` its best feed
    no_feed,      // a page (or other document) without a usable feed: add nothing
    refused,      // the server answered but not with something to add (4xx): add nothing
    unreachable,  // no answer worth judging (network, 5xx, robots.txt unreachable): add as given
  };
  Outcome outcome = Outcome::unreachable;
  std::string feed_url;
  std::string how;                     // where the feed was found, for the report
  std::vector<feeds::FeedLink> other;  // the page's other announced feeds
  std::string reason;                  // for no_feed, refused and unreachable
};

// One discovery session: the same client, host gate and robots.txt cache the
// pipeline would use, so probing a site is as polite as polling it. The
// fetches run one at a time, each to completion, on an io_context of its own.
class Discoverer {
 public:
  Discoverer(const pipeline::PipelineOptions& options, bool insecure)
      : options_(options),
        insecure_(insecure),
        client_(io_, options.client),
        gate_(io_.get_executor(), options.gate),
        robots_(options.robots),
        as_configured_(gate_, robots_, client_, fetcher_options(options.robots_for_feeds), options.logger),
        with_robots_(gate_, robots_, client_, fetcher_options(true), options.logger) {}

  Discovery run(const std::string& url) {
    Discovery discovery;
    // The URL the user gave is fetched as it will be polled; the guesses
    // below always ask robots.txt first.
    auto page = fetch(as_configured_, url);
    if (page.refusal == politeness::Refusal::robots_disallowed) {
      // The daemon would never poll it either (robots_for_feeds is on).
      discovery.outcome = Discovery::Outcome::refused;
      discovery.reason = describe(page, url);
      return discovery;
    }
    if (page.refused() || !page.response.ok() || page.response.status >= 500 || page.response.status == 0) {
      discovery.outcome = Discovery::Outcome::unreachable;
      discovery.reason = describe(page, url);
      return discovery;
    }
    const auto& response = page.response;
    if (response.status >= 300) {
      discovery.outcome = Discovery::Outcome::refused;
      discovery.reason = describe(page, url);
      return discovery;
    }
    const std::string page_url = response.final_url.empty() ? url : response.final_url;
    auto parsed = parse(response, page_url);
    if (parsed) {
      discovery.outcome = Discovery::Outcome::feed;
      discovery.feed_url = url;
      return discovery;
    }
    const std::string not_a_feed = parsed.error().message;
    if (!looks_like_html(response, not_a_feed)) {
      discovery.outcome = Discovery::Outcome::no_feed;
      discovery.reason = fmt::format("{} is {} and not a web page to look for feeds in", url, not_a_feed);
      return discovery;
    }

    auto links = feeds::find_feed_links(response.body, page_url, response.charset);
    int tried = 0;
    for (std::size_t i = 0; i < links.size(); ++i) {
      ++tried;
      if (!is_feed(as_configured_, links[i].url)) continue;
      discovery.outcome = Discovery::Outcome::found;
      discovery.feed_url = links[i].url;
      discovery.how =
          fmt::format("announced by {} (<link rel=\"alternate\" type=\"{}\">)", page_url, links[i].type);
      for (std::size_t j = 0; j < links.size(); ++j) {
        if (j != i) discovery.other.push_back(links[j]);
      }
      return discovery;
    }
    // The page announces none that works: where sites usually keep their feed.
    for (const auto& guess : feeds::common_feed_urls(page_url)) {
      if (guess == url || guess == page_url) continue;
      ++tried;
      if (!is_feed(with_robots_, guess)) continue;
      discovery.outcome = Discovery::Outcome::found;
      discovery.feed_url = guess;
      discovery.how = fmt::format("at a common feed path of {}", page_url);
      discovery.other = std::move(links);  // announced, but none of them a feed
      return discovery;
    }
    discovery.outcome = Discovery::Outcome::no_feed;
    discovery.reason = fmt::format(
        "{} is a web page without a feed: {} announced by <link rel=\"alternate\"> (none of them a usable "
        "feed), {} URLs tried in all, the common feed paths included",
        url, links.size(), tried);
    return discovery;
  }

 private:
  politeness::PoliteFetcherOptions fetcher_options(bool robots_for_feeds) const {
    politeness::PoliteFetcherOptions out;
    out.robots_for_feeds = robots_for_feeds;
    out.source_min_interval = options_.source_min_interval;
    return out;
  }

  politeness::PoliteResult fetch(politeness::PoliteFetcher& fetcher, const std::string& url) {
    http::Request request;
    request.url = url;
    request.kind = http::RequestKind::feed;
    request.max_body_bytes = options_.max_feed_bytes;
    request.timeouts = options_.timeouts;
    request.max_redirects = options_.max_redirects;
    request.insecure = insecure_;
    std::optional<politeness::PoliteResult> result;
    std::exception_ptr failure;
    // The context stops itself whenever it runs out of work (as at the end of
    // the previous fetch) and runs nothing more until restarted.
    io_.restart();
    asio::co_spawn(io_, fetcher.fetch(std::move(request)),
                   [&](const std::exception_ptr& error, politeness::PoliteResult fetched) {
                     failure = error;
                     result = std::move(fetched);
                   });
    // Until this fetch is done: the client's idle connections keep timers
    // that would hold io_.run() for half a minute.
    while (!result && io_.run_one() > 0) {
    }
    if (failure) std::rethrow_exception(failure);
    if (!result) throw std::logic_error(fmt::format("the fetch of {} never finished", url));
    return std::move(*result);
  }

  bool is_feed(politeness::PoliteFetcher& fetcher, const std::string& url) {
    auto result = fetch(fetcher, url);
    if (result.refused() || !result.response.ok() || result.response.status != 200) {
      options_.logger.debug("feed discovery: {}", describe(result, url));
      return false;
    }
    return parse(result.response, result.response.final_url.empty() ? url : result.response.final_url)
        .has_value();
  }

  static feeds::Result<feeds::Feed> parse(const http::Response& response, const std::string& url) {
    feeds::ParseOptions parse_options;
    parse_options.document_url = url;
    parse_options.http_charset = response.charset;
    return feeds::parse_feed(response.body, parse_options);
  }

  static bool looks_like_html(const http::Response& response, std::string_view parse_error) {
    return response.content_type.find("html") != std::string::npos ||
           parse_error.find("HTML") != std::string_view::npos;
  }

  static std::string describe(const politeness::PoliteResult& result, std::string_view url) {
    if (result.refused()) return fmt::format("{}: {}", url, politeness::to_string(result.refusal));
    auto failure = politeness::describe_failure(result.response, url);
    if (!failure.empty()) return failure;
    return fmt::format("{} answered HTTP {}", url, result.response.status);
  }

  const pipeline::PipelineOptions& options_;
  bool insecure_;
  asio::io_context io_;  // before everything that runs on it
  http::HttpClient client_;
  politeness::HostGate gate_;
  politeness::RobotsCache robots_;
  politeness::PoliteFetcher as_configured_;
  politeness::PoliteFetcher with_robots_;
};

}  // namespace

int cmd_add(std::span<const std::string_view> args) {
  Args parsed(args, options::kAdd);
  if (parsed.positional().size() != 1) throw UsageError("add takes exactly one feed URL");
  feeds::OpmlSource source;
  source.url = std::string(core::trim(parsed.positional()[0]));
  if (auto problem = feeds::feed_url_problem(source.url)) throw UsageError(*problem);
  source.title = trimmed_value(parsed, "title");
  source.site_url = trimmed_value(parsed, "site-url");
  if (source.site_url) {
    if (auto problem = feeds::feed_url_problem(*source.site_url)) throw UsageError("--site-url " + *problem);
  }
  if (auto category = parsed.value("category")) source.category = split_category(*category);
  const std::pair<const char*, const char*> option_flags[] = {{"interval", "interval"},
                                                              {"min-interval", "minInterval"},
                                                              {"host-rate", "hostRate"},
                                                              {"articles", "articles"},
                                                              {"insecure", "insecure"}};
  for (const auto& [flag, option] : option_flags) {
    auto value = parsed.value(flag);
    if (!value) continue;
    try {
      feeds::set_source_option(source.options, option, *value);
    } catch (const std::invalid_argument& e) {
      throw UsageError(fmt::format("--{}: {}", flag, e.what()));
    }
  }

  Logger logger(LogLevel::info, stderr);
  const auto getenv = config::process_environment();
  std::optional<std::filesystem::path> config_file;
  if (auto file = parsed.value("config")) config_file = *file;
  const auto config = config::load_config(config_file, getenv);

  Discovery discovery;
  if (!parsed.flag("no-discover")) {
    auto fetch_options = app::options_from_config(config, Logger(LogLevel::warn, stderr));
    discovery = Discoverer(fetch_options, source.options.insecure.value_or(false)).run(source.url);
    switch (discovery.outcome) {
      case Discovery::Outcome::feed:
        break;
      case Discovery::Outcome::found:
        if (!source.site_url) source.site_url = source.url;
        source.url = discovery.feed_url;
        break;
      case Discovery::Outcome::no_feed:
        fmt::print(stderr, "newsd add: {}; nothing was added\n", discovery.reason);
        return kExitDataError;
      case Discovery::Outcome::refused:
        fmt::print(stderr, "newsd add: {}; nothing was added (--no-discover adds it unchecked)\n",
                   discovery.reason);
        return kExitDataError;
      case Discovery::Outcome::unreachable:
        fmt::print(stderr, "newsd add: warning: could not check {} ({}); adding it as given, unchecked\n",
                   source.url, discovery.reason);
        break;
    }
  }

  auto database = cluster::resolve_database(parsed.value("db"), config, getenv, logger);
  pg::Connection conn(database.url);
  storage::migrate(conn);
  auto id = storage::add_source(conn, source);
  if (!id) {
    fmt::print(stderr, "newsd add: {} is already a source (change it with import, or in the sources table)\n",
               source.url);
    return kExitFailure;
  }
  fmt::print("added source {}: {}\n", *id, source.url);
  if (!discovery.how.empty()) fmt::print("  found {}\n", discovery.how);
  for (const auto& other : discovery.other) {
    fmt::print("  also announced: {} ({}{})\n", other.url, other.type,
               other.title.empty() ? "" : fmt::format(", \"{}\"", other.title));
  }
  return kExitOk;
}

}  // namespace newsd::cli
