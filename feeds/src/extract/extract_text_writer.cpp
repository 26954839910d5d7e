// The chosen blocks as text and as HTML. The text walk writes blocks apart
// by blank lines and lines by "\n", keeps a <pre>'s lines as written, and
// leaves out what describes a picture (captions, credits, a line repeating
// its alt text, a code block's line numbers), unless the captions are the
// article, as in a slideshow or a photo post.
#include "extract/extract_content.h"

#include <libxml/HTMLtree.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/ascii.h"
#include "extract/extract_content_steps.h"
#include "extract/extract_dom.h"
#include "extract/extract_hints.h"
#include "extract/extract_tokens.h"
#include "feeds/text.h"

namespace feeds::extract_detail {

namespace {

// Text output: a small state machine over the subtree.
class TextWriter {
 public:
  void text(std::string_view piece) { line_ += piece; }
  // Text of a <pre>: its line breaks and indentation are the code's (or the
  // poem's), kept as written; only trailing white space goes.
  void preformatted(std::string_view piece) {
    for (const char c : piece) {
      if (c == '\n') {
        preformatted_line_ = true;
        flush_line();
      } else if (c != '\r') {
        line_ += c;
      }
    }
    preformatted_line_ = true;
  }
  void line_break() { flush_line(); }
  void block_boundary() {
    flush_line();
    while (!lines_.empty() && lines_.back().empty()) lines_.pop_back();
    if (!lines_.empty()) {
      std::string block;
      for (const auto& line : lines_) {
        if (!block.empty()) block += '\n';
        block += line;
      }
      if (!out_.empty()) out_ += "\n\n";
      out_ += block;
      lines_.clear();
    }
  }
  std::string finish() {
    block_boundary();
    return std::move(out_);
  }

 private:
  void flush_line() {
    if (preformatted_line_) {
      preformatted_line_ = false;
      std::string line = std::move(line_);
      line_.clear();
      while (!line.empty() && ascii::is_space(line.back())) line.pop_back();
      // A blank line inside code stays, but none opens the block.
      if (!line.empty() || !lines_.empty()) lines_.push_back(std::move(line));
      return;
    }
    std::string line = collapse_whitespace(line_);
    line_.clear();
    if (!line.empty()) lines_.push_back(std::move(line));
  }
  bool preformatted_line_ = false;
  std::string line_;
  std::vector<std::string> lines_;
  std::string out_;
};

// MathML's token elements (identifier, number, operator, text, string):
// the symbols of a formula, each a word of its own ("a x 2 + b x"), where
// the markup often has no space between them.
bool is_math_token(std::string_view name) {
  return name == "mi" || name == "mn" || name == "mo" || name == "mtext" || name == "ms";
}

// A figure that shows a picture (img, picture, video) and holds no quote,
// table, code, list, heading (a slideshow's slide titles) or paragraphs of
// prose: its text is the picture's caption.
bool is_picture_figure(xmlNode* figure) {
  bool picture = false, other = false;
  walk(figure, [&](xmlNode* node) {
    if (!is_element(node)) return false;
    const std::string_view name = tag(node);
    if (name == "img" || name == "picture" || name == "video") picture = true;
    if (name == "blockquote" || name == "table" || name == "pre" || name == "ul" || name == "ol" ||
        is_heading(name))
      other = true;
    return true;
  });
  return picture && !other && !holds_story_paragraphs(figure);
}

// The words of `text`, one space between: "- Tapie en 2008. REUTERS -"
// reads as "Tapie en 2008 REUTERS".
std::string words_of(std::string_view text) {
  std::string words;
  for_each_token(text, [&](std::string_view word) {
    if (!words.empty()) words += ' ';
    words += word;
  });
  return words;
}

// The alt text of the picture a box shows, when it shows one: the box is
// an img, or holds exactly one.
std::string_view shown_picture_alt(xmlNode* box) {
  if (tag(box) == "img") return attribute(box, "alt");
  std::string_view alt;
  int pictures = 0;
  walk(box, [&](xmlNode* node) {
    if (!is_element(node) || pictures > 1) return false;
    if (tag(node) == "img") {
      ++pictures;
      alt = attribute(node, "alt");
    }
    return true;
  });
  return pictures == 1 ? alt : std::string_view();
}

// A line set beside a picture that says what the picture's alt text says,
// word for word (its punctuation aside), is its caption, whatever its
// markup: CNN wrote it in a bare <div> after the image's box, Slate in a
// <p> after the image, between dashes. Only a leaf (text and inline
// markup) of four words or more is read: a story's paragraph never stands
// beside a picture that repeats it word for word.
bool repeats_picture_alt(xmlNode* node) {
  const std::string_view name = tag(node);
  if (name != "div" && name != "p" && name != "span" && name != "font" && name != "small") return false;
  for (xmlNode* child = node->children; child != nullptr; child = child->next)
    if (is_element(child) && (is_block_element(tag(child)) || tag(child) == "img")) return false;
  // Beside the line, or beside the box it alone fills
  // (<div class=caption><div class=captiontxt>line</div></div>).
  xmlNode* pictures[4] = {element_beside(node, false), element_beside(node, true), nullptr, nullptr};
  if (xmlNode* box = node->parent; is_element(box) && pictures[0] == nullptr && pictures[1] == nullptr) {
    pictures[2] = element_beside(box, false);
    pictures[3] = element_beside(box, true);
  }
  std::string text;
  for (xmlNode* picture : pictures) {
    if (picture == nullptr) continue;
    const std::string_view alt = ascii::trim(shown_picture_alt(picture));
    if (std::count(alt.begin(), alt.end(), ' ') < 3) continue;
    if (text.empty()) text = words_of(text_content(node));
    if (text == words_of(alt)) return true;
  }
  return false;
}

// Whether `node` holds a picture and nothing else: an img, a picture, or a
// link or box around one alone.
bool shows_picture_only(xmlNode* node) {
  const std::string_view name = tag(node);
  if (name == "img" || name == "picture") return true;
  if (name != "a" && name != "div" && name != "span" && name != "figure") return false;
  int pictures = 0;
  bool other = false;
  walk(node, [&](xmlNode* inner) {
    if (other) return false;
    if (inner->type == XML_TEXT_NODE) {
      other = !ascii::trim_html(as_view(inner->content)).empty();
      return false;
    }
    if (!is_element(inner)) return false;
    const std::string_view inner_name = tag(inner);
    if (inner_name == "img") ++pictures;
    return true;
  });
  return !other && pictures == 1;
}

// The line under a picture in a box of its own (Deutsche Welle's div.picBox:
// the linked img, then a <p> "Folgen eines Raketenangriffs auf Uman, 28.
// April 2023"): a box that holds one picture and one short unlinked line
// that is no sentence, nothing else, is a picture with its caption.
bool is_picture_box_line(xmlNode* node) {
  const std::string_view name = tag(node);
  if (name != "p" && name != "span" && name != "div") return false;
  xmlNode* box = node->parent;
  if (!is_element(box) || (tag(box) != "div" && tag(box) != "span")) return false;
  int children = 0;
  bool picture = false;
  for (xmlNode* child = box->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE && ascii::trim_html(as_view(child->content)).empty()) continue;
    if (child->type == XML_COMMENT_NODE) continue;
    if (!is_element(child)) return false;
    ++children;
    if (child != node) picture = picture || shows_picture_only(child);
  }
  if (children != 2 || !picture) return false;
  // A sentence beside a picture is the story's opening more often than not
  // (a post's first paragraph under its lead picture); a caption names and
  // dates what the picture shows.
  const std::string text = collapsed_text(node);
  return !text.empty() && text.size() <= 250 && !ends_like_sentence(text) && !holds_link(node);
}

// A smiley or emoji drawn as a picture (WordPress's <img class="wp-smiley"
// alt=":)">, <img class="emoji" alt="😀">) is a character of the sentence:
// its alt text is what a reader copies from the page. Its name ("smile") is
// no character.
std::string_view shown_symbol(xmlNode* image) {
  const std::string_view kind = attribute(image, "class");
  if (!icontains(kind, "smiley") && !icontains(kind, "emoji")) return {};
  const std::string_view alt = ascii::trim(attribute(image, "alt"));
  if (alt.empty() || alt.size() > 16) return {};
  int letters = 0;
  for (const char c : alt) {
    letters = ascii::is_alpha(c) ? letters + 1 : 0;
    if (letters >= 3) return {};
  }
  return alt;
}

// A code block's gutter of line numbers (Pygments' "lineno" spans and
// "linenos" cells, Rouge's "rouge-gutter", react-syntax-highlighter's
// "linenumber"): numbers a reader does not copy, which would glue
// themselves to each line's first word.
bool is_line_number_gutter(xmlNode* node) {
  const std::string_view names = attribute(node, "class");
  return !names.empty() && has_token(names, {"lineno", "linenos", "linenumber", "line-number", "line-numbers",
                                             "linenumbers", "gutter", "rouge-gutter", "hljs-ln-numbers"});
}

void write_text(xmlNode* root, TextWriter& writer, bool captions) {
  int preformatted = 0;  // depth of <pre> elements around the walk
  for (xmlNode* up = root->parent; is_element(up); up = up->parent)
    if (tag(up) == "pre") ++preformatted;
  auto enter = [&](xmlNode* node) -> bool {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (preformatted > 0)
        writer.preformatted(as_view(node->content));
      else
        writer.text(as_view(node->content));
      return false;
    }
    if (!is_element(node)) return false;
    const std::string_view name = tag(node);
    if (name == "pre") ++preformatted;  // before any early return: leave() counts every <pre> out
    if (name == "script" || name == "style" || name == "noscript" || name == "template") return false;
    if (is_line_number_gutter(node) && (preformatted > 0 || is_table_cell(node) || tag(node) == "span"))
      return false;
    // Captions and credits describe a picture; they stay in the HTML only.
    if (!captions && is_caption(node) && !holds_story_paragraphs(node)) return false;
    // So does the text of a picture's figure, caption element or not ("Foto:
    // Name, Agency" in spans beside the image).
    if (!captions && name == "figure" && is_picture_figure(node)) return false;
    if (!captions && (repeats_picture_alt(node) || is_picture_box_line(node))) return false;
    if (name == "br")
      writer.line_break();
    else if (name == "img")
      writer.text(shown_symbol(node));
    else if (name == "td" || name == "th" || is_math_token(name))
      writer.text(" ");  // cells of a row share a line, but not a word; so do a formula's symbols
    else if (is_block_element(name))
      writer.block_boundary();
    return true;
  };
  auto leave = [&](xmlNode* node) {
    if (is_element(node) && tag(node) == "pre") --preformatted;
    if (is_element(node) && is_block_element(tag(node))) writer.block_boundary();
  };
  xmlNode* node = root;
  while (node != nullptr) {
    const bool descend = enter(node);
    if (descend && node->children != nullptr) {
      node = node->children;
      continue;
    }
    while (node != nullptr) {
      leave(node);
      if (node == root) {
        node = nullptr;
        break;
      }
      if (node->next != nullptr) {
        node = node->next;
        break;
      }
      node = node->parent;
    }
  }
}

}  // namespace

inline namespace content_steps {

// A caption-classed box that holds paragraphs of prose is where a photo
// blog writes its story, picture by picture ("caption-image" around each
// photo and the paragraphs about it): two paragraphs or more, 400+ bytes
// together. A caption proper is a line or two under a picture: a thousand
// bytes of text in a caption box, paragraphs or not, are the story set in the
// wrong box (MSNBC's blog put whole posts in the lead picture's
// "wp-caption-text"), and a reader sees them as text.
bool holds_story_paragraphs(xmlNode* node) {
  if (tag(node) == "figcaption") return false;
  int paragraphs = 0;
  std::uint32_t bytes = 0, commas = 0;
  walk(node, [&](xmlNode* inner) {
    if (inner->type == XML_TEXT_NODE) {
      count_text(inner->content, bytes, commas);
      return false;
    }
    if (!is_element(inner)) return false;
    if (tag(inner) == "p") ++paragraphs;
    return true;
  });
  return (paragraphs >= 2 && bytes >= 400) || bytes >= 1000;
}

}  // namespace content_steps

std::string blocks_to_text(const std::vector<xmlNode*>& nodes) {
  auto write = [&](bool captions) {
    TextWriter writer;
    for (xmlNode* node : nodes) {
      write_text(node, writer, captions);
      writer.block_boundary();
    }
    return writer.finish();
  };
  std::string text = write(false);
  // A slideshow's or a photo essay's text is its captions: when they say
  // more than twice what the rest says, they are the article. A story of
  // over 2,500 bytes is one with pictures, whatever their captions.
  if (text.size() < 2500) {
    std::string with_captions = write(true);
    // So is a photo post's: a picture and its line, and nothing else.
    if (with_captions.size() > text.size() * 2 + 100 ||
        (text.size() < 50 && with_captions.size() > text.size()))
      return with_captions;
  }
  return text;
}

std::string blocks_to_html(xmlDoc* doc, const std::vector<xmlNode*>& nodes) {
  std::string out;
  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer(xmlBufferCreate(), &xmlBufferFree);
  if (!buffer) return out;
  for (xmlNode* node : nodes) {
    xmlBufferEmpty(buffer.get());
    if (htmlNodeDump(buffer.get(), doc, node) < 0) continue;
    out.append(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
               static_cast<std::size_t>(xmlBufferLength(buffer.get())));
    out += '\n';
  }
  return out;
}

}  // namespace feeds::extract_detail
