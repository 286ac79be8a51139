// The command's inputs: plain-text files, directories of them, stdin ("-"),
// and JSONL files (optionally gzip- or zstd-compressed, detected by their
// magic bytes). Inputs are read in argument order; a directory's files in
// sorted path order, so the document order never depends on the file system.
#pragma once
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace bhcli {

enum class InputFormat { kAuto, kText, kJsonl };

struct Source {
  std::string path;   // as opened; "-" is stdin
  std::string id;     // id of a whole-file document: the path relative to the argument
  bool jsonl = false;
  uint64_t size = 0;  // bytes on disk (read into memory: bytes read)
  // Index of its bytes in InputSet::held() when they were read into memory
  // once (stdin, a pipe, /dev/fd/N from process substitution: they cannot be
  // read twice, and the corpus pass and the main pass both read); -1 for a
  // file read from disk on each pass.
  int32_t held = -1;

  // Where an error happened, for its message: "path:line", or the path
  // alone for line 0 (a whole file).
  std::string Place(uint64_t line) const { return line == 0 ? path : path + ":" + std::to_string(line); }
};

struct Record {
  enum Kind : uint8_t {
    kText,   // bytes = a whole document
    kJson,   // bytes = one JSONL line (not yet parsed)
    kError,  // bytes = a message: the input could not be read
  };
  Kind kind = kText;
  uint32_t source = 0;  // index into InputSet::sources()
  uint64_t line = 0;    // 1-based line of a JSONL record (0 otherwise)
  std::string bytes;
};

class InputSet {
 public:
  // Expands the arguments (directories recursively: *.txt, and *.jsonl,
  // *.jsonl.gz, *.jsonl.zst). A path that does not exist or cannot be read
  // is reported in *errors and left out. "-" reads all of stdin once, here,
  // and so does any path that is not a regular file or a directory (a named
  // pipe, `<(zcat crawl.jsonl.gz)`), so that the corpus pass and the main
  // pass can both see it.
  static InputSet Expand(const std::vector<std::string>& args, InputFormat format,
                         std::vector<std::string>* errors);
  // One source that reads like stdin ("-") but holds the given bytes, so a
  // test or fuzz harness can feed the reader without a file or a pipe.
  static InputSet FromBytes(std::string bytes, InputFormat format);
  const std::vector<Source>& sources() const { return sources_; }
  // Where a record came from, for its error message: the file, and the
  // line of a JSONL record.
  std::string Place(const Record& record) const {
    return sources_[record.source].Place(record.kind == Record::kJson ? record.line : 0);
  }
  uint64_t total_bytes() const;
  // The bytes of the sources read into memory (Source::held).
  const std::string& held(int32_t index) const { return (*held_)[static_cast<size_t>(index)]; }

 private:
  std::vector<Source> sources_;
  std::shared_ptr<std::vector<std::string>> held_ = std::make_shared<std::vector<std::string>>();
};

// A size for messages: "58 MB" (rounded up).
std::string MegaBytes(uint64_t bytes);

// Appends what fd gives to *bytes until its end or limit bytes in all;
// false with *error (strerror) on a read error. Retries EINTR.
bool ReadToEnd(int fd, std::string* bytes, std::string* error, size_t limit = SIZE_MAX);

class ByteStream;

// Reads the records of an InputSet in order, a batch at a time.
class RecordReader {
 public:
  explicit RecordReader(const InputSet& inputs);
  ~RecordReader();
  // Replaces *batch with the next records: at most max_records of them, and
  // stops early once max_bytes are collected. Returns false when nothing is left.
  bool Next(std::vector<Record>* batch, size_t max_records, size_t max_bytes);
  // Raw bytes read from the inputs so far (compressed bytes for compressed files).
  uint64_t bytes_read() const { return bytes_read_.load(std::memory_order_relaxed); }

 private:
  bool OpenNext(std::vector<Record>* batch);
  bool ReadLine(std::string* line, std::string* error);
  int64_t SkipLine(std::string* error);

  const InputSet& inputs_;
  size_t next_source_ = 0;
  std::unique_ptr<ByteStream> stream_;  // the JSONL file being read
  uint32_t current_ = 0;
  uint64_t line_ = 0;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  std::atomic<uint64_t> bytes_read_{0};
};

}  // namespace bhcli
