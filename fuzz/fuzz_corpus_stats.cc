// The corpus line-statistics table: build from documents (with pruning when
// max_entries is small), Save -> Load -> Save is exact, counts survive the
// round trip, counts never exceed the number of documents; Load of arbitrary
// bytes gives an error or a table that round-trips exactly too. The fused
// line pass (LineHashCountingWords) agrees with LineHash and counts words,
// and the long-line flags follow the group tokens (CJK code points apart).
// The batch path (AddDocuments) counts as documents added one by one, and
// the order its shards are filled in changes nothing.
// Differential: LineHash and CompactLine on every SIMD target against the
// scalar reference (reference::LineHash, LineKeyBytes, LineKeyWordEnds).
#include <algorithm>
#include <fuzzer/FuzzedDataProvider.h>

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "boilerhash/corpus_stats.h"
#include "boilerhash/line_features.h"
#include "fuzz_util.h"
#include "line_normalize.h"  // internal: the fused line pass
#include "reference/reference.h"

using namespace boilerhash;
using boilerhash::fuzz::Escape;

namespace {
void CheckRoundTrip(const LineFrequencyTable& t, const char* what) {
  const std::string saved = t.Save();
  LineFrequencyTable back(1);
  const Status st = LineFrequencyTable::Load(saved, &back);
  FUZZ_CHECK(st.ok(), std::string(what) + ": Load(Save()) failed: " + st.message());
  FUZZ_CHECK(back.Save() == saved, std::string(what) + ": Save(Load(Save())) differs");
  FUZZ_CHECK(back.documents() == t.documents() && back.size() == t.size() &&
                 back.max_entries() == t.max_entries(),
             std::string(what) + ": header fields differ after the round trip");
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > fuzz::kMaxTextBytes + 16) return 0;
  // Any bytes as a stored table: an error, or a table that round-trips,
  // whose header ReadHeader reads alike (it accepts every table Load does).
  {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    LineFrequencyTable loaded(1);
    const Status st = LineFrequencyTable::Load(bytes, &loaded);
    LineFrequencyTable::Header header;
    const Status hs = LineFrequencyTable::ReadHeader(bytes, &header);
    if (st.ok()) {
      CheckRoundTrip(loaded, "loaded from raw input");
      FUZZ_CHECK(hs.ok() && header.entries == loaded.size() && header.documents == loaded.documents() &&
                     header.max_entries == loaded.max_entries(),
                 "ReadHeader disagrees with Load");
    }
    FUZZ_CHECK(hs.ok() || !st.ok(), "Load accepted what ReadHeader refused");
  }
  FuzzedDataProvider fdp(data, size);
  const size_t max_entries = fdp.ConsumeIntegralInRange<size_t>(1, 64);
  const bool fold = fdp.ConsumeBool();
  LineFrequencyTable a(max_entries), b(max_entries);
  std::vector<std::string> docs;
  while (fdp.remaining_bytes() > 0 && docs.size() < 32) {
    docs.push_back(fdp.ConsumeRandomLengthString(4096));  // past LineHash's 1,024-byte chunks
    (docs.size() % 2 ? a : b).AddDocument(docs.back());
  }
  // The table may raise a tiny max_entries (to 16 today); never lower it.
  FUZZ_CHECK(a.max_entries() >= max_entries && a.max_entries() == b.max_entries(), "max_entries lowered");
  FUZZ_CHECK(a.size() <= a.max_entries() && b.size() <= b.max_entries(), "table above max_entries");
  for (const std::string& d : docs) {
    // Group keys: repeatable, one long-line flag per line, and CountGroups
    // never above Count nor 0 where Count is not.
    uint64_t keys[kDocumentGroupKeys], again[kDocumentGroupKeys];
    std::vector<bool> long_lines;
    DocumentGroupKeys(d, keys, &long_lines);
    DocumentGroupKeys(std::string(d), again);
    FUZZ_CHECK(std::equal(keys, keys + kDocumentGroupKeys, again), "DocumentGroupKeys not repeatable");
    const std::vector<LineSpan> spans = SplitLines(d);
    FUZZ_CHECK(long_lines.size() == spans.size(), "one long-line flag per line");
    for (const LineSpan& l : spans) {
      const std::string_view line = std::string_view(d).substr(l.begin, l.end - l.begin);
      const uint32_t count = a.CountLine(line), groups = a.CountGroups(LineHash(line), keys);
      FUZZ_CHECK(groups <= count && (count == 0) == (groups == 0),
                 "CountGroups " + std::to_string(groups) + " vs Count " + std::to_string(count));
      FUZZ_CHECK(a.CountLine(line) <= a.documents(), "count above documents for " + Escape(line));
      FUZZ_CHECK(LineHash(line, fold) == LineHash(std::string(line), fold), "LineHash not repeatable");
      // The fused pass the corpus pass and the classifier use: LineHash and
      // the number of runs of kept bytes, which decides a long line.
      internal::CompactLine compact;
      size_t words = 0;
      FUZZ_CHECK(internal::LineHashCountingWords(line, &compact, &words) == LineHash(line),
                 "LineHashCountingWords differs from LineHash on " + Escape(line));
      size_t runs = 0;
      bool in_run = false;
      for (unsigned char c : line) {
        const bool kept = static_cast<unsigned>((c | 0x20) - 'a') < 26u ||
                          static_cast<unsigned>(c - '0') < 10u || c >= 0x80;
        runs += kept && !in_run;
        in_run = kept;
      }
      FUZZ_CHECK(words == runs, "word count " + std::to_string(words) + " vs " + std::to_string(runs) +
                                    " runs of kept bytes in " + Escape(line));
      // Group tokens: the runs, except that a CJK lead byte (0xE3..0xE9)
      // and up to two continuation bytes right after it are a token alone.
      size_t tokens = 0;
      in_run = false;
      for (size_t i = 0; i < line.size();) {
        const unsigned char c = static_cast<unsigned char>(line[i]);
        const bool kept = static_cast<unsigned>((c | 0x20) - 'a') < 26u ||
                          static_cast<unsigned>(c - '0') < 10u || c >= 0x80;
        ++i;
        if (!kept) {
          in_run = false;
        } else if (c >= 0xE3 && c <= 0xE9) {
          ++tokens;
          in_run = false;
          for (int k = 0; k < 2 && i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80; ++k) ++i;
        } else {
          tokens += !in_run;
          in_run = true;
        }
      }
      FUZZ_CHECK(internal::GroupTokenCount(compact) == tokens,
                 "group tokens " + std::to_string(internal::GroupTokenCount(compact)) + " vs " +
                     std::to_string(tokens) + " in " + Escape(line));
      FUZZ_CHECK(long_lines[&l - spans.data()] == (tokens >= 8), "long-line flag vs 8+ group tokens in " + Escape(line));
    }
  }
  // Every line of every document (and each whole document as one line) on
  // every target: the SIMD line key against the reference.
  fuzz::ForEachTarget([&](const std::string& target) {
    for (const std::string& d : docs) {
      std::vector<std::string_view> lines{d};
      for (const LineSpan& l : SplitLines(d)) lines.push_back(std::string_view(d).substr(l.begin, l.end - l.begin));
      for (std::string_view line : lines) {
        for (bool f : {false, true}) {
          FUZZ_CHECK(LineHash(line, f) == reference::LineHash(line, f),
                     target + ": LineHash differs from the reference on " + Escape(line));
        }
        internal::CompactLine compact;
        compact.Assign(line);
        FUZZ_CHECK(std::string_view(reinterpret_cast<const char*>(compact.bytes.data()), compact.size) ==
                       reference::LineKeyBytes(line, true),
                   target + ": CompactLine bytes differ from the reference on " + Escape(line));
        const std::vector<uint32_t> ends = reference::LineKeyWordEnds(line);
        FUZZ_CHECK(compact.words == ends.size() && std::equal(ends.begin(), ends.end(), compact.word_ends.begin()),
                   target + ": CompactLine word ends differ from the reference on " + Escape(line));
        size_t fused_words = 0;
        uint64_t unfolded = 0;
        FUZZ_CHECK(internal::LineHashCountingWords(line, &compact, &fused_words, &unfolded) ==
                           reference::LineHash(line, true) &&
                       unfolded == reference::LineHash(line, false) && fused_words == ends.size(),
                   target + ": the fused pass (both hashes, words) differs from the reference on " + Escape(line));
        FUZZ_CHECK(std::string_view(reinterpret_cast<const char*>(compact.bytes.data()), compact.size) ==
                       reference::LineKeyBytes(line, true),
                   target + ": the fused pass left unfolded bytes on " + Escape(line));
      }
    }
  });
  {
    // The batch path (AddDocuments): with room for every key it counts as
    // AddLineHashes document by document; a document's keys may come
    // unsorted and repeated. With a small table it prunes at the batch's
    // end, within max_entries, and the order the shards are filled in
    // (threads) changes nothing.
    std::vector<std::vector<uint64_t>> keys(docs.size());
    std::vector<std::span<const uint64_t>> spans;
    LineFrequencyTable one(size_t{1} << 20), batch(size_t{1} << 20);
    for (size_t i = 0; i < docs.size(); ++i) {
      DocumentCorpusKeys(docs[i], &keys[i]);
      if (i % 2 && !keys[i].empty()) {
        std::reverse(keys[i].begin(), keys[i].end());
        keys[i].push_back(keys[i][0]);
      }
      one.AddLineHashes(keys[i].data(), keys[i].size());
      spans.emplace_back(keys[i]);
    }
    batch.AddDocuments(spans);
    FUZZ_CHECK(batch.Save() == one.Save(), "AddDocuments differs from AddLineHashes one by one");
    const auto backwards = [](size_t n, const std::function<void(size_t)>& fn) {
      for (size_t i = n; i-- > 0;) fn(i);
    };
    LineFrequencyTable p(max_entries), q(max_entries);
    const size_t half = spans.size() / 2;
    const std::span<const std::span<const uint64_t>> all(spans);
    p.AddDocuments(all.first(half));
    p.AddDocuments(all.subspan(half));
    q.AddDocuments(all.first(half), backwards);
    q.AddDocuments(all.subspan(half), backwards);
    FUZZ_CHECK(p.Save() == q.Save(), "AddDocuments depends on the order of its shards");
    FUZZ_CHECK(p.size() <= p.max_entries() && p.documents() == docs.size(), "AddDocuments: size or documents");
  }
  CheckRoundTrip(a, "built");
  a.Merge(b);
  FUZZ_CHECK(a.documents() == docs.size(), "documents after Merge " + std::to_string(a.documents()));
  FUZZ_CHECK(a.size() <= a.max_entries(), "merged table above max_entries");
  CheckRoundTrip(a, "merged");
  return 0;
}
