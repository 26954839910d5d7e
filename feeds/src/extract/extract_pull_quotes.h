#pragma once
// Pull quotes: a sentence of the story set again, large, beside it (a
// blockquote, a box named "pullquote"). Read as text they say the same
// thing twice, so they go when the rest of the story holds their words.
#include <libxml/tree.h>

#include <vector>

namespace feeds::extract_detail {

// Removes from `roots` (the chosen blocks, in document order) every pull
// quote whose words the rest of the blocks repeat, with the box that only
// frames it ("Start Quote", the speaker's name).
void remove_pull_quotes(const std::vector<xmlNode*>& roots);

}  // namespace feeds::extract_detail
