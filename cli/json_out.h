// Small JSON writing helpers for the command's output (one object per line).
#pragma once
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

namespace bhcli {

// Appends `s` as a JSON string literal. `s` must be valid UTF-8 (the caller
// repairs it first); control characters are escaped as \uXXXX.
inline void AppendJsonString(std::string* out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

template <typename T>
inline void AppendNumber(std::string* out, T value) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof(buf), value);
  out->append(buf, r.ptr);
}

// Shortest round-trip form of a double, so output is the same bits everywhere.
inline void AppendDouble(std::string* out, double value) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof(buf), value);
  out->append(buf, r.ptr);
}

inline void AppendHex64(std::string* out, uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(v));
  out->append(buf, 16);
}

// Writes `buf` to stdout and clears it once it is large, so output streams;
// with force, also flushes stdout. Output that cannot be written (a full
// disk) throws OutputError: the run ends there (main reports it, exit 3)
// rather than finish with its output silently lost.
struct OutputError : std::runtime_error {
  OutputError() : std::runtime_error(std::string("cannot write the output: ") + std::strerror(errno)) {}
};
inline void FlushIfLarge(std::string* buf, bool force = false) {
  if (force || buf->size() >= (1u << 20)) {
    if (std::fwrite(buf->data(), 1, buf->size(), stdout) != buf->size()) throw OutputError();
    buf->clear();
  }
  if (force && std::fflush(stdout) != 0) throw OutputError();
}

}  // namespace bhcli
