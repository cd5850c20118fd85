// -----------------------------------------------------------------------------
// File: kreditor/core/column.hpp
// -----------------------------------------------------------------------------
//
// A column of a big table: a std::vector whose memory, from 2 MB on, lies on whole 2 MB-aligned
// pages advised for transparent huge pages. A million-row column is then faulted in 2 MB at a
// time with no 4 KB pages at its ends (those took a thousand page faults a column, and TLB
// misses at every pass), measured on issue 12's 1M ledger: `exposure --customer` 0.65 s ->
// 0.47 s of CPU, page faults 15 000 -> 5 700. It changes no value. Where the system offers no
// huge pages on request (Linux THP "madvise" or "always" mode), it is only an aligned block.
//
//   kreditor::column<std::uint32_t> customer;  // used as any vector
//   customer.reserve(1'000'000);
#ifndef KREDITOR_CORE_COLUMN_HPP
#define KREDITOR_CORE_COLUMN_HPP

#include <cstddef>
#include <new>
#include <utility>
#include <vector>

#include "kreditor/config.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace detail {
/// Memory for a column of a big table: 2 MB or more is placed on whole, 2 MB-aligned pages
/// advised for transparent huge pages (the kernel then faults it in 2 MB at a time, with no
/// 4 KB pages at its ends: a million-row column took a thousand faults there); less comes from
/// operator new.
[[nodiscard]] void* allocate_column(std::size_t bytes);
void free_column(void* p, std::size_t bytes) noexcept;

/// The allocator of a column (allocate_column).
template <class T>
struct column_allocator {
  static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__, "a column's element needs no extra alignment");
  using value_type = T;
  column_allocator() = default;
  template <class U>
  column_allocator(const column_allocator<U>&) noexcept {}  // NOLINT: rebinding converts implicitly
  T* allocate(std::size_t n) {
    if (n > std::size_t(-1) / sizeof(T)) throw std::bad_array_new_length();
    return static_cast<T*>(allocate_column(n * sizeof(T)));
  }
  void deallocate(T* p, std::size_t n) noexcept { free_column(p, n * sizeof(T)); }
  template <class U>
  friend bool operator==(const column_allocator&, const column_allocator<U>&) noexcept {
    return true;
  }
};

/// A column_allocator whose value-less construct leaves a trivial element uninitialised: a
/// vector resized as room to write into later is not zeroed first.
template <class T>
struct uninitialised_allocator : column_allocator<T> {
  template <class U>
  struct rebind {
    using other = uninitialised_allocator<U>;
  };
  uninitialised_allocator() = default;
  template <class U>
  uninitialised_allocator(const uninitialised_allocator<U>&) noexcept {}  // NOLINT: rebinding converts implicitly
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
}  // namespace detail

/// One column of a table: a vector on column memory (detail::allocate_column).
template <class T>
using column = std::vector<T, detail::column_allocator<T>>;

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_CORE_COLUMN_HPP
