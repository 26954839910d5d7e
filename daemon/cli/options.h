#pragma once
// The options of every subcommand, declared once. The command's cmd_<name>.cpp
// parses its command line with its table, and `newsd COMMAND --help` prints the
// same table (commands.cpp), so the two cannot drift apart.
#include "cli/args.h"

namespace newsd::cli::options {

inline constexpr Option kDb{"db", "URL",
                            "PostgreSQL connection URL (default: $NEWSD_DB, the configuration file's "
                            "[database] url, else the embedded cluster)"};
inline constexpr Option kConfig{"config", "FILE",
                                "configuration file (default: $NEWSD_CONFIG, "
                                "~/.config/newsd/newsd.toml, /etc/newsd/newsd.toml)"};
inline constexpr Option kLogFormat{"log-format", "FORMAT",
                                   "log lines as logfmt (default) or json; under journald always "
                                   "with a <N> priority prefix and no timestamp"};

inline constexpr Options kNone{};

inline constexpr Option kParse[] = {
    {"charset", "NAME", "the charset the HTTP Content-Type named, if the document does not say"},
    {"base-url", "URL", "the feed's URL, to resolve relative links against"},
};

inline constexpr Option kExtract[] = {
    {"url", "URL", "the page's URL, to resolve relative links and the canonical URL against"},
    {"charset", "NAME", "the charset the HTTP Content-Type named, if the page does not say"},
    {"max-bytes", "N", "refuse pages larger than N bytes"},
};

inline constexpr Option kMigrate[] = {kDb, kConfig};

inline constexpr Option kImport[] = {
    kDb,
    kConfig,
    {"prune", "", "delete the sources the file does not list (default: disable them)"},
};

inline constexpr Option kExport[] = {
    kDb,
    kConfig,
    {"file", "FILE", "write to FILE (atomically, by rename) instead of standard output"},
};

inline constexpr Option kAdd[] = {
    kDb,
    kConfig,
    {"category", "A/B", "the category path, segments separated by '/'"},
    {"title", "TITLE", "the source's title (default: the feed's own)"},
    {"site-url", "URL", "the web site the feed belongs to"},
    {"interval", "DURATION", "poll this often (e.g. 30m, 2h)"},
    {"min-interval", "DURATION", "never poll more often than this, whatever the feed asks"},
    {"host-rate", "RATE", "at most this many requests to the feed's host, e.g. 1/s or 1/10s"},
    {"articles", "BOOL", "fetch and extract the items' articles (true/false)"},
    {"insecure", "BOOL", "accept an invalid TLS certificate for this source (true/false)"},
    {"no-discover", "", "add URL as given, without fetching it to check it or find its feeds"},
};

inline constexpr Option kDbUrl[] = {kDb, kConfig};

inline constexpr Option kDbStop[] = {kConfig};

inline constexpr Option kRun[] = {
    kDb,
    kConfig,
    {"opml", "FILE", "sync the sources with this OPML file at start and on SIGHUP, as import does"},
    {"debug", "", "log at debug level: one line per fetch"},
    kLogFormat,
};

inline constexpr Option kOnce[] = {
    kDb,
    kConfig,
    {"quiet", "", "log errors only, and no progress line"},
    {"debug", "", "log at debug level: one line per fetch"},
    kLogFormat,
};

inline constexpr Option kStatus[] = {
    kDb,
    kConfig,
    {"json", "", "print one JSON object (its shape: docs/operations.md, \"newsd status --json\")"},
};

inline constexpr Option kDemo[] = {
    {"data", "DIR", "the demo's feeds and pages (default: tests/data/demo of the checkout)"},
    {"keep", "", "keep the temporary directory, database and all, and say where it is"},
};

}  // namespace newsd::cli::options
