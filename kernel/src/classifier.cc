// Stage: the boilerplate line classifier (classifier.h; the model is described
// in docs/CLASSIFIER.md). Every pass is linear in the number of lines:
//   1. lines and SIMD line features (line_features.cc);
//   2. one Hyperscan scan of the whole document (pattern_db.cc), matches
//      mapped to lines by binary search over line starts, then the word
//      lists over the lines of pass 1 (word_lists.cc);
//   3. repetition inside the document and, optionally, corpus frequency
//      (normalized line hashes, corpus_stats.h);
//   4. a first class per line (jusText's: bad / short / near-good / good);
//   5. structure: end-of-article markers and teaser blocks under section headers;
//   6. context: short and near-good lines take their neighbours' class
//      (jusText's second pass, with the nearest decided line on each side
//      found by one forward and one backward sweep);
//   7. the main text block: the maximum-sum run of lines (Body Text
//      Extraction, Finn, Kushmerick & Smyth 2001), Kadane's algorithm;
//   8. lists that a line of the body ending in ':' announces;
//   9. the headline: the nearest headline-like line above the body is kept.
#include "boilerhash/classifier.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <new>
#include <utility>

#include "boilerhash/corpus_stats.h"
#include "boilerhash/line_features.h"
#include "boilerhash/pattern_db.h"
#include "boilerhash/reasons.h"
#include "embedded_data.h"
#include "line_normalize.h"
#include "line_spans.h"
#include "per_thread.h"

namespace boilerhash {

const char* LineLabelName(LineLabel label) {
  switch (label) {
    case LineLabel::kContent: return "content";
    case LineLabel::kBoilerplate: return "boilerplate";
    case LineLabel::kBlank: return "blank";
  }
  return "unknown";
}

namespace {

// jusText's classes (Pomikálek 2011), plus "blank".
enum Class : uint8_t { kBad, kShort, kNear, kGood, kBlankClass };

// Main-block cost of a paragraph line with no decisive boilerplate signal.
constexpr double kSoftPenalty = 2.0;
// Comment signatures after an end marker that show the comments start there.
constexpr uint32_t kMinCommentSignatures = 2;
// Lines under a content line ending in ':' that make a list it announces.
constexpr size_t kAnnouncedListMinLines = 3;

// The line ends in ':' (spaces after it aside).
bool EndsWithColon(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return !line.empty() && line.back() == ':';
}

struct PatternHits {
  float weight = 0;   // boilerplate weight of the matches
  float cue = 0;      // content-cue weight
  uint32_t matches = 0;
  uint32_t kinds = 0; // PatternFlag bits of the patterns that matched
};

// The most bytes one window holds: line offsets are 32-bit. A document past
// it is cut into windows of whole lines within it (ClassifyWindowEnds); a
// single line past it is kept, unclassified, as one content line.
constexpr size_t kMaxWindowBytes = 0xFFFFFFFFu;

// Per-thread buffers reused from call to call: Classify allocates nothing
// once a thread's buffers have grown to its largest document.
struct Workspace {
  std::vector<LineSpan> spans;
  std::vector<LineFeatures> f;
  std::vector<PatternHits> hits;
  std::vector<uint32_t> last_line;
  std::vector<uint64_t> corpus_hash;
  std::vector<uint32_t> slot;         // per line: its repetition table slot
  std::vector<uint32_t> corpus_docs;
  std::vector<uint8_t> long_line;     // 8+ words: counted with group keys
  internal::CompactLine compact;      // one line normalized (corpus hash, words)
  internal::GroupKeyBuilder keys;     // the group keys, when not handed in
  std::vector<uint64_t> table_keys;   // repetition: open addressing over line hashes
  std::vector<uint32_t> table_counts;
  std::vector<uint8_t> table_form;    // per slot: every occurrence is a form's prompt
  std::vector<uint8_t> cls, prev, next, content, listed;
  std::vector<uint32_t> why, sig_after;
  std::vector<float> score;
};

template <class T>
void Fill(std::vector<T>* v, size_t n, T value) {
  v->assign(n, value);
}

struct ScanState {
  const std::vector<LineSpan>* spans;
  const std::vector<PatternSpec>* patterns;
  std::vector<PatternHits>* hits;
  std::vector<uint32_t>* last_line;  // per pattern: 1 + last line counted
  const std::vector<uint8_t>* signature;  // per pattern: a comment signature
  std::string_view doc;
};

// Internal PatternHits::kinds bit (above the file's PatternFlag bits): a
// comment-signature pattern matched. Patterns whose id starts with
// "comment_sig" are signatures (docs/PATTERNS.md).
constexpr uint32_t kKindCommentSignature = 1u << 31;

bool OnMatch(void* ctx, uint32_t pattern, size_t end) {
  auto* s = static_cast<ScanState*>(ctx);
  if (end == 0) return true;
  const auto& spans = *s->spans;
  const uint32_t last = static_cast<uint32_t>(end - 1);
  auto it = std::upper_bound(spans.begin(), spans.end(), last,
                             [](uint32_t v, const LineSpan& sp) { return v < sp.begin; });
  if (it == spans.begin()) return true;
  const uint32_t line = static_cast<uint32_t>(it - spans.begin() - 1);
  // A match that ended on the line break is not the line's; but the CR of a
  // CRLF ending is where a pattern anchored at '$' ends, and it is.
  const bool on_cr = last == spans[line].end && s->doc[last] == '\r';
  if (last >= spans[line].end && !on_cr) return true;
  const PatternSpec& p = (*s->patterns)[pattern];
  PatternHits& h = (*s->hits)[line];
  // Each pattern counts once per line unless it is a counted phrase ('n'):
  // patterns with variable tails report several ends for one occurrence.
  uint32_t& seen = (*s->last_line)[pattern];
  if (!(p.flags & kPatternCountAll) && seen == line + 1) return true;
  seen = line + 1;
  if (p.flags & kPatternContentCue) {
    h.cue += p.weight;
  } else {
    h.weight += p.weight;
    ++h.matches;
  }
  h.kinds |= p.flags;
  if ((*s->signature)[pattern]) h.kinds |= kKindCommentSignature;
  return true;
}

// The group keys every window of a document counts its lines with: the whole
// document's, as the corpus pass made them; computed into storage when there
// is a corpus and none are given.
const uint64_t* WindowGroupKeys(std::string_view doc, const LineFrequencyTable* corpus, const uint64_t* group_keys,
                                uint64_t storage[kDocumentGroupKeys]) {
  if (!corpus || group_keys) return group_keys;
  DocumentGroupKeys(doc, storage);
  return storage;
}

class Model final : public BoilerplateModel {
 public:
  Model(const ClassifierOptions& options, std::shared_ptr<const PatternDb> db)
      : options_(options), db_(std::move(db)) {
    for (const PatternSpec& p : db_->patterns()) {
      // A content cue named comment_sig* is still a cue, not a signature.
      const bool cue = p.flags & kPatternContentCue;
      signature_.push_back(!cue && p.id.rfind("comment_sig", 0) == 0 ? 1 : 0);
    }
  }

  const ClassifierOptions& options() const override { return options_; }

  void Classify(std::string_view document, ClassifyResult* out, const LineFrequencyTable* corpus,
                const uint64_t* group_keys) const override;

 private:
  // Classifies the lines of one window of the document, doc[base, base +
  // window.size()), and appends them to out->lines (offsets in the document)
  // and to its counts; out->cleaned is left to the caller.
  void ClassifyWindow(std::string_view window, size_t base, ClassifyResult* out,
                      const LineFrequencyTable* corpus, const uint64_t* group_keys) const;

  ClassifierOptions options_;
  std::shared_ptr<const PatternDb> db_;
  std::vector<uint8_t> signature_;  // per pattern: id starts with "comment_sig"
};

void Model::Classify(std::string_view doc, ClassifyResult* out, const LineFrequencyTable* corpus,
                     const uint64_t* group_keys) const {
  out->lines.clear();
  out->cleaned.clear();
  out->boilerplate_lines = 0;
  out->content_lines = 0;
  const std::vector<size_t> ends = ClassifyWindowEnds(doc, options_.window_lines);
  if (ends.size() == 1) {
    ClassifyWindow(doc, 0, out, corpus, group_keys);
  } else {
    uint64_t keys[kDocumentGroupKeys];
    group_keys = WindowGroupKeys(doc, corpus, group_keys, keys);
    for (size_t k = 0, begin = 0; k < ends.size(); begin = ends[k++]) {
      ClassifyWindow(doc.substr(begin, ends[k] - begin), begin, out, corpus, group_keys);
    }
  }
  AppendCleanedText(doc, *out, &out->cleaned);
}

void Model::ClassifyWindow(std::string_view doc, size_t base, ClassifyResult* out,
                           const LineFrequencyTable* corpus, const uint64_t* group_keys) const {
  if (doc.size() > kMaxWindowBytes) {  // one line past 32-bit offsets (ClassifyWindowEnds): kept
    size_t end = doc.size();
    if (doc[end - 1] == '\n') --end;
    if (end > 0 && doc[end - 1] == '\r') --end;
    out->lines.push_back({base, base + end, LineLabel::kContent, 0, 0.f});
    ++out->content_lines;
    return;
  }
  const ClassifierOptions& o = options_;
  Workspace& w = internal::PerThread<Workspace>();  // one TLS lookup: 1.6% of classify when inlined
  SplitLines(doc, &w.spans);
  const std::vector<LineSpan>& spans = w.spans;
  const size_t n = spans.size();
  w.f.resize(n);
  LineFeatures* f = w.f.data();
  const StopwordSet& stop = StopwordSet::English();
  ComputeLineFeatures(doc, spans, stop, f);
  // Chinese and Japanese put no spaces between words, so a paragraph of
  // them is one or two space-separated "words": short, never good. Two of
  // their code points count as a word here (a Japanese or Chinese word is
  // one to three characters), for every rule that counts words.
  for (size_t i = 0; i < n; ++i) f[i].words += std::min(f[i].cjk / 2, UINT32_MAX - f[i].words);  // a 3 GB line

  // Patterns: one scan.
  Fill(&w.hits, n, PatternHits{});
  const std::vector<PatternHits>& hits = w.hits;
  {
    Fill(&w.last_line, db_->patterns().size(), 0u);
    ScanState st{&spans, &db_->patterns(), &w.hits, &w.last_line, &signature_, doc};
    // No scratch for the scan is running out of memory, and is reported as
    // such (bad_alloc: the C API's BH_OUT_OF_MEMORY, the command's skipped
    // record), not classified without patterns. The scan's other failures
    // (a text over 4 GiB) cannot happen within a window.
    if (db_->Scan(doc, spans, OnMatch, &st).code() == StatusCode::kOutOfMemory) throw std::bad_alloc();
  }

  // Repetition and corpus frequency over normalized line hashes. The
  // in-document count is a flat open-addressing table (load <= 1/2) keyed by
  // the hash itself (hash != 0; the table's 0 marks an empty slot). Slots
  // never move, so each line keeps its slot and is looked up only once.
  constexpr uint32_t kNoSlot = 0xFFFFFFFFu;  // a blank line, or an empty hash
  Fill(&w.slot, n, kNoSlot);
  Fill(&w.corpus_hash, corpus ? n : 0, uint64_t{0});
  Fill(&w.long_line, corpus ? n : 0, uint8_t{0});
  uint32_t* slot = w.slot.data();
  uint64_t* corpus_hash = w.corpus_hash.data();
  size_t cap = 16;
  while (cap < 2 * n) cap *= 2;
  Fill(&w.table_keys, cap, uint64_t{0});
  Fill(&w.table_counts, cap, 0u);
  const size_t mask = cap - 1;
  auto slot_of = [&](uint64_t h) {
    size_t s = static_cast<size_t>((h * 0x9E3779B97F4A7C15ull) >> 32) & mask;
    while (w.table_keys[s] != 0 && w.table_keys[s] != h) s = (s + 1) & mask;
    return s;
  };
  // Without keys from the corpus pass, each line is folded into them here,
  // while it is normalized for its corpus hash anyway.
  const bool build_keys = corpus && !group_keys;
  if (build_keys) w.keys.Reset();
  for (size_t i = 0; i < n; ++i) {
    const std::string_view line = doc.substr(spans[i].begin, spans[i].end - spans[i].begin);
    // The repetition key is LineHash without digit folding; with a corpus,
    // the pass that makes the corpus hash gives it too.
    uint64_t h = 0;
    if (corpus) {
      size_t words = 0;
      corpus_hash[i] = internal::LineHashCountingWords(line, &w.compact, &words, &h);
      w.long_line[i] = build_keys ? w.keys.AddLine(w.compact, line) : internal::IsLongGroupLine(w.compact);
    }
    if (f[i].words == 0) continue;
    if (!corpus) h = LineHash(line, /*fold_digits=*/false);
    if (h) {
      const size_t s = slot_of(h);
      w.table_keys[s] = h;
      ++w.table_counts[s];
      slot[i] = static_cast<uint32_t>(s);
    }
  }
  // A huge line leaves a huge normalization buffer: give it back.
  if (w.compact.bytes.size() > (size_t{1} << 20)) w.compact = internal::CompactLine{};
  // A repeated sentence is furniture unless the page is a form: an
  // interview's questions, a recipe card's or a review's prompts repeat, and
  // each copy introduces a different answer. A prompt is a sentence that
  // stands alone (the line before it appears once) and is answered: the next
  // line is a long statement that appears once. A block printed twice fails
  // this (its lines' neighbours repeat too), and so do "Advertisement" or
  // "Share" between paragraphs (no sentences).
  Fill(&w.table_form, cap, uint8_t{1});
  auto once = [&](size_t j) { return slot[j] != kNoSlot && w.table_counts[slot[j]] == 1; };
  for (size_t i = 0, prev = n, next = 0; i < n; prev = f[i].words ? i : prev, ++i) {
    const uint32_t s = slot[i];
    if (s == kNoSlot || w.table_counts[s] < 2 || !w.table_form[s]) continue;
    const LineFeatures& q = f[i];
    bool form = q.words >= o.short_words && q.terminal_punct && !q.ellipsis && hits[i].matches == 0 &&
                (prev == n || once(prev));
    if (form) {
      next = std::max(next, i + 1);
      while (next < n && f[next].words == 0) ++next;
      const LineFeatures* a = next < n ? &f[next] : nullptr;
      form = a && once(next) && a->words >= o.good_words && a->terminal_punct &&
             !a->ellipsis && !a->question;
    }
    w.table_form[s] = form;
  }
  auto repeated = [&](size_t i) {
    const uint32_t s = slot[i];
    return s != kNoSlot && w.table_counts[s] > 1 && !w.table_form[s];
  };

  // Is the stopword signal usable? Not on a page in another language: at
  // least 5% of the words of its lines of short_words+ words must be English
  // stopwords. The page's sentences (good_words+ words, terminal
  // punctuation) tell its language better, when it has a paragraph's worth:
  // English prose is a fifth to a half stopwords, while a page in another
  // language reaches 5% with an English menu, sidebar or comment form, or
  // with short words that other languages share ("a", "do", "no"). So
  // those sentences must be at least 1/8 stopwords too.
  uint64_t words4 = 0, stop4 = 0, sentence_words = 0, sentence_stop = 0;
  for (size_t i = 0; i < n; ++i) {
    if (f[i].words >= o.short_words) words4 += f[i].words, stop4 += f[i].stopwords;
    if (f[i].words >= o.good_words && f[i].terminal_punct) {
      sentence_words += f[i].words;
      sentence_stop += f[i].stopwords;
    }
  }
  constexpr uint64_t kMinSentenceWords = 50;
  const bool use_stop = words4 > 0 && stop4 * 20 >= words4 &&
                        (sentence_words < kMinSentenceWords || sentence_stop * 8 >= sentence_words);

  // First pass: a class and the reasons of every line.
  w.cls.resize(n);
  Fill(&w.why, n, 0u);
  Fill(&w.score, n, 0.f);
  auto* cls = reinterpret_cast<Class*>(w.cls.data());
  uint32_t* why = w.why.data();
  float* score = w.score.data();
  // Corpus frequency. A line in >= corpus_min_documents documents is
  // boilerplate (site furniture: menus, labels, appeals, disclaimers), but
  // the near-duplicates of this document count as one document there: the
  // copies of a syndicated or mirrored story share its paragraphs, the very
  // thing near-duplicate detection must still see, while a site's pages
  // share only its furniture (corpus_stats.h, group keys). Only long lines
  // are counted with group keys.
  Fill(&w.corpus_docs, corpus ? n : 0, 0u);
  uint32_t* corpus_docs = w.corpus_docs.data();
  if (corpus) {
    bool any_frequent = false;
    for (size_t i = 0; i < n && i < 8; ++i) corpus->Prefetch(corpus_hash[i]);
    for (size_t i = 0; i < n; ++i) {
      if (i + 8 < n) corpus->Prefetch(corpus_hash[i + 8]);  // overlap the table's cache misses
      corpus_docs[i] = corpus_hash[i] ? corpus->Count(corpus_hash[i]) : 0;
      any_frequent |= corpus_docs[i] >= o.corpus_min_documents;
    }
    if (any_frequent) {
      uint64_t built[kDocumentGroupKeys];
      if (build_keys) w.keys.Finish(built);
      const uint64_t* groups = build_keys ? built : group_keys;
      for (size_t i = 0; i < n; ++i) {
        if (corpus_docs[i] >= o.corpus_min_documents && w.long_line[i]) {
          corpus_docs[i] = corpus->CountGroups(corpus_hash[i], groups);
        }
      }
    }
  }

  // Pattern boilerplate: the line's pattern weight, less its content cues,
  // reaches max(1, words / pattern_words_per_weight) (docs/PATTERNS.md). Only
  // then do a line's header, end-marker and signature patterns take effect.
  auto pattern_need = [&](size_t i) { return std::max(1.0f, float(f[i].words) / o.pattern_words_per_weight); };
  auto pattern_decides = [&](size_t i) { return hits[i].weight - hits[i].cue >= pattern_need(i); };

  for (size_t i = 0; i < n; ++i) {
    const LineFeatures& x = f[i];
    if (x.words == 0) {
      cls[i] = kBlankClass;
      continue;
    }
    uint32_t r = 0;
    bool bad = false;
    const PatternHits& h = hits[i];
    const float need = pattern_need(i);
    const float net = h.weight - h.cue;
    if (h.matches > 0) r |= kReasonPattern;
    if (pattern_decides(i)) bad = true;
    if (h.matches >= 3 && pattern_decides(i)) r |= kReasonPatternDense;
    if (x.words < o.short_words) r |= kReasonShort;
    if (!x.terminal_punct) r |= kReasonNoTerminalPunct;
    const bool low_stop = use_stop && x.StopwordDensity() < o.min_stopword_density;
    if (low_stop) r |= kReasonLowStopwords;
    if (repeated(i)) r |= kReasonRepeatedInDoc, bad = true;
    if (corpus && corpus_docs[i] >= o.corpus_min_documents) {
      r |= kReasonFrequentInCorpus;
      bad = true;
    }
    // Few letters among the visible characters: "2:24", "0", "226", "|".
    const uint32_t nonspace = x.chars > x.words ? x.chars - (x.words - 1) : x.chars;
    if (uint64_t{x.letters} * 2 < nonspace) r |= kReasonLowLetters, bad = true;  // 2^31+ letters
    if (x.ellipsis) r |= kReasonEllipsis, bad = true;
    if (x.bullet) r |= kReasonBullet;
    if (h.kinds & kPatternHeader && pattern_decides(i)) r |= kReasonSectionHeader;

    Class c;
    if (bad) {
      c = kBad;
    } else if (x.words < o.short_words) {
      c = kShort;
    } else if (x.words >= o.good_words && x.terminal_punct && !x.bullet && !low_stop) {
      c = kGood;
    } else if (low_stop) {
      c = kBad;
    } else {
      c = kNear;
    }
    cls[i] = c;
    why[i] = r;
    score[i] = (net / need) + ((r & kReasonRepeatedInDoc) ? 1.f : 0.f) +
               ((r & kReasonFrequentInCorpus) ? 1.f : 0.f) + ((r & kReasonShort) ? 0.5f : 0.f) +
               ((r & kReasonNoTerminalPunct) ? 0.3f : 0.f) + ((r & kReasonLowStopwords) ? 0.5f : 0.f) +
               ((r & kReasonLowLetters) ? 1.f : 0.f) + ((r & kReasonEllipsis) ? 1.f : 0.f) -
               (c == kGood ? 1.f + std::min(float(x.words), 60.f) / 20.f : 0.f) -
               (c == kNear ? 0.25f : 0.f);
  }

  // Good words before each line, for the end-marker rule.
  uint64_t good_total = 0;
  for (size_t i = 0; i < n; ++i) good_total += cls[i] == kGood ? f[i].words : 0;

  // Structure: an end marker after most of the body ends it; a section header
  // opens a teaser block that lasts until the body resumes: after the body
  // has begun, a good line that is long or followed by another good line.
  // Comment signatures from each line to the end: a marker followed by
  // reader comments ends the body even when the comments outweigh it.
  w.sig_after.resize(n + 1);
  uint32_t* sig_after = w.sig_after.data();
  sig_after[n] = 0;
  for (size_t i = n; i-- > 0;) {
    const bool sig = (hits[i].kinds & kKindCommentSignature) && pattern_decides(i);
    if (sig) why[i] |= kReasonCommentSignature;
    sig_after[i] = sig_after[i + 1] + (sig ? 1 : 0);
  }
  {
    uint64_t good_before = 0;
    bool ended = false, in_block = false;
    for (size_t i = 0; i < n; ++i) {
      if (cls[i] == kBlankClass) continue;
      if (ended) {
        why[i] |= kReasonAfterEndMarker;
        cls[i] = kBad;
        continue;
      }
      const bool marker = (hits[i].kinds & kPatternEndMarker) || (why[i] & kReasonCommentSignature);
      const bool strong = marker && pattern_decides(i);
      if (strong && good_before > 0 &&
          (good_before * 2 >= good_total || sig_after[i] >= kMinCommentSignatures)) {
        ended = true;
        continue;
      }
      if (why[i] & kReasonSectionHeader) {
        in_block = true;
        continue;
      }
      if (in_block) {
        // A teaser block lists headline + blurb pairs, and a blurb is a good
        // line too: once the body has begun, one short good line between
        // non-good ones stays in the block. The body's paragraphs come in
        // runs, or long. Before the body, a header is the page's navigation
        // and the first good line may be the body's short first paragraph.
        // A blurb may be long, but one that follows its item's metadata
        // line ("November 20, 2019", a byline) with no blank line between
        // is known by that line: it is repeated on the page (every item
        // carries one), in the block, and glued to another line of the
        // item (headline, author). A body paragraph that resumes after the
        // block is not; nor is one under a lone repeated label
        // ("Advertisement").
        bool ends_block = cls[i] == kGood;
        if (ends_block && good_before > 0 && i > 1 && (why[i - 1] & kReasonInTeaserBlock) &&
            (why[i - 1] & kReasonRepeatedInDoc) && (why[i - 2] & kReasonInTeaserBlock)) {
          ends_block = false;
        } else if (ends_block && good_before > 0 && f[i].words < o.strong_words) {
          size_t j = i + 1;
          while (j < n && cls[j] == kBlankClass) ++j;
          ends_block = j < n && cls[j] == kGood;  // a short good line alone is a blurb
        }
        if (ends_block) {
          in_block = false;
        } else {
          why[i] |= kReasonInTeaserBlock;
          cls[i] = kBad;
        }
      }
      if (cls[i] == kGood) good_before += f[i].words;
    }
  }

  // Context: the nearest decided (good or bad) line on each side; the ends of
  // the document count as bad (jusText).
  w.prev.resize(n);
  w.next.resize(n);
  auto* prev = reinterpret_cast<Class*>(w.prev.data());
  auto* next = reinterpret_cast<Class*>(w.next.data());
  {
    Class last = kBad;
    for (size_t i = 0; i < n; ++i) {
      prev[i] = last;
      if (cls[i] == kGood || cls[i] == kBad) last = cls[i];
    }
    last = kBad;
    for (size_t i = n; i-- > 0;) {
      next[i] = last;
      if (cls[i] == kGood || cls[i] == kBad) last = cls[i];
    }
  }
  Fill(&w.content, n, uint8_t{0});
  uint8_t* content = w.content.data();
  for (size_t i = 0; i < n; ++i) {
    switch (cls[i]) {
      case kGood: content[i] = true; break;
      case kBad: case kBlankClass: content[i] = false; break;
      case kShort:
        content[i] = prev[i] == kGood && next[i] == kGood;
        why[i] |= kReasonContext;
        break;
      case kNear:
        content[i] = prev[i] == kGood || next[i] == kGood;
        why[i] |= kReasonContext;
        break;
    }
  }

  // Paragraph lines: a line with a blank line (or the document edge) on both
  // sides is a paragraph of its own — the extractor's <p>, <li> list block,
  // heading or table; menus and link lists come as runs of lines with no
  // blank between them. A line is decisively boilerplate when a signal other
  // than length, punctuation, stopwords or repetition fired: those four are
  // what list items, recipe steps and table rows look like inside a body.
  auto blank_at = [&](size_t j) { return cls[j] == kBlankClass; };
  auto isolated = [&](size_t i) {
    return (i == 0 || blank_at(i - 1)) && (i + 1 >= n || blank_at(i + 1));
  };
  const uint32_t decisive_mask = kReasonFrequentInCorpus | kReasonLowLetters | kReasonEllipsis |
                                 kReasonAfterEndMarker | kReasonInTeaserBlock | kReasonSectionHeader;
  auto structural = [&](size_t i) { return (why[i] & (decisive_mask | kReasonRepeatedInDoc)) != 0; };
  auto decisive = [&](size_t i) {
    return structural(i) || hits[i].weight - hits[i].cue >=
                                std::max(1.0f, float(f[i].words) / o.pattern_words_per_weight);
  };
  // The non-blank lines from i on, up to the next blank line: [i, run_end(i)).
  auto run_end = [&](size_t i) {
    while (i < n && cls[i] != kBlankClass) ++i;
    return i;
  };

  // Lists of sentences, found before the main block so that its sum treats
  // their lines as it treats paragraph lines: a run of lines with no blank
  // between them, every one sentence-like (kNear or kGood, nothing
  // decisive), is a list whose bullets the extractor dropped. Menus and
  // teaser lists have short, low-stopword or pattern lines among them.
  Fill(&w.listed, n, uint8_t{0});
  uint8_t* listed = w.listed.data();
  for (size_t i = 0; i < n;) {
    if (cls[i] == kBlankClass) {
      ++i;
      continue;
    }
    const size_t end = run_end(i);
    bool prose = end - i >= 2;  // most runs are one line (a paragraph): no test
    for (size_t j = i; prose && j < end; ++j) prose = (cls[j] == kNear || cls[j] == kGood) && !decisive(j);
    if (prose) std::fill(listed + i, listed + end, uint8_t{1});
    i = end;
  }

  // Main block: maximum-sum run; content lines add their words, boilerplate
  // lines subtract (Finn et al.'s tag/token balance, per line). A paragraph
  // line with no decisive signal costs little: a body's lists and subheads
  // must not split it. But a long enough stretch of furniture ends the run
  // whatever lies beyond it: by the sum alone, a block of prose far below
  // the article (a comment policy, a cookie notice, the footer's teasers)
  // joins the body across any menu it outweighs.
  if (o.use_main_block) {
    double best = 0, run = 0;
    size_t best_begin = 0, best_end = 0, run_begin = 0;
    uint32_t gap = 0;  // non-blank lines since the last content line
    for (size_t i = 0; i < n; ++i) {
      if (cls[i] == kBlankClass) continue;
      gap = content[i] ? 0 : gap + 1;
      if (o.main_block_max_gap && gap >= o.main_block_max_gap) run = 0;  // the next run starts after the gap
      double v;
      if (content[i]) {
        v = double(f[i].words);
      } else if ((isolated(i) || listed[i]) && !decisive(i)) {
        v = -kSoftPenalty;
      } else {
        v = -(2.0 + 0.5 * f[i].words);
      }
      if (run <= 0) run = 0, run_begin = i;
      run += v;
      if (run > best) best = run, best_begin = run_begin, best_end = i + 1;
    }
    for (size_t i = 0; i < n; ++i) {
      if (cls[i] == kBlankClass) continue;
      const bool inside = i >= best_begin && i < best_end;
      if (inside) {
        // Inside the body, a paragraph line inherits content, and so do the
        // items of a list of sentences.
        if (!content[i] && (isolated(i) || listed[i]) && !decisive(i)) {
          content[i] = true;
          why[i] |= kReasonInMainBlock;
        }
        continue;
      }
      if (!content[i]) continue;
      // Far from the body, only a strong paragraph survives.
      if (cls[i] == kGood && f[i].words >= o.strong_words) continue;
      content[i] = false;
      why[i] |= kReasonOutsideMainBlock;
    }
  }

  // Announced lists: a line of the body that ends in ':' ("The tour's 2020
  // dates:", "Here is what you will need:") announces the lines right under
  // it, a run of kAnnouncedListMinLines or more with no blank line inside
  // (one blank line may come before it). Dates and venues, table rows,
  // ingredients: short, unpunctuated, few stopwords, and boilerplate by
  // those signals alone. They are content unless a structural signal or a
  // strong pattern (weight 2 and up: copyright, end marker, credit) fired:
  // one weak match does not veto an item, as a timeline's items carry dates
  // ("Jan. 5, 2020: ..."), which alone decide a short line elsewhere.
  // The announcing line is content by its own signals, not a short label
  // ("Share this:", "Related Tags:") kept only for standing alone inside
  // the main block.
  const auto list_item_vetoed = [&](size_t j) {
    return structural(j) || hits[j].weight - hits[j].cue >= 2.0f;
  };
  for (size_t i = 0; i < n; ++i) {
    if (!content[i] || f[i].words < o.short_words || (why[i] & kReasonInMainBlock) ||
        !EndsWithColon(doc.substr(spans[i].begin, spans[i].end - spans[i].begin))) {
      continue;
    }
    size_t first = i + 1;
    if (first < n && cls[first] == kBlankClass) ++first;
    const size_t end = run_end(first);
    if (end - first < kAnnouncedListMinLines) continue;
    for (size_t j = first; j < end; ++j) {
      if (content[j] || list_item_vetoed(j)) continue;
      content[j] = true;
      why[j] |= kReasonAnnouncedList;
    }
    i = end - 1;
  }

  // Headline: the nearest line above the first content line that looks like a
  // title (4+ words, no pattern, no repetition, not a teaser), within a few lines.
  {
    size_t first = n;
    for (size_t i = 0; i < n; ++i) {
      if (content[i]) {
        first = i;
        break;
      }
    }
    int looked = 0;
    for (size_t i = first; i-- > 0 && first < n && looked < 8;) {
      if (cls[i] == kBlankClass) continue;
      ++looked;
      const uint32_t blocking = kReasonRepeatedInDoc | kReasonFrequentInCorpus | kReasonEllipsis |
                                kReasonBullet | kReasonLowLetters | kReasonAfterEndMarker |
                                kReasonInTeaserBlock;
      if ((why[i] & blocking) || f[i].words < o.short_words || f[i].words > 30) continue;
      if ((why[i] & kReasonPattern) && hits[i].weight - hits[i].cue >= 1.0f) continue;
      content[i] = true;
      why[i] |= kReasonTitle;
      break;
    }
  }

  const size_t first = out->lines.size();
  out->lines.resize(first + n);
  for (size_t i = 0; i < n; ++i) {
    LineResult& lr = out->lines[first + i];
    lr.begin = base + spans[i].begin;
    lr.end = base + spans[i].end;
    lr.reasons = why[i];
    lr.score = score[i];
    if (cls[i] == kBlankClass) {
      lr.label = LineLabel::kBlank;
    } else if (content[i]) {
      lr.label = LineLabel::kContent;
      ++out->content_lines;
    } else {
      lr.label = LineLabel::kBoilerplate;
      ++out->boilerplate_lines;
    }
  }
}

}  // namespace

std::vector<size_t> ClassifyWindowEnds(std::string_view document, uint32_t window_lines) {
  std::vector<size_t> ends;
  const size_t max_lines = window_lines == 0 ? SIZE_MAX : window_lines;
  // A document of no more bytes than window_lines has no more lines.
  if (document.size() <= std::min<size_t>(max_lines, kMaxWindowBytes)) {
    ends.push_back(document.size());
  } else {
    internal::LineWindowEnds(document, max_lines, kMaxWindowBytes, &ends);
  }
  return ends;
}

void ClassifyWindows(const BoilerplateModel& model, std::string_view document, const std::vector<size_t>& ends,
                     const LineFrequencyTable* corpus, const uint64_t* group_keys, ClassifyResult* scratch,
                     const std::function<void(size_t window_begin, const ClassifyResult&)>& each) {
  uint64_t keys[kDocumentGroupKeys];
  group_keys = WindowGroupKeys(document, corpus, group_keys, keys);
  for (size_t k = 0, begin = 0; k < ends.size(); begin = ends[k++]) {
    model.Classify(document.substr(begin, ends[k] - begin), scratch, corpus, group_keys);
    each(begin, *scratch);
  }
}

namespace {

// Values the model's rules cannot mean: each would change every label
// silently (0 documents makes every line "frequent in the corpus"; a NaN
// density turns the stopword signal off).
Status ValidateOptions(const ClassifierOptions& o) {
  auto bad = [](const std::string& what) {
    return Status(StatusCode::kInvalidArgument, "classifier options: " + what);
  };
  if (o.corpus_min_documents == 0) return bad("corpus_min_documents must be at least 1");
  if (!(o.min_stopword_density >= 0.0f && o.min_stopword_density <= 1.0f)) {
    return bad("min_stopword_density must be in [0, 1]");
  }
  if (!(o.pattern_words_per_weight > 0.0f && std::isfinite(o.pattern_words_per_weight))) {
    return bad("pattern_words_per_weight must be finite and above 0");
  }
  if (!std::isfinite(o.max_link_like_upper)) return bad("max_link_like_upper must be finite");
  return Status::Ok();
}

std::unique_ptr<BoilerplateModel> Build(std::string_view text, const ClassifierOptions& options,
                                        Status* status) {
  if (Status v = ValidateOptions(options); !v.ok()) {
    if (status) *status = std::move(v);
    return nullptr;
  }
  Status s;
  auto db = PatternDb::FromText(text, &s);
  if (!db) {
    if (status) *status = s;
    return nullptr;
  }
  if (status) *status = Status::Ok();
  return std::make_unique<Model>(options, std::move(db));
}

// The default database, loaded once per process and shared read-only by
// every default model. The build compiles it and embeds the serialized bytes
// (kernel/tools/precompile_patterns.cc): loading them takes milliseconds where
// compiling takes ~0.4 s. They are used only if this machine would compile
// exactly that database (same vectorscan, same CPU platform); otherwise it is
// compiled here, with the same matches either way.
std::shared_ptr<const PatternDb> LoadDefaultPatterns(Status* status) {
  std::vector<PatternSpec> specs;
  *status = ParsePatternFile(DefaultPatternText(), &specs);
  if (!status->ok()) return nullptr;
  const std::string_view precompiled = internal::PrecompiledEnglishPatterns();
  if (!precompiled.empty()) {
    Status rejected;  // why does not matter: compiling is always correct
    if (auto db = PatternDb::Deserialize(specs, precompiled, &rejected)) return db;
  }
  return PatternDb::Compile(std::move(specs), status);
}

}  // namespace

std::unique_ptr<BoilerplateModel> BoilerplateModel::DefaultWithOptions(const ClassifierOptions& options,
                                                                       Status* status) {
  if (Status v = ValidateOptions(options); !v.ok()) {
    if (status) *status = std::move(v);
    return nullptr;
  }
  static const auto compiled = [] {
    auto s = std::make_shared<Status>();
    std::shared_ptr<const PatternDb> db = LoadDefaultPatterns(s.get());
    return std::make_pair(db, s);
  }();
  if (!compiled.first) {
    if (status) *status = *compiled.second;
    return nullptr;
  }
  if (status) *status = Status::Ok();
  return std::make_unique<Model>(options, compiled.first);
}

std::unique_ptr<BoilerplateModel> BoilerplateModel::Default(Status* status) {
  return DefaultWithOptions(ClassifierOptions{}, status);
}

std::unique_ptr<BoilerplateModel> BoilerplateModel::FromPatternText(std::string_view pattern_file_text,
                                                                    const ClassifierOptions& options,
                                                                    Status* status) {
  return Build(pattern_file_text, options, status);
}

void AppendCleanedText(std::string_view document, const ClassifyResult& result, std::string* out) {
  bool first = true;
  for (const LineResult& l : result.lines) {
    if (l.label != LineLabel::kContent) continue;
    if (!first) out->push_back('\n');
    out->append(document.substr(l.begin, l.end - l.begin));
    first = false;
  }
}

std::string ExplainClassification(std::string_view document, const ClassifyResult& result) {
  std::string out;
  for (size_t i = 0; i < result.lines.size(); ++i) {
    const LineResult& l = result.lines[i];
    out += std::to_string(i + 1);
    out += '\t';
    out += LineLabelName(l.label);
    out += '\t';
    const std::string names = ReasonNames(l.reasons);
    out += names.empty() ? "-" : names;
    out += '\t';
    if (l.end <= document.size() && l.begin <= l.end) out.append(document.substr(l.begin, l.end - l.begin));
    out += '\n';
  }
  return out;
}

}  // namespace boilerhash
