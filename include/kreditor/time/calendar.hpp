// -----------------------------------------------------------------------------
// File: kreditor/time/calendar.hpp
// -----------------------------------------------------------------------------
//
// A business-day calendar: Saturdays and Sundays off, plus holidays. An immutable value:
// copies share one precomputed table (`shared_ptr<const data>`), and `with_holiday` and
// `join` return new calendars without touching the ones they are called on.
//
// The holiday rules (national calendars in calendars.hpp, or a user's list) are compiled
// once, at construction, into a bitset of business days over 1900-01-01..2199-12-31, so
// `is_business_day` is one bit test and `advance` / `business_days_between` are popcounts.
// Outside that range every query evaluates the same rules directly: the results are the
// same, only slower (no query ever throws for a date outside the table).
//
//   const calendar no = norway();
//   no.is_business_day(make_date(2024, 5, 17)) == false;       // Constitution Day
//   no.advance(make_date(2024, 3, 27), 1) == make_date(2024, 4, 2);  // over Easter
//   no.with_holiday(make_date(2024, 6, 3), "closed").is_holiday(make_date(2024, 6, 3));
//   join(no, sweden()).name() == "NO+SE";
#ifndef KREDITOR_TIME_CALENDAR_HPP
#define KREDITOR_TIME_CALENDAR_HPP

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "kreditor/time/business_day_convention.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace detail {
struct calendar_access;  // the national calendars' door to the private constructor (src/)
}  // namespace detail

/// A business-day calendar: weekend days plus a set of named holidays.
///
/// A value type. Copies are cheap (the table is shared and immutable) and independent.
/// All queries are thread-safe. Dates must not be special values (not_a_date_time, ±inf):
/// such a date is never a business day and never named.
class calendar {
 public:
  /// The precomputed range: [table_first, table_last]. Queries outside it are still
  /// answered (by evaluating the rules), only more slowly.
  static constexpr std::int32_t table_first_day = -25567;  ///< day_number(1900-01-01)
  static constexpr std::int32_t table_days = 109573;       ///< days in 1900-01-01..2199-12-31

  /// Saturday and Sunday off, no holidays; name "weekends".
  calendar();

  /// A user-defined calendar: weekends plus `holidays` (each named "holiday"; duplicates
  /// and weekend dates are allowed and harmless). \throws error(invalid_argument) for a
  /// special date value.
  [[nodiscard]] static calendar from_holidays(std::string name, std::vector<date> holidays);
  /// As above, with a name per holiday.
  [[nodiscard]] static calendar from_holidays(std::string name,
                                              std::vector<std::pair<date, std::string>> holidays);

  /// "NO", "SE", "DK", "FI", "weekends", a user's name, or "A+B" for a joint calendar.
  [[nodiscard]] const std::string& name() const noexcept;

  /// Whether payments settle on d. O(1) inside the table: one bit test.
  [[nodiscard]] bool is_business_day(date d) const noexcept {
    const auto i = static_cast<std::uint32_t>(day_number(d) - table_first_day);
    if (i < static_cast<std::uint32_t>(table_days)) return ((bits_[i >> 6] >> (i & 63u)) & 1u) != 0;
    return slow_is_business_day(d);
  }
  /// Columnar form (the same kernel): out[k] = is_business_day(from_day_number(day_numbers[k]))
  /// as 1/0, for day numbers (days since 1970-01-01, see date.hpp).
  /// \throws error(invalid_argument) if the spans differ in length.
  void is_business_day(std::span<const std::int32_t> day_numbers, std::span<std::uint8_t> out) const;
  /// A weekday (Monday to Friday) that is not a business day.
  [[nodiscard]] bool is_holiday(date d) const noexcept;
  /// Saturday or Sunday.
  [[nodiscard]] static bool is_weekend(date d) noexcept;

  /// The holiday's name when d is a named holiday of this calendar (also when it falls on a
  /// weekend, e.g. Sweden's Midsummer Day, always a Saturday); nullopt for business days and
  /// for plain weekends. A joint calendar gives the first calendar's name first.
  [[nodiscard]] std::optional<std::string> holiday_name(date d) const;

  /// Every weekday in the closed range [from, to] that is not a business day, in date order,
  /// with its name. Empty when from > to.
  [[nodiscard]] std::vector<std::pair<date, std::string>> holidays(date from, date to) const;

  /// d rolled onto a business day by convention c (d itself when it is one).
  [[nodiscard]] date adjust(date d, business_day_convention c = business_day_convention::following) const;

  /// The n-th business day after d (n > 0) or before d (n < 0), counting only business days
  /// strictly after (before) d; n == 0 gives adjust(d, following). (QuantLib's advance in Days.)
  /// Inside the table: one bit step per business day, no rule evaluation.
  /// \throws error(out_of_range) if the result would leave Boost's years 1400..9999.
  [[nodiscard]] date advance(date d, int business_days) const;

  /// The number of business days in (from, to] when from <= to, and minus the number in
  /// (to, from] otherwise; so advance(from, business_days_between(from, to)) == to when both
  /// are business days (and from != to). O(1) inside the table.
  [[nodiscard]] int business_days_between(date from, date to) const;

  /// A new calendar equal to this one plus the holiday d (named `name`); this one is
  /// untouched. Same name as this calendar. \throws error(invalid_argument) for a special date.
  [[nodiscard]] calendar with_holiday(date d, std::string name = "holiday") const;

  /// Same holiday table (same business days, same names).
  friend bool operator==(const calendar& a, const calendar& b) noexcept;

  struct data;  ///< the shared immutable table (defined in src/time/calendar.cpp)

 private:
  friend struct detail::calendar_access;
  friend calendar join(const calendar& a, const calendar& b);
  explicit calendar(std::shared_ptr<const data> p) noexcept;
  [[nodiscard]] bool slow_is_business_day(date d) const noexcept;

  std::shared_ptr<const data> data_;
  const std::uint64_t* bits_ = nullptr;  ///< data_->bits.data(), cached for the inline bit test
};

/// A calendar whose business days are those of both a and b (its holidays are the union);
/// named "A+B", e.g. "NO+SE".
[[nodiscard]] calendar join(const calendar& a, const calendar& b);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_TIME_CALENDAR_HPP
