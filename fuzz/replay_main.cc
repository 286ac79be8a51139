// A plain main() for the harnesses when libFuzzer is absent (the GCC build):
// replays every file named on the command line, or every file in a named
// directory (sorted, so runs are repeatable), through LLVMFuzzerTestOneInput.
// ctest runs it over the seed corpus and fuzz/regressions/ of each harness.
// Exits non-zero when no input was found, so an empty corpus cannot pass.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    if (argv[i][0] == '-') continue;  // libFuzzer flags: ignored here
    const fs::path p(argv[i]);
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> files;
      for (const auto& e : fs::directory_iterator(p)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
      std::sort(files.begin(), files.end());
      inputs.insert(inputs.end(), files.begin(), files.end());
    } else if (fs::is_regular_file(p, ec)) {
      inputs.push_back(p);
    } else {
      std::fprintf(stderr, "replay: %s: absent, skipped\n", argv[i]);
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "replay: no inputs found\n");
    return 2;
  }
  double slowest = 0;
  std::string slowest_name;
  for (const fs::path& p : inputs) {
    std::ifstream in(p, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    std::fprintf(stderr, "replay: %s (%zu bytes)\n", p.c_str(), bytes.size());
    std::fflush(stderr);
    // Copy into an exact-size heap buffer so ASan sees reads past the end.
    // (libFuzzer never passes a null pointer, not even for an empty input.)
    std::vector<uint8_t> data(bytes.begin(), bytes.end());
    if (data.empty()) data.reserve(1);
    const auto t0 = std::chrono::steady_clock::now();
    LLVMFuzzerTestOneInput(data.data(), data.size());
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (s > slowest) {
      slowest = s;
      slowest_name = p.string();
    }
  }
  std::printf("replay: %zu inputs ok; slowest %.3f s (%s)\n", inputs.size(), slowest,
              slowest_name.c_str());
  return 0;
}
