// Reference line features: the executable spec of line_features.h.
#include "reference/line_features.h"

#include <sstream>
#include <vector>

namespace boilerhash::reference {
namespace {

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
bool IsPunct(unsigned char c) {
  static const std::string kPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  return c != 0 && kPunct.find(static_cast<char>(c)) != std::string::npos;
}
bool HasSuffix(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::set<std::string> ParseStopwords(std::string_view text) {
  std::set<std::string> out;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a byte order mark
  std::istringstream lines{std::string(text)};
  std::string line;
  while (std::getline(lines, line)) {
    if (auto h = line.find('#'); h != std::string::npos) line.resize(h);
    std::istringstream words(line);
    std::string w;
    bool first = true;
    while (words >> w) {
      if (first && w == "@lang") break;
      first = false;
      for (char& c : w) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;  // ASCII lower case
      out.insert(w);
    }
  }
  return out;
}

LineFeatures ComputeLineFeatures(std::string_view line, const std::set<std::string>& stopwords) {
  LineFeatures f;
  f.bytes = static_cast<uint32_t>(line.size());
  bool prev_space = true;
  for (unsigned char c : line) {
    if ((c & 0xC0) != 0x80) ++f.chars;
    if (c >= 'A' && c <= 'Z') ++f.upper, ++f.letters;
    if (c >= 'a' && c <= 'z') ++f.letters;
    if (c >= 0xC0) ++f.letters;
    if (c >= 0xE3 && c <= 0xE9) ++f.cjk;
    if (c >= '0' && c <= '9') ++f.digits;
    if (IsPunct(c)) ++f.punct;
    const bool space = IsSpace(c);
    if (!space && prev_space) ++f.words;
    prev_space = space;
  }
  // Words for stopwords: split at spaces, strip ASCII punctuation, lower-case.
  std::vector<std::string> words;
  std::string cur;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || IsSpace(static_cast<unsigned char>(line[i]))) {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur += line[i];
    }
  }
  for (std::string w : words) {
    while (!w.empty() && IsPunct(static_cast<unsigned char>(w.front()))) w.erase(0, 1);
    while (!w.empty() && IsPunct(static_cast<unsigned char>(w.back()))) w.pop_back();
    if (w.empty() || w.size() > 32) continue;
    for (char& c : w) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (stopwords.count(w)) ++f.stopwords;
  }
  // The end, closing quotes and brackets and spaces removed.
  std::string end(line);
  for (bool changed = true; changed;) {
    changed = false;
    while (!end.empty() && IsSpace(static_cast<unsigned char>(end.back()))) end.pop_back(), changed = true;
    for (const char* closer : {"\"", "'", ")", "]", "\xC2\xBB", "\xE2\x80\x9D", "\xE2\x80\x99"}) {
      if (HasSuffix(end, closer)) {
        end.resize(end.size() - std::string(closer).size());
        changed = true;
      }
    }
  }
  f.ellipsis = HasSuffix(end, "...") || HasSuffix(end, "\xE2\x80\xA6");
  f.question = HasSuffix(end, "?") || HasSuffix(end, "\xEF\xBC\x9F");
  f.terminal_punct = HasSuffix(end, ".") || HasSuffix(end, "!") || HasSuffix(end, "?") ||
                     HasSuffix(end, "\xE2\x80\xA6") || HasSuffix(end, "\xE3\x80\x82") ||
                     HasSuffix(end, "\xEF\xBC\x81") || HasSuffix(end, "\xEF\xBC\x9F");
  for (const char* b : {"- ", "* ", "> ", "\xE2\x80\xA2 ", "\xC2\xB7 ", "\xC2\xBB ", "\xE2\x80\x93 ",
                        "\xE2\x80\x94 "}) {
    if (line.substr(0, std::string_view(b).size()) == b) f.bullet = 1;
  }
  return f;
}

}  // namespace boilerhash::reference
