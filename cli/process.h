// One document's way through the command: JSONL parsing, UTF-8 repair,
// boilerplate removal, signing. ProcessRecord is pure per record, so the
// records of a batch run on any number of threads with the same result.
#pragma once
#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "boilerhash/classifier.h"
#include "boilerhash/corpus_stats.h"
#include "boilerhash/signer.h"
#include "input.h"

namespace bhcli {

using GroupKeys = std::array<uint64_t, boilerhash::kDocumentGroupKeys>;

struct ProcessConfig {
  bool clean = true;      // remove boilerplate (needs model)
  bool explain = false;   // keep the per-line explanation rows
  bool keep_cleaned = false;
  bool keep_record = false;  // a JSONL record's other members (Document::json_before/after)
  std::string text_field = "text";
  std::string id_field = "id";
  const boilerhash::Signer* signer = nullptr;                // null: do not sign
  const boilerhash::BoilerplateModel* model = nullptr;
  const boilerhash::LineFrequencyTable* corpus = nullptr;    // null: no corpus statistics
  // The corpus pass's DocumentGroupKeys per record, in input order (64 bytes
  // a record), so the classifier does not compute them a second time.
  const std::vector<GroupKeys>* group_keys = nullptr;
  // Only the records whose ordinal is set here are processed; the others give
  // a Document with `unselected` set (null: every record).
  const std::vector<uint8_t>* selected = nullptr;
};

struct Document {
  bool ok = false;
  bool unselected = false;   // left out by ProcessConfig::selected: no error, no document
  uint64_t ordinal = 0;      // the record's position in the input
  std::string error;         // why the record was skipped (when !ok)
  std::string id;            // valid UTF-8
  std::string cleaned;       // when keep_cleaned
  std::string explain;       // when explain
  // With keep_record, a JSONL record's members around its text, as JSON:
  // '{' + json_before + the text + json_after + '}' is the record again.
  std::string json_before, json_after;
  bool is_record = false;    // from a JSONL record (json_before holds the text's key)
  bool has_id_member = false;  // the record has the id field
  size_t bytes = 0;          // document bytes before cleaning
  size_t utf8_repairs = 0;   // invalid sequences replaced by U+FFFD
  size_t lines = 0;          // non-blank lines
  size_t boilerplate_lines = 0;
  boilerhash::DocumentSignature sig;
};

// Parses (for a JSONL record), repairs, cleans and signs one record;
// ordinal is its position in the input (for config.group_keys).
void ProcessRecord(const Record& record, uint64_t ordinal, const InputSet& inputs,
                   const ProcessConfig& config, Document* doc);

// Appends clean's JSONL line for a document (keep_cleaned and keep_record
// set): a JSONL record with its other members (and the id field, FILE:LINE,
// when it had none), or {"id", "text"} for a text file; then "lines" and
// "boilerplate_lines".
void AppendCleanedRecord(const Document& doc, const std::string& id_field, std::string* out);

// What the corpus pass counts for the record's document (DocumentCorpusKeys:
// sorted distinct keys) and its group keys. Returns false, leaving *hashes
// empty and the keys 0, for a record that is not a readable document.
bool RecordLineHashes(const Record& record, const ProcessConfig& config,
                      std::vector<uint64_t>* hashes, GroupKeys* group_keys);

// The default model (with corpus_min_documents changed when it is not 0),
// or null with *error set.
std::unique_ptr<boilerhash::BoilerplateModel> LoadDefaultModel(uint32_t corpus_min_documents,
                                                               std::string* error);

}  // namespace bhcli
