// Lines without a stored span per line (line_spans.h).
#include "line_spans.h"

namespace boilerhash::internal {

size_t LineWindowEnds(std::string_view text, size_t max_lines, size_t max_bytes, std::vector<size_t>* ends) {
  ends->clear();
  size_t total = 0;
  size_t lines = 0;          // lines in the window being filled
  size_t window_begin = 0;   // where it starts
  size_t blank_next = 0;     // past the window's last empty line in its final quarter (0: none)
  size_t lines_to_blank = 0; // the window's lines up to and with that empty line
  ForEachLineSpan(text, [&](size_t begin, size_t end, size_t next) {
    ++total;
    if (lines == max_lines) {  // the window is full and this line follows: cut
      if (blank_next != 0) {   // after the empty line; the lines after it open the next window
        ends->push_back(blank_next);
        lines -= lines_to_blank;
      } else {
        ends->push_back(begin);
        lines = 0;
      }
      window_begin = ends->back();
      blank_next = 0;
    }
    if (lines > 0 && next - window_begin > max_bytes) {  // this line would take it past max_bytes
      ends->push_back(begin);
      window_begin = begin;
      lines = 0;
      blank_next = 0;
    }
    ++lines;
    if (begin == end && lines > max_lines - max_lines / 4) {
      blank_next = next;
      lines_to_blank = lines;
    }
  });
  ends->push_back(text.size());
  return total;
}

}  // namespace boilerhash::internal
