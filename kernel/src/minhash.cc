// Stage 4: k-permutation MinHash (definition in minhash.h).
// Permutations sit in SIMD lanes: each shingle key is broadcast and pushed
// through four vectors of permutations at once, keeping four running minima in
// registers; the shingle array is walked once per group of 4*N permutations.
#include "boilerhash/minhash.h"

#include <algorithm>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "minhash.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace boilerhash {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// One multiply and one xorshift: both bijections of the 32-bit integers.
template <class D, class V>
HWY_INLINE V Permute(D d, V h) {
  h = hn::Mul(h, hn::Set(d, 0x9E3779B1u));
  return hn::Xor(h, hn::ShiftRight<16>(h));
}

// keys and out hold k_padded values, a multiple of 64 (so of any lane count).
void MinHashKernel(const uint64_t* hashes, size_t n, const uint32_t* keys, size_t k_padded,
                   uint32_t* out) {
  const hn::ScalableTag<uint32_t> d;
  const size_t N = hn::Lanes(d);
  const auto init = hn::Set(d, 0xFFFFFFFFu);
  size_t j = 0;
  if (k_padded % (4 * N) == 0) {
    for (; j < k_padded; j += 4 * N) {
      const auto k0 = hn::LoadU(d, keys + j), k1 = hn::LoadU(d, keys + j + N);
      const auto k2 = hn::LoadU(d, keys + j + 2 * N), k3 = hn::LoadU(d, keys + j + 3 * N);
      auto m0 = init, m1 = init, m2 = init, m3 = init;
      for (size_t i = 0; i < n; ++i) {
        const auto x = hn::Set(d, static_cast<uint32_t>(hashes[i]));
        m0 = hn::Min(m0, Permute(d, hn::Xor(x, k0)));
        m1 = hn::Min(m1, Permute(d, hn::Xor(x, k1)));
        m2 = hn::Min(m2, Permute(d, hn::Xor(x, k2)));
        m3 = hn::Min(m3, Permute(d, hn::Xor(x, k3)));
      }
      hn::StoreU(m0, d, out + j);
      hn::StoreU(m1, d, out + j + N);
      hn::StoreU(m2, d, out + j + 2 * N);
      hn::StoreU(m3, d, out + j + 3 * N);
    }
  }
  for (; j < k_padded; j += N) {  // lane counts that do not divide 4*N evenly
    const auto k0 = hn::LoadU(d, keys + j);
    auto m0 = init;
    for (size_t i = 0; i < n; ++i) {
      m0 = hn::Min(m0, Permute(d, hn::Xor(hn::Set(d, static_cast<uint32_t>(hashes[i])), k0)));
    }
    hn::StoreU(m0, d, out + j);
  }
}

}  // namespace HWY_NAMESPACE
}  // namespace boilerhash
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
#include "dispatch.h"

namespace boilerhash {
HWY_EXPORT(MinHashKernel);

namespace {
constexpr size_t kKeyPadding = 64;  // covers every SIMD width up to 2048 bits
size_t PaddedK(size_t k) { return (k + kKeyPadding - 1) / kKeyPadding * kKeyPadding; }
}  // namespace

std::vector<uint32_t> MinHashKeys(uint32_t k, uint64_t seed) {
  std::vector<uint32_t> keys(k);
  uint64_t state = seed;
  for (uint32_t i = 0; i < k; ++i) {  // SplitMix64 (Steele, Lea, Flood 2014)
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    keys[i] = static_cast<uint32_t>(z ^ (z >> 31));
  }
  return keys;
}

MinHasher::MinHasher(const MinHashParams& params)
    : seed_(params.seed), keys_(MinHashKeys(params.k == 0 ? 1 : params.k, params.seed)) {
  padded_keys_ = keys_;
  padded_keys_.resize(PaddedK(keys_.size()), 0);
}

void MinHasher::Sign(std::span<const uint64_t> hashes, uint32_t* signature) const {
  internal::InitTargetsOnce();
  const size_t k = keys_.size();
  if (hashes.empty()) {
    std::fill(signature, signature + k, kEmptySlot);
    return;
  }
  const size_t padded = padded_keys_.size();
  if (padded == k) {
    HWY_DYNAMIC_DISPATCH(MinHashKernel)(hashes.data(), hashes.size(), padded_keys_.data(),
                                        padded, signature);
    return;
  }
  thread_local std::vector<uint32_t> out;
  out.resize(padded);
  HWY_DYNAMIC_DISPATCH(MinHashKernel)(hashes.data(), hashes.size(), padded_keys_.data(),
                                      padded, out.data());
  std::copy(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(k), signature);
}

std::vector<uint32_t> MinHasher::Sign(std::span<const uint64_t> hashes) const {
  std::vector<uint32_t> sig(keys_.size());
  Sign(hashes, sig.data());
  return sig;
}

double EstimateJaccard(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  const size_t k = std::min(a.size(), b.size());
  if (k == 0) return 0.0;
  size_t equal = 0;
  for (size_t i = 0; i < k; ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(k);
}

bool IsEmptySignature(std::span<const uint32_t> signature) {
  return std::all_of(signature.begin(), signature.end(),
                     [](uint32_t v) { return v == kEmptySlot; });
}

}  // namespace boilerhash
#endif  // HWY_ONCE
