// JSONL records whose numbers do not fit 64 bits.
//
// JSON puts no bound on numbers, and Python's json writes integers of any
// size (a 128-bit hash, a big id). simdjson's DOM holds every number in 64
// bits and refuses a record with an integer beyond them, or a float beyond
// double range, as a number error. Such a record is still valid: it is read
// a second way. MaskWideNumbers checks every number token against JSON's
// grammar itself and replaces each by 0 in a copy, which simdjson then
// parses (and so validates the rest); the values of the top-level members
// are taken from the record's own text, minified, so that the numbers are
// written back exactly as they were.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace bhcli {

struct MaskedRecord {
  std::string masked;                // the record with every number token replaced by 0
  std::vector<std::string> values;   // each top-level member's value as written, without whitespace
};

// False when a number token breaks JSON's grammar (the record is broken
// JSON). A record that is not an object gets no values; other structural
// faults are left for simdjson to find in the masked copy.
bool MaskWideNumbers(std::string_view record, MaskedRecord* out);

}  // namespace bhcli
