// Reference word-list matching: the executable spec of 'w' patterns
// (src/word_lists.h): split into words, then a plain dynamic program over
// every segmentation of the line into phrases.
#include <utf8proc.h>

#include <set>

#include "reference/reference.h"

namespace boilerhash::reference {
namespace {

std::string Join(const std::vector<std::string>& words, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) out += (i > from ? " " : "") + words[i];
  return out;
}

}  // namespace

std::vector<std::string> WordListWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  for (size_t i = 0; i < text.size();) {
    utf8proc_int32_t cp = -1;
    const utf8proc_ssize_t len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    const size_t step = len > 0 ? static_cast<size_t>(len) : 1;  // an invalid byte separates words
    if (len > 0 && IsWordCodePoint(cp)) {
      if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
      word.append(text.substr(i, step));
      if (cp < 0x80) word.back() = static_cast<char>(cp);
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
    i += step;
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

bool WordListMatches(std::string_view list, std::string_view line) {
  std::set<std::string> phrases;
  for (size_t begin = 0; begin <= list.size();) {
    size_t end = list.find('|', begin);
    if (end == std::string_view::npos) end = list.size();
    const std::vector<std::string> words = WordListWords(list.substr(begin, end - begin));
    phrases.insert(Join(words, 0, words.size()));
    begin = end + 1;
  }
  const std::vector<std::string> words = WordListWords(line);
  if (words.empty() || words.size() > 16) return false;
  std::vector<bool> ok(words.size() + 1, false);  // ok[j]: words[0, j) are phrases
  ok[0] = true;
  for (size_t j = 1; j <= words.size(); ++j) {
    for (size_t i = 0; i < j && !ok[j]; ++i) ok[j] = ok[i] && phrases.count(Join(words, i, j)) > 0;
  }
  return ok[words.size()];
}

}  // namespace boilerhash::reference
