#pragma once
// Labels a widget repeats inside the story: a photo embed's "Mouseover
// photo to load notes or add comment" under each of eighty pictures, a
// gallery's "Hide caption". Said three times or more by boxes of one class,
// a short line that is no sentence is the widget's, not the story's.
#include <libxml/tree.h>

#include <vector>

namespace feeds::extract_detail {

// Removes from `roots` the div, span and p elements of a class whose one
// short text (under 60 bytes, no sentence) three or more of them share.
void remove_repeated_labels(const std::vector<xmlNode*>& roots);

}  // namespace feeds::extract_detail
