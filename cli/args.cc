#include "args.h"

#include <CLI/CLI.hpp>
#include <ostream>

#include "boilerhash/boilerhash.hpp"
#include "boilerhash/classifier.h"
#include "boilerhash/corpus_stats.h"
#include "boilerhash/pattern_db.h"

namespace bhcli {
namespace {

// The corpus line table's size, for every command that counts lines.
void AddTableEntriesOption(CLI::App* cmd, CommonOptions* o) {
  cmd->add_option("--corpus-table-entries", o->corpus_table_entries,
                  "Lines the corpus pass counts at most; when full it drops the lines seen "
                  "least (default " + std::to_string(boilerhash::LineFrequencyTable().max_entries()) +
                  ", about 24 bytes each; raise it for corpora of millions of documents)")
      ->check(CLI::Range(uint64_t{1024}, uint64_t{1} << 32));
}

void AddCommonOptions(CLI::App* cmd, CommonOptions* o, bool cleaning, bool inputs_required = true) {
  CLI::Option* inputs = cmd->add_option(
      "inputs", o->inputs, "Files, directories (recursively *.txt, *.jsonl and *.ndjson, each also .gz or .zst), pipes, or - for stdin");
  if (inputs_required) inputs->required();
  cmd->add_option("--threads", o->threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  cmd->add_option("--text-field", o->text_field, "JSONL field holding the text")
      ->capture_default_str();
  cmd->add_option("--id-field", o->id_field, "JSONL field holding the id (else FILE:LINE)")
      ->capture_default_str();
  cmd->add_option("--format", o->format,
                  "Input format: auto (JSONL for *.jsonl* and *.ndjson*, else text), text or jsonl")
      ->check(CLI::IsMember({"auto", "text", "jsonl"}))
      ->capture_default_str();
  cmd->add_flag("--quiet,-q", o->quiet, "No progress bar");
  if (cleaning) {
    CLI::Option* none = cmd->add_flag("--no-corpus-stats", o->no_corpus_stats,
                                      "Skip the corpus pass that counts lines repeated across documents");
    cmd->add_option("--corpus-stats", o->corpus_stats,
                    "Use the corpus line table in FILE (written by `boilerhash stats`) instead of "
                    "counting the inputs' lines; given several times, the tables are added")
        ->type_name("FILE")
        ->allow_extra_args(false)  // one file per --corpus-stats: the inputs follow
        ->excludes(none);
    cmd->add_option("--corpus-min-documents", o->corpus_min_documents,
                    "A line in at least this many documents is boilerplate (default: the model's, "
                    + std::to_string(boilerhash::ClassifierOptions{}.corpus_min_documents) + ")")
        ->check(CLI::Range(1u, UINT32_MAX));  // 0 would make every line boilerplate
    AddTableEntriesOption(cmd, o);
  }
}

// What CLI11's checks cannot say: combinations; and the bounds again, for a
// caller that fills DedupFlags without parsing.
int ValidateDedup(const DedupFlags& f, std::ostream& err) {
  if (!(f.threshold > 0 && f.threshold <= 1)) {  // the option's check says so first
    err << "boilerhash dedup: --threshold must be in (0, 1]\n";
    return kExitUsage;
  }
  if (f.k == 0 || f.ngram == 0) {
    err << "boilerhash dedup: --k and --ngram must be positive\n";
    return kExitUsage;
  }
  if ((f.bands == 0) != (f.rows == 0) || uint64_t{f.bands} * f.rows > f.k) {
    err << "boilerhash dedup: give --bands and --rows together, with bands*rows <= k (" << f.k
        << ")\n";
    return kExitUsage;
  }
  if (f.bands != 0 && f.measure == "containment") {  // it picks its own per size partition
    err << "boilerhash dedup: --bands and --rows apply to --measure jaccard; containment chooses its own\n";
    return kExitUsage;
  }
  return kRun;
}

}  // namespace

int ParseArgs(int argc, const char* const* argv, CliOptions* o, std::ostream& out,
              std::ostream& err) {
  *o = CliOptions{};
  CLI::App app{"boilerhash: remove boilerplate from extracted web text and find near-duplicates"};
  app.footer(
      "Exit status: 0 success; 1 some input was skipped (each reported on stderr: an unreadable file,\n"
      "a broken record, a document too big for the memory left); 2 usage error; 3 out of memory\n"
      "outside any one document, or the output could not be written (the output is incomplete).\n"
      "Run `boilerhash COMMAND --help` for a command's options.\n");
  app.set_version_flag("--version,-V",
                       std::string("boilerhash ") + boilerhash::kVersionString +
                           " (signature format " + std::to_string(boilerhash::kSignatureFormatVersion) +
                           ", " + boilerhash::UnicodeDescription() + ", SIMD target " + boilerhash::ActiveTarget() + "; patterns: " +
                           boilerhash::PatternEngineDescription() + ")");
  app.require_subcommand(1);

  CommonOptions& common = o->common;
  CLI::App* clean = app.add_subcommand(
      "clean", "Print the text without its boilerplate lines (JSONL records come back whole: their text "
               "cleaned, lines and boilerplate_lines added)");
  AddCommonOptions(clean, &common, true);
  clean->add_flag("--explain", o->explain,
                  "One row per input line: number, label, reasons, text (tab-separated); with more "
                  "than one document, each document's rows follow a line of '# ' and its id as a JSON string");

  SignFlags& sf = o->sign;
  CLI::App* sign = app.add_subcommand("sign", "Print one signature (JSON) per document");
  AddCommonOptions(sign, &common, true);
  sign->add_option("--algo", sf.algo, "minhash or simhash")
      ->check(CLI::IsMember({"minhash", "simhash"}))
      ->capture_default_str();
  sign->add_option("--k", sf.k, "MinHash permutations")->check(CLI::Range(1u, 4096u))->capture_default_str();
  sign->add_option("--ngram", sf.ngram, "Words per shingle")->check(CLI::Range(1u, 64u))->capture_default_str();
  sign->add_flag("--no-clean", common.no_clean, "Sign the raw text (keep boilerplate)");

  DedupFlags& df = o->dedup;
  CLI::App* dedup = app.add_subcommand(
      "dedup", "Cluster near-duplicate documents; one JSON object per document on stdout");
  AddCommonOptions(dedup, &common, true);
  dedup->add_option("--threshold", df.threshold, "Similarity threshold")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            double t = 0;  // NaN fails the comparison too
            if (CLI::detail::lexical_cast(value, t) && t > 0 && t <= 1) return {};
            return "Value " + value + " not in (0, 1]";
          },
          "in (0, 1]", "THRESHOLD"))
      ->capture_default_str();
  dedup->add_option("--measure", df.measure, "jaccard, or containment of the smaller document")
      ->check(CLI::IsMember({"jaccard", "containment"}))
      ->capture_default_str();
  dedup->add_option("--bands", df.bands,
                    "LSH bands (default: minimise 0.05 x false-positive + 0.95 x false-negative area; 0.01 + 0.99 with --exact-verify)");
  dedup->add_option("--rows", df.rows, "LSH rows per band (with --bands; Jaccard only)");
  dedup->add_option("--k", df.k, "MinHash permutations")->check(CLI::Range(1u, 4096u))->capture_default_str();
  dedup->add_option("--ngram", df.ngram, "Words per shingle")->check(CLI::Range(1u, 64u))->capture_default_str();
  dedup->add_option("--min-words", df.min_words,
                    "Documents with fewer words after cleaning (and any with none, even at 0) are near-empty: "
                    "reported, never merged")
      ->capture_default_str();
  dedup->add_flag("--no-clean", common.no_clean, "Keep boilerplate (hash the raw text)");
  dedup->add_flag("--exact-verify", df.exact_verify,
                  "Check candidates by their exact shingle-set similarity, not the MinHash estimate "
                  "(which spreads about +-0.035 at k = 128, so pairs near the threshold can flip "
                  "either way); keeps every document's shingle set in memory");
  CLI::Option* summary = dedup->add_flag(
      "--summary", df.summary, "Print a readable report (clusters, lines removed per document) instead of JSON");
  dedup->add_flag("--filter", df.filter,
                  "Print the documents to keep instead of one decision per document: each cluster's "
                  "representative and every document without a near-duplicate, in input order, as JSONL "
                  "records, as `clean` writes records (cleaned, unless --no-clean). Reads and cleans them a "
                  "second time")
      ->excludes(summary);
  dedup->add_flag("--stats", df.stats,
                  "Also print LSH index bytes per document, the corpus line table's size, and peak memory");

  CLI::App* stats = app.add_subcommand(
      "stats", "Count the lines of the inputs across documents (the corpus pass) and save the table, "
               "for --corpus-stats: run it once over a crawl, then clean its shards anywhere");
  AddCommonOptions(stats, &common, /*cleaning=*/false, /*inputs_required=*/false);
  AddTableEntriesOption(stats, &common);
  stats->add_option("--output,-o", o->stats.output, "Where to write the table (- for stdout)")->type_name("FILE")->required();
  stats->add_option("--corpus-stats", common.corpus_stats,
                    "Add the table in FILE (from an earlier `boilerhash stats`) to the counts; "
                    "with no inputs, this merges tables")
      ->type_name("FILE")
      ->allow_extra_args(false);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, out, err);
    return code == 0 ? kExitOk : kExitUsage;
  }
  // Without cleaning a corpus table would go unread: refused, not ignored.
  // (Checked here, not with CLI11's excludes: --corpus-stats already
  // excludes --no-corpus-stats, and a second entry in its set, ordered by
  // address, made the help text differ from run to run.)
  if (common.no_clean && !common.corpus_stats.empty()) {
    err << "boilerhash: --corpus-stats needs cleaning: it cannot go with --no-clean\n";
    return kExitUsage;
  }
  // clean and dedup --filter write the records back with these members of their own.
  if (clean->parsed() || (dedup->parsed() && df.filter)) {
    for (const std::string* field : {&common.text_field, &common.id_field}) {
      if (*field == "lines" || *field == "boilerplate_lines") {
        err << "boilerhash: --text-field and --id-field cannot be \"" << *field
            << "\" when records are written back: that member is the command's\n";
        return kExitUsage;
      }
    }
  }
  if (clean->parsed()) {
    o->command = Command::kClean;
  } else if (sign->parsed()) {
    o->command = Command::kSign;
  } else if (stats->parsed()) {
    o->command = Command::kStats;
    if (o->stats.output.empty()) {
      err << "boilerhash stats: --output must name a file\n";
      return kExitUsage;
    }
    if (common.inputs.empty() && common.corpus_stats.empty()) {
      err << "boilerhash stats: give inputs to count, or tables to merge (--corpus-stats)\n";
      return kExitUsage;
    }
  } else {
    o->command = Command::kDedup;
    return ValidateDedup(df, err);
  }
  return kRun;
}

}  // namespace bhcli
