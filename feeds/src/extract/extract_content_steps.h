#pragma once
// The steps of content detection, one file each, in the order find_content
// (extract_content.cpp) runs them: what it calls, and what one step borrows
// from another. Everything else stays inside its step's file; the state the
// steps share (the Pass and its figures, the Choice) is
// extract_content_pass.h's.
#include <libxml/tree.h>

#include <cstddef>
#include <string_view>
#include <vector>

#include "extract/extract_content_pass.h"

namespace feeds::extract_detail {

inline namespace content_steps {

// Step 1, furniture removal (extract_furniture.cpp); cleaning inside reuses
// its exceptions.
void remove_furniture(Pass& pass, bool by_class, bool drop_aria_hidden);
bool inside_sentence(const xmlNode* node);
bool is_thread_label(std::string_view text);
bool is_prose_without_links(xmlNode* box);

// Step 2, the scores and the top block, and the steps that move it
// (extract_scoring.cpp).
void wrap_bare_text(xmlNode* body);
void score_paragraphs(Pass& pass);
Choice choose_top(Pass& pass);
void climb_past_wrapper(Pass& pass, Choice& choice);
void step_inside_cards(Pass& pass, Choice& choice);
void step_into_own_story(Pass& pass, Choice& choice, std::string_view title);
void step_into_cell(Pass& pass, Choice& choice);

// The headline and its anchor, and the blocks gathered around the top block
// (extract_gather.cpp).
bool is_title_part(std::string_view title, std::string_view text);
xmlNode* find_headline(Pass& pass, std::string_view title);
bool anchor_to_headline(Pass& pass, Choice& choice, xmlNode* headline);
std::vector<xmlNode*> gather(Pass& pass, const Choice& choice);
bool is_prose_block(Pass& pass, xmlNode* node, std::string_view name);
void gather_enclosing(Pass& pass, std::vector<xmlNode*>& blocks);

// The story's parts away from the top block (extract_gather_parts.cpp).
void gather_split_parts(Pass& pass, xmlNode* top, std::vector<xmlNode*>& blocks);
void gather_table_rows(Pass& pass, xmlNode* top, std::vector<xmlNode*>& blocks);
void add_lead_figure(Pass& pass, xmlNode* top, std::vector<xmlNode*>& blocks);
void gather_extended_entry(Pass& pass, std::vector<xmlNode*>& blocks);
void gather_standfirst(Pass& pass, xmlNode* headline, std::vector<xmlNode*>& blocks);

// The story's end (extract_article_end.cpp).
bool ends_article(const xmlNode* node, std::string_view name);
bool ends_story(xmlNode* node);
std::size_t cut_at_article_end(Pass& pass, std::vector<xmlNode*>& blocks, std::vector<xmlNode*>& cut_off);

// Step 3, cleaning inside the chosen blocks (extract_clean_inside.cpp); the
// gathering and the final measure ask its data-table and prose-list rules.
bool is_data_table(xmlNode* node);
bool wraps_data_table(xmlNode* box);
bool is_builder_heading(Pass& pass, xmlNode* node);
bool is_prose_item(xmlNode* item);
void clean_inside(Pass& pass, const std::vector<xmlNode*>& roots, std::string_view title);

// Text output (extract_text_writer.cpp): a caption box that is the story.
bool holds_story_paragraphs(xmlNode* node);

}  // namespace content_steps

}  // namespace feeds::extract_detail
