// Stage 6a: banded LSH (definition in lsh.h).
#include "boilerhash/lsh.h"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <stdexcept>
#include <tuple>

namespace boilerhash {

double LshCandidateProbability(double s, const LshParams& p) {
  return 1.0 - std::pow(1.0 - std::pow(s, p.rows), p.bands);
}

namespace {
// Composite Simpson's rule; the integrands are smooth polynomials.
template <class F>
double Integrate(F f, double a, double b) {
  constexpr int kSteps = 256;  // even
  if (b <= a) return 0.0;
  const double h = (b - a) / kSteps;
  double sum = f(a) + f(b);
  for (int i = 1; i < kSteps; ++i) sum += f(a + i * h) * (i % 2 ? 4.0 : 2.0);
  return sum * h / 3.0;
}
}  // namespace

static LshParams SearchOptimalLshParams(double threshold, uint32_t k, double fp_weight,
                                        double fn_weight) {
  LshParams best{1, k};
  double best_error = std::numeric_limits<double>::infinity();
  for (uint64_t b = 1; b <= k; ++b) {  // 64-bit: b <= UINT32_MAX would never end in 32 bits
    for (uint64_t r = 1; r <= k / b; ++r) {
      const LshParams p{static_cast<uint32_t>(b), static_cast<uint32_t>(r)};
      const double fp = Integrate([&](double s) { return LshCandidateProbability(s, p); },
                                  0.0, threshold);
      const double fn = Integrate([&](double s) { return 1.0 - LshCandidateProbability(s, p); },
                                  threshold, 1.0);
      const double error = fp_weight * fp + fn_weight * fn;
      if (error < best_error) {
        best_error = error;
        best = p;
      }
    }
  }
  return best;
}

// The search integrates two curves for every (b, r) with b*r <= k (about
// 20 ms at k = 128), and callers ask for the same few settings again and
// again, so results are memoized.
LshParams OptimalLshParams(double threshold, uint32_t k, double fp_weight, double fn_weight) {
  // NaN passes std::clamp, and as a memo key it equals every threshold: one
  // NaN call would hand its result to all later callers. It is taken as 1.
  threshold = std::isnan(threshold) ? 1.0 : std::clamp(threshold, 0.0, 1.0);
  // The same for the weights, which have no safe stand-in: a NaN weight
  // would be every weight to the memo.
  if (!(std::isfinite(fp_weight) && std::isfinite(fn_weight) && fp_weight >= 0 && fn_weight >= 0)) {
    throw std::invalid_argument("OptimalLshParams: weights must be finite and >= 0");
  }
  k = std::max<uint32_t>(k, 1);
  using Key = std::tuple<double, uint32_t, double, double>;
  static std::mutex mu;
  static std::map<Key, LshParams> memo;
  const Key key{threshold, k, fp_weight, fn_weight};
  {
    std::lock_guard<std::mutex> lock(mu);
    if (const auto it = memo.find(key); it != memo.end()) return it->second;
  }
  const LshParams best = SearchOptimalLshParams(threshold, k, fp_weight, fn_weight);
  std::lock_guard<std::mutex> lock(mu);
  if (memo.size() < 4096) memo.emplace(key, best);
  return best;
}

LshParams RecallFirstLshParams(double threshold, uint32_t k, bool exact_verify) {
  return exact_verify ? OptimalLshParams(threshold, k, 0.01, 0.99) : OptimalLshParams(threshold, k, 0.05, 0.95);
}

void LshBandKeys(std::span<const uint32_t> signature, const LshParams& p, uint64_t* keys) {
  if (signature.size() < uint64_t{p.bands} * p.rows) {
    throw std::invalid_argument("LshBandKeys: the signature is shorter than bands x rows");
  }
  for (uint32_t band = 0; band < p.bands; ++band) {
    const uint32_t* slots = signature.data() + size_t{band} * p.rows;
    if constexpr (std::endian::native == std::endian::little) {
      keys[band] = XXH3_64bits_withSeed(slots, size_t{p.rows} * sizeof(uint32_t), band);
    } else {  // FORMAT.md hashes the slots' little-endian bytes
      std::vector<uint32_t> le(slots, slots + p.rows);
      for (uint32_t& v : le) v = __builtin_bswap32(v);
      keys[band] = XXH3_64bits_withSeed(le.data(), le.size() * sizeof(uint32_t), band);
    }
  }
}

LshIndex::LshIndex(const LshParams& params, uint32_t k) : params_(params) {
  if (params.bands == 0 || params.rows == 0) {
    status_ = Status(StatusCode::kInvalidArgument, "LSH needs at least one band and one row");
  } else if (uint64_t{params.bands} * params.rows > k) {
    status_ = Status(StatusCode::kInvalidArgument,
                     "LSH bands*rows (" + std::to_string(uint64_t{params.bands} * params.rows) +
                         ") exceeds the signature length " + std::to_string(k));
  } else {
    tables_.resize(params.bands);
  }
}

// Linear probing from the key's top bits: band keys are XXH3 outputs, so
// their bits are already uniform. The table is never full (Grow keeps the
// load at most 3/4), so the probe ends. Never called on an empty table (a
// band has slots from the first insert on; Query returns before then).
size_t LshIndex::SlotOf(const BandTable& t, uint64_t key) {
  assert(!t.keys.empty());
  const size_t mask = t.keys.size() - 1;
  size_t s = static_cast<size_t>(key >> (64 - std::countr_zero(t.keys.size()))) & mask;
  while (t.heads[s] != kNone && t.keys[s] != key) s = (s + 1) & mask;
  return s;
}

void LshIndex::Grow(BandTable* t) {
  BandTable bigger;
  const size_t slots = t->keys.empty() ? 64 : 2 * t->keys.size();
  bigger.keys.assign(slots, 0);
  bigger.heads.assign(slots, kNone);
  for (size_t s = 0; s < t->keys.size(); ++s) {
    if (t->heads[s] == kNone) continue;
    const size_t to = SlotOf(bigger, t->keys[s]);
    bigger.keys[to] = t->keys[s];
    bigger.heads[to] = t->heads[s];
  }
  t->keys = std::move(bigger.keys);
  t->heads = std::move(bigger.heads);
}

namespace {
// The band keys of one signature, on the stack for the usual band counts.
class BandKeys {
 public:
  BandKeys(std::span<const uint32_t> signature, const LshParams& p) {
    if (p.bands > kInline) heap_.resize(p.bands);
    data_ = p.bands > kInline ? heap_.data() : inline_;
    LshBandKeys(signature, p, data_);
  }
  BandKeys(const BandKeys&) = delete;  // data_ may point into this object
  BandKeys& operator=(const BandKeys&) = delete;
  uint64_t operator[](size_t band) const { return data_[band]; }

 private:
  static constexpr size_t kInline = 64;
  uint64_t inline_[kInline];
  std::vector<uint64_t> heap_;
  uint64_t* data_;
};
}  // namespace

Status LshIndex::Insert(uint32_t doc, std::span<const uint32_t> signature) {
  if (!status_.ok()) return status_;
  if (signature.size() < size_t{params_.bands} * params_.rows) {
    return Status(StatusCode::kInvalidArgument, "signature shorter than bands*rows");
  }
  if (docs_.size() >= kNone) {  // ordinals 0 .. kNone - 1; kNone ends a chain
    return Status(StatusCode::kInvalidArgument, "LSH index full: 2^32 - 1 inserts");
  }
  const auto ordinal = static_cast<uint32_t>(docs_.size());
  const BandKeys keys(signature, params_);
  // First everything that can throw (bad_alloc): room in every array. Only
  // then the links, so an insert either happens in every band or in none,
  // and the chains stay aligned with docs_.
  const auto make_room = [](std::vector<uint32_t>& v) {
    if (v.size() == v.capacity()) v.reserve(std::max<size_t>(64, 2 * v.capacity()));
  };
  for (BandTable& t : tables_) {
    if (4 * (t.used + 1) > 3 * t.keys.size()) Grow(&t);
    make_room(t.next);
  }
  make_room(docs_);
  for (uint32_t b = 0; b < params_.bands; ++b) {
    BandTable& t = tables_[b];
    const size_t s = SlotOf(t, keys[b]);
    if (t.heads[s] == kNone) {
      t.keys[s] = keys[b];
      ++t.used;
    }
    t.next.push_back(t.heads[s]);
    t.heads[s] = ordinal;
  }
  docs_.push_back(doc);
  return Status::Ok();
}

void LshIndex::Query(std::span<const uint32_t> signature, std::vector<uint32_t>* out) const {
  if (!status_.ok() || signature.size() < size_t{params_.bands} * params_.rows) return;
  const size_t first = out->size();
  if (docs_.empty()) return;
  const BandKeys keys(signature, params_);
  for (uint32_t b = 0; b < params_.bands; ++b) {
    const BandTable& t = tables_[b];
    for (uint32_t i = t.heads[SlotOf(t, keys[b])]; i != kNone; i = t.next[i]) out->push_back(docs_[i]);
  }
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end());
  out->erase(std::unique(out->begin() + static_cast<std::ptrdiff_t>(first), out->end()),
             out->end());
}

size_t LshIndex::MemoryBytes() const {
  size_t bytes = tables_.capacity() * sizeof(BandTable) + docs_.capacity() * sizeof(uint32_t);
  for (const BandTable& t : tables_) {
    bytes += t.keys.capacity() * sizeof(uint64_t) + t.heads.capacity() * sizeof(uint32_t) +
             t.next.capacity() * sizeof(uint32_t);
  }
  return bytes;
}

}  // namespace boilerhash
