// Throughput of the boilerplate classifier on the dev-set pages
// (datasets/pages-dev/texts, 181 pages, 1.57 MB), per SIMD target, and the
// cost of each signal alone. Bytes processed are always the pages' bytes.
// Names: classify/TARGET, features/TARGET, features/reference, patterns,
// split_lines, line_hash_repetition/TARGET, line_hash_repetition/reference,
// classify_corpus/TARGET, group_keys/TARGET, corpus_table_prune,
// corpus_table_add; and
// classify/TARGET/SIZE: one page of 1 KB ... 1 MB cut from the dev pages
// (bench_inputs.h DevPagesText), bytes processed being that page's bytes.
// jusText on the same pages is timed by scripts/eval_pages_dev.py (Python),
// which prints the speed ratio.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>
#include <set>
#include <unordered_map>

#include "bench_inputs.h"
#include "boilerhash/classifier.h"
#include "boilerhash/corpus_stats.h"
#include "boilerhash/line_features.h"
#include "boilerhash/pattern_db.h"
#include "boilerhash/targets.h"
#include "reference/line_features.h"
#include "reference/reference.h"

namespace boilerhash::bench {
namespace {

int64_t PageBytes() {
  int64_t n = 0;
  for (const auto& p : DevPages()) n += static_cast<int64_t>(p.size());
  return n;
}

template <class F>
void Register(const std::string& name, const std::string& target, F body, int64_t bytes = 0) {
  benchmark::RegisterBenchmark(name.c_str(), [name, target, body, bytes](benchmark::State& state) {
    if (!target.empty() && !ForceTarget(target)) {
      state.SkipWithError("target unavailable");
      return;
    }
    body(state);
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * (bytes ? bytes : PageBytes()));
    const bool reference = name.size() >= 10 && name.compare(name.size() - 10, 10, "/reference") == 0;
    state.SetLabel(reference ? "reference" : target.empty() ? ActiveTarget() : target);
    ForceTarget("auto");
  });
}

constexpr size_t kPruneKeys = 6'000'000, kPruneDocKeys = 300;  // corpus_table_prune

const BoilerplateModel& Model() {
  static const auto* m = BoilerplateModel::Default().release();
  return *m;
}

void RegisterAll() {
  (void)Model();  // compile the patterns before timing
  for (const std::string& t : SupportedTargets()) {
    Register("classify/" + t, t, [](benchmark::State& s) {
      ClassifyResult r;
      for (auto _ : s) {
        for (const auto& p : DevPages()) {
          Model().Classify(p, &r);
          benchmark::DoNotOptimize(r.lines.data());
        }
      }
    });
    for (size_t kb : {1, 16, 256, 1024}) {
      auto page = std::make_shared<const std::string>(DevPagesText(kb << 10));
      Register(
          "classify/" + t + "/" + std::to_string(kb) + "KB", t,
          [page](benchmark::State& s) {
            ClassifyResult r;
            for (auto _ : s) {
              Model().Classify(*page, &r);
              benchmark::DoNotOptimize(r.lines.data());
            }
          },
          static_cast<int64_t>(page->size()));
    }
    Register("features/" + t, t, [](benchmark::State& s) {
      std::vector<std::vector<LineSpan>> spans;
      for (const auto& p : DevPages()) spans.push_back(SplitLines(p));
      std::vector<LineFeatures> f;
      for (auto _ : s) {
        for (size_t i = 0; i < spans.size(); ++i) {
          f.resize(spans[i].size());
          ComputeLineFeatures(DevPages()[i], spans[i], StopwordSet::English(), f.data());
          benchmark::DoNotOptimize(f.data());
        }
      }
    });
  }
  Register("features/reference", "", [](benchmark::State& s) {
    const std::set<std::string> stop =
        reference::ParseStopwords(ReadFile(std::string(BOILERHASH_SOURCE_DIR) + "/kernel/patterns/en.stopwords"));
    std::vector<std::vector<LineSpan>> spans;
    for (const auto& p : DevPages()) spans.push_back(SplitLines(p));
    for (auto _ : s) {
      for (size_t i = 0; i < spans.size(); ++i) {
        for (const LineSpan& l : spans[i]) {
          benchmark::DoNotOptimize(reference::ComputeLineFeatures(
              std::string_view(DevPages()[i]).substr(l.begin, l.end - l.begin), stop));
        }
      }
    }
  });
  // The pattern stage as the classifier runs it: one Hyperscan scan, then
  // the word lists over lines split beforehand (split_lines times that).
  Register("patterns", "", [](benchmark::State& s) {
    static const auto* db = PatternDb::FromText(DefaultPatternText(), nullptr).release();
    std::vector<std::vector<LineSpan>> spans;
    for (const auto& p : DevPages()) spans.push_back(SplitLines(p));
    size_t matches = 0;
    for (auto _ : s) {
      for (size_t i = 0; i < spans.size(); ++i) {
        (void)db->Scan(DevPages()[i], spans[i],
                       [](void* c, uint32_t, size_t) { return ++*static_cast<size_t*>(c), true; }, &matches);
      }
    }
    benchmark::DoNotOptimize(matches);
  });
  Register("split_lines", "", [](benchmark::State& s) {
    for (auto _ : s) {
      for (const auto& p : DevPages()) benchmark::DoNotOptimize(SplitLines(p));
    }
  });
  // Line keys (kept bytes compacted with SIMD: CompactLineBytes) hashed and
  // counted, per target and for the reference (LineKeyBytes, byte by byte).
  const auto line_hash_repetition = [](uint64_t (*hash)(std::string_view)) {
    return [hash](benchmark::State& s) {
      std::vector<std::vector<LineSpan>> spans;
      for (const auto& p : DevPages()) spans.push_back(SplitLines(p));
      for (auto _ : s) {
        for (size_t i = 0; i < spans.size(); ++i) {
          std::unordered_map<uint64_t, uint32_t> seen;
          for (const LineSpan& l : spans[i]) {
            ++seen[hash(std::string_view(DevPages()[i]).substr(l.begin, l.end - l.begin))];
          }
          benchmark::DoNotOptimize(seen.size());
        }
      }
    };
  };
  for (const std::string& t : SupportedTargets()) {
    Register("line_hash_repetition/" + t, t,
             line_hash_repetition([](std::string_view line) { return LineHash(line); }));
  }
  Register("line_hash_repetition/reference", "",
           line_hash_repetition([](std::string_view line) { return reference::LineHash(line, true); }));
  // The classifier with corpus statistics, per target (as classify/T; the
  // pattern scan is vectorscan's own runtime on every row, hyperscan_runtime.h).
  for (const std::string& t : SupportedTargets()) {
    Register("classify_corpus/" + t, t, [](benchmark::State& s) {
      static const auto* table = [] {
        auto* t = new LineFrequencyTable();
        for (const auto& p : DevPages()) t->AddDocument(p);
        return t;
      }();
      ClassifyResult r;
      for (auto _ : s) {
        for (const auto& p : DevPages()) {
          Model().Classify(p, &r, table);
          benchmark::DoNotOptimize(r.lines.data());
        }
      }
    });
  }
  // The corpus pass's near-duplicate group keys (normalize each line, hash
  // its words, fold the shingles of the long sentence lines: the fold has
  // an AVX-512 path), per target.
  for (const std::string& t : SupportedTargets()) {
    Register("group_keys/" + t, t, [](benchmark::State& s) {
      uint64_t keys[kDocumentGroupKeys];
      for (auto _ : s) {
        for (const auto& p : DevPages()) {
          DocumentGroupKeys(p, keys);
          benchmark::DoNotOptimize(keys[0]);
        }
      }
    });
  }
  // A table past its capacity: 1M entries at most, fed 6M keys in documents
  // of 300 (a quarter of them shared, the rest new), so it prunes about
  // ten times, as the corpus pass does on a corpus of ~100k documents with
  // the default 4M entries. Bytes processed: 8 per key.
  Register(
      "corpus_table_prune", "",
      [](benchmark::State& s) {
        std::vector<uint64_t> keys(kPruneKeys);
        uint64_t x = 1;
        for (size_t i = 0; i < kPruneKeys; ++i) {
          if (i % 4 == 0) {
            keys[i] = 1 + (i * 7919) % 5000;  // a shared line
            continue;
          }
          x += 0x9E3779B97F4A7C15ull;  // SplitMix64
          uint64_t z = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
          z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
          keys[i] = (z ^ (z >> 31)) | 1;
        }
        for (size_t d = 0; d < kPruneKeys; d += kPruneDocKeys) {
          std::sort(keys.begin() + d, keys.begin() + std::min(kPruneKeys, d + kPruneDocKeys));
        }
        for (auto _ : s) {
          LineFrequencyTable t(size_t{1} << 20);
          for (size_t d = 0; d < kPruneKeys; d += kPruneDocKeys) {
            t.AddLineHashes(keys.data() + d, std::min(kPruneDocKeys, kPruneKeys - d));
          }
          benchmark::DoNotOptimize(t.size());
        }
      },
      int64_t{8} * kPruneKeys);
  Register("corpus_table_add", "", [](benchmark::State& s) {
    for (auto _ : s) {
      LineFrequencyTable t;
      for (const auto& p : DevPages()) t.AddDocument(p);
      benchmark::DoNotOptimize(t.size());
    }
  });
}

}  // namespace
}  // namespace boilerhash::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  // The target the library picks on its own here, for the summary's ratios.
  benchmark::AddCustomContext("dispatched_target", boilerhash::ActiveTarget());
  boilerhash::bench::RegisterAll();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
