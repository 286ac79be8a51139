// Benchmark inputs: the sample articles, the dev-set pages, and generated
// text of a given size built from their words (fixed seed).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace boilerhash::bench {

std::string ReadFile(const std::string& path);
// All files of datasets/articles, concatenated with blank lines between.
const std::string& SampleArticles();
// Every page of datasets/pages-dev/texts, one string each.
const std::vector<std::string>& DevPages();
// About `bytes` bytes of text: lines of dataset words, deterministic.
std::string GeneratedText(size_t bytes);

}  // namespace boilerhash::bench
