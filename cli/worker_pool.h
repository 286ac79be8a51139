// A fixed set of threads that run ParallelFor(n, fn) over indices 0..n-1.
// The calling thread takes part, so a pool of 1 runs everything inline.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace bhcli {

class WorkerPool {
 public:
  explicit WorkerPool(unsigned threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // The threads working, this one included: fewer than asked for when the
  // system would not start more.
  unsigned threads() const { return static_cast<unsigned>(helpers_.size()) + 1; }
  // Calls fn(i) once for every i in [0, n), on any thread; returns when all are done.
  // If a call throws, the indices not yet started are skipped and the first
  // exception is rethrown here once every running call has returned (a
  // bad_alloc on a helper thread would otherwise end the process, and one
  // on this thread would unwind while helpers still run fn).
  void ParallelFor(size_t n, const std::function<void(size_t)>& fn);

 private:
  void HelperLoop();
  void RunShare();
  void StopHelpers();  // joins every helper; the pool can start others after

  std::vector<std::thread> helpers_;
  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable done_cv_;
  uint64_t generation_ = 0;
  unsigned busy_ = 0;
  bool stop_ = false;
  const std::function<void(size_t)>* fn_ = nullptr;
  size_t n_ = 0;
  std::atomic<size_t> next_{0};
  std::exception_ptr error_;  // the first exception of this ParallelFor (under mu_)
};

}  // namespace bhcli
