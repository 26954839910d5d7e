#include "politeness/robots_cache.h"

namespace newsd::politeness {

RobotsVerdict RobotsCache::check(std::string_view host, std::string_view path) const {
  auto found = entries_.find(host);
  if (found == entries_.end()) return RobotsVerdict::unknown;
  const Entry& entry = found->second;
  // A usable copy, even a stale one, is better than nothing while the
  // refetch is pending or failing (RFC 9309 2.4).
  if (entry.policy) return entry.policy->allowed(path) ? RobotsVerdict::allowed : RobotsVerdict::disallowed;
  if (entry.failures > 0) return RobotsVerdict::try_later;
  return RobotsVerdict::unknown;
}

bool RobotsCache::needs_fetch(std::string_view host, TimePoint now) const {
  auto found = entries_.find(host);
  if (found == entries_.end()) return true;
  const Entry& entry = found->second;
  if (entry.retry_at) return now >= *entry.retry_at;
  if (!entry.policy) return true;
  return now >= entry.fetched_at + config_.max_age;
}

std::optional<TimePoint> RobotsCache::retry_at(std::string_view host) const {
  auto found = entries_.find(host);
  if (found == entries_.end()) return std::nullopt;
  return found->second.retry_at;
}

std::optional<double> RobotsCache::crawl_delay(std::string_view host) const {
  auto found = entries_.find(host);
  if (found == entries_.end() || !found->second.policy) return std::nullopt;
  return found->second.policy->crawl_delay_seconds;
}

void RobotsCache::store(std::string_view host, int status, std::string_view body, TimePoint now) {
  Entry& entry = entries_[std::string(host)];
  if (status >= 200 && status < 300) {
    entry.policy = feeds::RobotsTxt::parse(body).policy_for(config_.product_token);
    entry.body = std::string(body.substr(0, feeds::kRobotsParseLimit));
  } else if (status >= 300 && status < 500) {
    // 4xx (and redirects the client gave up on): "unavailable", no restrictions.
    entry.policy = feeds::RobotsPolicy{};
    entry.body.reset();
  } else {
    ++entry.failures;
    entry.failure_status = status;
    entry.failed_at = now;
    entry.retry_at = now + backoff_step(entry.failures, config_.retry_first, config_.retry_max);
    return;
  }
  entry.status = status;
  entry.fetched_at = now;
  entry.failures = 0;
  entry.retry_at.reset();
}

void RobotsCache::restore(const RobotsRecord& record) {
  Entry entry;
  if (record.status >= 200 && record.status < 300) {
    entry.policy = feeds::RobotsTxt::parse(record.body.value_or("")).policy_for(config_.product_token);
    entry.body = record.body;
  } else if (record.status >= 300 && record.status < 500) {
    entry.policy = feeds::RobotsPolicy{};
  } else {
    entry.failures = 1;
    entry.failure_status = record.status;
    entry.failed_at = record.fetched_at;
    entry.retry_at = record.fetched_at + config_.retry_first;
    entries_[record.host] = std::move(entry);
    return;
  }
  entry.status = record.status;
  entry.fetched_at = record.fetched_at;
  entries_[record.host] = std::move(entry);
}

std::optional<RobotsRecord> RobotsCache::record(std::string_view host) const {
  auto found = entries_.find(host);
  if (found == entries_.end()) return std::nullopt;
  const Entry& entry = found->second;
  if (entry.policy) return RobotsRecord{std::string(host), entry.body, entry.status, entry.fetched_at};
  return RobotsRecord{std::string(host), std::nullopt, entry.failure_status, entry.failed_at};
}

}  // namespace newsd::politeness
