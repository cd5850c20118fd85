// The C ABI's internals: the one exception barrier (guarded), the thread-local last error,
// argument checks, caller-buffer output and the definitions of the opaque handles.
// Never installed; only bindings/c/src/*.cpp include it.
#ifndef KREDITOR_BINDINGS_C_API_HPP
#define KREDITOR_BINDINGS_C_API_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <optional>
#include <vector>

#include "kreditor/book/book.hpp"
#include "kreditor/book/policy_set.hpp"
#include "kreditor/book/report.hpp"
#include "kreditor/core/errc.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/kreditor.h"
#include "kreditor/time/date.hpp"

namespace kreditor::c_api {

/// Sets the thread's last error (never throws: an allocation failure leaves a fixed text).
void set_error(std::string_view message) noexcept;
void clear_error() noexcept;
const char* last_error_text() noexcept;
kreditor_status fail(kreditor_status status, std::string_view message) noexcept;

/// THE exception barrier: every entry point that returns a status runs its body through this.
/// The body returns a status (KREDITOR_OK, or one it chose, e.g. buffer too small, after
/// calling set_error itself) or throws; every exception becomes a status and a message.
template <class F>
kreditor_status guarded(F&& body) noexcept {
  try {
    clear_error();
    return body();
  } catch (const kreditor::error& e) {
    return fail(static_cast<kreditor_status>(e.code()), e.what());
  } catch (const std::bad_alloc&) {
    return fail(KREDITOR_E_NO_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return fail(KREDITOR_E_INTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return fail(KREDITOR_E_INTERNAL, "internal error: unknown exception");
  }
}

/// The same for functions without a status (the _free functions): nothing may escape.
template <class F>
void guarded_void(F&& body) noexcept {
  try {
    body();
  } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor's failure has nowhere to go
  }
}

[[noreturn]] void throw_invalid(const char* fn, const std::string& what);

/// `p` or error(invalid_argument) "fn: name is NULL".
template <class T>
T* need(T* p, const char* fn, const char* name) {
  if (p == nullptr) throw_invalid(fn, std::string(name) + " is NULL");
  return p;
}
/// A required string: not NULL (empty is the callee's to judge).
std::string_view text(const char* s, const char* fn, const char* name);
/// An optional string: NULL is "".
std::string_view optional_text(const char* s) noexcept;

/// The day numbers of 1400-01-01 and 9999-12-31, the dates the library takes.
struct date_range {
  kreditor_date first, last;
};
const date_range& valid_days();
/// A date from its day number: error(out_of_range) outside 1400-01-01..9999-12-31,
/// error(invalid_argument) for KREDITOR_NO_DATE.
date to_date(kreditor_date d, const char* fn, const char* name);
std::optional<date> to_optional_date(kreditor_date d, const char* fn, const char* name);
kreditor_date from_date(date d) noexcept;
kreditor_date from_optional_date(const std::optional<date>& d) noexcept;

currency to_currency(const char* code, const char* fn, const char* name);
void copy_code(currency c, char out[4]) noexcept;

/// Writes `s` and its NUL into buf, or returns KREDITOR_E_BUFFER_TOO_SMALL; sets *needed.
kreditor_status out_string(std::string_view s, char* buf, std::size_t buf_size, std::size_t* needed,
                           const char* fn);

/// The size of a struct in ABI version 1's first release. A struct the library only fills may
/// grow (fields appended): a caller compiled against the earlier header passes the earlier
/// size and gets the fields it knows (kreditor_command gained cover_id and cover_amount_minor,
/// kreditor_line the limitation fields).
template <class S>
inline constexpr std::size_t first_size = sizeof(S);
template <>
inline constexpr std::size_t first_size<kreditor_command> = offsetof(kreditor_command, cover_id);
template <>
inline constexpr std::size_t first_size<kreditor_line> = offsetof(kreditor_line, limitation_date);

/// A struct the caller passes in: not NULL, and its size this library's sizeof. A struct the
/// library reads has one version in ABI version 1; when one grows, this must also accept the
/// older sizes and give the missing fields their defaults (the README's stability promise). A
/// larger size (a newer header) is refused: its fields would be ignored silently.
template <class S>
const S& in_struct(const S* s, const char* fn, const char* name) {
  need(s, fn, name);
  if (s->size != sizeof(S))
    throw_invalid(fn, std::string(name) + "->size is " + std::to_string(s->size) + ", expected " +
                          std::to_string(sizeof(S)) + " (sizeof; use the kreditor_*_init functions)");
  return *s;
}
/// A struct the library fills: not NULL, its size this library's sizeof or first_size<S>.
template <class S>
void out_struct_check(const S* s, const char* fn, const char* name) {
  need(s, fn, name);
  if (s->size != sizeof(S) && s->size != first_size<S>)
    throw_invalid(fn, std::string(name) + "->size is " + std::to_string(s->size) + ", expected " +
                          std::to_string(sizeof(S)) + " (sizeof; use the kreditor_*_init functions)");
}
/// A struct the library fills: checked by out_struct_check; the caller's size of `value` copied in.
template <class S>
void out_struct(S* s, const S& value, const char* fn, const char* name) {
  out_struct_check(s, fn, name);
  const std::size_t size = s->size;
  std::memcpy(static_cast<void*>(s), &value, size);
  s->size = size;
}
/// The zeroed struct with its size set: the base of the _init functions and the out values.
template <class S>
S blank() noexcept {
  static_assert(std::is_trivially_copyable_v<S> && std::is_standard_layout_v<S>);
  S s;
  std::memset(static_cast<void*>(&s), 0, sizeof(S));
  s.size = sizeof(S);
  return s;
}
/// The _init functions: `size` must be this version's sizeof (or first_size<S>, for a struct
/// that grew).
template <class S>
kreditor_status init_struct(S* s, std::size_t size, const S& defaults, const char* fn) {
  return guarded([&] {
    need(s, fn, "struct");
    if (size != sizeof(S) && size != first_size<S>)
      throw_invalid(fn, "size " + std::to_string(size) + " is not sizeof the struct (" + std::to_string(sizeof(S)) + ")");
    std::memcpy(static_cast<void*>(s), &defaults, size);
    s->size = size;
    return KREDITOR_OK;
  });
}

}  // namespace kreditor::c_api

/// The opaque handles (C declares them as incomplete structs).
struct kreditor_policy_set {
  kreditor::policy_set policies;
};

/// The host's records as the C++ ledger, with the ids looked up by the _add functions (built on
/// the first add, so a loaded ledger pays nothing until it is extended).
struct kreditor_ledger {
  kreditor::ledger records;
  std::vector<kreditor::recorded_notice> notices;  ///< kreditor_ledger_add_notice
  struct ids {
    std::unordered_map<std::string, std::uint32_t> customers, invoices;
    std::unordered_set<std::string> payments, orders, securities;
  };
  std::optional<ids> index;
};

/// The report and the strings its commands need (computed once: a command's "custom:NAME" and
/// its step's name), so every const char* handed out lives as long as the handle.
struct kreditor_report {
  kreditor::run_report r;
  struct command_ref {
    std::size_t line = 0;
    std::size_t k = 0;  ///< index in the line's commands
    std::string kind_name;
    std::string step;
  };
  std::vector<command_ref> commands;
  std::vector<std::size_t> first_command;  ///< per line
};

#endif  // KREDITOR_BINDINGS_C_API_HPP
