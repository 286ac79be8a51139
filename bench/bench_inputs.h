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
// A page of about `bytes` bytes for the classifier: the dev pages one after
// another (a blank line between, repeated as needed), cut after the last
// whole line that fits, so it holds real menus, bodies and footers.
std::string DevPagesText(size_t bytes);

}  // namespace boilerhash::bench
