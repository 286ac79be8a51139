// The boilerhash command: clean, sign and dedup extracted web text.
//
// Every command streams its inputs in batches: a reader thread fetches the
// next batch while a pool of workers processes the current one, and results
// are written in input order, so the output is the same for any --threads.
// Exit status: 0 all went well; 1 some input was skipped (reported on stderr),
// a document too big for the memory left among them; 2 bad usage or nothing
// could run; 3 out of memory outside any one document (the corpus table, the
// index) or output that cannot be written: the output is incomplete.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <future>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <vector>

#include "boilerhash/boilerhash.hpp"
#include "boilerhash/classifier.h"
#include "boilerhash/corpus_stats.h"
#include "args.h"
#include "corpus_table_file.h"
#include "input.h"
#include "json_out.h"
#include "process.h"
#include "progress.h"
#include "worker_pool.h"

namespace bhcli {
namespace {

// ---- the streaming driver ---------------------------------------------------------

struct Counts {
  uint64_t documents = 0;  // processed
  uint64_t skipped = 0;    // records or files that could not be read
  uint64_t bytes = 0;      // document bytes before cleaning
  uint64_t repaired = 0;   // documents with invalid UTF-8 repaired
};

// Records per corpus-pass batch, whatever the thread count: the line table
// prunes between batches (LineFrequencyTable::AddDocuments), so the batches
// must not depend on --threads. 2048 records of a few KB make about 0.4M
// keys: a tenth of the default table, so the table prunes about as often as
// it did one document at a time (a prune before each batch of 8192 cost
// more than the batches saved) and stays within its bound.
constexpr size_t kCorpusBatchRecords = 2048;
// The processing pass's batch: 1,024 records a thread, up to 16 threads' worth.
constexpr size_t kMaxBatchRecords = size_t{1} << 14;

class Driver {
 public:
  Driver(const CommonOptions& o, const InputSet& inputs)
      : inputs_(inputs),
        corpus_table_entries_(o.corpus_table_entries),
        pool_(o.threads != 0 ? o.threads : std::max(1u, std::thread::hardware_concurrency())),
        progress_allowed_(!o.quiet) {
    if (o.threads != 0 && pool_.threads() < o.threads) {
      std::fprintf(stderr, "boilerhash: warning: could start only %u of %u threads\n", pool_.threads(), o.threads);
    }
  }

  unsigned threads() const { return pool_.threads(); }

  // Runs every record through ProcessRecord; calls emit in input order.
  Counts Run(const ProcessConfig& config, const std::function<void(Document&)>& emit) {
    Counts counts;
    std::vector<Document> docs;
    uint64_t first = 0;  // ordinal of the batch's first record
    ForEachBatch("processing", 0, [&](std::vector<Record>& batch) {
      docs.resize(batch.size());
      pool_.ParallelFor(batch.size(), [&](size_t i) {
        ProcessRecord(batch[i], first + i, inputs_, config, &docs[i]);
      });
      first += batch.size();
      for (Document& d : docs) {
        if (d.unselected) continue;
        if (!d.ok) {
          ReportLine(d.error);
          ++counts.skipped;
          continue;
        }
        ++counts.documents;
        counts.bytes += d.bytes;
        if (d.utf8_repairs > 0) ++counts.repaired;
        emit(d);
      }
      return counts.documents;
    });
    return counts;
  }

  // The corpus pass: documents per normalized line. Each batch's line
  // hashes are computed in parallel, then added to the table shard by shard
  // in parallel (LineFrequencyTable::AddDocuments), in input order within a
  // shard. The table prunes between batches, so corpus batches have a fixed
  // size: the table is the same for every thread count. With group_keys,
  // appends every record's group keys to it in input order.
  // With skipped, the records that cannot be counted are reported on stderr
  // (as the processing pass reports them) and counted there.
  std::unique_ptr<boilerhash::LineFrequencyTable> CorpusPass(const ProcessConfig& config,
                                                             std::vector<GroupKeys>* group_keys,
                                                             uint64_t* skipped = nullptr) {
    std::vector<std::vector<uint64_t>> hashes;
    std::vector<uint8_t> ok;
    std::vector<std::span<const uint64_t>> documents;
    std::vector<GroupKeys> batch_keys;
    auto table = corpus_table_entries_ != 0
                     ? std::make_unique<boilerhash::LineFrequencyTable>(corpus_table_entries_)
                     : std::make_unique<boilerhash::LineFrequencyTable>();
    const auto parallel_for = [this](size_t n, const std::function<void(size_t)>& fn) {
      pool_.ParallelFor(n, fn);
    };
    uint64_t count = 0;
    ForEachBatch("line statistics", kCorpusBatchRecords, [&](std::vector<Record>& batch) {
      hashes.resize(batch.size());
      ok.resize(batch.size());
      batch_keys.resize(batch.size());
      pool_.ParallelFor(batch.size(), [&](size_t i) {
        ok[i] = RecordLineHashes(batch[i], config, &hashes[i], &batch_keys[i]);
      });
      if (group_keys) group_keys->insert(group_keys->end(), batch_keys.begin(), batch_keys.end());
      documents.clear();
      for (size_t i = 0; i < batch.size(); ++i) {
        if (ok[i]) {
          documents.emplace_back(hashes[i]);
        } else if (skipped != nullptr) {
          ReportSkipped(batch[i], config);
          ++*skipped;
        }
      }
      table->AddDocuments(documents, parallel_for);
      count += documents.size();
      // A large document's keys are not kept for the rest of the pass: each
      // of the 2,048 slots would keep the largest it ever held (8 MB each
      // under the old 2^20-key bound: up to 16 GB over a long crawl).
      for (auto& h : hashes) {
        if (h.capacity() > (size_t{1} << 16)) std::vector<uint64_t>().swap(h);
      }
      return count;
    });
    return table;
  }

 private:
  // Why a record the corpus pass could not count is skipped, in the words
  // of the processing pass (rare: the record is read again for it).
  void ReportSkipped(const Record& record, const ProcessConfig& config) {
    ProcessConfig plain;
    plain.text_field = config.text_field;
    plain.id_field = config.id_field;
    plain.clean = false;
    Document d;
    ProcessRecord(record, 0, inputs_, plain, &d);
    if (!d.ok) {
      ReportLine(d.error);
    } else {  // it read now: counting its lines ran out of memory
      ReportLine(inputs_.Place(record) + ": out of memory counting its lines (record skipped)");
    }
  }

  // Reads batches on a helper thread, one batch ahead of the workers.
  // max_records 0: 1024 a thread, at most kMaxBatchRecords. Each record
  // costs a Document (a few hundred bytes with its signature) beside its
  // text, which max_bytes does not count: 1,024 threads' batches held
  // 300 MB for a 4.5 MB file of tiny records.
  void ForEachBatch(const char* label, size_t max_records,
                    const std::function<uint64_t(std::vector<Record>&)>& body) {
    RecordReader reader(inputs_);
    Progress progress(progress_allowed_, label, inputs_.total_bytes());
    if (max_records == 0) max_records = std::min<size_t>(size_t{1024} * pool_.threads(), kMaxBatchRecords);
    const size_t max_bytes = size_t{16} << 20;
    std::vector<Record> current, next;
    bool have = reader.Next(&current, max_records, max_bytes);
    while (have) {
      std::future<bool> ahead;
      try {
        ahead = std::async(std::launch::async, [&] { return reader.Next(&next, max_records, max_bytes); });
      } catch (const std::exception&) {  // no thread or memory to spare: read after the batch
      }
      const uint64_t done = body(current);
      progress.Update(done, reader.bytes_read());
      have = ahead.valid() ? ahead.get() : reader.Next(&next, max_records, max_bytes);
      std::swap(current, next);
    }
    progress.Finish();
  }

  const InputSet& inputs_;
  uint64_t corpus_table_entries_;  // 0: the table's default
  WorkerPool pool_;
  bool progress_allowed_;
};

// Common set-up: expands the inputs and loads the model when cleaning.
struct Setup {
  InputSet inputs;
  std::unique_ptr<boilerhash::BoilerplateModel> model;
  std::unique_ptr<Driver> driver;
  ProcessConfig config;
  uint64_t input_errors = 0;
  std::unique_ptr<boilerhash::LineFrequencyTable> corpus;
  std::vector<GroupKeys> group_keys;  // per record, from the corpus pass
};

// keep_group_keys: hold each document's group keys (64 bytes) from the
// corpus pass to the classify pass, so they are computed once. dedup holds
// every signature anyway; clean streams, and keeps its memory bounded.
bool Prepare(const CommonOptions& o, bool clean, bool corpus_stats, bool keep_group_keys, Setup* s) {
  const InputFormat format = o.format == "jsonl"  ? InputFormat::kJsonl
                             : o.format == "text" ? InputFormat::kText
                                                  : InputFormat::kAuto;
  std::vector<std::string> errors;
  s->inputs = InputSet::Expand(o.inputs, format, &errors);
  for (const auto& e : errors) std::fprintf(stderr, "boilerhash: %s\n", e.c_str());
  s->input_errors = errors.size();
  s->config.text_field = o.text_field;
  s->config.id_field = o.id_field;
  s->config.clean = clean;
  if (clean) {
    std::string error;
    s->model = LoadDefaultModel(o.corpus_min_documents, &error);
    if (!s->model) {
      std::fprintf(stderr, "boilerhash: cannot load the boilerplate model: %s\n", error.c_str());
      return false;
    }
    s->config.model = s->model.get();
  }
  s->driver = std::make_unique<Driver>(o, s->inputs);
  // Cross-document line counts only mean something with several documents.
  const bool several = s->inputs.sources().size() > 1 ||
                       (!s->inputs.sources().empty() && s->inputs.sources()[0].jsonl);
  if (s->config.clean && !o.corpus_stats.empty()) {
    // Saved counts replace the corpus pass: every document, even one alone,
    // is judged against the corpus they came from. Each document's group
    // keys are then computed by the classifier.
    std::string error;
    s->corpus = ReadCorpusTables(o.corpus_stats, o.corpus_table_entries, &error);
    if (!s->corpus) {
      std::fprintf(stderr, "boilerhash: %s\n", error.c_str());
      return false;
    }
    if (s->corpus->documents() > 1) s->config.corpus = s->corpus.get();
  } else if (s->config.clean && corpus_stats && several) {
    s->corpus = s->driver->CorpusPass(s->config, keep_group_keys ? &s->group_keys : nullptr);
    if (s->corpus->documents() > 1) {
      s->config.corpus = s->corpus.get();
      if (keep_group_keys) s->config.group_keys = &s->group_keys;
    }
  }
  return true;
}

int ExitStatus(const Setup& s, const Counts& c) {
  return (c.skipped > 0 || s.input_errors > 0) ? kExitSkipped : kExitOk;
}

// ---- clean ----------------------------------------------------------------------

int RunClean(const CommonOptions& o, bool explain) {
  Setup s;
  if (!Prepare(o, !o.no_clean, !o.no_corpus_stats, /*keep_group_keys=*/false, &s)) return kExitUsage;
  s.config.explain = explain;
  s.config.keep_cleaned = !explain;
  s.config.keep_record = !explain;
  // One plain-text document prints as text; anything else as JSONL (or, with
  // --explain, as rows under a line of "# " and the id as a JSON string per
  // document: an id may hold a newline or a tab, which would pass for rows).
  const bool single = s.inputs.sources().size() == 1 && !s.inputs.sources()[0].jsonl;
  std::string out;
  const Counts c = s.driver->Run(s.config, [&](Document& d) {
    if (explain) {
      if (!single) {
        out += "# ";
        AppendJsonString(&out, d.id);
        out += '\n';
      }
      out += d.explain;
    } else if (single) {
      out += d.cleaned;
      if (!d.cleaned.empty() && d.cleaned.back() != '\n') out += '\n';
    } else {
      AppendCleanedRecord(d, o.id_field, &out);
    }
    FlushIfLarge(&out);
  });
  FlushIfLarge(&out, true);
  return ExitStatus(s, c);
}

// ---- stats ----------------------------------------------------------------------

int RunStats(const CommonOptions& o, const StatsFlags& f) {
  const auto start = std::chrono::steady_clock::now();
  CommonOptions count = o;
  count.corpus_stats.clear();  // Prepare would read them instead of counting
  std::string error;
  std::unique_ptr<boilerhash::LineFrequencyTable> added;
  if (!o.corpus_stats.empty()) {
    added = ReadCorpusTables(o.corpus_stats, o.corpus_table_entries, &error);
    if (!added) {
      std::fprintf(stderr, "boilerhash: %s\n", error.c_str());
      return kExitUsage;
    }
    // The inputs are counted into a table no smaller than those given: a
    // default-sized one would prune what they were saved large to keep.
    if (count.corpus_table_entries == 0) {
      count.corpus_table_entries = std::max<uint64_t>(boilerhash::kDefaultLineTableEntries, added->max_entries());
    }
  }
  Setup s;
  if (!Prepare(count, /*clean=*/false, /*corpus_stats=*/false, /*keep_group_keys=*/false, &s)) return kExitUsage;
  // Documents that cannot be read are reported by the processing pass of
  // the other commands; here, by counting them apart.
  std::unique_ptr<boilerhash::LineFrequencyTable> table;
  uint64_t skipped = 0;
  if (!o.inputs.empty()) {
    table = s.driver->CorpusPass(s.config, nullptr, &skipped);
    if (added) table->Merge(*added);
  } else {
    table = std::move(added);
  }
  if (!WriteCorpusTable(*table, f.output, &error)) {
    std::fprintf(stderr, "boilerhash: %s\n", error.c_str());
    return kExitFatal;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr,
               "boilerhash stats: %llu documents, %zu lines counted (%.1f MB), %llu skipped; written to %s "
               "in %.2f s\n",
               static_cast<unsigned long long>(table->documents()), table->size(),
               static_cast<double>(table->memory_bytes()) / 1e6,
               static_cast<unsigned long long>(skipped + s.input_errors),  // unreadable inputs too
               f.output.c_str(), secs);
  return (skipped > 0 || s.input_errors > 0) ? kExitSkipped : kExitOk;
}

// ---- sign -----------------------------------------------------------------------

int RunSign(const CommonOptions& o, const SignFlags& f) {
  Setup s;
  if (!Prepare(o, !o.no_clean, !o.no_corpus_stats, /*keep_group_keys=*/false, &s)) return kExitUsage;
  boilerhash::SignOptions so;
  so.minhash.k = f.k;
  so.shingle.n = f.ngram;
  const bool minhash = f.algo == "minhash";
  so.compute_minhash = minhash;
  so.compute_simhash = !minhash;
  const boilerhash::Signer signer(so);
  s.config.signer = &signer;
  std::string out;
  const Counts c = s.driver->Run(s.config, [&](Document& d) {
    out += "{\"id\":";
    AppendJsonString(&out, d.id);
    if (minhash) {
      out += ",\"minhash\":[";
      for (size_t i = 0; i < d.sig.minhash.size(); ++i) {
        if (i) out += ',';
        AppendNumber(&out, d.sig.minhash[i]);
      }
      out += "]}\n";
    } else {
      out += ",\"simhash\":\"";
      AppendHex64(&out, d.sig.simhash);
      out += "\"}\n";
    }
    FlushIfLarge(&out);
  });
  FlushIfLarge(&out, true);
  return ExitStatus(s, c);
}

// ---- dedup ----------------------------------------------------------------------

std::string HumanBytes(double b) {
  char buf[32];
  const char* units[] = {"B", "kB", "MB", "GB", "TB"};
  int u = 0;
  while (b >= 1000 && u < 4) {
    b /= 1000;
    ++u;
  }
  std::snprintf(buf, sizeof(buf), u == 0 ? "%.0f %s" : "%.1f %s", b, units[u]);
  return buf;
}

long PeakRssKb() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

// `cluster` names a representative by its id, which is ambiguous when two
// documents share one: two directories given together both hold "a.txt", a
// crawl repeats a URL. Said once on stderr, with the count and the first.
void WarnRepeatedIds(const std::vector<std::string>& ids) {
  std::unordered_set<std::string_view> seen;
  seen.reserve(ids.size());
  size_t repeated = 0;
  const std::string* first = nullptr;
  for (const std::string& id : ids) {
    if (seen.insert(id).second) continue;
    if (repeated++ == 0) first = &id;
  }
  if (repeated == 0) return;
  std::string shown;
  AppendJsonString(&shown, *first);
  std::fprintf(stderr,
               "boilerhash dedup: warning: %zu documents repeat an earlier document's id (first: %s); "
               "a \"cluster\" naming such an id is ambiguous\n",
               repeated, shown.c_str());
}

int RunDedup(const CommonOptions& o, const DedupFlags& f) {
  const auto start = std::chrono::steady_clock::now();
  // ParseArgs has checked the flags (k, ngram, threshold, bands x rows).
  Setup s;
  if (!Prepare(o, !o.no_clean, !o.no_corpus_stats, /*keep_group_keys=*/true, &s)) return kExitUsage;
  boilerhash::SignOptions so;
  so.minhash.k = f.k;
  so.shingle.n = f.ngram;
  so.keep_shingle_set = f.exact_verify;
  so.compute_simhash = false;  // clustering uses MinHash only
  so.count_distinct = f.measure == "containment";  // set sizes order containment pairs
  const boilerhash::Signer signer(so);
  s.config.signer = &signer;

  // What clustering needs, kept per document: 4k bytes of signature and a few
  // counters (plus the shingle set with --exact-verify).
  std::vector<std::string> ids;
  std::vector<uint32_t> sigs;
  std::vector<std::vector<uint64_t>> sets;
  std::vector<size_t> set_size, lines, removed;
  std::vector<uint8_t> near_empty;
  std::vector<uint64_t> ordinals;  // each document's record, for --filter
  Counts c = s.driver->Run(s.config, [&](Document& d) {
    ordinals.push_back(d.ordinal);
    ids.push_back(std::move(d.id));
    // A document with no words is empty whatever --min-words says (0 included).
    const bool empty = d.sig.words == 0 || d.sig.words < f.min_words;
    near_empty.push_back(empty);
    if (empty) sigs.insert(sigs.end(), f.k, boilerhash::kEmptySlot);  // never merged
    else sigs.insert(sigs.end(), d.sig.minhash.begin(), d.sig.minhash.end());
    if (f.exact_verify) sets.push_back(std::move(d.sig.shingle_set));
    set_size.push_back(d.sig.distinct_shingles);
    lines.push_back(d.lines);
    removed.push_back(d.boilerplate_lines);
  });
  const size_t n = ids.size();
  if (!f.filter) WarnRepeatedIds(ids);  // --filter writes records, not ids
  std::vector<boilerhash::DocumentSketch> sketches(n);
  for (size_t i = 0; i < n; ++i) {
    sketches[i].minhash = std::span<const uint32_t>(sigs.data() + i * f.k, f.k);
    if (f.exact_verify) sketches[i].shingle_set = sets[i];
    sketches[i].set_size = set_size[i];
  }
  boilerhash::ClusterOptions co;
  co.threshold = f.threshold;
  co.measure = f.measure == "containment" ? boilerhash::Measure::kContainment
                                          : boilerhash::Measure::kJaccard;
  co.lsh = {f.bands, f.rows};
  // Resolved here, not left to the library, because the stats below build an index with it.
  if (co.lsh.bands == 0) co.lsh = boilerhash::RecallFirstLshParams(f.threshold, f.k, f.exact_verify);
  co.exact_verify = f.exact_verify;
  const boilerhash::ClusterResult r = boilerhash::ClusterNearDuplicates(sketches, co);

  size_t clusters = 0, duplicates = 0, empties = 0;
  for (size_t i = 0; i < n; ++i) {
    if (r.representative[i] == i) ++clusters;
    else ++duplicates;
    empties += near_empty[i];
  }
  std::string out;
  if (f.filter) {
    // The kept documents' records are read and cleaned again (cleaning them
    // all in the first pass would hold the corpus's text in memory): the
    // same records, corpus counts and group keys give the same text.
    std::vector<uint8_t> keep(n ? ordinals.back() + 1 : 0, 0);
    for (size_t i = 0; i < n; ++i) keep[ordinals[i]] = r.representative[i] == i;
    ProcessConfig again = s.config;
    again.signer = nullptr;
    again.keep_cleaned = true;
    again.keep_record = true;
    again.selected = &keep;
    // A kept record that fails now (out of memory; an input changed since)
    // is reported by Run and missing from the output: it counts as skipped.
    c.skipped += s.driver->Run(again, [&](Document& d) {
                   AppendCleanedRecord(d, o.id_field, &out);
                   FlushIfLarge(&out);
                 }).skipped;
  } else if (!f.summary) {
    for (size_t i = 0; i < n; ++i) {
      out += "{\"id\":";
      AppendJsonString(&out, ids[i]);
      out += ",\"cluster\":";
      AppendJsonString(&out, ids[r.representative[i]]);
      out += r.representative[i] == i ? ",\"duplicate\":false" : ",\"duplicate\":true";
      out += ",\"similarity\":";
      AppendDouble(&out, r.similarity[i]);
      out += ",\"boilerplate_lines\":";
      AppendNumber(&out, removed[i]);
      if (near_empty[i]) out += ",\"near_empty\":true";
      out += "}\n";
      FlushIfLarge(&out);
    }
  } else {
    // The readable report: clusters with more than one member first (in order
    // of their representative), then the documents left alone.
    char line[512];
    std::snprintf(line, sizeof(line),
                  "%zu documents, %zu clusters, %zu duplicates (%s >= %g on word %u-grams, "
                  "boilerplate %s)\n",
                  n, clusters, duplicates, f.measure.c_str(), f.threshold, f.ngram,
                  s.config.clean ? "removed" : "kept");
    out += line;
    std::map<uint32_t, std::vector<uint32_t>> members;
    for (uint32_t i = 0; i < n; ++i) members[r.representative[i]].push_back(i);
    // Ids are padded to the longest, up to 60 characters (a longer one, a
    // URL say, runs over rather than widen every row); rows are appended,
    // not formatted into a fixed buffer that a long id would cut.
    // Control characters in an id (a newline, a tab) are written as escapes
    // (\n, \t, \xHH), so that a row stays one line.
    std::vector<std::string> shown(n);
    for (uint32_t i = 0; i < n; ++i) {
      std::string& escaped = shown[i];
      for (const char ch : ids[i]) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c != 0x7F && c != '\\') {
          escaped += ch;
        } else if (c == '\n' || c == '\t' || c == '\\') {
          escaped += c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\\\";
        } else {
          char b[8];
          std::snprintf(b, sizeof(b), "\\x%02X", c);
          escaped += b;
        }
      }
    }
    size_t width = 8;
    for (const std::string& id : shown) width = std::max(width, std::min<size_t>(id.size(), 60));
    auto row = [&](uint32_t i, const char* tag) {
      std::string sim = tag;
      if (sim.empty()) {
        char b[32];
        std::snprintf(b, sizeof(b), "similarity %.2f", r.similarity[i]);
        sim = b;
      }
      const std::string& id = shown[i];
      out += "  ";
      out += id;
      out.append(width > id.size() ? width - id.size() : 0, ' ');
      out += "  ";
      out += sim;
      out.append(sim.size() < 16 ? 16 - sim.size() : 0, ' ');
      std::snprintf(line, sizeof(line), "  %zu of %zu lines removed%s\n", removed[i], lines[i],
                    !near_empty[i] ? "" : s.config.clean ? " (near-empty after cleaning)" : " (near-empty)");
      out += line;
    };
    size_t number = 0;
    for (const auto& [rep, m] : members) {
      if (m.size() < 2) continue;
      std::snprintf(line, sizeof(line), "\ncluster %zu (%zu documents):\n", ++number, m.size());
      out += line;
      for (uint32_t i : m) row(i, i == rep ? "representative" : "");
    }
    bool header = false;
    for (const auto& [rep, m] : members) {
      if (m.size() != 1) continue;
      if (!header) out += "\nno near-duplicate:\n";
      header = true;
      row(rep, near_empty[rep] ? "near-empty" : "unique");
    }
  }
  FlushIfLarge(&out, true);

  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr,
               "boilerhash dedup: %zu documents, %zu clusters, %zu duplicates, %zu near-empty, "
               "%llu skipped; %s in %.2f s (%.1f MB/s, %u threads, %s)\n",
               n, clusters, duplicates, empties, static_cast<unsigned long long>(c.skipped + s.input_errors),
               HumanBytes(static_cast<double>(c.bytes)).c_str(), secs, c.bytes / 1e6 / secs,
               s.driver->threads(), boilerhash::ActiveTarget().c_str());
  if (f.stats) {
    // Index bytes per document: the signatures the command keeps plus the LSH
    // tables of the index type a caller would keep for later queries.
    size_t index_bytes = 0;
    const boilerhash::LshParams p = co.lsh;
    if (co.measure == boilerhash::Measure::kJaccard) {
      boilerhash::LshIndex index(p, f.k);
      for (uint32_t i = 0; i < n; ++i)
        if (!near_empty[i]) index.Insert(i, sketches[i].minhash);
      index_bytes = index.MemoryBytes();
    } else {
      boilerhash::ContainmentIndex index(f.k);
      for (uint32_t i = 0; i < n; ++i)
        if (!near_empty[i]) index.Insert(i, sketches[i].minhash, set_size[i]);
      index_bytes = index.MemoryBytes();
    }
    const double per = n ? 1.0 / static_cast<double>(n) : 0.0;
    const double corpus_mb = s.corpus ? static_cast<double>(s.corpus->memory_bytes()) / 1e6 : 0.0;
    // Containment's index picks bands per size partition: co.lsh is unused there.
    const std::string bands = co.measure == boilerhash::Measure::kJaccard
                                  ? "bands " + std::to_string(p.bands) + " x rows " + std::to_string(p.rows)
                                  : std::string("containment index, bands per set-size partition");
    std::fprintf(stderr,
                 "boilerhash dedup stats: %s; signature %u bytes/doc, LSH index "
                 "%.0f bytes/doc; %zu similarity checks of candidates, %zu passed; %llu docs with repaired "
                 "UTF-8; corpus line table %zu entries in %.1f MB; peak RSS %ld MiB\n",
                 bands.c_str(), f.k * 4u, static_cast<double>(index_bytes) * per,
                 r.candidate_pairs, r.verified_pairs, static_cast<unsigned long long>(c.repaired),
                 s.corpus ? s.corpus->size() : size_t{0}, corpus_mb, PeakRssKb() / 1024);
  }
  return ExitStatus(s, c);
}

}  // namespace
}  // namespace bhcli

int main(int argc, char** argv) {
  using namespace bhcli;
  CliOptions o;
  const int status = ParseArgs(argc, argv, &o, std::cout, std::cerr);
  if (status != kRun) return status;
  // What the pool rethrows ends the run with a message and its own status,
  // not an abort: an allocation that fails outside one document's work (the
  // corpus table, the LSH index). One document's is that record's error
  // (ProcessRecord).
  try {
    switch (o.command) {
      case Command::kClean: return RunClean(o.common, o.explain);
      case Command::kSign: return RunSign(o.common, o.sign);
      case Command::kDedup: return RunDedup(o.common, o.dedup);
      case Command::kStats: return RunStats(o.common, o.stats);
    }
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "boilerhash: out of memory; the output is incomplete\n");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "boilerhash: %s; the output is incomplete\n", e.what());
  }
  return kExitFatal;
}
