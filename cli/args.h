// The command line of the boilerhash command, parsed into plain options.
// Parsing never exits and never touches the inputs: it returns what main()
// does next, so that a fuzz harness (fuzz/fuzz_cli_args.cc) can call it.
#pragma once
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace bhcli {

constexpr int kExitOk = 0;
constexpr int kExitSkipped = 1;
constexpr int kExitUsage = 2;
constexpr int kExitFatal = 3;  // the run could not finish (out of memory): output is incomplete

struct CommonOptions {
  std::vector<std::string> inputs;    // at least one
  unsigned threads = 0;               // 0: all cores; else 1..1024
  std::string text_field = "text";
  std::string id_field = "id";
  std::string format = "auto";        // auto, text or jsonl
  bool no_corpus_stats = false;
  uint32_t corpus_min_documents = 0;  // 0: the model's default
  uint64_t corpus_table_entries = 0;  // 0: LineFrequencyTable's default
  std::vector<std::string> corpus_stats;  // saved tables to use instead of the corpus pass
  bool no_clean = false;
  bool quiet = false;
};

struct SignFlags {
  std::string algo = "minhash";  // minhash or simhash
  uint32_t k = 128;              // 1..4096
  uint32_t ngram = 5;            // 1..64
};

struct DedupFlags {
  double threshold = 0.8;        // (0, 1]
  std::string measure = "jaccard";  // jaccard or containment
  uint32_t bands = 0;            // both 0 (optimal), or both > 0 with bands * rows <= k
  uint32_t rows = 0;
  uint32_t k = 128;              // 1..4096
  uint32_t ngram = 5;            // 1..64
  uint32_t min_words = 10;
  bool exact_verify = false;
  bool summary = false;
  bool filter = false;           // print the documents to keep, not the decisions
  bool stats = false;
};

struct StatsFlags {
  std::string output;  // where the table is written
};

enum class Command { kClean, kSign, kDedup, kStats };

struct CliOptions {
  Command command = Command::kClean;
  CommonOptions common;
  bool explain = false;  // clean --explain
  SignFlags sign;
  DedupFlags dedup;
  StatsFlags stats;
};

// ParseArgs returns kRun when *options hold a command to run; otherwise the
// exit status (kExitOk after --help or --version, kExitUsage on a usage
// error), with the help, version or error text written to out / err.
constexpr int kRun = -1;
int ParseArgs(int argc, const char* const* argv, CliOptions* options, std::ostream& out,
              std::ostream& err);

}  // namespace bhcli
