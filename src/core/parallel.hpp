// The one way kreditor's batch loops run on several threads: run_workers starts the workers,
// joins them all, and carries the first exception any of them threw back to the caller (a
// worker that throws must not terminate the host: std::thread would call std::terminate).
// Results stay deterministic because each worker owns fixed chunks (see the callers).
#ifndef KREDITOR_SRC_CORE_PARALLEL_HPP
#define KREDITOR_SRC_CORE_PARALLEL_HPP

#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include "kreditor/config.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace detail {

/// Calls fn(w) for w in [0, workers): worker 0 on the calling thread, the others on threads of
/// their own (run on the caller, one after the other, when no thread can be started). Returns
/// when all are done; then rethrows the first exception thrown (by worker order).
template <class Fn>
void run_workers(unsigned workers, Fn&& fn) {
  if (workers <= 1) {
    fn(0u);
    return;
  }
  std::vector<std::exception_ptr> failed(workers);
  const auto guarded = [&](unsigned w) {
    try {
      fn(w);
    } catch (...) {
      failed[w] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  unsigned started = 1;
  try {
    for (; started < workers; ++started) pool.emplace_back(guarded, started);
  } catch (const std::system_error&) {  // no thread to spare: the rest run here
  }
  guarded(0);
  for (unsigned w = started; w < workers; ++w) guarded(w);
  for (std::thread& t : pool) t.join();
  for (const std::exception_ptr& e : failed)
    if (e) std::rethrow_exception(e);
}

}  // namespace detail
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SRC_CORE_PARALLEL_HPP
