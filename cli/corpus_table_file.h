// Corpus line tables on disk (LineFrequencyTable::Save's format), so the
// corpus pass can run once over a whole crawl (`boilerhash stats`) and every
// shard be cleaned later, on any machine, with the crawl's counts
// (--corpus-stats).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "boilerhash/corpus_stats.h"

namespace bhcli {

// Reads the tables and adds them into one (LineFrequencyTable::Merge, in the
// order given, one table loaded at a time) of max_entries entries, or, when
// that is 0, of the largest max_entries among them; one table of that size
// is returned as it was saved. Files, pipes and /dev/fd/N all do. Null with
// *error naming the file that is unreadable or not a table.
std::unique_ptr<boilerhash::LineFrequencyTable> ReadCorpusTables(const std::vector<std::string>& paths,
                                                                uint64_t max_entries, std::string* error);

// Writes the table to path (through a temporary file beside it, renamed
// when complete, so a failed write never leaves half a table), or to stdout
// for "-"; a path that is a device, a pipe or a symlink is written in place.
// False with *error naming path when it cannot.
bool WriteCorpusTable(const boilerhash::LineFrequencyTable& table, const std::string& path, std::string* error);

}  // namespace bhcli
