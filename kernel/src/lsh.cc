// Stage 6a: banded LSH (definition in lsh.h).
#include "boilerhash/lsh.h"

#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
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
  for (uint32_t b = 1; b <= k; ++b) {
    for (uint32_t r = 1; r <= k / b; ++r) {
      const LshParams p{b, r};
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
  threshold = std::clamp(threshold, 0.0, 1.0);
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

LshParams RecallFirstLshParams(double threshold, uint32_t k) {
  return OptimalLshParams(threshold, k, 0.05, 0.95);
}

void LshBandKeys(std::span<const uint32_t> signature, const LshParams& p, uint64_t* keys) {
  for (uint32_t band = 0; band < p.bands; ++band) {
    // Slots are little-endian uint32 in memory on every supported machine.
    keys[band] = XXH3_64bits_withSeed(signature.data() + size_t{band} * p.rows,
                                      size_t{p.rows} * sizeof(uint32_t), band);
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

Status LshIndex::Insert(uint32_t doc, std::span<const uint32_t> signature) {
  if (!status_.ok()) return status_;
  if (signature.size() < size_t{params_.bands} * params_.rows) {
    return Status(StatusCode::kInvalidArgument, "signature shorter than bands*rows");
  }
  std::vector<uint64_t> keys(params_.bands);
  LshBandKeys(signature, params_, keys.data());
  for (uint32_t b = 0; b < params_.bands; ++b) tables_[b][keys[b]].push_back(doc);
  ++documents_;
  return Status::Ok();
}

void LshIndex::Query(std::span<const uint32_t> signature, std::vector<uint32_t>* out) const {
  if (!status_.ok() || signature.size() < size_t{params_.bands} * params_.rows) return;
  const size_t first = out->size();
  std::vector<uint64_t> keys(params_.bands);
  LshBandKeys(signature, params_, keys.data());
  for (uint32_t b = 0; b < params_.bands; ++b) {
    const auto it = tables_[b].find(keys[b]);
    if (it != tables_[b].end()) out->insert(out->end(), it->second.begin(), it->second.end());
  }
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end());
  out->erase(std::unique(out->begin() + static_cast<std::ptrdiff_t>(first), out->end()),
             out->end());
}

size_t LshIndex::MemoryBytes() const {
  size_t bytes = tables_.capacity() * sizeof(tables_[0]);
  for (const auto& t : tables_) {
    // Per node: key, vector header, next pointer, cached hash; plus buckets.
    bytes += t.bucket_count() * sizeof(void*);
    for (const auto& [key, docs] : t) {
      bytes += sizeof(key) + sizeof(docs) + 2 * sizeof(void*) + docs.capacity() * sizeof(uint32_t);
    }
  }
  return bytes;
}

}  // namespace boilerhash
