// The command's JSONL reader (cli/input.cc RecordReader) and per-record
// parsing (cli/process.cc ProcessRecord): arbitrary bytes as a JSONL file,
// read as stdin would be, optionally gzip- or zstd-wrapped (in one or two
// members/frames, optionally truncated). Checks:
//   - the records are exactly the non-blank lines of the decoded bytes, with
//     their 1-based line numbers ('\r' before '\n' dropped, a byte order
//     mark before the first dropped), for any batch size;
//     a truncated stream gives a prefix of them and at most one error record,
//     the last, naming -:LINE;
//   - every record gives either a document or an error naming -:LINE, never
//     both (documents + errors = records); RecordLineHashes agrees;
//   - documents have a non-empty, valid UTF-8 id, "-:LINE" when the record has
//     no id field; cleaned text is valid UTF-8;
//   - clean's output line for a record (AppendCleanedRecord) is one JSON
//     object whose text field is the cleaned text, with the counts and an id;
//   - MaskWideNumbers (records with numbers beyond 64 bits) against simdjson:
//     on a line simdjson reads, it succeeds, its masked copy parses and each
//     member's value as written parses to the same value; on a line simdjson
//     refuses for anything but a number, its masked copy is refused too;
//   - ReplaceLoneSurrogateEscapes keeps the length, changes nothing in a
//     record simdjson reads, and only ever writes \ufffd over an escape.
#include <fuzzer/FuzzedDataProvider.h>
#include <zlib.h>
#include <zstd.h>

#include <simdjson.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "boilerhash/utf8.h"
#include "fuzz_util.h"
#include "input.h"
#include "json_surrogates.h"
#include "json_wide_numbers.h"
#include "process.h"

using boilerhash::fuzz::Escape;
using bhcli::Record;

namespace {

std::string Gzip(std::string_view in) {
  z_stream z{};
  if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) std::abort();
  std::string out(deflateBound(&z, in.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) std::abort();
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string Zstd(std::string_view in) {
  std::string out(ZSTD_compressBound(in.size()), '\0');
  const size_t n = ZSTD_compress(out.data(), out.size(), in.data(), in.size(), 1);
  if (ZSTD_isError(n)) std::abort();
  out.resize(n);
  return out;
}

bool HasMagic(std::string_view s) {
  return (s.size() >= 2 && s[0] == '\x1f' && s[1] == '\x8b') ||
         (s.size() >= 4 && s.compare(0, 4, "\x28\xb5\x2f\xfd") == 0);
}

// The non-blank lines of a JSONL file as RecordReader defines them.
std::vector<std::pair<uint64_t, std::string>> ExpectedLines(const std::string& content) {
  std::vector<std::pair<uint64_t, std::string>> lines;
  uint64_t line = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    const size_t nl = content.find('\n', pos);
    const size_t end = nl == std::string::npos ? content.size() : nl;
    size_t len = end - pos;
    if (len > 0 && content[pos + len - 1] == '\r') --len;
    ++line;
    std::string l = content.substr(pos, len);
    if (line == 1 && l.compare(0, 3, "\xEF\xBB\xBF") == 0) l.erase(0, 3);  // a byte order mark
    if (l.find_first_not_of(" \t") != std::string::npos) lines.emplace_back(line, std::move(l));
    pos = nl == std::string::npos ? content.size() : nl + 1;
  }
  return lines;
}

std::vector<Record> ReadAll(const bhcli::InputSet& inputs, size_t max_records, size_t max_bytes) {
  bhcli::RecordReader reader(inputs);
  std::vector<Record> all, batch;
  while (reader.Next(&batch, max_records, max_bytes)) {
    FUZZ_CHECK(!batch.empty() && batch.size() <= max_records,
               "batch of " + std::to_string(batch.size()) + " records, max " +
                   std::to_string(max_records));
    for (Record& r : batch) all.push_back(std::move(r));
  }
  return all;
}

// Parses a JSONL line as the command does (cli/process.cc): through a
// masked copy when simdjson cannot hold one of its numbers.
// *through_mask tells which.
simdjson::error_code ParseRecord(simdjson::dom::parser& parser, std::string_view line, bhcli::MaskedRecord* masked,
                                 simdjson::dom::object* obj, bool* through_mask) {
  auto err = parser.parse(line).get_object().get(*obj);
  *through_mask = err == simdjson::NUMBER_ERROR && bhcli::MaskWideNumbers(line, masked);
  if (*through_mask) err = parser.parse(masked->masked).get_object().get(*obj);
  return err;
}

void CheckSurrogates(std::string_view line) {
  std::string fixed;
  const size_t n = bhcli::ReplaceLoneSurrogateEscapes(line, &fixed);
  FUZZ_CHECK(fixed.size() == line.size(), "surrogate repair changed the length");
  // A changed byte lies inside a \uXXXX escape of the input that is now \ufffd.
  const auto inside_replaced_escape = [&](size_t i) {
    for (size_t j = i >= 5 ? i - 5 : 0; j <= i; ++j) {
      if (fixed.compare(j, 6, "\\ufffd") == 0 && line.substr(j, 2) == "\\u") return true;
    }
    return false;
  };
  size_t changed = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (fixed[i] == line[i]) continue;
    FUZZ_CHECK(inside_replaced_escape(i), "surrogate repair wrote outside an escape: " + Escape(std::string(line)));
    ++changed;
  }
  FUZZ_CHECK((n == 0) == (changed == 0), "surrogate repair count disagrees with the bytes changed");
  simdjson::dom::parser parser;
  if (!parser.parse(line).error()) FUZZ_CHECK(n == 0, "lone surrogates replaced in a record simdjson reads");
}

void CheckWideNumbers(std::string_view line) {
  simdjson::dom::parser original, copy, value;
  simdjson::dom::element root;
  const auto err = original.parse(line).get(root);
  bhcli::MaskedRecord m;
  const bool masked = bhcli::MaskWideNumbers(line, &m);
  if (err == simdjson::NUMBER_ERROR || err == simdjson::CAPACITY || err == simdjson::MEMALLOC) return;
  if (err) {
    FUZZ_CHECK(!masked || copy.parse(m.masked).error(),
               "masking numbers made a broken record valid: " + Escape(std::string(line)));
    return;
  }
  FUZZ_CHECK(masked, "MaskWideNumbers refused a record simdjson reads: " + Escape(std::string(line)));
  FUZZ_CHECK(!copy.parse(m.masked).error(), "the masked copy of a valid record does not parse: " + Escape(m.masked));
  simdjson::dom::object obj;
  if (root.get_object().get(obj)) {
    FUZZ_CHECK(m.values.empty(), "member values of a record that is not an object");
    return;
  }
  size_t i = 0;
  for (const simdjson::dom::key_value_pair member : obj) {
    FUZZ_CHECK(i < m.values.size(), "fewer member values than members: " + Escape(std::string(line)));
    simdjson::dom::element v;
    FUZZ_CHECK(!value.parse(m.values[i]).get(v) && simdjson::minify(v) == simdjson::minify(member.value),
               "member " + std::to_string(i) + " as written " + Escape(m.values[i]) + " is not " +
                   Escape(simdjson::minify(member.value)));
    ++i;
  }
  FUZZ_CHECK(i == m.values.size(), "more member values than members: " + Escape(std::string(line)));
}

// The default model's Hyperscan compile takes seconds under ASan: done once,
// before the first input, where libFuzzer's per-input timeout does not count.
std::unique_ptr<boilerhash::BoilerplateModel> g_model;

const char* const kTextFields[] = {"text", "content", "body", "", "id", "t"};
const char* const kIdFields[] = {"id", "url", "doc_id", "", "text", "missing"};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string error;
  g_model = bhcli::LoadDefaultModel(0, &error);
  FUZZ_CHECK(g_model != nullptr, "cannot load the default model: " + error);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > boilerhash::fuzz::kMaxTextBytes) return 0;
  FuzzedDataProvider fdp(data, size);
  // Options come from the end of the input, so a plain JSONL file is its own seed.
  const int wrap = fdp.ConsumeIntegralInRange(0, 5);  // 0-2 none, 3 gzip, 4 zstd, 5 gzip+zstd mix
  const bool two_parts = fdp.ConsumeBool();
  const bool truncate = fdp.ConsumeBool();
  const std::string text_field = kTextFields[fdp.ConsumeIntegralInRange<size_t>(0, 5)];
  const std::string id_field = kIdFields[fdp.ConsumeIntegralInRange<size_t>(0, 5)];
  const size_t max_records = fdp.ConsumeIntegralInRange<size_t>(1, 64);
  const size_t max_bytes = fdp.ConsumeIntegralInRange<size_t>(1, 4096);
  const bool clean = fdp.ConsumeBool();
  const std::string content = fdp.ConsumeRemainingBytesAsString();

  std::string bytes = content;
  bool wrapped = false, truncated = false;
  if (wrap >= 3) {
    const size_t cut = two_parts ? content.size() / 2 : content.size();
    const std::string_view a = std::string_view(content).substr(0, cut);
    const std::string_view b = std::string_view(content).substr(cut);
    auto pack = [&](std::string_view s, bool gzip) { return gzip ? Gzip(s) : Zstd(s); };
    bytes = pack(a, wrap != 4);
    if (two_parts) bytes += pack(b, wrap != 4);  // a second gzip member / zstd frame
    wrapped = true;
    if (truncate && bytes.size() > 4) {
      bytes.resize(4 + (content.size() * 7919) % (bytes.size() - 4));
      truncated = true;
    }
  }

  const bhcli::InputSet inputs = bhcli::InputSet::FromBytes(bytes, bhcli::InputFormat::kJsonl);
  const std::vector<Record> records = ReadAll(inputs, max_records, max_bytes);
  const std::vector<Record> one_go = ReadAll(inputs, 1 << 20, size_t{1} << 30);
  FUZZ_CHECK(records.size() == one_go.size(),
             "record count depends on the batch size: " + std::to_string(records.size()) +
                 " vs " + std::to_string(one_go.size()));
  for (size_t i = 0; i < records.size(); ++i) {
    FUZZ_CHECK(records[i].kind == one_go[i].kind && records[i].line == one_go[i].line &&
                   records[i].bytes == one_go[i].bytes,
               "record " + std::to_string(i) + " depends on the batch size");
  }

  // The records against the lines of the decoded bytes.
  const bool known = wrapped || !HasMagic(content);
  const auto expected = ExpectedLines(content);
  size_t json = 0;
  uint64_t last_line = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    const Record& r = records[i];
    FUZZ_CHECK(r.source == 0, "record of source " + std::to_string(r.source));
    if (r.kind == Record::kError) {
      FUZZ_CHECK(i + 1 == records.size(), "an error record that is not the last");
      const std::string where = "-:" + std::to_string(r.line) + ": cannot read: ";
      FUZZ_CHECK(r.bytes.rfind(where, 0) == 0 && r.line > last_line,
                 "error record does not name -:LINE: " + Escape(r.bytes));
      FUZZ_CHECK(!known || truncated, "an error reading complete data: " + Escape(r.bytes));
      continue;
    }
    FUZZ_CHECK(r.kind == Record::kJson, "a JSONL source gave a whole-file record");
    CheckWideNumbers(r.bytes);
    CheckSurrogates(r.bytes);
    FUZZ_CHECK(r.line > last_line, "line numbers not increasing at record " + std::to_string(i));
    last_line = r.line;
    if (known) {
      FUZZ_CHECK(json < expected.size(),
                 "more records than non-blank lines (" + std::to_string(expected.size()) + ")");
      const auto& [line, text] = expected[json];
      // A cut exactly between two members/frames ends the data mid-line.
      const bool partial = truncated && i + 1 == records.size() && r.line == line &&
                           text.compare(0, r.bytes.size(), r.bytes) == 0;
      FUZZ_CHECK(r.line == line && (r.bytes == text || partial),
                 "record " + std::to_string(i) + " is line " + std::to_string(r.line) + " " +
                     Escape(r.bytes) + ", expected line " + std::to_string(line) + " " +
                     Escape(text));
    }
    ++json;
  }
  if (known && !truncated) {
    FUZZ_CHECK(json == expected.size(), std::to_string(json) + " records for " +
                                            std::to_string(expected.size()) +
                                            " non-blank lines");
  }

  // Every record: a document or an error, never both.
  bhcli::ProcessConfig config;
  config.clean = clean;
  config.model = clean ? g_model.get() : nullptr;
  config.keep_cleaned = true;
  config.keep_record = true;
  config.text_field = text_field;
  config.id_field = id_field;
  size_t documents = 0, errors = 0;
  for (size_t ordinal = 0; ordinal < records.size(); ++ordinal) {
    const Record& r = records[ordinal];
    bhcli::Document doc;
    bhcli::ProcessRecord(r, ordinal, inputs, config, &doc);
    std::vector<uint64_t> hashes;
    bhcli::GroupKeys keys;
    FUZZ_CHECK(bhcli::RecordLineHashes(r, config, &hashes, &keys) == doc.ok,
               "RecordLineHashes and ProcessRecord disagree on line " + std::to_string(r.line));
    if (!doc.ok) {
      ++errors;
      FUZZ_CHECK(!doc.error.empty(), "a skipped record without a message");
      const std::string where = "-:" + std::to_string(r.line) + ": ";
      FUZZ_CHECK(doc.error.rfind(where, 0) == 0,
                 "error does not name -:" + std::to_string(r.line) + ": " + Escape(doc.error));
      continue;
    }
    ++documents;
    FUZZ_CHECK(r.kind == Record::kJson, "a document from an error record");
    FUZZ_CHECK(doc.error.empty(), "a document with an error: " + Escape(doc.error));
    FUZZ_CHECK(!doc.id.empty() && boilerhash::Utf8IsValid(doc.id), "bad id " + Escape(doc.id));
    FUZZ_CHECK(boilerhash::Utf8IsValid(doc.cleaned), "cleaned text is not valid UTF-8");
    FUZZ_CHECK(doc.cleaned.size() <= doc.bytes,
               "cleaned text longer than the document");
    // The record as clean writes it back.
    std::string written;
    bhcli::AppendCleanedRecord(doc, id_field, &written);
    FUZZ_CHECK(!written.empty() && written.back() == '\n' &&
                   written.find('\n') == written.size() - 1,
               "clean's record is not one line: " + Escape(written));
    {
      simdjson::dom::parser parser;
      simdjson::dom::object obj;
      bhcli::MaskedRecord masked;
      bool through_mask = false;
      const auto parsed =
          ParseRecord(parser, std::string_view(written).substr(0, written.size() - 1), &masked, &obj, &through_mask);
      FUZZ_CHECK(!parsed, "clean's record is not a JSON object: " + Escape(written));
      std::string_view text;
      FUZZ_CHECK(!obj[text_field].get_string().get(text) && text == doc.cleaned,
                 "clean's record lacks its cleaned text: " + Escape(written));
      // A member's value as written: through the mask, numbers read 0.
      const auto written_value = [&](std::string_view name) -> std::string {
        size_t i = 0;
        for (const simdjson::dom::key_value_pair member : obj) {
          if (member.key == name) return through_mask ? masked.values[i] : simdjson::minify(member.value);
          ++i;
        }
        return "";
      };
      FUZZ_CHECK(written_value("lines") == std::to_string(doc.lines) &&
                     written_value("boilerplate_lines") == std::to_string(doc.boilerplate_lines),
                 "clean's record lacks its counts: " + Escape(written));
      FUZZ_CHECK(!obj[id_field].error(), "clean's record lacks the id field: " + Escape(written));
    }
    // No id field (not even spelled with escapes): the id is FILE:LINE.
    if (r.bytes.find(id_field) == std::string::npos && r.bytes.find('\\') == std::string::npos) {
      FUZZ_CHECK(doc.id == "-:" + std::to_string(r.line),
                 "record without \"" + id_field + "\" has id " + Escape(doc.id) + " on line " +
                     std::to_string(r.line));
    }
  }
  FUZZ_CHECK(documents + errors == records.size(), "documents + errors != records");
  return 0;
}
