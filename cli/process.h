// One document's way through the command: JSONL parsing, UTF-8 repair,
// boilerplate removal, signing. ProcessRecord is pure per record, so the
// records of a batch run on any number of threads with the same result.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "boilerhash/classifier.h"
#include "boilerhash/signer.h"
#include "input.h"

namespace bhcli {

struct ProcessConfig {
  bool clean = true;      // remove boilerplate (needs model)
  bool explain = false;   // keep the per-line explanation rows
  bool keep_cleaned = false;
  std::string text_field = "text";
  std::string id_field = "id";
  const boilerhash::Signer* signer = nullptr;                // null: do not sign
  const boilerhash::BoilerplateModel* model = nullptr;
  const boilerhash::LineFrequencyTable* corpus = nullptr;    // null: no corpus statistics
};

struct Document {
  bool ok = false;
  std::string error;         // why the record was skipped (when !ok)
  std::string id;            // valid UTF-8
  std::string cleaned;       // when keep_cleaned
  std::string explain;       // when explain
  size_t bytes = 0;          // document bytes before cleaning
  size_t utf8_repairs = 0;   // invalid sequences replaced by U+FFFD
  size_t lines = 0;          // non-blank lines
  size_t boilerplate_lines = 0;
  boilerhash::DocumentSignature sig;
};

// Parses (for a JSONL record), repairs, cleans and signs one record.
void ProcessRecord(const Record& record, const InputSet& inputs, const ProcessConfig& config,
                   Document* doc);

// The distinct non-zero LineHash values of the record's document, sorted
// (for the corpus pass). Returns false, leaving *hashes empty, for a record
// that is not a readable document.
bool RecordLineHashes(const Record& record, const ProcessConfig& config,
                      std::vector<uint64_t>* hashes);

// The default model (with corpus_min_documents changed when it is not 0),
// or null with *error set.
std::unique_ptr<boilerhash::BoilerplateModel> LoadDefaultModel(uint32_t corpus_min_documents,
                                                               std::string* error);

}  // namespace bhcli
