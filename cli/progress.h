// A one-line progress bar on stderr: documents, MB/s and ETA. It shows only
// when stderr is a terminal and the run has lasted over a second, and redraws
// at most a few times a second, so short runs and pipes stay quiet.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace bhcli {

class Progress {
 public:
  Progress(bool allowed, std::string label, uint64_t total_bytes);
  ~Progress() { Finish(); }
  void Update(uint64_t documents, uint64_t bytes);
  void Finish();  // erases the bar

 private:
  bool enabled_;
  std::string label_;
  uint64_t total_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

// Prints "boilerhash: <message>" on its own line of stderr, erasing a bar
// drawn there first (the next Update redraws it): a skipped record's report
// would otherwise be glued to the bar. Main thread only, as the bar is.
void ReportLine(const std::string& message);

}  // namespace bhcli
