// JSONL records with lone UTF-16 surrogates in their \u escapes.
//
// "\ud800" alone is valid JSON grammar, and Python's json.dumps writes it for
// a str holding a lone surrogate (text decoded with errors="surrogateescape",
// say); but it names no character, and simdjson refuses the whole record.
// Like invalid UTF-8 bytes, which are repaired rather than fatal, such an
// escape is replaced by \ufffd (U+FFFD, the replacement character): six
// bytes for six, so the rest of the record is untouched.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace bhcli {

// Copies record to *out with every lone-surrogate escape inside its strings
// replaced by \ufffd; a high surrogate escape followed by a low one is a
// pair and kept. Returns the number replaced (0: *out equals record).
size_t ReplaceLoneSurrogateEscapes(std::string_view record, std::string* out);

}  // namespace bhcli
