// Out of memory at any allocation while a pattern database is built, loaded
// or scanned leaks no Hyperscan database or scratch: each attempt either
// works or reports the failure (bad_alloc, or a status), and once the
// PatternDb is gone every database and scratch it allocated is freed.
//
// The binary replaces the global operator new with one that can be told to
// throw at the n-th allocation, and gives Hyperscan counting database and
// scratch allocators (hs_set_*_allocator, public API) that can be told to
// fail the n-th call; each test walks n from 0 until the operation succeeds.
// The misc allocator stays malloc: the library frees hs_expression_info's
// and hs_serialize_database's output with free(), as their documentation
// allows when no misc allocator is set.
#include <hs/hs.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "boilerhash/pattern_db.h"
#include "test_util.h"

namespace {

// Allocations left before operator new throws; negative: never.
std::atomic<long> g_new_fails_in{-1};
// Hyperscan database/scratch allocations left before one returns null; the
// number of blocks they hold now.
std::atomic<long> g_hs_fails_in{-1};
std::atomic<long> g_hs_live{0};

bool CountdownHitsZero(std::atomic<long>& left) {
  long n = left.load();
  while (n >= 0 && !left.compare_exchange_weak(n, n - 1)) {
  }
  return n == 0;
}

void* HsAlloc(size_t size) {
  if (CountdownHitsZero(g_hs_fails_in)) return nullptr;
  void* p = std::malloc(size);
  if (p) ++g_hs_live;
  return p;
}

void HsFree(void* p) {
  if (!p) return;
  --g_hs_live;
  std::free(p);
}

// Installed before main: nothing in this binary allocates a Hyperscan
// database or scratch before it.
const bool kAllocatorsInstalled = [] {
  return hs_set_database_allocator(HsAlloc, HsFree) == HS_SUCCESS &&
         hs_set_scratch_allocator(HsAlloc, HsFree) == HS_SUCCESS;
}();

}  // namespace

// Every unaligned form, so that no block from one allocator reaches another's
// delete (AddressSanitizer checks the pairs).
namespace {
void* CountedNew(size_t size) noexcept {
  if (CountdownHitsZero(g_new_fails_in)) return nullptr;
  return std::malloc(size ? size : 1);
}
void* CountedNewOrThrow(size_t size) {
  if (void* p = CountedNew(size)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(size_t size) { return CountedNewOrThrow(size); }
void* operator new[](size_t size) { return CountedNewOrThrow(size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept { return CountedNew(size); }
void* operator new[](size_t size, const std::nothrow_t&) noexcept { return CountedNew(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace boilerhash {
namespace {

// Two expressions (one UTF-8, so invalid input is copied and repaired before
// the scan) and a word list, which the database build also allocates for.
constexpr char kPatterns[] =
    "share_on  i   2.0 en share on (facebook|twitter)\n"
    "copyright iu  2.0 en copyright\\s*\\d{4}\n"
    "menu      w   1.0 en home|news|sport\n";
constexpr char kDoc[] = "Share on Facebook\nCopyright 2024 \xFF\xFE The Paper\nHome News\n";

std::vector<PatternSpec> Specs() {
  std::vector<PatternSpec> specs;
  EXPECT_TRUE(ParsePatternFile(kPatterns, &specs).ok());
  return specs;
}

constexpr long kMaxSteps = 5000;  // far above the allocations of one load or scan

// Runs `attempt` with operator new failing at allocation 0, 1, 2, ... until
// it succeeds, checking after each try that no Hyperscan block outlives it.
// attempt returns true on success and may throw bad_alloc.
template <typename Attempt>
void EveryNewFailure(Attempt attempt) {
  const long live_before = g_hs_live.load();
  long failures = 0;
  for (long n = 0; n < kMaxSteps; ++n) {
    bool ok = false;
    g_new_fails_in = n;
    try {
      ok = attempt();
    } catch (const std::bad_alloc&) {
      ++failures;
    }
    g_new_fails_in = -1;
    ASSERT_EQ(g_hs_live.load(), live_before) << "Hyperscan blocks leaked when allocation " << n << " failed";
    if (ok) {
      EXPECT_GT(failures, 0) << "no allocation was ever made: the test tests nothing";
      return;
    }
  }
  FAIL() << "never succeeded";
}

// The same with the n-th Hyperscan database or scratch allocation failing:
// the attempt must report it (no exception), and leak nothing.
template <typename Attempt>
void EveryHsFailure(Attempt attempt) {
  const long live_before = g_hs_live.load();
  long failures = 0;
  for (long n = 0; n < kMaxSteps; ++n) {
    g_hs_fails_in = n;
    const bool ok = attempt();
    g_hs_fails_in = -1;
    ASSERT_EQ(g_hs_live.load(), live_before) << "Hyperscan blocks leaked when its allocation " << n << " failed";
    if (ok) {
      EXPECT_GT(failures, 0) << "Hyperscan allocated nothing: the test tests nothing";
      return;
    }
    ++failures;
  }
  FAIL() << "never succeeded";
}

TEST(PatternDbAllocFailure, AllocatorsAreInstalled) { ASSERT_TRUE(kAllocatorsInstalled); }

// Hyperscan's compiler makes thousands of C++ allocations of its own, so
// operator new failures are walked through Deserialize below, which ends in
// the same code that takes the database (PatternDb::FromHsDatabase).
TEST(PatternDbAllocFailure, CompileLeaksNothingWhereverHyperscanMemoryRunsOut) {
  const std::vector<PatternSpec> specs = Specs();
  EveryHsFailure([&] {
    Status st;
    auto db = PatternDb::Compile(specs, &st);
    if (!db) EXPECT_FALSE(st.ok());
    return db != nullptr;
  });
}

TEST(PatternDbAllocFailure, DeserializeLeaksNothingWhereverMemoryRunsOut) {
  const std::vector<PatternSpec> specs = Specs();
  std::string bytes;
  {
    Status st;
    auto db = PatternDb::Compile(specs, &st);
    ASSERT_NE(db, nullptr) << st.message();
    ASSERT_TRUE(db->Serialize(&bytes).ok());
  }
  EveryNewFailure([&] {
    Status st;
    auto db = PatternDb::Deserialize(specs, bytes, &st);
    return db != nullptr;
  });
  EveryHsFailure([&] {
    Status st;
    auto db = PatternDb::Deserialize(specs, bytes, &st);
    if (!db) EXPECT_FALSE(st.ok());
    return db != nullptr;
  });
}

// A fresh database has no pooled scratch: its scan clones one and pools it
// after, and repairs the invalid UTF-8 into a copy first. The database is
// made outside the countdown; destroying it must free every scratch.
TEST(PatternDbAllocFailure, ScanLeaksNoScratchWhereverMemoryRunsOut) {
  const std::vector<PatternSpec> specs = Specs();
  const size_t expected = testing::ScanMatches(*PatternDb::Compile(specs, nullptr), kDoc).size();
  ASSERT_EQ(expected, 3u);  // share_on, copyright, menu
  struct Counter {
    static bool Count(void* context, uint32_t, size_t) {
      ++*static_cast<size_t*>(context);
      return true;
    }
  };
  const long live_before = g_hs_live.load();
  for (const bool hs_fails : {false, true}) {
    bool succeeded = false;
    for (long n = 0; n < kMaxSteps && !succeeded; ++n) {
      auto db = PatternDb::Compile(specs, nullptr);
      ASSERT_NE(db, nullptr);
      size_t matches = 0;
      Status st;
      (hs_fails ? g_hs_fails_in : g_new_fails_in) = n;
      try {
        st = db->Scan(kDoc, Counter::Count, &matches);
        succeeded = st.ok();
      } catch (const std::bad_alloc&) {
        EXPECT_FALSE(hs_fails) << "a Hyperscan allocation failure is a status, not an exception";
      }
      g_new_fails_in = g_hs_fails_in = -1;
      if (succeeded) {
        EXPECT_EQ(matches, expected);
      } else if (hs_fails) {
        EXPECT_EQ(st.code(), StatusCode::kOutOfMemory) << st.message();
      }
      // A scan that failed leaves the database usable.
      EXPECT_EQ(testing::ScanMatches(*db, kDoc).size(), expected);
      db.reset();
      ASSERT_EQ(g_hs_live.load(), live_before) << "scratch leaked when allocation " << n << " failed";
    }
    EXPECT_TRUE(succeeded);
  }
}

}  // namespace
}  // namespace boilerhash
