// The command's worker pool (cli/worker_pool.h): every index once, on any
// number of threads, and an exception from a task reaches the caller after
// the running tasks end, leaving the pool usable.
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "worker_pool.h"

namespace bhcli {
namespace {

TEST(WorkerPool, EveryIndexOnce) {
  for (unsigned threads : {1u, 2u, 5u}) {
    WorkerPool pool(threads);
    std::vector<std::atomic<int>> seen(1000);
    pool.ParallelFor(seen.size(), [&](size_t i) { seen[i].fetch_add(1); });
    for (size_t i = 0; i < seen.size(); ++i) ASSERT_EQ(seen[i].load(), 1) << i << " threads " << threads;
  }
}

TEST(WorkerPool, AnExceptionReachesTheCallerAfterTheRunningTasks) {
  for (unsigned threads : {1u, 2u, 5u}) {
    WorkerPool pool(threads);
    std::atomic<int> running{0};
    std::atomic<bool> thrown{false};
    auto task = [&](size_t i) {
      running.fetch_add(1);
      if (i == 37) {
        thrown = true;
        running.fetch_sub(1);
        throw std::runtime_error("task 37");
      }
      std::this_thread::sleep_for(std::chrono::microseconds(20));  // tasks overlap
      running.fetch_sub(1);
    };
    EXPECT_THROW(pool.ParallelFor(200, task), std::runtime_error) << "threads " << threads;
    EXPECT_TRUE(thrown.load());
    EXPECT_EQ(running.load(), 0) << "ParallelFor returned while a task was still running";
    // Usable afterwards: a clean run calls every index.
    std::atomic<size_t> calls{0};
    pool.ParallelFor(300, [&](size_t) { calls.fetch_add(1); });
    EXPECT_EQ(calls.load(), 300u);
  }
}

}  // namespace
}  // namespace bhcli
