// The command's argument parsing (cli/args.cc ParseArgs): any argv, given as
// the input split at NUL bytes; dict/cli_args.dict holds the real subcommands,
// flags and edge values, and the seeds are real command lines.
// Checks: ParseArgs returns (never exits, throws or aborts) with "run", 0
// after --help/--version (text on out) or 2 on a usage error (text on err);
// a command to run has inputs and every value inside its documented range
// (--threads 1..1024, --k 1..4096, --ngram 1..64, --threshold in (0, 1],
// --bands and --rows both or neither with bands x rows <= k, the enumerated
// flags one of their names); parsing twice gives the same result.
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "args.h"
#include "fuzz_util.h"

using boilerhash::fuzz::Escape;

namespace {

bool OneOf(const std::string& s, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (s == n) return true;
  return false;
}

struct Parsed {
  int status;
  bhcli::CliOptions options;
  std::string out, err;
};

Parsed Parse(const std::vector<std::string>& args) {
  std::vector<const char*> argv;
  argv.push_back("boilerhash");
  for (const auto& a : args) argv.push_back(a.c_str());
  Parsed p;
  std::ostringstream out, err;
  p.status = bhcli::ParseArgs(static_cast<int>(argv.size()), argv.data(), &p.options, out, err);
  p.out = out.str();
  p.err = err.str();
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  // argv[1..] = the input split at NUL bytes, so seeds read as command lines
  // and the dictionary (dict/cli_args.dict) inserts whole flags and values.
  std::vector<std::string> args(1);
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0) {
      if (args.size() == 32) break;
      args.emplace_back();
    } else {
      args.back() += static_cast<char>(data[i]);
    }
  }
  if (size == 0) args.clear();
  std::string shown;
  for (const auto& a : args) shown += " '" + Escape(a, 40) + "'";

  const Parsed p = Parse(args);
  FUZZ_CHECK(p.status == bhcli::kRun || p.status == bhcli::kExitOk || p.status == bhcli::kExitUsage,
             "status " + std::to_string(p.status) + " for" + shown);
  if (p.status == bhcli::kExitOk) FUZZ_CHECK(!p.out.empty(), "help/version without text for" + shown);
  if (p.status == bhcli::kExitUsage) FUZZ_CHECK(!p.err.empty(), "usage error without a message for" + shown);
  if (p.status == bhcli::kRun) {
    const bhcli::CliOptions& o = p.options;
    // Every command has inputs, but stats may merge tables alone.
    FUZZ_CHECK(!o.common.inputs.empty() || (o.command == bhcli::Command::kStats && !o.common.corpus_stats.empty()),
               "a command without inputs for" + shown);
    FUZZ_CHECK(o.command != bhcli::Command::kStats || !o.stats.output.empty(), "stats without --output for" + shown);
    for (const std::string& field : {o.common.text_field, o.common.id_field}) {
      const bool writes_records = o.command == bhcli::Command::kClean ||
                                  (o.command == bhcli::Command::kDedup && o.dedup.filter);
      FUZZ_CHECK(!writes_records || (field != "lines" && field != "boilerplate_lines"),
                 "records written back with the field \"" + field + "\" the command writes for" + shown);
    }
    FUZZ_CHECK(!(o.dedup.filter && o.dedup.summary), "--filter with --summary for" + shown);
    FUZZ_CHECK(o.common.corpus_stats.empty() || !o.common.no_corpus_stats,
               "--corpus-stats with --no-corpus-stats for" + shown);
    FUZZ_CHECK(o.common.corpus_stats.empty() || !o.common.no_clean, "--corpus-stats with --no-clean for" + shown);
    FUZZ_CHECK(o.common.threads <= 1024, "--threads " + std::to_string(o.common.threads) + " for" + shown);
    FUZZ_CHECK(OneOf(o.common.format, {"auto", "text", "jsonl"}), "--format " + o.common.format + " for" + shown);
    FUZZ_CHECK(!o.explain || o.command == bhcli::Command::kClean, "--explain outside clean for" + shown);
    FUZZ_CHECK(!o.common.no_clean || o.command != bhcli::Command::kClean, "--no-clean on clean for" + shown);
    const bhcli::SignFlags& s = o.sign;
    FUZZ_CHECK(OneOf(s.algo, {"minhash", "simhash"}), "--algo " + s.algo + " for" + shown);
    FUZZ_CHECK(s.k >= 1 && s.k <= 4096, "sign --k " + std::to_string(s.k) + " for" + shown);
    FUZZ_CHECK(s.ngram >= 1 && s.ngram <= 64, "sign --ngram " + std::to_string(s.ngram) + " for" + shown);
    const bhcli::DedupFlags& d = o.dedup;
    FUZZ_CHECK(d.threshold > 0 && d.threshold <= 1 && std::isfinite(d.threshold),
               "--threshold " + std::to_string(d.threshold) + " for" + shown);
    FUZZ_CHECK(OneOf(d.measure, {"jaccard", "containment"}), "--measure " + d.measure + " for" + shown);
    FUZZ_CHECK(d.k >= 1 && d.k <= 4096, "dedup --k " + std::to_string(d.k) + " for" + shown);
    FUZZ_CHECK(d.ngram >= 1 && d.ngram <= 64, "dedup --ngram " + std::to_string(d.ngram) + " for" + shown);
    FUZZ_CHECK((d.bands == 0) == (d.rows == 0) && uint64_t{d.bands} * d.rows <= d.k,
               "--bands " + std::to_string(d.bands) + " --rows " + std::to_string(d.rows) + " for" + shown);
  }
  const Parsed again = Parse(args);
  FUZZ_CHECK(again.status == p.status && again.out == p.out && again.err == p.err,
             "a second parse differs for" + shown);
  return 0;
}
