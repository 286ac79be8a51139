#include "bench_inputs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace boilerhash::bench {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

static std::vector<std::string> SortedFiles(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

const std::string& SampleArticles() {
  static const std::string text = [] {
    std::string all;
    for (const auto& f : SortedFiles(std::string(BOILERHASH_SOURCE_DIR) + "/datasets/articles"))
      all += ReadFile(f) + "\n\n";
    return all;
  }();
  return text;
}

const std::vector<std::string>& DevPages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> out;
    for (const auto& f : SortedFiles(std::string(BOILERHASH_SOURCE_DIR) + "/datasets/pages-dev/texts"))
      out.push_back(ReadFile(f));
    return out;
  }();
  return pages;
}

std::string GeneratedText(size_t bytes) {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> w;
    std::istringstream in(SampleArticles());
    for (std::string s; in >> s;) w.push_back(s);
    return w;
  }();
  std::mt19937_64 rng(bytes);
  std::string out;
  out.reserve(bytes + 64);
  size_t line = 0;
  while (out.size() < bytes) {
    out += words[rng() % words.size()];
    out += (++line % 14 == 0) ? '\n' : ' ';
  }
  out.resize(bytes);
  return out;
}

std::string DevPagesText(size_t bytes) {
  std::string out;
  out.reserve(bytes + 64);
  while (out.size() < bytes) {
    for (const std::string& page : DevPages()) {
      out += page;
      out += "\n\n";
      if (out.size() >= bytes) break;
    }
  }
  const size_t cut = out.rfind('\n', bytes - 1);
  out.resize(cut == std::string::npos ? bytes : cut + 1);
  return out;
}

}  // namespace boilerhash::bench
