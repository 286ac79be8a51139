// Throughput of every kernel stage, per SIMD target and for the scalar
// reference, on the sample articles and generated text of 1 KB ... 1 MB.
// Bytes processed are always the raw input text's bytes, so MB/s compare
// across stages; lsh_insert_query alone counts documents (items), as its
// work does not grow with the text. Names: stage/TARGET/input (TARGET
// "reference" = the scalar twin, a deliberately simple oracle rather than a
// tuned scalar baseline: the SCALAR target is that).
#include <benchmark/benchmark.h>

#include <functional>

#include "bench_inputs.h"
#include "boilerhash/boilerhash.hpp"
#include "reference/reference.h"

namespace boilerhash::bench {
namespace {

struct Input {
  std::string name;
  std::string text;
};

const std::vector<Input>& Inputs() {
  static const std::vector<Input> inputs = [] {
    std::vector<Input> v = {{"articles", SampleArticles()}};
    for (size_t kb : {1, 16, 256, 1024}) v.push_back({std::to_string(kb) + "KB", GeneratedText(kb << 10)});
    return v;
  }();
  return inputs;
}

std::vector<uint64_t> ShinglesOf(const std::string& text) {
  std::vector<uint64_t> h;
  ShingleHashes(Normalize(text), {}, &h);
  return h;
}

using Body = std::function<void(benchmark::State&, const Input&)>;

// Runs body with `target` forced (the reference rows with the dispatcher's
// own choice), labels the row with the target that actually ran, and
// restores the dispatcher's choice.
void Register(const std::string& stage, const std::string& target, const Body& body,
              bool count_bytes = true) {
  for (const Input& in : Inputs()) {
    benchmark::RegisterBenchmark((stage + "/" + target + "/" + in.name).c_str(),
                                 [target, body, count_bytes, &in](benchmark::State& state) {
                                   if (!ForceTarget(target == "reference" ? "auto" : target)) {
                                     state.SkipWithError("target unavailable");
                                     return;
                                   }
                                   const std::string ran = target == "reference" ? target : ActiveTarget();
                                   if (ran != target) {
                                     state.SkipWithError(("asked for " + target + ", runs " + ran).c_str());
                                     ForceTarget("auto");
                                     return;
                                   }
                                   body(state, in);
                                   if (count_bytes) {
                                     state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                                                             static_cast<int64_t>(in.text.size()));
                                   }
                                   state.SetLabel(ran);
                                   ForceTarget("auto");
                                 });
  }
}

void RegisterAll() {
  std::vector<std::string> targets = SupportedTargets();
  for (const std::string& t : targets) {
    Register("utf8_validate", t, [](auto& s, const Input& in) {
      for (auto _ : s) benchmark::DoNotOptimize(Utf8IsValid(in.text));
    });
    Register("normalize", t, [](auto& s, const Input& in) {
      for (auto _ : s) benchmark::DoNotOptimize(Normalize(in.text));
    });
    Register("minhash", t, [](auto& s, const Input& in) {
      const auto h = ShinglesOf(in.text);
      const MinHasher hasher;
      std::vector<uint32_t> sig(hasher.k());
      for (auto _ : s) {
        hasher.Sign(h, sig.data());
        benchmark::DoNotOptimize(sig.data());
      }
    });
    Register("simhash", t, [](auto& s, const Input& in) {
      const auto h = ShinglesOf(in.text);
      for (auto _ : s) benchmark::DoNotOptimize(SimHash(h));
    });
    Register("text_to_minhash", t, [](auto& s, const Input& in) {
      const MinHasher hasher;
      std::vector<uint32_t> sig(hasher.k());
      std::vector<uint64_t> h;
      for (auto _ : s) {
        h.clear();
        ShingleHashes(Normalize(in.text), {}, &h);
        hasher.Sign(h, sig.data());
        benchmark::DoNotOptimize(sig.data());
      }
    });
    // Shingling finds word starts with SIMD (WordStartsAfterSpaces).
    Register("shingle", t, [](auto& s, const Input& in) {
      const std::string norm = Normalize(in.text);
      std::vector<uint64_t> h;
      for (auto _ : s) {
        h.clear();
        ShingleHashes(norm, {}, &h);
        benchmark::DoNotOptimize(h.data());
      }
    });
    // The whole signing path: UTF-8, normalization, shingles, MinHash, SimHash,
    // exact hash. Not the distinct-shingle count (a hash set over the
    // shingles, for containment only), which the reference row does not do.
    Register("signer_all", t, [](auto& s, const Input& in) {
      SignOptions options;
      options.count_distinct = false;
      const Signer signer(options);
      DocumentSignature sig;
      for (auto _ : s) signer.Sign(in.text, &sig);
    });
  }
  // LSH has no SIMD code (XXH3 band keys into hash tables): one
  // registration, on the default target.
  const std::string best = targets.front();
  Register("lsh_insert_query", best, [](auto& s, const Input& in) {
    // 1,000 signatures of 1,000 slices of the input, counted as 1,000
    // documents (items) per iteration: the index's work is per signature.
    const MinHasher hasher;
    const auto h = ShinglesOf(in.text);
    std::vector<std::vector<uint32_t>> sigs;
    for (size_t i = 0; i < 1000; ++i) {
      std::vector<uint64_t> part(h.begin() + static_cast<std::ptrdiff_t>(i * h.size() / 1000),
                                 h.begin() + static_cast<std::ptrdiff_t>((i + 1) * h.size() / 1000));
      part.push_back(i);
      sigs.push_back(hasher.Sign(part));
    }
    std::vector<uint32_t> found;
    for (auto _ : s) {
      LshIndex index(RecallFirstLshParams(0.8, 128), 128);
      for (uint32_t i = 0; i < sigs.size(); ++i) {
        found.clear();
        index.Query(sigs[i], &found);
        (void)index.Insert(i, sigs[i]);
      }
      benchmark::DoNotOptimize(found.data());
    }
    s.SetItemsProcessed(static_cast<int64_t>(s.iterations()) * static_cast<int64_t>(sigs.size()));
  }, /*count_bytes=*/false);
  // The scalar reference, the baseline for every speed-up ratio.
  Register("utf8_validate", "reference", [](auto& s, const Input& in) {
    for (auto _ : s) benchmark::DoNotOptimize(reference::Utf8IsValid(in.text));
  });
  Register("normalize", "reference", [](auto& s, const Input& in) {
    for (auto _ : s) benchmark::DoNotOptimize(reference::Normalize(in.text, false, false));
  });
  Register("shingle", "reference", [](auto& s, const Input& in) {
    const std::string norm = reference::Normalize(in.text, false, false);
    for (auto _ : s) benchmark::DoNotOptimize(reference::ShingleHashes(norm, 'w', 5, 0));
  });
  Register("minhash", "reference", [](auto& s, const Input& in) {
    const auto h = ShinglesOf(in.text);
    for (auto _ : s) benchmark::DoNotOptimize(reference::MinHash(h, 128, 1));
  });
  Register("simhash", "reference", [](auto& s, const Input& in) {
    const auto h = ShinglesOf(in.text);
    for (auto _ : s) benchmark::DoNotOptimize(reference::SimHash(h));
  });
  Register("text_to_minhash", "reference", [](auto& s, const Input& in) {
    for (auto _ : s) {
      const auto h = reference::ShingleHashes(reference::Normalize(in.text, false, false), 'w', 5, 0);
      benchmark::DoNotOptimize(reference::MinHash(h, 128, 1));
    }
  });
  // The signer's SIMD stages composed from their references (the exact
  // hash, XXH3 over the normalized text, has no reference twin).
  Register("signer_all", "reference", [](auto& s, const Input& in) {
    for (auto _ : s) {
      const auto h = reference::ShingleHashes(reference::Normalize(in.text, false, false), 'w', 5, 0);
      benchmark::DoNotOptimize(reference::MinHash(h, 128, 1));
      benchmark::DoNotOptimize(reference::SimHash(h));
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
