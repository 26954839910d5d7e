#pragma once
// Private: resolve_url with the base parsed once, for callers that resolve
// many references against the same base (the sanitiser: every href and src).
#include <boost/url/url.hpp>

#include "url/url_fast.h"

#include <optional>
#include <string>
#include <string_view>

namespace feeds {

class UrlResolver {
 public:
  // clean_relative: also prepare the base for the fast resolution of clean
  // "/path" and "path" references (worth it when many references share the base).
  explicit UrlResolver(std::string_view base, bool clean_relative = true);

  // Same result as resolve_url(base, reference): the clean common case
  // without Boost.URL (url_fast.h), everything else through resolve_general.
  std::optional<std::string> resolve(std::string_view reference) const;
  std::optional<std::string> resolve_general(std::string_view reference) const;
  // resolve(), appended to `out`; false (out untouched) where resolve gives nullopt.
  bool resolve_append(std::string_view reference, std::string& out) const;
  [[nodiscard]] detail::CleanBase clean_base() const { return {origin_, directory_}; }

 private:
  std::optional<boost::urls::url> base_;
  std::string origin_;     // the base's normalised "scheme://authority" when it is http(s), else ""
  std::string directory_;  // its path up to the last '/' when that is clean, else ""
};

// A resolver for `base`, parsed once per base and thread rather than once per
// use: a feed's links and its items' HTML share a few bases, and parsing the
// base was 5 % of a feed parse. Two bases are kept (the one being resolved
// against and the one before), so the reference stays valid until two other
// bases have been asked for on this thread. Resolution depends on the base
// alone, so reuse cannot change a result.
const UrlResolver& cached_resolver(std::string_view base);

}  // namespace feeds
