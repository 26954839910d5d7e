#pragma once
// Private: resolve_url with the base parsed once, for callers that resolve
// many references against the same base (the sanitiser: every href and src).
#include <boost/url/url.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace feeds {

class UrlResolver {
 public:
  explicit UrlResolver(std::string_view base);

  // Same result as resolve_url(base, reference).
  std::optional<std::string> resolve(std::string_view reference) const;

 private:
  std::optional<boost::urls::url> base_;
};

}  // namespace feeds
