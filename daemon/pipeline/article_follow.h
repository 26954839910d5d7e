#pragma once
// The article stage: an item's page fetched through the polite fetcher,
// extracted, and stored as extracted, failed, skipped or deferred for a retry.
// The stage itself is Pipeline::Impl::follow_article and retry_pending
// (pipeline_impl.h), defined in article_follow.cpp; here are its plain parts.
#include <string_view>

#include "pipeline/pipeline.h"

namespace newsd::pipeline {

enum class ArticleResult { extracted, failed, skipped, deferred };

// Adds one article's result to the report's counts.
void count(SourceReport& report, ArticleResult result);

// Whether a response's Content-Type may hold an article page; an absent one
// lets the extractor judge the bytes.
bool looks_like_html(std::string_view content_type);

}  // namespace newsd::pipeline
