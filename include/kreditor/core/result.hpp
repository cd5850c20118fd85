// -----------------------------------------------------------------------------
// File: kreditor/core/result.hpp
// -----------------------------------------------------------------------------
//
// `result<T>`: a value or a `failure`, the C++20 stand-in for std::expected with
// the same member names. Parse functions at boundaries return it instead of throwing.
//
//   result<currency> c = currency::parse("NOK");
//   if (!c) std::cerr << c.error().message;
#ifndef KREDITOR_CORE_RESULT_HPP
#define KREDITOR_CORE_RESULT_HPP

#include <string>
#include <utility>
#include <variant>

#include "kreditor/core/errc.hpp"

KREDITOR_NAMESPACE_BEGIN

/// Why a fallible operation produced no value.
struct failure {
  errc code = errc::invalid_argument;  ///< the kind of error
  std::string message;  ///< names the input and the problem
  /// Memberwise equality.
  friend bool operator==(const failure&, const failure&) = default;
};

/// A value or a failure. `value()` throws kreditor::error when there is none.
template <class T>
class [[nodiscard]] result {
 public:
  /// A result holding `value` (implicit, so a function can `return value;`).
  result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor): by design
  /// A result holding failure `f` (implicit, so a function can `return failure{...};`).
  result(failure f) : v_(std::move(f)) {}    // NOLINT(google-explicit-constructor): by design

  /// True when there is a value.
  [[nodiscard]] bool has_value() const noexcept { return v_.index() == 0; }
  /// has_value().
  explicit operator bool() const noexcept { return has_value(); }

  /// The value; throws kreditor::error carrying the failure when there is none.
  [[nodiscard]] const T& value() const& {
    if (const auto* f = std::get_if<failure>(&v_)) throw kreditor::error(f->code, f->message);
    return std::get<T>(v_);
  }
  /// By value, not T&&: `for (auto& x : parse().value())` must not dangle.
  [[nodiscard]] T value() && {
    if (const auto* f = std::get_if<failure>(&v_)) throw kreditor::error(f->code, f->message);
    return std::get<T>(std::move(v_));
  }
  /// value().
  [[nodiscard]] const T& operator*() const& { return value(); }
  /// &value(): throws as value() when there is none.
  [[nodiscard]] const T* operator->() const { return &value(); }
  /// The failure. \pre !has_value()
  [[nodiscard]] const failure& error() const& { return std::get<failure>(v_); }
  /// The value, or `fallback` when there is none.
  [[nodiscard]] T value_or(T fallback) const& { return has_value() ? std::get<T>(v_) : fallback; }

 private:
  std::variant<T, failure> v_;
};

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_CORE_RESULT_HPP
