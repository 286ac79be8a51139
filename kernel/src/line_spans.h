// Walking a text's lines without storing them: the one definition of a line
// that SplitLines (line_features.h) stores, for passes that need each line
// once and should not hold 8 bytes per line of a huge document.
#pragma once
#include <cstddef>
#include <cstring>
#include <string_view>
#include <vector>

namespace boilerhash::internal {

// Calls fn(begin, end, next) for each line of text in order: [begin, end) is
// the line without its '\n' and a '\r' before it, next is where the next line
// starts (past the '\n', or text.size() for a last line without one). A text
// ending in '\n' has no empty line after it; an empty text has no line.
template <typename Fn>
void ForEachLineSpan(std::string_view text, Fn&& fn) {
  size_t pos = 0;
  while (pos < text.size()) {
    const void* hit = std::memchr(text.data() + pos, '\n', text.size() - pos);
    const size_t nl = hit ? static_cast<size_t>(static_cast<const char*>(hit) - text.data()) : text.size();
    size_t end = nl;
    if (end > pos && text[end - 1] == '\r') --end;
    const size_t next = nl < text.size() ? nl + 1 : nl;
    fn(pos, end, next);
    pos = next;
  }
}

// Where to cut a document of many lines into windows of at most max_lines
// lines (max_lines >= 1), for the classifier (classifier.h,
// ClassifierOptions::window_lines): where a window holds max_lines lines and
// more follow, it ends after the last empty line among its final quarter, or
// after its last line when there is none, so that a paragraph is rarely cut.
// A window also ends before a line that would take it past max_bytes (a
// line longer than that is a window alone): the classifier's line offsets
// are 32-bit. Writes the windows' end offsets (the last is text.size(); one
// window, {text.size()}, for a text of max_lines lines or fewer and
// max_bytes bytes or fewer) and returns the number of lines.
size_t LineWindowEnds(std::string_view text, size_t max_lines, size_t max_bytes, std::vector<size_t>* ends);

}  // namespace boilerhash::internal
