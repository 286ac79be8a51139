#include "worker_pool.h"

#include <exception>
#include <utility>

namespace bhcli {

WorkerPool::WorkerPool(unsigned threads) {
  unsigned helpers = threads == 0 ? 0 : threads - 1;
  while (helpers > 0) {
    try {
      while (helpers_.size() < helpers) helpers_.emplace_back([this] { HelperLoop(); });
      return;
    } catch (const std::exception&) {
      // Out of threads (ulimit -u, a container's pids limit) or address
      // space. Thrown out of here, the condition variables would be
      // destroyed under the waiting helpers (glibc then blocks for ever).
      // Keeping every helper made would leave no memory for the documents
      // (1,024 asked for under a 1 GB limit: 126 made, then out of memory):
      // half as many, so half what they took is free again.
      const unsigned made = static_cast<unsigned>(helpers_.size());
      StopHelpers();
      helpers = made / 2;
    }
  }
}

WorkerPool::~WorkerPool() { StopHelpers(); }

void WorkerPool::StopHelpers() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_all();
  for (auto& t : helpers_) t.join();
  helpers_.clear();
  std::lock_guard<std::mutex> lock(mu_);
  stop_ = false;
}

void WorkerPool::RunShare() {
  // Small chunks keep the threads balanced when documents differ in size.
  for (;;) {
    const size_t i = next_.fetch_add(1, std::memory_order_relaxed);
    if (i >= n_) return;
    try {
      (*fn_)(i);
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu_);
      if (!error_) error_ = std::current_exception();
      next_.store(n_, std::memory_order_relaxed);  // start nothing more
    }
  }
}

void WorkerPool::HelperLoop() {
  uint64_t seen = 0;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_cv_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
    }
    RunShare();
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (--busy_ == 0) done_cv_.notify_one();
    }
  }
}

void WorkerPool::ParallelFor(size_t n, const std::function<void(size_t)>& fn) {
  if (n == 0) return;
  if (helpers_.empty() || n == 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    fn_ = &fn;
    n_ = n;
    next_.store(0, std::memory_order_relaxed);
    busy_ = static_cast<unsigned>(helpers_.size());
    ++generation_;
  }
  work_cv_.notify_all();
  RunShare();
  std::unique_lock<std::mutex> lock(mu_);
  done_cv_.wait(lock, [&] { return busy_ == 0; });
  fn_ = nullptr;
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

}  // namespace bhcli
