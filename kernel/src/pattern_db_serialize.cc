// Stage: boilerplate patterns — saving a compiled database and loading it in
// a later process (pattern_db.h). Loading skips Hyperscan's compiler, which
// costs more than classifying thousands of pages.
//
// Bytes: a 48-byte header, then hs_serialize_database's output.
//   0  "bhpatdb" + format byte 1
//   8  u64 fingerprint of the expressions, flags and ids compiled (XXH3)
//  16  u64 hs_platform_info_t::cpu_features compiled for
//  24  u64 tune compiled for (informational: tuning never changes matches)
//  32  u64 payload size
//  40  u64 XXH3 of the payload
// All little-endian. The checksum keeps corrupt bytes away from
// hs_deserialize_database, which trusts its input's layout.
#include <hs/hs.h>
#include <xxhash.h>

#include <cstring>

#include "boilerhash/pattern_db.h"
#include "hyperscan_runtime.h"
#include "little_endian.h"
#include "pattern_db_internal.h"

namespace boilerhash {
namespace {

constexpr char kMagic[8] = {'b', 'h', 'p', 'a', 't', 'd', 'b', 1};
constexpr size_t kHeaderSize = 48;

using internal::AppendLE64;
using internal::LoadLE64;

uint64_t Fingerprint(const internal::HsPatternSet& set) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  auto add_u64 = [&](uint64_t v) {
    char b[8];
    internal::StoreLE64(v, b);
    XXH3_64bits_update(state, b, 8);
  };
  add_u64(set.expressions.size());
  bool ids_are_positions = true;
  for (size_t i = 0; i < set.expressions.size(); ++i) {
    add_u64(set.flags[i]);
    add_u64(set.expressions[i].size());
    XXH3_64bits_update(state, set.expressions[i].data(), set.expressions[i].size());
    ids_are_positions &= set.ids[i] == i;
  }
  // Word lists are not compiled, so the expressions' ids (pattern indices)
  // skip them. Ids are hashed only then: bytes saved from files without word
  // lists keep their fingerprint.
  if (!ids_are_positions) {
    for (unsigned id : set.ids) add_u64(id);
  }
  const uint64_t h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return h;
}

Status Invalid(std::string why) {
  return Status(StatusCode::kInvalidArgument, "serialized pattern database: " + std::move(why));
}

}  // namespace

Status PatternDb::Serialize(std::string* out) const {
  if (!db_) return Status(StatusCode::kInvalidArgument, "every pattern is a word list: nothing compiled to save");
  internal::HsPatternSet set;
  Status s = internal::BuildHsPatternSet(patterns_, &set);
  if (!s.ok()) return s;
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(static_cast<const hs_database_t*>(db_), &bytes, &length) != HS_SUCCESS) {
    return Status(StatusCode::kOutOfMemory, "cannot serialize the pattern database");
  }
  const hs_platform_info_t& platform = internal::ChosenHyperscanRuntime().platform;
  out->assign(kMagic, sizeof(kMagic));
  AppendLE64(out, Fingerprint(set));
  AppendLE64(out, platform.cpu_features);
  AppendLE64(out, platform.tune);
  AppendLE64(out, length);
  AppendLE64(out, XXH3_64bits(bytes, length));
  out->append(bytes, length);
  free(bytes);  // hs_serialize_database allocates with the misc allocator: malloc by default
  return Status::Ok();
}

std::unique_ptr<PatternDb> PatternDb::Deserialize(std::vector<PatternSpec> patterns, std::string_view bytes,
                                                  Status* status) {
  auto fail = [&](Status s) -> std::unique_ptr<PatternDb> {
    if (status) *status = std::move(s);
    return nullptr;
  };
  if (bytes.size() < kHeaderSize || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return fail(Invalid("not boilerhash pattern database bytes (format 1)"));
  }
  const char* h = bytes.data();
  const uint64_t payload_size = LoadLE64(h + 32);
  if (payload_size != bytes.size() - kHeaderSize) return fail(Invalid("truncated or padded"));
  const std::string_view payload = bytes.substr(kHeaderSize);
  if (LoadLE64(h + 40) != XXH3_64bits(payload.data(), payload.size())) return fail(Invalid("checksum mismatch"));
  internal::HsPatternSet set;
  Status s = internal::BuildHsPatternSet(patterns, &set);
  if (!s.ok()) return fail(std::move(s));
  if (set.expressions.empty() || LoadLE64(h + 8) != Fingerprint(set)) {
    return fail(Invalid("compiled from other patterns"));
  }
  // Only the platform Compile would choose here: a database for a CPU level
  // the chosen runtime does not run, or one that would bring back the runtime
  // hyperscan_runtime.h avoids, is compiled afresh instead.
  if (LoadLE64(h + 16) != internal::ChosenHyperscanRuntime().platform.cpu_features) {
    return fail(Invalid("compiled for other CPU features"));
  }
  hs_database_t* db = nullptr;
  const hs_error_t rc = hs_deserialize_database(payload.data(), payload.size(), &db);
  if (rc == HS_DB_VERSION_ERROR) return fail(Invalid("compiled by another vectorscan version"));
  if (rc == HS_DB_PLATFORM_ERROR) return fail(Invalid("compiled for another platform"));
  if (rc != HS_SUCCESS) return fail(Invalid("rejected by vectorscan (error " + std::to_string(rc) + ")"));
  return FromHsDatabase(std::move(patterns), db, status);
}

}  // namespace boilerhash
