// Prints the pairwise MinHash Jaccard estimates of the files given, and the
// clusters at threshold 0.8: a C++ consumer of the installed library.
#include <boilerhash/boilerhash.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE...\n", argv[0]);
    return 2;
  }
  const boilerhash::Signer signer;
  std::vector<boilerhash::DocumentSignature> sigs(static_cast<size_t>(argc - 1));
  std::vector<std::string> names;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", argv[i]);
      return 1;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    signer.Sign(ss.str(), &sigs[static_cast<size_t>(i - 1)]);
    std::string name = argv[i];
    names.push_back(name.substr(name.find_last_of('/') + 1, 3));
  }
  std::printf("MinHash (k=%u, word 5-grams) Jaccard estimates on raw text, SIMD target %s\n     ",
              signer.minhasher().k(), boilerhash::ActiveTarget().c_str());
  for (const auto& n : names) std::printf("%6s", n.c_str());
  std::printf("\n");
  std::vector<boilerhash::DocumentSketch> docs;
  for (size_t i = 0; i < sigs.size(); ++i) {
    std::printf("%5s", names[i].c_str());
    for (size_t j = 0; j < sigs.size(); ++j)
      std::printf("%6.2f", boilerhash::EstimateJaccard(sigs[i].minhash, sigs[j].minhash));
    std::printf("\n");
    docs.push_back({sigs[i].minhash, {}, sigs[i].distinct_shingles});
  }
  const auto result = boilerhash::ClusterNearDuplicates(docs, {});
  std::printf("clusters at Jaccard 0.8:");
  for (size_t i = 0; i < names.size(); ++i)
    std::printf(" %s->%s", names[i].c_str(), names[result.representative[i]].c_str());
  std::printf("\n");
  return 0;
}
