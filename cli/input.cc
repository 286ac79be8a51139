#include "input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <new>
#include <set>
#include <system_error>
#include <utility>

namespace bhcli {

namespace fs = std::filesystem;

// ---- byte streams -------------------------------------------------------------

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to n bytes; 0 at the end, -1 on error (see error()).
  virtual ptrdiff_t Read(char* buf, size_t n) = 0;
  const std::string& error() const { return error_; }

 protected:
  std::string error_;
};

namespace {

class FdStream : public ByteStream {
 public:
  FdStream(int fd, std::atomic<uint64_t>* counter) : fd_(fd), counter_(counter) {}
  ~FdStream() override { ::close(fd_); }
  ptrdiff_t Read(char* buf, size_t n) override {
    for (;;) {
      const ssize_t r = ::read(fd_, buf, n);
      if (r >= 0) {
        counter_->fetch_add(static_cast<uint64_t>(r), std::memory_order_relaxed);
        return r;
      }
      if (errno == EINTR) continue;
      error_ = std::strerror(errno);
      return -1;
    }
  }

 private:
  int fd_;
  std::atomic<uint64_t>* counter_;
};

class MemoryStream : public ByteStream {
 public:
  MemoryStream(const std::string& bytes, std::atomic<uint64_t>* counter)
      : bytes_(bytes), counter_(counter) {}
  ptrdiff_t Read(char* buf, size_t n) override {
    n = std::min(n, bytes_.size() - pos_);
    std::memcpy(buf, bytes_.data() + pos_, n);
    pos_ += n;
    counter_->fetch_add(n, std::memory_order_relaxed);
    return static_cast<ptrdiff_t>(n);
  }

 private:
  const std::string& bytes_;
  size_t pos_ = 0;
  std::atomic<uint64_t>* counter_;
};

constexpr size_t kChunk = 1 << 20;

// gzip (or zlib) data; concatenated gzip members are read one after another,
// and zero padding after the last is ignored.
class GzipStream : public ByteStream {
 public:
  explicit GzipStream(std::unique_ptr<ByteStream> raw) : raw_(std::move(raw)), in_(kChunk) {
    std::memset(&z_, 0, sizeof(z_));
    ok_ = inflateInit2(&z_, 15 + 32) == Z_OK;
  }
  ~GzipStream() override { inflateEnd(&z_); }
  ptrdiff_t Read(char* buf, size_t n) override {
    if (!ok_) {
      error_ = "cannot start the gzip decoder";
      return -1;
    }
    z_.next_out = reinterpret_cast<Bytef*>(buf);
    z_.avail_out = static_cast<uInt>(n);
    while (z_.avail_out == n) {
      if (z_.avail_in == 0) {
        if (raw_eof_) {
          if (in_member_) {
            error_ = "truncated gzip data";
            return -1;
          }
          return 0;
        }
        const ptrdiff_t r = raw_->Read(in_.data(), in_.size());
        if (r < 0) {
          error_ = raw_->error();
          return -1;
        }
        if (r == 0) {
          raw_eof_ = true;
          continue;
        }
        z_.next_in = reinterpret_cast<Bytef*>(in_.data());
        z_.avail_in = static_cast<uInt>(r);
      }
      if (!in_member_ && (padding_ || *z_.next_in == 0)) {
        // Zero bytes after the last member (a file padded to a block size,
        // as tape and some archivers write): gunzip ignores them, and so
        // does this. After them only zeros may follow, as for gunzip.
        padding_ = true;
        while (z_.avail_in > 0 && *z_.next_in == 0) ++z_.next_in, --z_.avail_in;
        if (z_.avail_in > 0) {
          error_ = "corrupt gzip data: data after the zero padding";
          return -1;
        }
        continue;
      }
      in_member_ = true;
      const int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&z_);
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        error_ = std::string("corrupt gzip data: ") + (z_.msg ? z_.msg : "inflate failed");
        return -1;
      }
    }
    return static_cast<ptrdiff_t>(n - z_.avail_out);
  }

 private:
  std::unique_ptr<ByteStream> raw_;
  std::vector<char> in_;
  z_stream z_;
  bool ok_ = false;
  bool raw_eof_ = false;
  bool in_member_ = false;
  bool padding_ = false;  // zero padding seen after the last member
};

class ZstdStream : public ByteStream {
 public:
  explicit ZstdStream(std::unique_ptr<ByteStream> raw)
      : raw_(std::move(raw)), in_(ZSTD_DStreamInSize()), dctx_(ZSTD_createDCtx()) {}
  ~ZstdStream() override { ZSTD_freeDCtx(dctx_); }
  ptrdiff_t Read(char* buf, size_t n) override {
    ZSTD_outBuffer out{buf, n, 0};
    while (out.pos == 0) {
      if (in_buf_.pos == in_buf_.size) {
        if (raw_eof_) {
          if (pending_ != 0) {
            error_ = "truncated zstd data";
            return -1;
          }
          return 0;
        }
        const ptrdiff_t r = raw_->Read(in_.data(), in_.size());
        if (r < 0) {
          error_ = raw_->error();
          return -1;
        }
        if (r == 0) {
          raw_eof_ = true;
          continue;
        }
        in_buf_ = {in_.data(), static_cast<size_t>(r), 0};
      }
      pending_ = ZSTD_decompressStream(dctx_, &out, &in_buf_);
      if (ZSTD_isError(pending_)) {
        error_ = std::string("corrupt zstd data: ") + ZSTD_getErrorName(pending_);
        return -1;
      }
    }
    return static_cast<ptrdiff_t>(out.pos);
  }

 private:
  std::unique_ptr<ByteStream> raw_;
  std::vector<char> in_;
  ZSTD_inBuffer in_buf_{nullptr, 0, 0};
  ZSTD_DCtx* dctx_;
  size_t pending_ = 0;
  bool raw_eof_ = false;
};

// Suffixes match in any ASCII case: files named on Windows (NOTES.TXT,
// Crawl.JSONL.GZ) are inputs too, not skipped without a word.
bool HasSuffix(const std::string& s, const char* suffix) {
  const size_t n = std::strlen(suffix);
  if (s.size() < n) return false;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[s.size() - n + i]);
    if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != static_cast<unsigned char>(suffix[i])) return false;
  }
  return true;
}

bool IsJsonlName(const std::string& name) {
  for (const char* base : {".jsonl", ".ndjson"}) {
    for (const char* codec : {"", ".gz", ".zst"}) {
      if (HasSuffix(name, (std::string(base) + codec).c_str())) return true;
    }
  }
  return false;
}

enum class Codec { kNone, kGzip, kZstd };

Codec SniffCodec(const unsigned char* p, size_t n) {
  if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b) return Codec::kGzip;
  if (n >= 4 && p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f && p[3] == 0xfd) return Codec::kZstd;
  // A skippable frame (magic 0x184D2A50..5F) may come first: pzstd writes one.
  if (n >= 4 && (p[0] & 0xf0) == 0x50 && p[1] == 0x2a && p[2] == 0x4d && p[3] == 0x18) return Codec::kZstd;
  return Codec::kNone;
}

std::unique_ptr<ByteStream> Decoding(std::unique_ptr<ByteStream> raw, Codec codec) {
  switch (codec) {
    case Codec::kGzip: return std::make_unique<GzipStream>(std::move(raw));
    case Codec::kZstd: return std::make_unique<ZstdStream>(std::move(raw));
    case Codec::kNone: break;
  }
  return raw;
}

}  // namespace

// ---- InputSet -----------------------------------------------------------------

namespace {

// The *.txt and JSONL files under root, directory symlinks followed, each
// directory read once: a symlink loop (`ln -s . self`) or two links to one
// directory do not repeat its files (the tree is walked in name order, so
// the path a directory is first reached by does not depend on the file
// system). A directory that cannot be listed, or an input-named link that
// leads nowhere, is reported and the rest of the tree is still read.
template <typename IsJsonl>
void FindInputFiles(const std::string& root, const IsJsonl& is_jsonl, std::vector<Source>* found,
                    std::vector<std::string>* errors) {
  std::set<std::pair<dev_t, ino_t>> seen;
  struct stat st {};
  if (::stat(root.c_str(), &st) == 0) seen.insert({st.st_dev, st.st_ino});
  std::vector<std::string> problems;
  std::vector<fs::path> stack{fs::path(root)};
  while (!stack.empty()) {
    const fs::path dir = std::move(stack.back());
    stack.pop_back();
    std::error_code ec;
    std::vector<fs::path> entries;
    for (fs::directory_iterator it(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
      entries.push_back(it->path());
    }
    if (ec) problems.push_back(dir.string() + ": cannot list directory: " + ec.message());
    std::sort(entries.begin(), entries.end());
    std::vector<fs::path> subdirs;
    for (const fs::path& path : entries) {
      const std::string name = path.filename().string();
      const bool input_name = HasSuffix(name, ".txt") || HasSuffix(name, ".txt.gz") ||
                              HasSuffix(name, ".txt.zst") || IsJsonlName(name);
      if (::stat(path.c_str(), &st) != 0) {
        // A link that leads nowhere, or an entry gone since the listing, is
        // reported when it looks like an input; any other failure (no search
        // permission, a path too long) may hide a directory of inputs.
        if (input_name || errno != ENOENT) {
          problems.push_back(path.string() + (input_name ? ": cannot read: " : ": cannot check: ") +
                             std::strerror(errno));
        }
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        if (seen.insert({st.st_dev, st.st_ino}).second) subdirs.push_back(path);
      } else if (S_ISREG(st.st_mode) && input_name) {
        found->push_back({path.string(), path.lexically_relative(root).generic_string(), is_jsonl(name),
                          static_cast<uint64_t>(st.st_size)});
      } else if (input_name) {
        // A FIFO or device met in a walk is not read: it could wait forever
        // for a writer. Named as an argument, it is (the user chose it).
        problems.push_back(path.string() + ": not a regular file, not read in a directory walk (name it as an "
                                           "argument to read it)");
      }
    }
    stack.insert(stack.end(), subdirs.rbegin(), subdirs.rend());  // the first name is walked first
  }
  std::sort(problems.begin(), problems.end());
  errors->insert(errors->end(), problems.begin(), problems.end());
}

}  // namespace

InputSet InputSet::Expand(const std::vector<std::string>& args, InputFormat format,
                          std::vector<std::string>* errors) {
  InputSet set;
  auto is_jsonl = [&](const std::string& name) {
    return format == InputFormat::kJsonl || (format == InputFormat::kAuto && IsJsonlName(name));
  };
  // A stream (pipe, FIFO, device) named twice, as "-" and "/dev/stdin" or
  // twice by one name, is read once: a second read would see it empty, or
  // wait for a writer that is gone. Keyed by device and inode.
  std::map<std::pair<dev_t, ino_t>, int32_t> streams_held;
  int32_t stdin_held = -1;  // "-" twice reads stdin once, whatever it is
  // Reads a stream to its end into held_: its index there, or -1 with *error.
  auto hold = [&](int fd, std::string* error) {
    std::string bytes;
    try {
      if (!ReadToEnd(fd, &bytes, error)) return -1;
    } catch (const std::bad_alloc&) {
      *error = "out of memory holding it (" + MegaBytes(bytes.size()) + " or more)";
      return -1;
    }
    set.held_->push_back(std::move(bytes));
    return static_cast<int32_t>(set.held_->size() - 1);
  };
  // The stream of `node` (when `keyed`) as held already, else read(): its
  // index in held_, or -1.
  auto hold_once = [&](bool keyed, const struct stat& node, const auto& read) {
    if (keyed) {
      if (const auto it = streams_held.find({node.st_dev, node.st_ino}); it != streams_held.end()) return it->second;
    }
    const int32_t held = read();
    if (held >= 0 && keyed) streams_held.emplace(std::make_pair(node.st_dev, node.st_ino), held);
    return held;
  };
  for (const std::string& arg : args) {
    std::string error;
    if (arg == "-") {
      struct stat in {};
      const bool stream = ::fstat(0, &in) == 0 && !S_ISREG(in.st_mode);
      if (stdin_held < 0) stdin_held = hold_once(stream, in, [&] { return hold(0, &error); });
      if (stdin_held < 0) {
        errors->push_back("-: cannot read: " + error);
        continue;
      }
      set.sources_.push_back({"-", "-", format == InputFormat::kJsonl, set.held(stdin_held).size(), stdin_held});
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      errors->push_back(arg + ": cannot read: " + (ec ? ec.message() : "no such file or directory"));
      continue;
    }
    if (fs::is_regular_file(st)) {
      const uint64_t size = fs::file_size(arg, ec);
      set.sources_.push_back({arg, arg, is_jsonl(arg), ec ? 0 : size});
      continue;
    }
    if (!fs::is_directory(st)) {  // a pipe or a device: read once, here
      struct stat node {};
      const bool keyed = ::stat(arg.c_str(), &node) == 0;
      const int32_t held = hold_once(keyed, node, [&] {
        const int fd = ::open(arg.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
          error = std::strerror(errno);
          return -1;
        }
        const int32_t index = hold(fd, &error);
        ::close(fd);
        return index;
      });
      if (held < 0) {
        errors->push_back(arg + ": cannot read: " + error);
        continue;
      }
      set.sources_.push_back({arg, arg, is_jsonl(arg), set.held(held).size(), held});
      continue;
    }
    std::vector<Source> found;
    FindInputFiles(arg, is_jsonl, &found, errors);
    std::sort(found.begin(), found.end(),
              [](const Source& a, const Source& b) { return a.id < b.id; });
    for (auto& s : found) set.sources_.push_back(std::move(s));
  }
  return set;
}

InputSet InputSet::FromBytes(std::string bytes, InputFormat format) {
  InputSet set;
  set.held_->push_back(std::move(bytes));
  set.sources_.push_back({"-", "-", format == InputFormat::kJsonl, set.held(0).size(), 0});
  return set;
}

uint64_t InputSet::total_bytes() const {
  uint64_t total = 0;
  for (const auto& s : sources_) total += s.size;
  return total;
}

// ---- RecordReader --------------------------------------------------------------

RecordReader::RecordReader(const InputSet& inputs) : inputs_(inputs) {}
RecordReader::~RecordReader() = default;

std::string MegaBytes(uint64_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB"; }

bool ReadToEnd(int fd, std::string* bytes, std::string* error, size_t limit) {
  char buf[1 << 16];
  for (size_t got = 0; got < limit;) {
    const ssize_t r = ::read(fd, buf, std::min(sizeof(buf), limit - got));
    if (r == 0) break;
    if (r < 0) {
      if (errno == EINTR) continue;
      *error = std::strerror(errno);
      return false;
    }
    bytes->append(buf, static_cast<size_t>(r));
    got += static_cast<size_t>(r);
  }
  return true;
}

namespace {

std::string ErrnoMessage(const std::string& path) {
  return path + ": cannot read: " + std::strerror(errno);
}

}  // namespace

// Opens the next source. A text file becomes one record at once; a JSONL file
// becomes the current stream. Returns false when no source is left.
bool RecordReader::OpenNext(std::vector<Record>* batch) {
  if (next_source_ >= inputs_.sources().size()) return false;
  const uint32_t index = static_cast<uint32_t>(next_source_++);
  const Source& src = inputs_.sources()[index];
  std::unique_ptr<ByteStream> raw;
  Codec codec = Codec::kNone;
  if (src.held >= 0) {
    const std::string& bytes = inputs_.held(src.held);
    codec = SniffCodec(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    raw = std::make_unique<MemoryStream>(bytes, &bytes_read_);
  } else {
    const int fd = ::open(src.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      batch->push_back({Record::kError, index, 0, ErrnoMessage(src.path)});
      return true;
    }
    unsigned char magic[4] = {0, 0, 0, 0};
    const ssize_t m = ::pread(fd, magic, sizeof(magic), 0);
    if (m < 0) {
      batch->push_back({Record::kError, index, 0, ErrnoMessage(src.path)});
      ::close(fd);
      return true;
    }
    codec = SniffCodec(magic, static_cast<size_t>(m));
    raw = std::make_unique<FdStream>(fd, &bytes_read_);
  }
  if (!src.jsonl) {
    // Compressed text files are decoded too; the document is the whole file.
    std::unique_ptr<ByteStream> s = Decoding(std::move(raw), codec);
    Record rec{Record::kText, index, 0, {}};
    try {
      rec.bytes.reserve(src.size);
      std::vector<char> chunk(kChunk);
      for (;;) {
        const ptrdiff_t r = s->Read(chunk.data(), chunk.size());
        if (r < 0) {
          batch->push_back({Record::kError, index, 0, src.path + ": cannot read: " + s->error()});
          return true;
        }
        if (r == 0) break;
        rec.bytes.append(chunk.data(), static_cast<size_t>(r));
      }
    } catch (const std::bad_alloc&) {  // a file too big for the memory left: it alone is skipped
      const size_t held = rec.bytes.size();
      std::string().swap(rec.bytes);
      batch->push_back({Record::kError, index, 0,
                        src.path + ": out of memory reading it (" + MegaBytes(std::max<uint64_t>(held, src.size)) +
                            " or more; file skipped)"});
      return true;
    }
    batch->push_back(std::move(rec));
    return true;
  }
  stream_ = Decoding(std::move(raw), codec);
  current_ = index;
  line_ = 0;
  buf_.clear();
  pos_ = 0;
  eof_ = false;
  return true;
}

// The next line of the current JSONL stream, without '\n' (and '\r').
bool RecordReader::ReadLine(std::string* line, std::string* error) {
  // buf_ holds no '\n' before `from`: a line of many chunks is searched once,
  // not from its start again after every chunk (quadratic in its length).
  size_t from = pos_;
  for (;;) {
    const size_t nl = buf_.find('\n', from);
    if (nl != std::string::npos || (eof_ && pos_ < buf_.size())) {
      const size_t end = nl == std::string::npos ? buf_.size() : nl;
      size_t len = end - pos_;
      if (len > 0 && buf_[pos_ + len - 1] == '\r') --len;
      line->assign(buf_, pos_, len);
      pos_ = nl == std::string::npos ? buf_.size() : nl + 1;
      ++line_;
      return true;
    }
    if (eof_) return false;
    from = buf_.size();
    if (pos_ > 0) {
      buf_.erase(0, pos_);
      from -= pos_;
      pos_ = 0;
    }
    const size_t old = buf_.size();
    buf_.resize(old + kChunk);
    const ptrdiff_t r = stream_->Read(buf_.data() + old, kChunk);
    if (r < 0) {
      buf_.resize(old);
      *error = stream_->error();
      return false;
    }
    buf_.resize(old + static_cast<size_t>(r));
    if (r == 0) eof_ = true;
  }
}

// After a line too long to hold failed to fit in memory: drops the rest of
// it, reading on in small chunks, and keeps what follows its '\n'. Returns
// the line's bytes, or -1 with *error when the stream fails.
int64_t RecordReader::SkipLine(std::string* error) {
  ++line_;
  if (const size_t nl = buf_.find('\n', pos_); nl != std::string::npos) {  // the whole line was read
    const uint64_t bytes = nl - pos_;
    pos_ = nl + 1;
    return static_cast<int64_t>(bytes);
  }
  uint64_t bytes = buf_.size() - pos_;
  std::string().swap(buf_);
  pos_ = 0;
  std::vector<char> chunk(size_t{64} << 10);
  while (!eof_) {
    const ptrdiff_t r = stream_->Read(chunk.data(), chunk.size());
    if (r < 0) {
      *error = stream_->error();
      return -1;
    }
    if (r == 0) {
      eof_ = true;
      break;
    }
    const char* end = chunk.data() + r;
    const char* nl = std::find(static_cast<const char*>(chunk.data()), end, '\n');
    bytes += static_cast<uint64_t>(nl - chunk.data());
    if (nl != end) {
      buf_.assign(nl + 1, end);
      break;
    }
  }
  return static_cast<int64_t>(bytes);
}

bool RecordReader::Next(std::vector<Record>* batch, size_t max_records, size_t max_bytes) {
  batch->clear();
  size_t bytes = 0;
  std::string line;
  while (batch->size() < max_records && bytes < max_bytes) {
    if (!stream_) {
      if (!OpenNext(batch)) break;
      if (!batch->empty()) bytes += batch->back().bytes.size();
      continue;
    }
    const Source& src = inputs_.sources()[current_];
    std::string error;
    // A read error on line `at`: the rest of the file is skipped.
    const auto read_error = [&](uint64_t at) {
      batch->push_back({Record::kError, current_, at,
                        src.Place(at) + ": cannot read: " + error + " (the rest of the file is skipped)"});
      stream_.reset();
    };
    bool read = false;
    try {
      read = ReadLine(&line, &error);
    } catch (const std::bad_alloc&) {  // a line too long to hold: it alone is skipped
      std::string().swap(line);
      const int64_t bytes = SkipLine(&error);  // counts the line
      if (bytes < 0) {
        read_error(line_);
        continue;
      }
      batch->push_back({Record::kError, current_, line_,
                        src.Place(line_) + ": out of memory reading a line of " +
                            MegaBytes(static_cast<uint64_t>(bytes)) + " (record skipped)"});
      continue;
    }
    if (!read) {
      if (!error.empty()) read_error(line_ + 1);  // the line it could not read
      stream_.reset();
      continue;
    }
    // A byte order mark before the first record (some Windows tools write
    // one) is not part of it: simdjson would call the record broken.
    if (line_ == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
    if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank line
    bytes += line.size();
    batch->push_back({Record::kJson, current_, line_, std::move(line)});
    line.clear();
  }
  return !batch->empty();
}

}  // namespace bhcli
