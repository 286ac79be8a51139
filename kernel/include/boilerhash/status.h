// Errors are values: nothing in the library prints, exits or throws on bad input.
#pragma once
#include <string>
#include <utility>

namespace boilerhash {

enum class StatusCode { kOk = 0, kInvalidArgument, kParseError, kCompileError, kIoError, kOutOfMemory };

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return {}; }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

}  // namespace boilerhash
