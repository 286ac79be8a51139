#include "corpus_table_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "input.h"  // ReadToEnd

namespace bhcli {

namespace {

using boilerhash::LineFrequencyTable;

// Reads up to limit bytes of path (all of it by default) into *bytes. POSIX
// reads, not an ifstream: libstdc++ throws from a failed stream read (a
// directory, an I/O error), which would end the run unnamed.
bool ReadFile(const std::string& path, std::string* bytes, std::string* error, size_t limit = SIZE_MAX) {
  bytes->clear();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = path + ": cannot read: " + std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    bytes->reserve(std::min<uint64_t>(limit, static_cast<uint64_t>(st.st_size)));
  }
  std::string why;
  const bool read = ReadToEnd(fd, bytes, &why, limit);
  ::close(fd);
  if (!read) *error = path + ": cannot read: " + why;
  return read;
}

bool IsRegularFile(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool Fail(const std::string& path, const boilerhash::Status& s, std::string* error) {
  if (s.ok()) return true;
  *error = path + ": " + s.message();
  return false;
}

}  // namespace

std::unique_ptr<LineFrequencyTable> ReadCorpusTables(const std::vector<std::string>& paths, uint64_t max_entries,
                                                     std::string* error) {
  // The headers first, so the sum can be sized before any table is loaded
  // whole; then one table at a time, in the order given, so that a merge of
  // many shards' tables holds two tables in memory, not all of them. A pipe
  // (`<(ssh host cat t.bhlf)`) cannot be opened twice: it is read whole the
  // first time and kept until its turn.
  std::vector<std::string> held(paths.size());
  std::vector<bool> is_held(paths.size(), false);
  uint64_t largest = 0;
  std::string bytes;
  for (size_t i = 0; i < paths.size(); ++i) {
    is_held[i] = !IsRegularFile(paths[i]);
    std::string& head = is_held[i] ? held[i] : bytes;
    LineFrequencyTable::Header header;
    if (!ReadFile(paths[i], &head, error, is_held[i] ? SIZE_MAX : LineFrequencyTable::kHeaderBytes) ||
        !Fail(paths[i], LineFrequencyTable::ReadHeader(head, &header), error)) {
      return nullptr;
    }
    largest = std::max(largest, header.max_entries);
  }
  if (max_entries == 0) max_entries = largest;
  const auto load = [&](size_t i, LineFrequencyTable* table) {
    if (is_held[i]) {
      const bool ok = Fail(paths[i], LineFrequencyTable::Load(held[i], table), error);
      std::string().swap(held[i]);
      return ok;
    }
    return ReadFile(paths[i], &bytes, error) && Fail(paths[i], LineFrequencyTable::Load(bytes, table), error);
  };
  if (paths.size() == 1 && max_entries == largest) {  // as it was saved
    auto table = std::make_unique<LineFrequencyTable>(16);
    if (!load(0, table.get())) return nullptr;
    return table;
  }
  auto sum = std::make_unique<LineFrequencyTable>(static_cast<size_t>(max_entries));
  for (size_t i = 0; i < paths.size(); ++i) {
    LineFrequencyTable table(16);
    if (!load(i, &table)) return nullptr;
    sum->Merge(table);
  }
  return sum;
}

bool WriteCorpusTable(const boilerhash::LineFrequencyTable& table, const std::string& path, std::string* error) {
  const std::string bytes = table.Save();
  const bool to_stdout = path == "-";
  // A path that leads to something other than a regular file (a device, a
  // pipe, /dev/fd/N) is written in place: renaming a temporary file over it
  // would replace the device or link itself. A symlink to a regular file
  // gets its temporary file beside the target, renamed over the target.
  struct stat st {};
  const bool in_place = to_stdout || (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode));
  std::string target = path;
  if (!in_place && ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    if (char* resolved = ::realpath(path.c_str(), nullptr)) {
      target = resolved;
      std::free(resolved);
    }
  }
  // Errors name the user's path: the temporary file is ours. It gets a
  // fresh name (mkstemp: O_EXCL), so two writers of one table never share
  // it and a link planted at a fixed name is never written through; it is
  // given the mode a plain create would have (mkstemp makes 0600).
  std::string temporary = in_place ? path : target + ".XXXXXX";
  std::FILE* f = nullptr;
  if (to_stdout) {
    f = stdout;
  } else if (in_place) {
    f = std::fopen(path.c_str(), "wb");
  } else if (const int fd = ::mkstemp(temporary.data()); fd >= 0) {
    const mode_t mask = ::umask(0);  // read it: there is no getter
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    f = ::fdopen(fd, "wb");
    if (f == nullptr) {
      const int e = errno;
      ::close(fd);
      std::remove(temporary.c_str());
      errno = e;
    }
  }
  if (f == nullptr) {
    *error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  const int write_errno = errno;
  const bool closed = (to_stdout ? std::fflush(f) : std::fclose(f)) == 0;
  if (!written || !closed) {
    *error = "cannot write " + path + ": " + std::strerror(written ? errno : write_errno);
    if (!in_place) std::remove(temporary.c_str());
    return false;
  }
  if (!in_place && std::rename(temporary.c_str(), target.c_str()) != 0) {
    *error = "cannot rename " + temporary + " to " + target + ": " + std::strerror(errno);
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace bhcli
