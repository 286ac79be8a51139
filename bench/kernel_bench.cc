// Throughput of every kernel stage, per SIMD target and for the scalar
// reference, on the sample articles and generated text of 1 KB ... 1 MB.
// Bytes processed are always the raw input text's bytes, so MB/s compare
// across stages. Names: stage/TARGET/input (TARGET "reference" = scalar twin).
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

void Register(const std::string& stage, const std::string& target, const Body& body) {
  for (const Input& in : Inputs()) {
    benchmark::RegisterBenchmark((stage + "/" + target + "/" + in.name).c_str(),
                                 [target, body, &in](benchmark::State& state) {
                                   if (target != "reference" && !ForceTarget(target)) {
                                     state.SkipWithError("target unavailable");
                                     return;
                                   }
                                   body(state, in);
                                   state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                                                           static_cast<int64_t>(in.text.size()));
                                   state.SetLabel(target);
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
    // The whole signing path: UTF-8, normalization, shingles, MinHash, SimHash, exact hash.
    Register("signer_all", t, [](auto& s, const Input& in) {
      const Signer signer;
      DocumentSignature sig;
      for (auto _ : s) signer.Sign(in.text, &sig);
    });
  }
  // LSH has no SIMD code (XXH3 band keys into hash tables): one
  // registration, on the default target.
  const std::string best = targets.front();
  Register("lsh_insert_query", best, [](auto& s, const Input& in) {
    // 1,000 signatures of 1,000 slices of the input; bytes = the input once.
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
  });
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
  boilerhash::bench::RegisterAll();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
