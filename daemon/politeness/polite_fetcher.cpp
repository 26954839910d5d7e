#include "politeness/polite_fetcher.h"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/system_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/url/parse.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <set>
#include <utility>

#include "feeds/robots.h"
#include "politeness/host_key.h"

// GCC 12 reports Asio's coroutine frames (allocated by the frame's own
// operator new, freed by its operator delete) as mismatched once enough of
// them are inlined into one function: GCC bug 109224, a false positive.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

namespace newsd::politeness {

namespace asio = boost::asio;

struct PoliteFetcher::RobotsFetch {
  std::vector<asio::system_timer*> waiters;  // cancelled when the fetch is done
};

namespace {

// https://user@Host:8443/a?b -> https://Host:8443/robots.txt
std::optional<std::string> robots_url(std::string_view url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed || !parsed->has_authority()) return std::nullopt;
  return std::string(parsed->scheme()) + "://" + std::string(parsed->encoded_host_and_port()) + "/robots.txt";
}

bool is_network_failure(http::ErrorKind kind) {
  switch (kind) {
    case http::ErrorKind::dns:
    case http::ErrorKind::connect:
    case http::ErrorKind::proxy:
    case http::ErrorKind::tls:
    case http::ErrorKind::connect_timeout:
    case http::ErrorKind::first_byte_timeout:
    case http::ErrorKind::idle_timeout:
    case http::ErrorKind::total_timeout:
    case http::ErrorKind::connection_closed:
    case http::ErrorKind::truncated:
    case http::ErrorKind::protocol:
      return true;
    default:
      return false;
  }
}

// The redirects of one polite fetch across the client calls it takes (one per
// host): the hop budget, loop detection and the hop list.
class RedirectChain {
 public:
  RedirectChain(std::string first_url, int max_redirects)
      : first_url_(std::move(first_url)), budget_(std::max(0, max_redirects)) {}

  struct Hop {
    std::string url;
    std::string host;
  };
  // Takes in one client answer; the other host's URL to request next, or
  // nullopt when the answer is final (then with an error set if the chain
  // went wrong).
  std::optional<Hop> next_hop(http::Response& response) {
    for (const auto& hop : response.redirects) visited_.insert(hop.url);
    hops_.insert(hops_.end(), response.redirects.begin(), response.redirects.end());
    if (response.redirect_to.empty()) return std::nullopt;
    std::string next = std::move(response.redirect_to);
    response.redirect_to.clear();
    auto next_host = host_key(next);
    if (std::cmp_greater(hops_.size(), budget_)) {
      response.error = http::ErrorKind::too_many_redirects;
      response.error_message = fmt::format("{}: more than {} redirects", first_url_, budget_);
    } else if (visited_.contains(next)) {
      response.error = http::ErrorKind::redirect_loop;
      response.error_message = fmt::format("{}: redirect loop back to {}", first_url_, next);
    } else if (!next_host) {
      response.error = http::ErrorKind::invalid_url;
      response.error_message = fmt::format("{}: redirect to '{}', which has no host", first_url_, next);
    } else {
      return Hop{std::move(next), std::move(*next_host)};
    }
    return std::nullopt;
  }
  [[nodiscard]] int remaining() const { return budget_ - static_cast<int>(hops_.size()); }
  std::vector<http::RedirectHop> take_hops() { return std::move(hops_); }

 private:
  std::string first_url_;
  int budget_;
  std::vector<http::RedirectHop> hops_;
  std::set<std::string, std::less<>> visited_;
};

// The hops of every client call of one fetch, and whether they were all
// permanent (kept out of the coroutine: gcc 12 miscompiles lambdas there).
void set_redirects(http::Response& response, std::vector<http::RedirectHop> hops) {
  response.permanent_redirect = !hops.empty() && std::ranges::all_of(hops, [](const http::RedirectHop& hop) {
    return hop.status == 301 || hop.status == 308;
  });
  response.redirects = std::move(hops);
}

// A host answering 429 or 503 with a Retry-After no longer than `max_wait`
// is asked again (after that wait) within the same fetch, at most this often.
constexpr int kRateLimitRetries = 2;

bool asks_to_retry_later(const http::Response& response) {
  return (response.status == 429 || response.status == 503) && response.retry_after.has_value();
}

bool short_retry_after(const http::Response& response, TimePoint now, std::chrono::seconds max_wait) {
  return asks_to_retry_later(response) && *response.retry_after <= now + max_wait;
}

// A graceful stop came before the request could start: it is not started.
void mark_stopping(PoliteResult& result, std::string_view url) {
  result.refusal = Refusal::stopping;
  result.response.error_message = fmt::format("stopping: {} not fetched", url);
}

PoliteResult stopping(std::string_view url) {
  PoliteResult result;
  mark_stopping(result, url);
  return result;
}

}  // namespace

std::string_view to_string(Refusal refusal) {
  switch (refusal) {
    case Refusal::none:
      return "none";
    case Refusal::invalid_url:
      return "invalid URL";
    case Refusal::robots_disallowed:
      return "disallowed by robots.txt";
    case Refusal::robots_unavailable:
      return "robots.txt unavailable, try later";
    case Refusal::source_too_soon:
      return "polled too recently";
    case Refusal::host_backing_off:
      return "host backing off, try later";
    case Refusal::stopping:
      return "stopping";
  }
  return "unknown";
}

Outcome outcome_of(const http::Response& response, TimePoint now) {
  if (response.status > 0) {
    std::optional<std::chrono::seconds> retry_after;
    if (response.retry_after) {
      retry_after = *response.retry_after <= now
                        ? std::chrono::seconds(0)
                        : std::chrono::ceil<std::chrono::seconds>(*response.retry_after - now);
    }
    return Outcome::from_status(response.status, retry_after);
  }
  if (is_network_failure(response.error)) return Outcome::network();
  // Refused before any exchange (bad URL, blocked address) or a problem of
  // the content (too large, bad encoding, redirect trouble): not the host's load.
  return Outcome{};
}

std::string describe_failure(const http::Response& response, std::string_view url) {
  if (!response.ok()) {
    return response.error_message.empty() ? fmt::format("{}: {}", http::to_string(response.error), url)
                                          : response.error_message;
  }
  if (response.status < 400) return {};
  return fmt::format("HTTP {} from {}", response.status,
                     response.final_url.empty() ? url : std::string_view(response.final_url));
}

PoliteFetcher::PoliteFetcher(HostGate& gate, RobotsCache& robots, http::HttpClient& client,
                             PoliteFetcherOptions options, Logger logger)
    : gate_(gate),
      robots_(robots),
      client_(client),
      options_(std::move(options)),
      logger_(logger),
      throttle_(options_.source_min_interval) {}

PoliteFetcher::~PoliteFetcher() = default;

std::optional<TimePoint> PoliteFetcher::backing_off_until(std::string_view host) const {
  auto snapshot = gate_.snapshot(host);
  if (!snapshot || !snapshot->state.backoff_until) return std::nullopt;
  if (*snapshot->state.backoff_until <= Clock::now() + options_.max_backoff_wait) return std::nullopt;
  return snapshot->state.backoff_until;
}

asio::awaitable<PoliteFetcher::Exchange> PoliteFetcher::exchange(http::Request request, std::string host,
                                                                 std::optional<std::int64_t> source_id) {
  FetchAttempt attempt;
  attempt.url = request.url;
  attempt.host = host;
  attempt.kind = request.kind;
  attempt.source_id = source_id;

  Exchange result;
  Permit permit = co_await gate_.acquire(host);
  if (!permit) {
    // A graceful stop closed the gate while this request waited its turn.
    result.cancelled = true;
    co_return result;
  }
  result.started_at = permit.started_at();
  // The host's gap runs from when the request really went out.
  request.on_sent = [&permit] { permit.mark_sent(Clock::now()); };
  auto started = std::chrono::steady_clock::now();
  result.response = co_await client_.fetch(std::move(request));
  permit.record(outcome_of(result.response, Clock::now()));
  permit.release();

  if (options_.on_attempt) {
    attempt.started_at = result.started_at;
    attempt.duration =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    attempt.status = result.response.status;
    attempt.bytes = result.response.bytes_on_wire;
    attempt.error = describe_failure(result.response, attempt.url);
    co_await options_.on_attempt(std::move(attempt));
  }
  co_return result;
}

asio::awaitable<void> PoliteFetcher::ensure_robots(std::string host, std::string url,
                                                   std::optional<std::int64_t> source_id) {
  if (!robots_.needs_fetch(host, Clock::now())) co_return;
  auto executor = co_await asio::this_coro::executor;

  if (auto found = robots_in_flight_.find(host); found != robots_in_flight_.end()) {
    // Someone is fetching it already: wait for that answer.
    std::shared_ptr<RobotsFetch> fetch = found->second;
    asio::system_timer timer(executor);
    timer.expires_at(TimePoint::max());
    fetch->waiters.push_back(&timer);
    struct Leave {
      RobotsFetch& fetch;
      asio::system_timer* timer;
      ~Leave() { std::erase(fetch.waiters, timer); }
    } leave{*fetch, &timer};
    boost::system::error_code ec;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    co_return;
  }

  auto fetch = std::make_shared<RobotsFetch>();
  robots_in_flight_[host] = fetch;
  // However this ends, the waiters are woken and the slot is cleared.
  struct Done {
    PoliteFetcher& self;
    const std::string& host;
    RobotsFetch& fetch;
    ~Done() {
      self.robots_in_flight_.erase(host);
      for (auto* timer : fetch.waiters) timer->cancel();
    }
  } done{*this, host, *fetch};

  auto target = robots_url(url);
  if (!target) co_return;
  http::Request request;
  request.url = *target;
  request.kind = http::RequestKind::robots;
  request.max_body_bytes = options_.robots_max_bytes;
  request.timeouts = options_.robots_timeouts;

  auto exchanged = co_await exchange(std::move(request), host, source_id);
  if (exchanged.cancelled) co_return;  // stopping: robots.txt stays unknown, nothing stored
  const http::Response& response = exchanged.response;
  TimePoint now = Clock::now();

  int status = response.ok() ? response.status : 0;
  if (response.error == http::ErrorKind::too_many_redirects ||
      response.error == http::ErrorKind::redirect_loop) {
    // RFC 9309 2.3.1.2: past five redirects robots.txt counts as unavailable,
    // like a 4xx: no restrictions.
    status = response.status >= 300 && response.status < 400 ? response.status : 310;
  }
  if (status == 0) {
    logger_.warn("robots.txt of {}: {} ({}); its pages wait", host, response.error_message,
                 http::to_string(response.error));
  } else if (status >= 500) {
    logger_.warn("robots.txt of {}: HTTP {}; its pages wait", host, status);
  }
  robots_.store(host, status, response.body, now);
  gate_.set_crawl_delay(host, robots_.crawl_delay(host));
  robots_fetched_.insert(host);
}

// Before a request to `host`: the refusals that need no robots.txt (a
// graceful stop, a host backing off for long); nullopt when it may go on.
std::optional<PoliteResult> PoliteFetcher::refusal_before_robots(std::string_view host,
                                                                 std::string_view url) const {
  if (gate_.closed()) return stopping(url);
  if (auto until = backing_off_until(host)) {
    PoliteResult result;
    result.refusal = Refusal::host_backing_off;
    result.retry_at = until;
    result.response.error_message = fmt::format("{} is backing off (needed for {})", host, url);
    return result;
  }
  return std::nullopt;
}

// What robots.txt (fetched or known already) says about `url`; a stop that
// came while it was fetched refuses too.
PoliteResult PoliteFetcher::robots_verdict(std::string_view host, std::string_view url) const {
  PoliteResult result;
  if (gate_.closed()) return stopping(url);
  auto path = feeds::robots_match_target(url).value_or("/");
  switch (robots_.check(host, path)) {
    case RobotsVerdict::allowed:
      break;
    case RobotsVerdict::disallowed:
      result.refusal = Refusal::robots_disallowed;
      result.response.error_message = fmt::format("robots.txt of {} disallows {}", host, path);
      break;
    case RobotsVerdict::try_later:
    case RobotsVerdict::unknown:
      result.refusal = Refusal::robots_unavailable;
      result.retry_at = robots_.retry_at(host);
      result.response.error_message =
          fmt::format("robots.txt of {} could not be fetched (needed for {})", host, url);
      break;
  }
  return result;
}

asio::awaitable<PoliteResult> PoliteFetcher::admit(std::string host, std::string url, http::RequestKind kind,
                                                   std::optional<std::int64_t> source_id) {
  PoliteResult result;
  if (auto refused = refusal_before_robots(host, url)) {
    result = std::move(*refused);
    co_return result;
  }
  bool obey_robots = (kind == http::RequestKind::article && options_.robots_for_articles) ||
                     (kind == http::RequestKind::feed && options_.robots_for_feeds);
  if (!obey_robots) co_return result;
  co_await ensure_robots(host, url, source_id);
  result = robots_verdict(host, url);
  co_return result;
}

asio::awaitable<PoliteResult> PoliteFetcher::fetch(http::Request request,
                                                   std::optional<std::int64_t> source_id) {
  PoliteResult result;
  auto host = host_key(request.url);
  if (!host) {
    result.refusal = Refusal::invalid_url;
    result.response.error = http::ErrorKind::invalid_url;
    result.response.error_message = "no host in URL '" + request.url + "'";
    co_return result;
  }

  // Redirects within a host are followed by the client under this host's
  // permit; one to another host comes back here, so that host is waited for
  // and its robots.txt asked like any first request to it.
  request.stop_at_other_host = true;
  RedirectChain chain(request.url, request.max_redirects);
  PoliteResult refused;
  http::Response response;
  bool first_exchange = true;
  int rate_limit_retries = 0;
  for (;;) {
    refused = co_await admit(*host, request.url, request.kind, source_id);
    if (refused.refused()) break;
    auto exchanged = co_await exchange(request, *host, source_id);
    if (exchanged.cancelled) {
      mark_stopping(refused, request.url);
      break;
    }
    if (first_exchange) result.started_at = exchanged.started_at;
    first_exchange = false;
    // "429, Retry-After: 5" means: ask again in 5 s. The gate holds the host
    // back until then; a wait this short is made here, so the caller gets the
    // real answer rather than an error (and a source its error backoff).
    if (rate_limit_retries < kRateLimitRetries &&
        short_retry_after(exchanged.response, Clock::now(), options_.max_backoff_wait)) {
      ++rate_limit_retries;
      logger_.info("{}: HTTP {} with Retry-After; asking again when the host allows", request.url,
                   exchanged.response.status);
      continue;
    }
    response = std::move(exchanged.response);
    auto next = chain.next_hop(response);
    if (!next) break;
    request.url = std::move(next->url);
    request.max_redirects = chain.remaining();
    host = std::move(next->host);
  }
  if (refused.refused()) {
    refused.response.redirects = chain.take_hops();
    co_return refused;
  }
  set_redirects(response, chain.take_hops());
  if (asks_to_retry_later(response)) {
    // The gate holds the host until the Retry-After (or its gap, if later);
    // the caller reschedules to that moment instead of counting a failure.
    result.retry_at = gate_.earliest_start(*host).value_or(Clock::now());
  }
  result.response = std::move(response);
  co_return result;
}

asio::awaitable<PoliteResult> PoliteFetcher::fetch_source(std::int64_t source_id, http::Request request) {
  if (!throttle_.try_begin(source_id, Clock::now())) {
    PoliteResult result;
    result.refusal = Refusal::source_too_soon;
    result.retry_at = throttle_.not_before(source_id);
    result.response.error_message = request.url + ": polled too recently";
    co_return result;
  }
  co_return co_await fetch(std::move(request), source_id);
}

std::vector<RobotsRecord> PoliteFetcher::take_robots_records() {
  std::vector<RobotsRecord> records;
  for (const auto& host : robots_fetched_) {
    if (auto record = robots_.record(host)) records.push_back(std::move(*record));
  }
  robots_fetched_.clear();
  return records;
}

}  // namespace newsd::politeness
