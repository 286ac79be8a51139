// The corpus line-frequency table: counts documents, bounded memory,
// merge = one table, versioned Save/Load with errors as values, and the
// classifier's frequent_in_corpus signal.
#include <algorithm>
#include <cctype>
#include <span>
#include <thread>
#include <vector>

#include "boilerhash/classifier.h"
#include "boilerhash/corpus_stats.h"
#include "boilerhash/reasons.h"
#include "test_util.h"

namespace boilerhash {
namespace {

TEST(LineHash, Normalization) {
  EXPECT_EQ(LineHash("9h ago"), LineHash("2h  ago!"));
  EXPECT_EQ(LineHash("Read More"), LineHash("read more"));
  EXPECT_NE(LineHash("read more \xE2\x80\xBA"), LineHash("read more"));  // non-ASCII kept
  EXPECT_NE(LineHash("read more"), LineHash("read less"));
  EXPECT_EQ(LineHash(" | -- "), 0u);
  EXPECT_NE(LineHash("x"), 0u);
}

// Short lines are hashed in one XXH3 call, long ones (> 1024 bytes) in
// streaming chunks: both must give the hash of the same normalized bytes.
TEST(LineHash, OneShotAndStreamingPathsAgree) {
  std::string letters, spaced;
  for (int i = 0; i < 1000; ++i) {
    const char c = static_cast<char>('a' + (i * 7) % 26);
    letters += c;
    spaced += c;
    if (i % 2 == 0) spaced += " -";  // dropped by the normalization
  }
  ASSERT_LE(letters.size(), 1024u);
  ASSERT_GT(spaced.size(), 1024u);
  EXPECT_EQ(LineHash(letters), LineHash(spaced));
  EXPECT_EQ(LineHash(letters + "9"), LineHash(spaced + " 3", /*fold_digits=*/true));
  EXPECT_NE(LineHash(letters + "9", false), LineHash(spaced + " 3", false));
}

TEST(LineFrequencyTable, CountsDocumentsNotOccurrences) {
  LineFrequencyTable t;
  t.AddDocument("Sign up for our newsletter\nbody one\nSign up for our newsletter\n");
  t.AddDocument("Sign up for our newsletter\nbody two\n");
  t.AddDocument("other\n");
  EXPECT_EQ(t.documents(), 3u);
  EXPECT_EQ(t.CountLine("Sign up for our newsletter"), 2u);
  EXPECT_EQ(t.CountLine("body one"), 1u);
  EXPECT_EQ(t.CountLine("never seen"), 0u);
}

TEST(LineFrequencyTable, MergeEqualsOneTable) {
  std::mt19937_64 rng(3);
  std::vector<std::string> docs;
  for (int d = 0; d < 40; ++d) {
    std::string doc;
    for (int l = 0; l < 20; ++l) doc += "line " + std::to_string(rng() % 60) + "\n";
    docs.push_back(doc);
  }
  LineFrequencyTable all, a, b;
  for (size_t i = 0; i < docs.size(); ++i) {
    all.AddDocument(docs[i]);
    (i % 2 ? a : b).AddDocument(docs[i]);
  }
  LineFrequencyTable merged_ab = a, merged_ba = b;
  merged_ab.Merge(b);
  merged_ba.Merge(a);
  EXPECT_EQ(merged_ab.Save(), all.Save());
  EXPECT_EQ(merged_ba.Save(), all.Save());
}

TEST(LineFrequencyTable, BoundedMemoryKeepsFrequentLines) {
  LineFrequencyTable t(64);
  for (int d = 0; d < 500; ++d) {
    t.AddDocument("Accept all cookies\nunique line " + std::to_string(d) + "\n");
    ASSERT_LE(t.size(), 64u);
  }
  EXPECT_GE(t.CountLine("Accept all cookies"), 490u);  // lower bound, error <= prunes
  EXPECT_LE(t.CountLine("Accept all cookies"), 500u);
}

// After many prunes, a line first seen late in the stream is still counted:
// every prune drops the lines seen once first, so a line seen in three
// documents survives the next one however many prunes came before.
TEST(LineFrequencyTable, LinesSeenLateSurviveManyPrunes) {
  LineFrequencyTable t(64);
  // LineHash folds digits, so unique lines are spelled in letters.
  auto unique_line = [](int i) {
    std::string s = "unique line ";
    for (; i > 0 || s.back() == ' '; i /= 26) s.push_back(static_cast<char>('a' + i % 26));
    return s + "\n";
  };
  int next = 0;
  auto add_unique_docs = [&](int docs) {
    for (int d = 0; d < docs; ++d) t.AddDocument(unique_line(next++));
  };
  add_unique_docs(2000);  // about 60 prunes
  for (int d = 0; d < 3; ++d) t.AddDocument("A late site's footer line\n" + unique_line(next++));
  add_unique_docs(100);  // at least one more prune
  ASSERT_LE(t.size(), 64u);
  EXPECT_EQ(t.CountLine("A late site's footer line"), 3u);
  EXPECT_EQ(t.CountLine(unique_line(5)), 0u);  // seen once, long ago: dropped
}

// A table full of lines each seen in more than 255 documents (past the
// histogram's last bucket): the prune keeps the half with the most documents.
TEST(LineFrequencyTable, PruneOfLinesSeenInHundredsOfDocuments) {
  LineFrequencyTable t(16);  // the smallest table there is
  for (uint32_t d = 0; d < 316; ++d) {
    std::vector<uint64_t> keys;
    for (uint64_t j = 0; j < 16; ++j) {
      if (d < 300 + j) keys.push_back(j + 1);  // key j+1 in 300+j documents
    }
    t.AddLineHashes(keys.data(), keys.size());
  }
  const uint64_t late = 100;
  t.AddLineHashes(&late, 1);  // the 17th key: a prune
  EXPECT_LE(t.size(), 16u);
  for (uint64_t j = 0; j < 8; ++j) EXPECT_EQ(t.Count(j + 1), 0u) << j;
  for (uint64_t j = 8; j < 16; ++j) EXPECT_EQ(t.Count(j + 1), 300u + j) << j;
  EXPECT_EQ(t.Count(late), 1u);
}

// More than half the table seen in every document: a prune keeps half the
// table's worth of those lines (the smallest keys) instead of dropping them
// all as one tie, which had left them counted from the last prune only.
TEST(LineFrequencyTable, APruneKeepsPartOfATieAtTheTop) {
  std::mt19937_64 rng(8);
  std::vector<uint64_t> tmpl(3000);
  for (auto& k : tmpl) k = rng() | 1;
  LineFrequencyTable t(4096);
  for (int d = 0; d < 1000; ++d) {
    std::vector<uint64_t> keys = tmpl;
    for (int j = 0; j < 100; ++j) keys.push_back(rng() | 1);
    t.AddLineHashes(keys.data(), keys.size());
  }
  size_t exact = 0;
  for (const uint64_t k : tmpl) exact += t.Count(k) == 1000;
  EXPECT_EQ(exact, 2048u);  // half the table, kept through every prune
  EXPECT_LE(t.size(), 4096u);
}

// The batch path: documents' keys added shard by shard on several threads
// count as AddLineHashes one document at a time, and pruning per batch
// gives one table whatever the threads.
std::vector<std::vector<uint64_t>> RandomDocumentKeys(size_t docs, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::vector<uint64_t>> keys(docs);
  for (auto& k : keys) {
    for (size_t j = 0, n = rng() % 300; j < n; ++j) k.push_back(rng() % 4 == 0 ? 1 + rng() % 500 : rng());
    if (rng() % 3 == 0 && !k.empty()) k.push_back(k.front());  // a repeat, counted once
  }
  return keys;
}

void OnThreads(size_t n, const std::function<void(size_t)>& fn) {
  std::vector<std::thread> threads;
  for (size_t i = 0; i < n; ++i) threads.emplace_back(fn, n - 1 - i);
  for (auto& t : threads) t.join();
}

TEST(LineFrequencyTable, AddDocumentsCountsAsOneByOne) {
  const auto keys = RandomDocumentKeys(400, 3);
  std::vector<std::span<const uint64_t>> docs(keys.begin(), keys.end());
  LineFrequencyTable one, batch, threaded;
  for (const auto& k : keys) one.AddLineHashes(k.data(), k.size());
  batch.AddDocuments(docs);
  threaded.AddDocuments(std::span(docs).first(150), OnThreads);
  threaded.AddDocuments(std::span(docs).subspan(150), OnThreads);
  EXPECT_GT(one.size(), 40000u);
  EXPECT_EQ(batch.Save(), one.Save());
  EXPECT_EQ(threaded.Save(), one.Save());
  EXPECT_EQ(threaded.documents(), 400u);
  EXPECT_GE(threaded.Count(1 + 7), 1u);  // small keys: in about a quarter of the documents
}

TEST(LineFrequencyTable, AddDocumentsPrunesTheSameOnAnyThreads) {
  const auto keys = RandomDocumentKeys(600, 4);
  std::vector<std::span<const uint64_t>> docs(keys.begin(), keys.end());
  LineFrequencyTable serial(4096), threaded(4096);
  for (size_t b = 0; b < docs.size(); b += 50) {
    const auto batch = std::span(docs).subspan(b, 50);
    serial.AddDocuments(batch);
    threaded.AddDocuments(batch, OnThreads);
    ASSERT_LE(serial.size(), serial.max_entries());
    ASSERT_EQ(threaded.Save(), serial.Save()) << "batch " << b;
  }
  // The 500 small keys, each in about 600 / 4 / 500 * 300 ~ 22 documents
  // (a quarter of the keys are small), outlast the random ones.
  size_t kept = 0;
  for (uint64_t k = 1; k <= 500; ++k) kept += serial.Count(k) > 0;
  EXPECT_GT(kept, 450u);
}

// A batch far larger than the table: it is added in runs that fit, so the
// table never holds more than max_entries entries, nor, with keys spread
// over the shards, more slots than one table of max_entries at load 1/2 (16
// shards of 128 slots for 1024). A long document's sorted keys fill one
// shard at a time and may double it until the next prune: twice that at most.
TEST(LineFrequencyTable, AddDocumentsStaysWithinMaxEntries) {
  std::mt19937_64 rng(5);
  std::vector<std::vector<uint64_t>> keys(300);  // random keys: spread over the shards
  for (auto& k : keys) {
    for (size_t j = 0, n = rng() % 300; j < n; ++j) k.push_back(rng() | 1);
  }
  std::vector<std::span<const uint64_t>> docs(keys.begin(), keys.end());
  constexpr size_t kOneTable = 2 * 1024 * (sizeof(uint64_t) + sizeof(uint32_t));
  LineFrequencyTable t(1024);
  t.AddDocuments(docs, OnThreads);
  EXPECT_LE(t.size(), 1024u);
  EXPECT_EQ(t.documents(), docs.size());
  EXPECT_LE(t.memory_bytes(), kOneTable);
  EXPECT_GT(t.memory_bytes(), 0u);
  std::vector<uint64_t> big;  // more keys than half the table: added key by key
  for (uint64_t k = 1; k <= 3000; ++k) big.push_back(k * 0x9E3779B97F4A7C15ull);
  const std::span<const uint64_t> one[] = {big};
  t.AddDocuments(one, OnThreads);
  EXPECT_LE(t.size(), 1024u);
  EXPECT_EQ(t.documents(), docs.size() + 1);
  EXPECT_LE(t.memory_bytes(), 2 * kOneTable);
}

TEST(LineFrequencyTable, SaveLoadRoundTripAndErrors) {
  LineFrequencyTable t(1000);
  t.AddDocument("a\nb\nc\n");
  t.AddDocument("a\nb\n");
  const std::string bytes = t.Save();
  ASSERT_EQ(bytes.substr(0, 4), "BHLF");
  LineFrequencyTable u;
  ASSERT_TRUE(LineFrequencyTable::Load(bytes, &u).ok());
  EXPECT_EQ(u.Save(), bytes);
  EXPECT_EQ(u.CountLine("a"), 2u);
  EXPECT_EQ(u.documents(), 2u);
  EXPECT_EQ(u.max_entries(), 1000u);
  // Header: magic, version 4, then fields (docs/CLASSIFIER.md); entries for
  // the lines a, b, c (short lines: no group keys).
  EXPECT_EQ(bytes[4], 4);
  EXPECT_EQ(bytes.size(), 4 + 4 + 8 + 8 + 4 + 8 + 3 * 12u);

  EXPECT_EQ(LineFrequencyTable::Load("", &u).code(), StatusCode::kParseError);
  EXPECT_EQ(LineFrequencyTable::Load("XXXX", &u).code(), StatusCode::kParseError);
  std::string v5 = bytes;
  v5[4] = 5;
  const Status s5 = LineFrequencyTable::Load(v5, &u);
  EXPECT_NE(s5.message().find("version 5"), std::string::npos) << s5.message();
  std::string v0 = bytes;
  v0[4] = 0;
  EXPECT_FALSE(LineFrequencyTable::Load(v0, &u).ok());
  // Versions 1 (line-pair keys), 2 (FNV-1a word hashes in the group keys)
  // and 3 (CJK code points not split) still load: their line counts mean
  // the same.
  for (char version : {1, 2, 3}) {
    std::string older = bytes;
    older[4] = version;
    LineFrequencyTable old;
    ASSERT_TRUE(LineFrequencyTable::Load(older, &old).ok()) << int(version);
    EXPECT_EQ(old.CountLine("a"), 2u);
  }
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    EXPECT_FALSE(LineFrequencyTable::Load(bytes.substr(0, cut), &u).ok()) << cut;
  }
  std::string unsorted = bytes;
  std::swap_ranges(unsorted.end() - 24, unsorted.end() - 12, unsorted.end() - 12);
  EXPECT_FALSE(LineFrequencyTable::Load(unsorted, &u).ok());
  // An entry with count 0 (Save writes none) is refused: Prune would count
  // it as kept.
  std::string zero = bytes;
  zero[zero.size() - 4] = zero[zero.size() - 3] = zero[zero.size() - 2] = zero[zero.size() - 1] = 0;
  const Status z = LineFrequencyTable::Load(zero, &u);
  EXPECT_NE(z.message().find("count 0"), std::string::npos) << z.message();
  // So is a count above the table's documents (a line counts once per
  // document): here 3 of 2.
  std::string over = bytes;
  over[over.size() - 4] = 3;
  over[over.size() - 3] = over[over.size() - 2] = over[over.size() - 1] = 0;
  const Status o = LineFrequencyTable::Load(over, &u);
  EXPECT_NE(o.message().find("more documents than the table has"), std::string::npos) << o.message();
  over[over.size() - 4] = 2;  // at the limit: loads
  LineFrequencyTable at_limit;
  EXPECT_TRUE(LineFrequencyTable::Load(over, &at_limit).ok());
  // A failed load leaves the table as it was.
  EXPECT_EQ(u.Save(), bytes);
}

TEST(LineFrequencyTable, ReadHeaderNeedsOnlyTheHeader) {
  LineFrequencyTable t(1000);
  t.AddDocument("a\nb\nc\n");
  t.AddDocument("a\nb\n");
  const std::string bytes = t.Save();
  LineFrequencyTable::Header h;
  ASSERT_TRUE(LineFrequencyTable::ReadHeader(bytes.substr(0, LineFrequencyTable::kHeaderBytes), &h).ok());
  EXPECT_EQ(h.version, kLineFrequencyFormatVersion);
  EXPECT_EQ(h.max_entries, 1000u);
  EXPECT_EQ(h.documents, 2u);
  EXPECT_EQ(h.prune_floor, 0u);
  EXPECT_EQ(h.entries, 3u);
  EXPECT_EQ(bytes.size(), LineFrequencyTable::kHeaderBytes + 12 * h.entries);
  for (size_t cut = 0; cut < LineFrequencyTable::kHeaderBytes; ++cut) {
    EXPECT_FALSE(LineFrequencyTable::ReadHeader(bytes.substr(0, cut), &h).ok()) << cut;
  }
  std::string v5 = bytes;
  v5[4] = 5;
  EXPECT_FALSE(LineFrequencyTable::ReadHeader(v5, &h).ok());
  // More entries than the table may hold: refused by both.
  std::string overfull = bytes;
  overfull[28] = static_cast<char>(0xff);
  overfull[29] = static_cast<char>(0xff);
  LineFrequencyTable u;
  EXPECT_FALSE(LineFrequencyTable::ReadHeader(overfull, &h).ok());
  EXPECT_FALSE(LineFrequencyTable::Load(overfull, &u).ok());
  EXPECT_EQ(h.entries, 3u);  // a failed read leaves the header as it was
}

// A story of `paragraphs` lines of `per_line` words each, drawn from a word
// list of 24 by `seed` (different seeds share almost no word 5-grams), the
// words joined by `sep` and each line closed by `end`.
std::string StoryOf(const char* const (&words)[24], int per_line, const char* sep, const char* end,
                    uint32_t seed, int paragraphs) {
  std::mt19937 rng(seed);
  std::string text;
  for (int p = 0; p < paragraphs; ++p) {
    for (int w = 0; w < per_line; ++w) text += std::string(w ? sep : "") + words[rng() % 24];
    text += end;
  }
  return text;
}

// English: 14 words a line, ending in ".".
std::string Story(uint32_t seed, int paragraphs = 4) {
  static const char* const kWords[24] = {"council", "river",  "bridge", "spring",  "officials", "residents",
                                         "lorries", "closed", "budget", "vote",    "mayor",     "traffic",
                                         "repair",  "plan",   "years",  "workers", "city",      "report",
                                         "the",     "and",    "said",   "would",   "after",     "before"};
  return StoryOf(kWords, 14, " ", ".\n", seed, paragraphs);
}

// Japanese: 20 two-character words a line with no spaces between them,
// ending in "。". Each line is one run of kept bytes, one "word"; its CJK
// code points are what the group keys count.
std::string JapaneseStory(uint32_t seed, int paragraphs = 4) {
  static const char* const kWords[24] = {"市議", "会議", "火曜", "夜間", "議論", "石橋", "再建", "決定",
                                         "工事", "春季", "完成", "予算", "承認", "住民", "河川", "要望",
                                         "十年", "以上", "新橋", "喜び", "技師", "調査", "基礎", "重量"};
  return StoryOf(kWords, 20, "", "\xE3\x80\x82\n", seed, paragraphs);
}

// Two copies of `story` under different menus share all keys; `other`, a
// different story under the first menu, shares none. The four paragraphs
// are long lines and the one-line `menu` is not: short lines (menus,
// labels) are not part of the keys.
void ExpectKeysGroupCopies(const std::string& story, const std::string& other, const std::string& menu) {
  uint64_t a[kDocumentGroupKeys], b[kDocumentGroupKeys], c[kDocumentGroupKeys];
  DocumentGroupKeys(menu + "\n" + story + "Menu item 1\n", a);
  DocumentGroupKeys("Site two\n\n" + story + "\nContact us\nAbout\n", b);
  DocumentGroupKeys(menu + "\n" + other + "Menu item 1\n", c);
  for (size_t k = 0; k < kDocumentGroupKeys; ++k) {
    EXPECT_NE(a[k], 0u);
    EXPECT_EQ(a[k], b[k]) << k;
    EXPECT_NE(a[k], c[k]) << k;
  }
  std::vector<bool> long_lines;
  DocumentGroupKeys(menu + "\n" + story, a, &long_lines);
  ASSERT_EQ(long_lines.size(), 5u);
  EXPECT_FALSE(long_lines[0]);
  for (int i = 1; i <= 4; ++i) EXPECT_TRUE(long_lines[i]) << i;
}

TEST(DocumentGroupKeys, NearDuplicatesShareKeysUnrelatedDoNot) {
  ExpectKeysGroupCopies(Story(1), Story(2), "Home | News | Sport");
}

TEST(DocumentGroupKeys, JapaneseNearDuplicatesShareKeysUnrelatedDoNot) {
  ExpectKeysGroupCopies(JapaneseStory(1), JapaneseStory(2), "\xE3\x83\x9B\xE3\x83\xBC\xE3\x83\xA0");  // ホーム
}

TEST(DocumentGroupKeys, NoKeysWithoutEnoughLongText) {
  uint64_t keys[kDocumentGroupKeys];
  DocumentGroupKeys("Home\nNews\nSport\nWeather\n", keys);  // a menu
  for (uint64_t k : keys) EXPECT_EQ(k, 0u);
  // One 8-word line: long, but 4 shingles are too few to stand for a story.
  std::vector<bool> long_lines;
  DocumentGroupKeys("Story number one has its own text here.\n", keys, &long_lines);
  for (uint64_t k : keys) EXPECT_EQ(k, 0u);
  ASSERT_FALSE(long_lines.empty());
  EXPECT_TRUE(long_lines[0]);
  DocumentGroupKeys("", keys);
  for (uint64_t k : keys) EXPECT_EQ(k, 0u);
}

// Group keys are counted into saved tables: these values may change only
// together with kLineFrequencyFormatVersion (4 today; 2 brought group keys,
// 3 and 4 changed them). These values come from an
// independent Python implementation of the spec in corpus_stats.h (MT19937
// for Story, the word hash, shingles and minima written from the comment),
// not from this code's output.
TEST(DocumentGroupKeys, GoldenValues) {
  uint64_t keys[kDocumentGroupKeys];
  DocumentGroupKeys(Story(7, 3), keys);
  const uint64_t golden[kDocumentGroupKeys] = {1307110953720942043ull, 964324039683184649ull,
                                                99306474138981473ull,   1440936916055849598ull,
                                                654792060351437752ull,  1018945628701283168ull,
                                                359989968229817774ull,  768141853516647193ull};
  for (size_t k = 0; k < kDocumentGroupKeys; ++k) EXPECT_EQ(keys[k], golden[k]) << k;
  // Case, digits and punctuation fold as in LineHash.
  std::string shouted = Story(7, 3);
  for (char& ch : shouted) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  DocumentGroupKeys(shouted, keys);
  for (size_t k = 0; k < kDocumentGroupKeys; ++k) EXPECT_EQ(keys[k], golden[k]) << k;
}

TEST(DocumentGroupKeys, GoldenValuesWithLongAndNonAsciiWords) {
  // Words of 1 to 20 bytes: the up-to-8, 9-16 and XXH3 (over 16) word
  // hashes, UTF-8 bytes and a folded number. The third line does not end
  // like a sentence, so its shingles are left out.
  const std::string line =
      "The internationalization committee's counter-revolutionary \xC3\x9Cn\xC3\xAF" "code plan of 2026 "
      "was approved by the board.";
  const std::string doc = line + "\n" +
                          "The internationalization committee's counter-revolutionary \xC3\x9Cn\xC3\xAF" "code plan "
                          "of 2026 was approved by the Council of Ministers.\n"
                          "board. the by approved was 2026 of plan \xC3\x9Cn\xC3\xAF" "code counter-revolutionary "
                          "committee's internationalization The\n";
  uint64_t keys[kDocumentGroupKeys];
  DocumentGroupKeys(doc, keys);
  const uint64_t golden[kDocumentGroupKeys] = {974647877907580951ull,  1590964645739485265ull,
                                                2419970498472197047ull, 368078927902866363ull,
                                                103097703924057870ull,  61142787523494720ull,
                                                45022790461050803ull,   629086065231022876ull};
  for (size_t k = 0; k < kDocumentGroupKeys; ++k) EXPECT_EQ(keys[k], golden[k]) << k;
}

// DocumentCorpusKeys hands out the same group keys and counts a long line
// under each of them; the classifier gives the same labels with them handed
// in as with them computed.
TEST(DocumentGroupKeys, CorpusKeysCarryTheGroupKeys) {
  const std::string doc = "Menu\n" + Story(3) + "Short footer line\n";
  uint64_t direct[kDocumentGroupKeys], passed[kDocumentGroupKeys];
  DocumentGroupKeys(doc, direct);
  std::vector<uint64_t> keys;
  DocumentCorpusKeys(doc, &keys, passed);
  for (size_t k = 0; k < kDocumentGroupKeys; ++k) EXPECT_EQ(passed[k], direct[k]) << k;
  EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end()));
  EXPECT_EQ(std::count(keys.begin(), keys.end(), uint64_t{0}), 0);
  const std::string first = Story(3).substr(0, Story(3).find('\n'));
  for (size_t k = 0; k < kDocumentGroupKeys; ++k) {
    EXPECT_TRUE(std::binary_search(keys.begin(), keys.end(), LineGroupKey(direct[k], LineHash(first))));
  }
  // 1 menu + 4 story + 1 footer line hashes, 8 group keys per story line.
  EXPECT_EQ(keys.size(), 6u + 4u * kDocumentGroupKeys);
}

// Only lines that end like sentences make the keys: a long list of links or
// a truncated teaser differs between copies of a story and would only blur
// them. Such lines are still long lines, counted with the keys.
TEST(DocumentGroupKeys, OnlySentencesMakeTheKeys) {
  const std::string story = Story(5);
  uint64_t plain[kDocumentGroupKeys], with_links[kDocumentGroupKeys], with_teaser[kDocumentGroupKeys];
  DocumentGroupKeys(story, plain);
  std::vector<bool> is_long;
  DocumentGroupKeys(story + "Home News Sport Weather Business Culture Travel Future Video Live\n", with_links,
                    &is_long);
  DocumentGroupKeys(story + "Officials said the bridge over the river would reopen after the budget vote...\n",
                    with_teaser);
  for (size_t k = 0; k < kDocumentGroupKeys; ++k) {
    EXPECT_EQ(with_links[k], plain[k]) << k;
    EXPECT_EQ(with_teaser[k], plain[k]) << k;
  }
  ASSERT_EQ(is_long.size(), 5u);
  EXPECT_TRUE(is_long[4]);  // 11 words: counted with the keys all the same
  uint64_t with_sentence[kDocumentGroupKeys];
  DocumentGroupKeys(story + "Officials said the bridge over the river would reopen after the budget vote.\n",
                    with_sentence);
  EXPECT_FALSE(std::equal(with_sentence, with_sentence + kDocumentGroupKeys, plain));
}

// Copies of one story count as one document for the story's lines; a long
// footer printed under many different stories still counts every page.
TEST(LineFrequencyTable, CountGroupsCountsNearDuplicatesOnce) {
  const std::string footer =
      "Our journalism depends on readers like you, so please consider supporting it today.";
  const std::string story = Story(11);
  LineFrequencyTable t;
  for (int d = 0; d < 4; ++d) t.AddDocument("Site " + std::to_string(d) + "\n" + story + footer + "\n");
  for (int d = 0; d < 4; ++d) t.AddDocument(Story(100 + d) + footer + "\n");
  uint64_t keys[kDocumentGroupKeys];
  DocumentGroupKeys("Site 0\n" + story + footer + "\n", keys);
  const uint64_t paragraph = LineHash(story.substr(0, story.find('\n')));
  EXPECT_EQ(t.Count(paragraph), 4u);
  EXPECT_EQ(t.CountGroups(paragraph, keys), 1u);
  EXPECT_EQ(t.Count(LineHash(footer)), 8u);
  EXPECT_GE(t.CountGroups(LineHash(footer), keys), 5u);
  // Without keys (or keys never counted) it is the plain count.
  const uint64_t none[kDocumentGroupKeys] = {};
  EXPECT_EQ(t.CountGroups(paragraph, none), 4u);
  uint64_t other[kDocumentGroupKeys];
  DocumentGroupKeys(Story(999), other);
  EXPECT_EQ(t.CountGroups(paragraph, other), 4u);
}

// Other holders of a line count as this document's near-duplicates only
// when they share kGroupKeysShared (3) of its 8 keys; two shared keys (a
// site's template paragraph can win that many) are not enough.
TEST(LineFrequencyTable, CountGroupsNeedsThreeSharedKeys) {
  const uint64_t line = LineHash("a paragraph that several documents print word for word today");
  uint64_t mine[kDocumentGroupKeys];
  for (size_t k = 0; k < kDocumentGroupKeys; ++k) mine[k] = 1000 + k;
  for (size_t shared = 0; shared <= kDocumentGroupKeys; ++shared) {
    LineFrequencyTable t;
    for (uint64_t d = 0; d < 5; ++d) {  // d = 0 is this document
      std::vector<uint64_t> counted = {line};
      for (size_t k = 0; k < kDocumentGroupKeys; ++k) {
        const uint64_t key = (d == 0 || k < shared) ? mine[k] : 5000 + 16 * d + k;
        counted.push_back(LineGroupKey(key, line));
      }
      t.AddLineHashes(counted.data(), counted.size());
    }
    EXPECT_EQ(t.Count(line), 5u);
    EXPECT_EQ(t.CountGroups(line, mine), shared >= kGroupKeysShared ? 1u : 5u) << shared << " keys shared";
  }
}

TEST(ClassifierCorpus, FrequentLinesAreBoilerplate) {
  auto model = BoilerplateModel::Default();
  ASSERT_TRUE(model);
  const std::string footer =
      "Our journalism depends on readers like you, so please consider supporting it today.";
  LineFrequencyTable corpus;
  for (int d = 0; d < 5; ++d) {
    corpus.AddDocument("Story number " + std::to_string(d) + " has its own text here.\n" + footer + "\n");
  }
  const std::string doc =
      "The council met on Tuesday and agreed to rebuild the old bridge over the river.\n" + footer +
      "\nThe work will start in spring and should be finished within two years, officials said.\n";
  ClassifyResult without, with;
  model->Classify(doc, &without);
  model->Classify(doc, &with, &corpus);
  ASSERT_EQ(with.lines.size(), 3u);
  EXPECT_EQ(without.lines[1].label, LineLabel::kContent);
  EXPECT_EQ(with.lines[1].label, LineLabel::kBoilerplate);
  EXPECT_TRUE(with.lines[1].reasons & kReasonFrequentInCorpus);
  EXPECT_EQ(with.lines[0].label, LineLabel::kContent);
  EXPECT_EQ(with.lines[2].label, LineLabel::kContent);
}

// Five sites print `story` (paragraph lines separated by blank lines) among
// their own menus; the classifier, given the corpus table of all five,
// keeps every paragraph of one copy as content. Returns the paragraphs seen.
size_t ExpectSyndicatedStoryKept(const std::string& story) {
  auto model = BoilerplateModel::Default();
  EXPECT_TRUE(model);
  if (!model) return 0;
  LineFrequencyTable corpus;
  std::vector<std::string> copies;
  for (int d = 0; d < 5; ++d) {
    copies.push_back("Site " + std::to_string(d) + " | Home | News\n\n" + story + "\nMenu item " +
                     std::to_string(d) + "\n");
    corpus.AddDocument(copies.back());
  }
  ClassifyResult r;
  model->Classify(copies[2], &r, &corpus);
  size_t kept = 0;
  for (const LineResult& line : r.lines) {
    const std::string_view text(copies[2].data() + line.begin, line.end - line.begin);
    if (story.find(text) != std::string::npos && !text.empty()) {
      EXPECT_EQ(line.label, LineLabel::kContent) << text;
      EXPECT_FALSE(line.reasons & kReasonFrequentInCorpus) << text;
      ++kept;
    }
  }
  return kept;
}

// The same prose paragraphs in several documents (one story, syndicated)
// are content: near-duplicate detection must still see them.
TEST(ClassifierCorpus, SyndicatedParagraphsStayContent) {
  const std::string story =
      "The council met on Tuesday and agreed to rebuild the old bridge over the river.\n\n"
      "The work will start in spring and should be finished within two years, officials said.\n\n"
      "Residents have asked for a new crossing since the old one was closed to lorries last year.\n";
  EXPECT_EQ(ExpectSyndicatedStoryKept(story), 3u);
}

// The same in Japanese. Without the CJK group tokens no line was long, the
// copies were not grouped, and every paragraph counted five documents:
// frequent, so the whole story went.
TEST(ClassifierCorpus, SyndicatedJapaneseParagraphsStayContent) {
  EXPECT_EQ(ExpectSyndicatedStoryKept(JapaneseStory(7, 3)), 3u);
}

// Both at once: in one corpus, the copies of a story keep its paragraphs
// while the appeal their site prints under every story is still removed.
TEST(ClassifierCorpus, SyndicatedStoryKeptSiteAppealRemoved) {
  auto model = BoilerplateModel::Default();
  ASSERT_TRUE(model);
  const std::string appeal =
      "Our journalism depends on readers like you, so please consider supporting it today.";
  const std::string story = Story(11);
  LineFrequencyTable corpus;
  std::vector<std::string> copies;
  for (int d = 0; d < 4; ++d) {
    copies.push_back("Edition " + std::to_string(d) + "\n" + story + appeal + "\n");
    corpus.AddDocument(copies.back());
  }
  for (int d = 0; d < 6; ++d) corpus.AddDocument("Edition\n" + Story(200 + d) + appeal + "\n");
  ClassifyResult r;
  model->Classify(copies[1], &r, &corpus);
  ASSERT_EQ(r.lines.size(), 6u);
  for (int i = 1; i <= 4; ++i) {
    EXPECT_EQ(r.lines[i].label, LineLabel::kContent) << i;
    EXPECT_FALSE(r.lines[i].reasons & kReasonFrequentInCorpus) << i;
  }
  EXPECT_EQ(r.lines[5].label, LineLabel::kBoilerplate);
  EXPECT_TRUE(r.lines[5].reasons & kReasonFrequentInCorpus);
  // The corpus pass's group keys handed in: the same labels and reasons;
  // wrong keys (none shared with the copies) lose the story's exception.
  uint64_t keys[kDocumentGroupKeys];
  std::vector<uint64_t> counted;
  DocumentCorpusKeys(copies[1], &counted, keys);
  ClassifyResult passed;
  model->Classify(copies[1], &passed, &corpus, keys);
  ASSERT_EQ(passed.lines.size(), r.lines.size());
  for (size_t i = 0; i < r.lines.size(); ++i) {
    EXPECT_EQ(passed.lines[i].label, r.lines[i].label) << i;
    EXPECT_EQ(passed.lines[i].reasons, r.lines[i].reasons) << i;
  }
  const uint64_t foreign[kDocumentGroupKeys] = {11, 12, 13, 14, 15, 16, 17, 18};
  model->Classify(copies[1], &passed, &corpus, foreign);
  EXPECT_TRUE(passed.lines[1].reasons & kReasonFrequentInCorpus);
}

}  // namespace
}  // namespace boilerhash
