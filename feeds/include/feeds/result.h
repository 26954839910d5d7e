#pragma once
// The one shape in which feeds/ reports content errors: input that is not a
// feed, not a page, not OPML, in an unknown encoding. Such input is expected
// (the daemon reads whatever the web serves), so it is a value, not an
// exception: feeds::Result<T> holds either the T or a feeds::Error. Exceptions
// remain for I/O (which feeds/ does not do) and for bugs.
//
// Result is boost::system::result<T, Error>: `if (result)` / has_value(),
// `*result` and `result->` for the value, result.error() for the Error;
// result.value() throws ContentError when there is none.
#include <boost/assert/source_location.hpp>
#include <boost/system/result.hpp>

#include <stdexcept>
#include <string>

namespace feeds {

enum class ErrorCode {
  empty,             // no bytes, or only white space
  too_large,         // more than the caller's size limit
  not_a_feed,        // parse_feed: HTML page, binary, JSON that is not a JSON Feed, unknown XML root
  not_a_page,        // extract_article: binary or without any markup
  invalid_opml,      // parse_opml: not XML, not <opml>, or an outline that cannot be used (Error::line)
  unknown_encoding,  // transcode_to_utf8: a name neither iconv nor WHATWG knows
};

struct Error {
  ErrorCode code = ErrorCode::not_a_feed;
  std::string message;  // one line for people, e.g. "not a feed: the root element is <html>"
  int line = 0;         // 1-based line of the input the error is at; 0 when unknown or irrelevant
};

// What Result::value() throws for a caller that chose not to look.
class ContentError : public std::runtime_error {
 public:
  explicit ContentError(Error error) : std::runtime_error(error.message), error_(std::move(error)) {}
  [[nodiscard]] const Error& error() const { return error_; }

 private:
  Error error_;
};

template <typename T>
using Result = boost::system::result<T, Error>;

// Found by boost::system::result::value() through argument-dependent lookup.
[[noreturn]] inline void throw_exception_from_error(const Error& error, const boost::source_location&) {
  throw ContentError(error);
}

}  // namespace feeds
