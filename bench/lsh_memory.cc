// LSH memory per document against corpus size (issue 5, "Scaling").
//
//   lsh_memory N [index|cluster] [--set-size S] [--seed X]
//
// Makes N synthetic MinHash signatures (k = 128) of random shingle sets of S
// hashes (default 64); every 10th document is a near-duplicate of an earlier
// one (4 of its S hashes replaced: Jaccard about 0.88), so the index holds some
// shared buckets as a real corpus does. Then, timed with steady_clock:
//   index:   inserts them into LshIndex(RecallFirstLshParams(0.8, 128)), the
//            bands dedup uses, and reports LshIndex::MemoryBytes() / N;
//   cluster: runs ClusterNearDuplicates (threshold 0.8, estimate only).
// Prints one JSON object on stdout, with the process peak RSS
// (getrusage ru_maxrss) measured after the work: run one mode and one N per
// process, or the peaks mix. The signatures themselves (N * 512 bytes) are in
// the peak RSS and reported separately as signature_bytes.
// A benchmark never asserts a time: this only measures and prints.
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "boilerhash/cluster.h"
#include "boilerhash/lsh.h"
#include "boilerhash/minhash.h"
#include "boilerhash/targets.h"

namespace {

constexpr uint32_t kK = 128;

long PeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;  // kilobytes on Linux
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

int Usage() {
  std::fprintf(stderr, "usage: lsh_memory N [index|cluster] [--set-size S] [--seed X]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage();
  const size_t n = std::strtoull(argv[1], nullptr, 10);
  std::string mode = "index";
  size_t set_size = 64;
  uint64_t seed = 20240531;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "index" || a == "cluster") {
      mode = a;
    } else if (a == "--set-size" && i + 1 < argc) {
      set_size = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else {
      return Usage();
    }
  }
  if (n == 0 || n > UINT32_MAX || set_size < 8) return Usage();

  // Signatures, one flat array (N * k * 4 bytes).
  const auto t_sign = std::chrono::steady_clock::now();
  std::mt19937_64 rng(seed);
  const boilerhash::MinHasher hasher(boilerhash::MinHashParams{});
  if (hasher.k() != kK) {
    std::fprintf(stderr, "lsh_memory: MinHasher k is %u, expected %u\n", hasher.k(), kK);
    return 1;
  }
  std::vector<uint32_t> sigs(n * kK);
  std::vector<uint64_t> set(set_size);
  std::vector<uint64_t> last_base(set_size);
  size_t near_dups = 0;
  for (size_t d = 0; d < n; ++d) {
    if (d % 10 == 9) {
      // Near-duplicate of the previous base: replace 4 hashes.
      set = last_base;
      for (int e = 0; e < 4; ++e) set[rng() % set_size] = rng();
      ++near_dups;
    } else {
      for (auto& h : set) h = rng();
      last_base = set;
    }
    hasher.Sign(set, sigs.data() + d * kK);
  }
  const double sign_s = Seconds(t_sign);

  const boilerhash::LshParams params = boilerhash::RecallFirstLshParams(0.8, kK);
  double work_s = 0;
  size_t index_bytes = 0, candidate_pairs = 0, verified_pairs = 0, clusters = 0;
  const auto t_work = std::chrono::steady_clock::now();
  if (mode == "index") {
    boilerhash::LshIndex index(params, kK);
    for (size_t d = 0; d < n; ++d) {
      const auto st = index.Insert(static_cast<uint32_t>(d), {sigs.data() + d * kK, kK});
      if (!st.ok()) {
        std::fprintf(stderr, "lsh_memory: insert failed\n");
        return 1;
      }
    }
    work_s = Seconds(t_work);
    index_bytes = index.MemoryBytes();
  } else {
    std::vector<boilerhash::DocumentSketch> docs(n);
    for (size_t d = 0; d < n; ++d) docs[d].minhash = {sigs.data() + d * kK, kK};
    boilerhash::ClusterOptions opt;
    opt.threshold = 0.8;
    opt.lsh = params;
    const auto r = boilerhash::ClusterNearDuplicates(docs, opt);
    work_s = Seconds(t_work);
    candidate_pairs = r.candidate_pairs;
    verified_pairs = r.verified_pairs;
    for (size_t d = 0; d < n; ++d) clusters += r.representative[d] == d;
  }
  const long peak_kb = PeakRssKb();

  std::printf(
      "{\"mode\": \"%s\", \"docs\": %zu, \"k\": %u, \"bands\": %u, \"rows\": %u, "
      "\"set_size\": %zu, \"near_duplicates\": %zu, \"target\": \"%s\", "
      "\"sign_seconds\": %.4f, \"seconds\": %.4f, \"index_bytes\": %zu, "
      "\"index_bytes_per_doc\": %.2f, \"signature_bytes\": %zu, \"peak_rss_bytes\": %ld, "
      "\"candidate_pairs\": %zu, \"verified_pairs\": %zu, \"clusters\": %zu}\n",
      mode.c_str(), n, kK, params.bands, params.rows, set_size, near_dups,
      boilerhash::ActiveTarget().c_str(), sign_s, work_s, index_bytes,
      static_cast<double>(index_bytes) / static_cast<double>(n), sigs.size() * sizeof(uint32_t),
      peak_kb * 1024L, candidate_pairs, verified_pairs, clusters);
  return 0;
}
