// Large arrays on transparent huge pages: a hint to the kernel, nothing else. A vector of a
// million records is then faulted in 2 MB at a time instead of 4 KB, and its TLB misses drop.
// It changes no value. Where the system does not offer huge pages on request (THP "madvise"
// or "always" mode, Linux only), or for arrays under 4 MB, it does nothing.
//
// Still worth it with the lean layout (issue 12, measured 2026-12-07 on the 2-core VM, 1M
// ledger, 7 runs alternating with a build without the hints): the loader's columns and id
// tables are the large arrays now, and without the hints `exposure --customer` took 42 000
// page faults instead of 18 000 and 1.23 s of CPU instead of 0.95 (median), `aging` 2.39 s
// instead of 1.81, `run --format csv` 4.23 s instead of 3.16, for 6 to 10 MB less peak RSS.
// Measured again on 2026-12-08 once the loader's columns, arenas and groupings had moved to
// column memory (kreditor/core/column.hpp: whole aligned 2 MB pages, so no 4 KB pages at their
// ends), medians of 7 runs each, load about 1.1: without the hints `exposure --customer` took
// 0.89 s of CPU instead of 0.45, `aging` 1.63 s instead of 1.16, `run --format csv` 2.95 s
// instead of 2.44, for 20 MiB less peak RSS (146 MiB against 166).
// populate_in_background only starts for 32 MB or more, so it no longer runs in the sliced
// commands (a slice's arrays are small); it still serves a book made of a whole big ledger.
//
// Private to the library and the CLI (src/): core/ so that every folder may use it. Built with
// KREDITOR_NO_HUGE_PAGES defined, every hint here is left out (and the background faulting
// too): the build that measures what they are worth (benchmarks/ledger_1m.sh says how).
#ifndef KREDITOR_SRC_CORE_HUGE_PAGES_HPP
#define KREDITOR_SRC_CORE_HUGE_PAGES_HPP

#include <cstddef>
#include <cstdint>
#include <new>
#include <system_error>
#include <thread>
#include <vector>

#if defined(__linux__) && !defined(KREDITOR_NO_HUGE_PAGES)
#define KREDITOR_HUGE_PAGE_HINTS 1
#include <sys/mman.h>
#endif

namespace kreditor::detail {

/// Advises huge pages for the 2 MB-aligned part of [data, data + bytes).
inline void advise_huge_pages(const void* data, std::size_t bytes) noexcept {
#if defined(KREDITOR_HUGE_PAGE_HINTS) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
  if (bytes < 2 * huge) return;
  const auto at = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t begin = (at + huge - 1) & ~(huge - 1);
  const std::uintptr_t end = (at + bytes) & ~(huge - 1);
  if (end > begin) (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

/// The same for a vector's whole capacity (call it right after reserve()).
template <class T>
void advise_huge_pages(const std::vector<T>& v) noexcept {
  advise_huge_pages(v.data(), v.capacity() * sizeof(T));
}

/// An allocator for hash tables probed at random: an array of 2 MB or more is placed on whole
/// 2 MB-aligned pages, all advised, so that no probe of it lands on a 4 KB page (where the
/// advice above leaves the ends of an unaligned array, and where each probe may be a page walk,
/// a slow one under a hypervisor). Smaller arrays are plain allocations.
template <class T>
struct aligned_huge_allocator {
  using value_type = T;
  aligned_huge_allocator() = default;
  template <class U>
  aligned_huge_allocator(const aligned_huge_allocator<U>&) noexcept {}  // NOLINT: rebinding converts implicitly
  static constexpr std::size_t huge = std::size_t{2} << 20;
  // An over-aligned T (a slot aligned to its size) asks operator new for its alignment.
  static constexpr bool over_aligned = alignof(T) > __STDCPP_DEFAULT_NEW_ALIGNMENT__;
  T* allocate(std::size_t n) {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < huge && over_aligned) return static_cast<T*>(::operator new(bytes, std::align_val_t{alignof(T)}));
    if (bytes < huge) return static_cast<T*>(::operator new(bytes));
    const std::size_t whole = (bytes + huge - 1) & ~(huge - 1);
    void* p = ::operator new(whole, std::align_val_t{huge});
#if defined(KREDITOR_HUGE_PAGE_HINTS) && defined(MADV_HUGEPAGE)
    (void)madvise(p, whole, MADV_HUGEPAGE);
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (n * sizeof(T) < huge && over_aligned)
      ::operator delete(p, std::align_val_t{alignof(T)});
    else if (n * sizeof(T) < huge)
      ::operator delete(p);
    else
      ::operator delete(p, std::align_val_t{huge});
  }
  template <class U>
  friend bool operator==(const aligned_huge_allocator&, const aligned_huge_allocator<U>&) noexcept {
    return true;
  }
};

/// A vector of `n` copies of `value` (or of T{}), its memory advised as above before it is
/// written.
template <class T>
[[nodiscard]] std::vector<T> huge_vector(std::size_t n, const T& value = T{}) {
  std::vector<T> v;
  v.reserve(n);
  advise_huge_pages(v);
  v.assign(n, value);
  return v;
}

/// Faults [data, data + bytes) in on another thread (MADV_POPULATE_WRITE: the pages become
/// present and writable, their contents untouched, so it is safe beside a thread writing
/// them), so that the kernel's zeroing of fresh memory overlaps the caller's work. The returned
/// thread joins when destroyed: keep it until before the memory is freed. Nothing happens for
/// small ranges or where the kernel lacks it.
[[nodiscard]] inline std::jthread populate_in_background(const void* data, std::size_t bytes) {
#if defined(KREDITOR_HUGE_PAGE_HINTS) && defined(MADV_POPULATE_WRITE)
  constexpr std::uintptr_t page = 4096;
  if (bytes < (std::size_t{32} << 20) || std::thread::hardware_concurrency() < 2) return {};
  const auto at = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t begin = (at + page - 1) & ~(page - 1);
  const std::uintptr_t end = (at + bytes) & ~(page - 1);
  try {
    return std::jthread([begin, end] {
      (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
    });
  } catch (const std::system_error&) {  // no thread to spare: the caller faults them in itself
    return {};
  }
#else
  (void)data;
  (void)bytes;
  return {};
#endif
}

}  // namespace kreditor::detail

#endif  // KREDITOR_SRC_CORE_HUGE_PAGES_HPP
