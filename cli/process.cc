#include "process.h"

#include <simdjson.h>

#include <algorithm>
#include <iterator>
#include <new>

#include "boilerhash/utf8.h"
#include "boilerhash/classifier.h"
#include "boilerhash/corpus_stats.h"
#include "boilerhash/thread_buffers.h"
#include "json_out.h"
#include "json_surrogates.h"
#include "json_wide_numbers.h"

namespace bhcli {

namespace {

// Thread-local buffers larger than this are freed after their document.
constexpr size_t kKeepBytes = size_t{64} << 20;
// After a document larger than this the library's per-thread scratch is
// freed too (thread_buffers.h): it keeps about 10 bytes per byte of the
// largest document a thread met (a 32 MB one left 335 MB in the thread),
// and growing it again for the next document costs next to nothing.
constexpr size_t kReleaseLibraryBuffersAfter = size_t{4} << 20;

struct JsonBuffers {
  JsonBuffers() = default;       // not an aggregate: the parser's constructor is explicit
  simdjson::dom::parser parser;  // keeps the capacity of the largest record
  std::string repaired;          // invalid UTF-8 replaced
  std::string surrogates_fixed;  // lone surrogate escapes replaced
  MaskedRecord masked;           // of a record with numbers beyond 64 bits
};
JsonBuffers& ParserBuffers() {
  thread_local JsonBuffers buffers;
  return buffers;
}
void ReleaseParserBuffers() noexcept { ParserBuffers() = JsonBuffers{}; }

// simdjson's parser never shrinks (about 13 bytes of address space, 2
// resident, per byte of the largest record it met): after a record over
// kReleaseLibraryBuffersAfter, on every way out, read or not, the thread's
// parser buffers go.
struct ReleaseParserAfterLargeRecord {
  const Record& record;
  ~ReleaseParserAfterLargeRecord() {
    if (record.kind == Record::kJson && record.bytes.size() > kReleaseLibraryBuffersAfter) ReleaseParserBuffers();
  }
};

// The members of a record other than its text, as JSON, for writing the
// record back around its cleaned text (ProcessConfig::keep_record):
// json_before ends with the text's key and ':', each member of json_after
// starts with ','. Members named like the command's own counts are left out
// (it writes them), and so are repeats of the text's key. With raw_values
// (a record read through MaskWideNumbers), member i's value is
// (*raw_values)[i], as written, instead of simdjson's.
void KeepMembers(simdjson::dom::object obj, const ProcessConfig& config, Document* doc,
                 const std::vector<std::string>* raw_values) {
  doc->is_record = true;
  bool text_seen = false;
  size_t index = 0;
  for (const simdjson::dom::key_value_pair member : obj) {
    const size_t i = index++;
    const std::string_view key = member.key;
    doc->has_id_member |= key == config.id_field;  // the text's own key may be the id field too
    if (key == config.text_field) {
      if (!text_seen) {
        AppendJsonString(&doc->json_before, key);
        doc->json_before += ':';
      }
      text_seen = true;
      continue;
    }
    if (key == "lines" || key == "boilerplate_lines") continue;
    std::string& out = text_seen ? doc->json_after : doc->json_before;
    if (text_seen) out += ',';
    AppendJsonString(&out, key);
    out += ':';
    if (raw_values != nullptr) out += (*raw_values)[i];
    else out += simdjson::minify(member.value);
    if (!text_seen) out += ',';
  }
}

// The document text and id of a JSONL record, repaired to valid UTF-8.
// What simdjson refuses but is repairable or valid is read a second way:
// invalid UTF-8 is repaired, lone surrogate escapes become U+FFFD
// (json_surrogates.h), numbers beyond 64 bits are taken as written
// (json_wide_numbers.h); bad bytes are never fatal. With doc, its other
// members are kept too (KeepMembers).
bool ParseJsonRecord(const Record& record, const ProcessConfig& config, std::string* text,
                     std::string* id, std::string* error, size_t* repairs, Document* doc) {
  JsonBuffers& buffers = ParserBuffers();
  simdjson::dom::parser& parser = buffers.parser;
  simdjson::dom::element root;
  const MaskedRecord* masked = nullptr;
  // The record's bytes, parsed; through the number mask when simdjson
  // cannot hold one of its numbers. std::string, not a view: simdjson skips
  // its padded copy of a string with room to spare, and a view would convert
  // to a padded_string whose failed allocation reads as an empty record
  // rather than out of memory.
  const auto parse = [&](const std::string& bytes) {
    masked = nullptr;
    auto err = parser.parse(bytes).get(root);
    if (err == simdjson::NUMBER_ERROR && MaskWideNumbers(bytes, &buffers.masked)) {
      masked = &buffers.masked;
      err = parser.parse(masked->masked).get(root);
    }
    return err;
  };
  const std::string* bytes = &record.bytes;
  auto err = parse(*bytes);
  if (err == simdjson::UTF8_ERROR) {  // found before any string or number error: stage 1
    *repairs += boilerhash::Utf8Repair(*bytes, &buffers.repaired);
    bytes = &buffers.repaired;
    err = parse(*bytes);
  }
  if (err == simdjson::STRING_ERROR) {
    if (const size_t n = ReplaceLoneSurrogateEscapes(*bytes, &buffers.surrogates_fixed); n > 0) {
      *repairs += n;
      bytes = &buffers.surrogates_fixed;
      err = parse(*bytes);
    }
  }
  if (err == simdjson::MEMALLOC) throw std::bad_alloc();  // reported as out of memory, not as broken JSON
  if (err) {
    *error = std::string("broken JSON: ") + simdjson::error_message(err);
    return false;
  }
  simdjson::dom::object obj;
  if (root.get_object().get(obj)) {
    *error = "the record is not a JSON object";
    return false;
  }
  // object::size() saturates at 2^24 - 1 members: count them.
  if (masked != nullptr && masked->values.size() != static_cast<size_t>(std::distance(obj.begin(), obj.end()))) {
    *error = "broken JSON: members not understood";
    return false;
  }
  simdjson::dom::element field;
  if (obj[config.text_field].get(field)) {
    *error = "no \"" + config.text_field + "\" field";
    return false;
  }
  std::string_view sv;
  if (field.get_string().get(sv)) {
    *error = "the \"" + config.text_field + "\" field is not a string";
    return false;
  }
  text->assign(sv);
  // A null id is no id (FILE:LINE stands in), not the id "null" that every
  // such record would share.
  if (!obj[config.id_field].get(field) && !field.is_null()) {
    if (!field.get_string().get(sv)) {
      id->assign(sv);
    } else if (masked == nullptr) {
      id->assign(simdjson::minify(field));
    } else {  // the first member of that name, as obj[] finds it, as written
      size_t i = 0;
      for (const simdjson::dom::key_value_pair member : obj) {
        if (member.key == config.id_field) break;
        ++i;
      }
      id->assign(masked->values[i]);
    }
  }
  if (doc != nullptr) KeepMembers(obj, config, doc, masked != nullptr ? &masked->values : nullptr);
  return true;
}

void RepairInPlace(std::string* s, size_t* repairs) {
  if (boilerhash::Utf8IsValid(*s)) return;
  std::string fixed;
  *repairs += boilerhash::Utf8Repair(*s, &fixed);
  s->swap(fixed);
}

[[maybe_unused]] size_t CountNonBlankLines(std::string_view text) {
  size_t n = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    if (line.find_first_not_of(" \t\r\f\v") != std::string_view::npos) ++n;
    pos = end + 1;
  }
  return n;
}

// The document of a record, or false with *error (the record is skipped).
bool RecordText(const Record& record, const InputSet* inputs, const ProcessConfig& config,
                std::string* text, std::string* id, std::string* error, size_t* repairs,
                Document* keep = nullptr) {
  if (record.kind == Record::kError) {
    *error = record.bytes;
    return false;
  }
  if (record.kind == Record::kJson) {
    if (!ParseJsonRecord(record, config, text, id, error, repairs, keep)) return false;
  } else {
    *text = record.bytes;
  }
  RepairInPlace(text, repairs);
  // Lines ended by a lone CR (classic Mac OS files) would be one line to the
  // classifier, which splits at '\n': one pattern anywhere would drop the
  // whole text. With no '\n' at all, each CR is read as a line break.
  if (text->find('\r') != std::string::npos && text->find('\n') == std::string::npos) {
    std::replace(text->begin(), text->end(), '\r', '\n');
  }
  if (inputs != nullptr && id->empty()) {
    const Source& src = inputs->sources()[record.source];
    *id = record.kind == Record::kJson ? src.id + ":" + std::to_string(record.line) : src.id;
  }
  size_t id_repairs = 0;
  RepairInPlace(id, &id_repairs);
  return true;
}


// The thread's buffers of ProcessRecord and RecordLineHashes.
struct ThreadBuffers {
  std::string text, cleaned, id, error;
  boilerhash::ClassifyResult result;
};
ThreadBuffers& Buffers() {
  thread_local ThreadBuffers buffers;
  return buffers;
}

// After an allocation failed part way through a document: every buffer
// that document grew, here and in the library, is given back, so the next
// document starts from nothing and the failure stays that document's.
void ReleaseAfterOutOfMemory() noexcept {
  Buffers() = ThreadBuffers{};
  ReleaseParserBuffers();
  boilerhash::ReleaseThreadBuffers();
}

void ProcessRecordOrThrow(const Record& record, uint64_t ordinal, const InputSet& inputs,
                          const ProcessConfig& config, Document* doc) {
  const ReleaseParserAfterLargeRecord release_parser{record};
  std::string& text = Buffers().text;
  text.clear();
  if (!RecordText(record, &inputs, config, &text, &doc->id, &doc->error, &doc->utf8_repairs,
                  config.keep_record ? doc : nullptr)) {
    if (record.kind == Record::kJson) {
      doc->error = inputs.Place(record) + ": " + doc->error + " (record skipped)";
    }
    return;
  }
  doc->ok = true;
  doc->bytes = text.size();
  std::string_view body = text;
  boilerhash::ClassifyResult& result = Buffers().result;
  std::string& cleaned = Buffers().cleaned;  // of a document classified window by window
  if (config.clean && config.model != nullptr) {
    // The corpus pass's group keys; none (all 0) where that pass could not
    // read the document (out of memory there): then the classifier makes
    // them, as it would have. (Keys that are all 0 by right come out 0 again.)
    const uint64_t* keys = nullptr;
    if (config.group_keys != nullptr && ordinal < config.group_keys->size()) {
      const GroupKeys& given = (*config.group_keys)[ordinal];
      if (std::any_of(given.begin(), given.end(), [](uint64_t k) { return k != 0; })) keys = given.data();
    }
    const std::vector<size_t> windows =
        config.explain ? std::vector<size_t>{text.size()}
                       : boilerhash::ClassifyWindowEnds(text, config.model->options().window_lines);
    if (windows.size() == 1) {
      config.model->Classify(text, &result, config.corpus, keys);
      doc->lines = result.boilerplate_lines + result.content_lines;
      doc->boilerplate_lines = result.boilerplate_lines;
      if (config.explain) doc->explain = boilerhash::ExplainClassification(text, result);
      body = result.cleaned;
    } else {
      // Window by window (classifier.h), keeping one window's line results,
      // not 32 bytes for every line of the document.
      cleaned.clear();
      boilerhash::ClassifyWindows(*config.model, text, windows, config.corpus, keys, &result,
                                  [&](size_t, const boilerhash::ClassifyResult& r) {
                                    doc->lines += r.boilerplate_lines + r.content_lines;
                                    doc->boilerplate_lines += r.boilerplate_lines;
                                    if (r.cleaned.empty()) return;  // content lines are never empty:
                                    if (!cleaned.empty()) cleaned += '\n';  // '\n' joins them
                                    cleaned += r.cleaned;
                                  });
      body = cleaned;
    }
  } else {
    doc->lines = CountNonBlankLines(text);
  }
  if (config.keep_cleaned) doc->cleaned.assign(body);
  if (config.signer != nullptr) config.signer->Sign(body, &doc->sig);
  // These buffers live as long as the thread: one huge document must not
  // keep its size in every thread that met one. (doc->bytes, not text's
  // size: text may be given back first.)
  if (doc->bytes > kReleaseLibraryBuffersAfter) boilerhash::ReleaseThreadBuffers();
  if (text.capacity() > kKeepBytes) std::string().swap(text);
  if (cleaned.capacity() > kKeepBytes) std::string().swap(cleaned);
  if (result.cleaned.capacity() > kKeepBytes || result.lines.capacity() > kKeepBytes / sizeof(boilerhash::LineResult)) {
    result = boilerhash::ClassifyResult{};
  }
}

}  // namespace

void ProcessRecord(const Record& record, uint64_t ordinal, const InputSet& inputs,
                   const ProcessConfig& config, Document* doc) {
  *doc = Document{};
  doc->ordinal = ordinal;
  if (config.selected != nullptr && (ordinal >= config.selected->size() || !(*config.selected)[ordinal])) {
    doc->unselected = true;
    return;
  }
  try {
    ProcessRecordOrThrow(record, ordinal, inputs, config, doc);
  } catch (const std::bad_alloc&) {
    // One document too big for the memory left is that document's error:
    // the others are still processed (a failed allocation changed nothing
    // shared: the model, the corpus table and the signer are read-only here).
    const size_t bytes = record.bytes.size();
    *doc = Document{};
    doc->ordinal = ordinal;
    ReleaseAfterOutOfMemory();
    doc->error = inputs.Place(record) + ": out of memory on a document of " + MegaBytes(bytes) +
                 " (record skipped)";
  }
}

void AppendCleanedRecord(const Document& d, const std::string& id_field, std::string* out) {
  if (d.is_record) {  // the record back: its text cleaned, its other members as they were
    *out += '{';
    *out += d.json_before;
    AppendJsonString(out, d.cleaned);
    *out += d.json_after;
    if (!d.has_id_member) {
      *out += ',';
      AppendJsonString(out, id_field);
      *out += ':';
      AppendJsonString(out, d.id);
    }
  } else {
    *out += "{\"id\":";
    AppendJsonString(out, d.id);
    *out += ",\"text\":";
    AppendJsonString(out, d.cleaned);
  }
  *out += ",\"lines\":";
  AppendNumber(out, d.lines);
  *out += ",\"boilerplate_lines\":";
  AppendNumber(out, d.boilerplate_lines);
  *out += "}\n";
}

bool RecordLineHashes(const Record& record, const ProcessConfig& config,
                      std::vector<uint64_t>* hashes, GroupKeys* group_keys) {
  hashes->clear();
  group_keys->fill(0);
  const ReleaseParserAfterLargeRecord release_parser{record};
  ThreadBuffers& b = Buffers();
  b.text.clear();
  size_t repairs = 0;
  try {
    if (!RecordText(record, nullptr, config, &b.text, &b.id, &b.error, &repairs)) return false;
    boilerhash::DocumentCorpusKeys(b.text, hashes, group_keys->data());  // what LineFrequencyTable counts
  } catch (const std::bad_alloc&) {
    // Not counted; the processing pass reports the document if it fails there too.
    std::vector<uint64_t>().swap(*hashes);
    group_keys->fill(0);
    ReleaseAfterOutOfMemory();
    return false;
  }
  if (b.text.size() > kReleaseLibraryBuffersAfter) boilerhash::ReleaseThreadBuffers();  // as in ProcessRecord
  if (b.text.capacity() > kKeepBytes) std::string().swap(b.text);
  return true;
}

std::unique_ptr<boilerhash::BoilerplateModel> LoadDefaultModel(uint32_t corpus_min_documents,
                                                               std::string* error) {
  boilerhash::Status status;
  boilerhash::ClassifierOptions options;
  if (corpus_min_documents != 0) options.corpus_min_documents = corpus_min_documents;
  auto model = boilerhash::BoilerplateModel::DefaultWithOptions(options, &status);
  if (!model) *error = status.message();
  return model;
}

}  // namespace bhcli
