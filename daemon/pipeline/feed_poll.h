#pragma once
// The feed stage: a source's feed fetched through the polite fetcher (with
// the validators of its last answer), parsed, its items stored, its next poll
// scheduled, and the new items' articles followed (article_follow.h). The
// stage itself is Pipeline::Impl::poll (pipeline_impl.h), defined in
// feed_poll.cpp; here are its plain parts.
#include "http/client.h"
#include "pipeline/pipeline.h"
#include "storage/sources.h"

namespace newsd::pipeline {

// The conditional GET for a source's feed: its ETag and Last-Modified, the
// feed size limit, and the source's `insecure` option.
http::Request feed_request(const storage::Source& source, const PipelineOptions& options);

}  // namespace newsd::pipeline
