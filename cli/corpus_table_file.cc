#include "corpus_table_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>

namespace bhcli {

namespace {

bool ReadFile(const std::string& path, std::string* bytes, std::string* error, size_t limit = SIZE_MAX) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot read: " + std::strerror(errno);
    return false;
  }
  if (limit == SIZE_MAX) {
    bytes->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } else {
    bytes->resize(limit);
    in.read(bytes->data(), static_cast<std::streamsize>(limit));
    bytes->resize(static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) {
    *error = path + ": cannot read";
    return false;
  }
  return true;
}

bool Fail(const std::string& path, const boilerhash::Status& s, std::string* error) {
  if (s.ok()) return true;
  *error = path + ": " + s.message();
  return false;
}

}  // namespace

std::unique_ptr<boilerhash::LineFrequencyTable> ReadCorpusTables(const std::vector<std::string>& paths,
                                                                uint64_t max_entries, std::string* error) {
  using boilerhash::LineFrequencyTable;
  std::string bytes;
  if (paths.size() == 1) {
    auto table = std::make_unique<LineFrequencyTable>(16);
    if (!ReadFile(paths[0], &bytes, error) || !Fail(paths[0], LineFrequencyTable::Load(bytes, table.get()), error)) {
      return nullptr;
    }
    return table;
  }
  // The headers first, so the sum can be sized before any table is loaded
  // whole; then one table at a time, in the order given, so that a merge of
  // many shards' tables holds two tables in memory, not all of them.
  uint64_t largest = 0;
  for (const std::string& path : paths) {
    LineFrequencyTable::Header header;
    if (!ReadFile(path, &bytes, error, LineFrequencyTable::kHeaderBytes) ||
        !Fail(path, LineFrequencyTable::ReadHeader(bytes, &header), error)) {
      return nullptr;
    }
    largest = std::max(largest, header.max_entries);
  }
  if (max_entries == 0) max_entries = largest;
  auto sum = std::make_unique<LineFrequencyTable>(static_cast<size_t>(max_entries));
  for (const std::string& path : paths) {
    LineFrequencyTable table(16);
    if (!ReadFile(path, &bytes, error) || !Fail(path, LineFrequencyTable::Load(bytes, &table), error)) {
      return nullptr;
    }
    sum->Merge(table);
  }
  return sum;
}

bool WriteCorpusTable(const boilerhash::LineFrequencyTable& table, const std::string& path, std::string* error) {
  const std::string bytes = table.Save();
  const std::string temporary = path + ".tmp";
  std::FILE* f = std::fopen(temporary.c_str(), "wb");
  if (f == nullptr) {
    *error = "cannot write " + temporary + ": " + std::strerror(errno);
    return false;
  }
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  const int write_errno = errno;
  const bool closed = std::fclose(f) == 0;
  if (!written || !closed) {
    *error = "cannot write " + temporary + ": " + std::strerror(written ? errno : write_errno);
    std::remove(temporary.c_str());
    return false;
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    *error = "cannot rename " + temporary + " to " + path + ": " + std::strerror(errno);
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace bhcli
