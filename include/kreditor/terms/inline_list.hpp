// -----------------------------------------------------------------------------
// File: kreditor/terms/inline_list.hpp
// -----------------------------------------------------------------------------
//
// `inline_list<T, N>`: at most N values stored inside the object. Payment terms carry
// their discount tiers and instalments this way, so a `payment_terms` is trivially
// copyable, parsing one allocates nothing, and terms can sit in a column of a batch.
//
//   inline_list<int, 4> l{1, 2};
//   l.push_back(3);          // throws error(out_of_range) on the fifth value
//   l.size() == 3;  l == inline_list<int, 4>{1, 2, 3};
#ifndef KREDITOR_TERMS_INLINE_LIST_HPP
#define KREDITOR_TERMS_INLINE_LIST_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "kreditor/core/errc.hpp"

KREDITOR_NAMESPACE_BEGIN

/// A bounded sequence stored in place. Equality compares only the first size() values,
/// so two lists holding the same values are equal whatever their unused slots hold.
template <class T, std::size_t Capacity>
class inline_list {
  static_assert(Capacity > 0 && Capacity < 256, "inline_list: capacity must be 1..255");

 public:
  constexpr inline_list() noexcept = default;
  /// \throws error(out_of_range) for more than Capacity values.
  constexpr inline_list(std::initializer_list<T> values) {  // NOLINT: list-initialisation by design
    for (const T& v : values) push_back(v);
  }

  /// Appends `v`. \throws error(out_of_range) when the list is full.
  constexpr void push_back(const T& v) {
    if (size_ == Capacity)
      throw error(errc::out_of_range, "inline_list: more values than the capacity allows");
    items_[size_++] = v;
  }
  /// Appends `v` unless the list is full; false when it was full (for allocation-free parsers).
  [[nodiscard]] constexpr bool try_push_back(const T& v) noexcept {
    if (size_ == Capacity) return false;
    items_[size_++] = v;
    return true;
  }
  /// Removes every value.
  constexpr void clear() noexcept { size_ = 0; }

  /// The most values it holds: Capacity.
  [[nodiscard]] static constexpr std::size_t capacity() noexcept { return Capacity; }
  /// The number of values.
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  /// True when it holds no value.
  [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
  /// True when it holds Capacity values.
  [[nodiscard]] constexpr bool full() const noexcept { return size_ == Capacity; }

  /// The first value.
  [[nodiscard]] constexpr const T* begin() const noexcept { return items_.data(); }
  /// One past the last value.
  [[nodiscard]] constexpr const T* end() const noexcept { return items_.data() + size_; }
  /// The first value.
  [[nodiscard]] constexpr T* begin() noexcept { return items_.data(); }
  /// One past the last value.
  [[nodiscard]] constexpr T* end() noexcept { return items_.data() + size_; }
  /// \pre i < size()
  [[nodiscard]] constexpr const T& operator[](std::size_t i) const noexcept { return items_[i]; }
  /// Value `i`. \pre i < size()
  [[nodiscard]] constexpr T& operator[](std::size_t i) noexcept { return items_[i]; }
  /// \pre !empty()
  [[nodiscard]] constexpr const T& front() const noexcept { return items_[0]; }
  /// The last value. \pre !empty()
  [[nodiscard]] constexpr const T& back() const noexcept { return items_[size_ - 1u]; }

  /// Equal when they hold the same values in the same order (unused slots are ignored).
  friend constexpr bool operator==(const inline_list& a, const inline_list& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  std::array<T, Capacity> items_{};
  std::uint8_t size_ = 0;
};

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_TERMS_INLINE_LIST_HPP
