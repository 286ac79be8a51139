#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace bhcli {
namespace {
bool bar_drawn = false;  // a bar is on stderr's current line (one bar at a time)

void EraseBar() {
  if (!bar_drawn) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  bar_drawn = false;
}
}  // namespace

Progress::Progress(bool allowed, std::string label, uint64_t total_bytes)
    : enabled_(allowed && ::isatty(2) == 1), label_(std::move(label)), total_(total_bytes),
      start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::Update(uint64_t documents, uint64_t bytes) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (elapsed < 1.0 || now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  const double mbs = bytes / 1e6 / elapsed;
  char eta[32] = "";
  char bar[32] = "";
  if (total_ > 0 && bytes <= total_) {
    const double frac = static_cast<double>(bytes) / static_cast<double>(total_);
    const int width = 20;
    const int filled = static_cast<int>(frac * width);
    for (int i = 0; i < width; ++i) bar[i] = i < filled ? '#' : '.';
    bar[width] = '\0';
    if (bytes > 0) {
      const long left = static_cast<long>(elapsed * (1.0 - frac) / frac);
      std::snprintf(eta, sizeof(eta), " ETA %ld:%02ld", left / 60, left % 60);
    }
  }
  std::fprintf(stderr, "\r\033[K%s [%s] %llu docs  %.1f MB/s%s", label_.c_str(), bar,
               static_cast<unsigned long long>(documents), mbs, eta);
  std::fflush(stderr);
  bar_drawn = true;
}

void Progress::Finish() { EraseBar(); }

void ReportLine(const std::string& message) {
  EraseBar();
  std::fprintf(stderr, "boilerhash: %s\n", message.c_str());
}

}  // namespace bhcli
