#include "corpus_table_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

namespace bhcli {

namespace {

bool ReadFile(const std::string& path, std::string* bytes, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot read: " + std::strerror(errno);
    return false;
  }
  bytes->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    *error = path + ": cannot read";
    return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<boilerhash::LineFrequencyTable> ReadCorpusTables(const std::vector<std::string>& paths,
                                                                uint64_t max_entries, std::string* error) {
  std::vector<boilerhash::LineFrequencyTable> tables(paths.size());
  std::string bytes;
  for (size_t i = 0; i < paths.size(); ++i) {
    if (!ReadFile(paths[i], &bytes, error)) return nullptr;
    const boilerhash::Status s = boilerhash::LineFrequencyTable::Load(bytes, &tables[i]);
    if (!s.ok()) {
      *error = paths[i] + ": " + s.message();
      return nullptr;
    }
  }
  if (tables.size() == 1) return std::make_unique<boilerhash::LineFrequencyTable>(std::move(tables[0]));
  if (max_entries == 0) {
    for (const auto& t : tables) max_entries = std::max<uint64_t>(max_entries, t.max_entries());
  }
  auto sum = std::make_unique<boilerhash::LineFrequencyTable>(static_cast<size_t>(max_entries));
  for (const auto& t : tables) sum->Merge(t);
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
