// The calendar engine: holiday rules compiled once into a bitset of business days over
// 1900..2199 (one bit per day, bit i of word w = table_first_day + 64 w + i), plus a rank per
// 64-day word for O(1) business-day counts. Everything outside the table evaluates the rules.
#include "kreditor/time/calendar.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kreditor/core/errc.hpp"
#include "time/holiday_rules.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace {
constexpr std::int32_t first_day = calendar::table_first_day;
constexpr std::int32_t n_days = calendar::table_days;
constexpr std::size_t n_words = (static_cast<std::size_t>(n_days) + 63) / 64;
// Boost.Date_Time's years 1400..9999 as day numbers (1400-01-01 and 9999-12-31).
constexpr std::int32_t first_supported_day = first_day_number;
constexpr std::int32_t last_supported_day = last_day_number;
constexpr int first_year = 1900, last_year = 2199;
using named_day = std::pair<std::int32_t, std::string>;  // day_number, holiday name

bool weekend_number(std::int32_t dn) noexcept {
  // 1970-01-01 (day 0) was a Thursday; ((dn + 4) mod 7) is 0 for Sunday .. 6 for Saturday.
  const std::int32_t wd = ((dn % 7) + 7 + 4) % 7;
  return wd == 0 || wd == 6;
}

std::uint64_t mask_through(std::uint32_t bit) noexcept {  // bits 0..bit set
  return bit == 63 ? ~std::uint64_t{0} : (std::uint64_t{1} << (bit + 1)) - 1;
}

void require_real(date d, const char* who) {
  if (d.is_special()) throw error(errc::invalid_argument, std::string(who) + ": special date value");
  // Boost lets date arithmetic run past 9999-12-31 (a deadline 14 days after 9999-12-20) but
  // throws bad_year when such a date is printed or split: refuse it here, as kreditor::error.
  const std::int32_t dn = day_number(d);
  if (dn < first_day_number || dn > last_day_number)
    throw error(errc::out_of_range, std::string(who) + ": a date beyond the years 1400..9999 (" +
                                        std::to_string(dn) + " days from 1970-01-01)");
}
}  // namespace

struct calendar::data {
  std::string name;
  std::vector<detail::holiday_rule> rules;  ///< evaluated in order; the first name wins
  std::vector<named_day> extra;             ///< user holidays, sorted and unique by day
  std::vector<std::uint64_t> bits;          ///< 1 = business day, n_days bits
  std::vector<std::int32_t> rank;           ///< business days in words [0, w), n_words + 1

  void rebuild_rank() {
    rank.assign(n_words + 1, 0);
    for (std::size_t w = 0; w < n_words; ++w)
      rank[w + 1] = rank[w] + static_cast<std::int32_t>(std::popcount(bits[w]));
  }
  void clear_day(std::int32_t dn) {
    const auto i = static_cast<std::uint32_t>(dn - first_day);
    if (i < static_cast<std::uint32_t>(n_days)) bits[i >> 6] &= ~(std::uint64_t{1} << (i & 63u));
  }
  void add_extra(std::int32_t dn, std::string holiday) {
    const auto at = std::lower_bound(extra.begin(), extra.end(), dn,
                                     [](const named_day& e, std::int32_t v) { return e.first < v; });
    if (at != extra.end() && at->first == dn) return;  // the first name given wins
    extra.emplace(at, dn, std::move(holiday));
    clear_day(dn);
  }
  [[nodiscard]] const std::string* extra_name(std::int32_t dn) const noexcept {
    const auto at = std::lower_bound(extra.begin(), extra.end(), dn,
                                     [](const named_day& e, std::int32_t v) { return e.first < v; });
    return (at != extra.end() && at->first == dn) ? &at->second : nullptr;
  }
  /// The name the rules or the extra list give d, or nullptr (weekends are not named).
  [[nodiscard]] const char* rule_name(const detail::day_facts& f) const noexcept {
    for (const auto rule : rules)
      if (const char* n = rule(f)) return n;
    return nullptr;
  }

  /// Evaluates the rules for every day of the table: done once per national calendar.
  void build_bits() {
    bits.assign(n_words, 0);
    std::int32_t dn = first_day;
    for (int y = first_year; y <= last_year; ++y) {
      detail::day_facts f;
      f.year = y;
      f.easter = detail::easter_day_of_year(y);
      f.day_of_year = 0;
      for (int m = 1; m <= 12; ++m) {
        const int len = boost::gregorian::gregorian_calendar::end_of_month_day(
            static_cast<unsigned short>(y), static_cast<unsigned short>(m));
        f.month = m;
        for (int d = 1; d <= len; ++d, ++dn) {
          f.day = d;
          ++f.day_of_year;
          f.weekday = ((dn % 7) + 7 + 4) % 7;
          if (f.weekday == 0 || f.weekday == 6 || rule_name(f) != nullptr) continue;
          const auto i = static_cast<std::uint32_t>(dn - first_day);
          bits[i >> 6] |= std::uint64_t{1} << (i & 63u);
        }
      }
    }
    for (const auto& e : extra) clear_day(e.first);
    rebuild_rank();
  }
};

namespace detail {

int easter_day_of_year(int year) noexcept {
  // Anonymous Gregorian algorithm (Meeus, Astronomical Algorithms, ch. 8; Butcher 1876).
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return 31 + (leap ? 29 : 28) + (month == 4 ? 31 : 0) + day;
}

day_facts facts_of(date d) {
  day_facts f;
  const auto ymd = d.year_month_day();
  f.year = ymd.year;
  f.month = ymd.month;
  f.day = ymd.day;
  f.weekday = d.day_of_week().as_number();
  f.day_of_year = d.day_of_year();
  f.easter = easter_day_of_year(f.year);
  return f;
}

calendar calendar_access::from_rules(std::string name, std::vector<holiday_rule> rules) {
  auto p = std::make_shared<calendar::data>();
  p->name = std::move(name);
  p->rules = std::move(rules);
  p->build_bits();
  return calendar(std::move(p));
}

}  // namespace detail

namespace {
std::shared_ptr<const calendar::data> weekends_data() {
  static const std::shared_ptr<const calendar::data> p = [] {
    auto q = std::make_shared<calendar::data>();
    q->name = "weekends";
    q->build_bits();
    return q;
  }();
  return p;
}
}  // namespace

calendar::calendar() : calendar(weekends_data()) {}

calendar::calendar(std::shared_ptr<const data> p) noexcept : data_(std::move(p)), bits_(data_->bits.data()) {}

calendar calendar::from_holidays(std::string name, std::vector<date> holidays) {
  std::vector<std::pair<date, std::string>> named;
  named.reserve(holidays.size());
  for (const date d : holidays) named.emplace_back(d, "holiday");
  return from_holidays(std::move(name), std::move(named));
}

calendar calendar::from_holidays(std::string name, std::vector<std::pair<date, std::string>> holidays) {
  auto p = std::make_shared<data>(*weekends_data());
  p->name = std::move(name);
  for (auto& [d, n] : holidays) {
    require_real(d, "calendar::from_holidays");
    p->add_extra(day_number(d), std::move(n));
  }
  p->rebuild_rank();
  return calendar(std::move(p));
}

const std::string& calendar::name() const noexcept { return data_->name; }

bool calendar::is_weekend(date d) noexcept { return !d.is_special() && weekend_number(day_number(d)); }

bool calendar::slow_is_business_day(date d) const noexcept {
  if (d.is_special()) return false;
  const std::int32_t dn = day_number(d);
  // Boost computes day numbers beyond its years 1400..9999 (9999-12-31 + 1 day) but throws
  // bad_year when such a date is split into year, month and day: that must not escape this
  // noexcept function (it terminated the process). No day outside the years settles.
  if (dn < first_supported_day || dn > last_supported_day) return false;
  if (weekend_number(dn) || data_->extra_name(dn) != nullptr) return false;
  if (data_->rules.empty()) return true;
  return data_->rule_name(detail::facts_of(d)) == nullptr;
}

void calendar::is_business_day(std::span<const std::int32_t> day_numbers,
                               std::span<std::uint8_t> out) const {
  if (day_numbers.size() != out.size())
    throw error(errc::invalid_argument, "calendar::is_business_day: " +
                                            std::to_string(day_numbers.size()) + " day numbers but " +
                                            std::to_string(out.size()) + " outputs");
  for (std::size_t k = 0; k < day_numbers.size(); ++k) {
    const auto i = static_cast<std::uint32_t>(day_numbers[k] - first_day);
    out[k] = static_cast<std::uint8_t>(i < static_cast<std::uint32_t>(n_days)
                                           ? (bits_[i >> 6] >> (i & 63u)) & 1u
                                           : (slow_is_business_day(from_day_number(day_numbers[k])) ? 1u : 0u));
  }
}

bool calendar::is_holiday(date d) const noexcept { return !is_weekend(d) && !d.is_special() && !is_business_day(d); }

std::optional<std::string> calendar::holiday_name(date d) const {
  if (d.is_special()) return std::nullopt;
  if (!data_->rules.empty())
    if (const char* n = data_->rule_name(detail::facts_of(d))) return std::string(n);
  if (const std::string* n = data_->extra_name(day_number(d))) return *n;
  return std::nullopt;
}

std::vector<std::pair<date, std::string>> calendar::holidays(date from, date to) const {
  require_real(from, "calendar::holidays");
  require_real(to, "calendar::holidays");
  std::vector<std::pair<date, std::string>> out;
  for (date d = from; d <= to; d += days(1)) {
    if (!is_holiday(d)) continue;
    out.emplace_back(d, holiday_name(d).value_or("holiday"));
  }
  return out;
}

date calendar::adjust(date d, business_day_convention c) const {
  require_real(d, "calendar::adjust");
  using enum business_day_convention;
  // nullopt: the search ran off the end of Boost's years 1400..9999.
  const auto forward = [&](date x) -> std::optional<date> {
    while (!is_business_day(x)) {
      if (day_number(x) >= last_supported_day) return std::nullopt;
      x += days(1);
    }
    return x;
  };
  const auto backward = [&](date x) -> std::optional<date> {
    while (!is_business_day(x)) {
      if (day_number(x) <= first_supported_day) return std::nullopt;
      x -= days(1);
    }
    return x;
  };
  const auto found = [&](std::optional<date> x) {
    if (!x)
      throw error(errc::out_of_range, "calendar::adjust: " + to_string(d) + " has no business day of " +
                                          name() + " in that direction within the years 1400..9999");
    return *x;
  };
  switch (c) {
    case unadjusted: return d;
    case following: return found(forward(d));
    case preceding: return found(backward(d));
    case modified_following: {
      const auto f = forward(d);
      return f && f->month() == d.month() ? *f : found(backward(d));
    }
    case modified_preceding: {
      const auto p = backward(d);
      return p && p->month() == d.month() ? *p : found(forward(d));
    }
  }
  throw error(errc::invalid_argument, "calendar::adjust: unknown business_day_convention " +
                                          std::to_string(static_cast<int>(c)));
}

date calendar::advance(date d, int n) const {
  require_real(d, "calendar::advance");
  if (n == 0) return adjust(d, business_day_convention::following);
  const auto i = static_cast<std::int64_t>(day_number(d)) - first_day;
  if (n > 0 && i >= 0 && i + 1 < n_days) {
    // Walk the set bits upwards from day i + 1: one ctz per business day.
    auto j = static_cast<std::uint32_t>(i + 1);
    std::size_t w = j >> 6;
    std::uint64_t word = bits_[w] & (~std::uint64_t{0} << (j & 63u));
    for (int left = n;;) {
      while (word == 0) {
        if (++w == n_words) goto slow;  // runs off the table's end
        word = bits_[w];
      }
      if (--left == 0)  // date + days is an integer add; from_day_number would go via y-m-d
        return d + days(static_cast<std::int64_t>(w * 64) + std::countr_zero(word) - i);
      word &= word - 1;
    }
  }
  if (n < 0 && i >= 1 && i < n_days) {
    // Walk the set bits downwards from day i - 1: one clz per business day.
    auto j = static_cast<std::uint32_t>(i - 1);
    std::size_t w = j >> 6;
    std::uint64_t word = bits_[w] & mask_through(j & 63u);
    for (std::int64_t left = -static_cast<std::int64_t>(n);;) {  // n may be INT_MIN
      while (word == 0) {
        if (w-- == 0) goto slow;  // runs off the table's start
        word = bits_[w];
      }
      const int top = 63 - std::countl_zero(word);
      if (--left == 0) return d + days(static_cast<std::int64_t>(w * 64) + top - i);
      word &= ~(std::uint64_t{1} << top);
    }
  }
slow:
  // Outside the table: step day by day, evaluating the rules, within Boost's 1400..9999.
  const int step = n > 0 ? 1 : -1;
  const date limit = n > 0 ? date(9999, 12, 31) : date(1400, 1, 1);
  for (std::int64_t left = n > 0 ? n : -static_cast<std::int64_t>(n); left > 0;) {
    if (d == limit)
      throw error(errc::out_of_range, "calendar::advance: " + std::to_string(n) +
                                          " business days leave the years 1400..9999");
    d += days(step);
    if (is_business_day(d)) --left;
  }
  return d;
}

int calendar::business_days_between(date from, date to) const {
  require_real(from, "calendar::business_days_between");
  require_real(to, "calendar::business_days_between");
  const auto rank = [this](std::int32_t dn) {  // business days in [table start, dn]
    const auto i = static_cast<std::uint32_t>(dn - first_day);
    return data_->rank[i >> 6] + std::popcount(bits_[i >> 6] & mask_through(i & 63u));
  };
  const std::int32_t a = day_number(from), b = day_number(to);
  const auto inside = [](std::int32_t dn) {
    return static_cast<std::uint32_t>(dn - first_day) < static_cast<std::uint32_t>(n_days);
  };
  if (inside(a) && inside(b)) return rank(b) - rank(a);
  // Outside the table: count day by day.
  const date lo = std::min(from, to), hi = std::max(from, to);
  int count = 0;
  for (date d = lo + days(1); d <= hi; d += days(1)) count += is_business_day(d) ? 1 : 0;
  return from <= to ? count : -count;
}

calendar calendar::with_holiday(date d, std::string holiday) const {
  require_real(d, "calendar::with_holiday");
  auto p = std::make_shared<data>(*data_);
  p->add_extra(day_number(d), std::move(holiday));
  p->rebuild_rank();
  return calendar(std::move(p));
}

bool operator==(const calendar& a, const calendar& b) noexcept {
  return a.data_ == b.data_ || (a.data_->rules == b.data_->rules && a.data_->extra == b.data_->extra);
}

calendar join(const calendar& a, const calendar& b) {
  auto p = std::make_shared<calendar::data>();
  p->name = a.name() + "+" + b.name();
  p->rules = a.data_->rules;
  for (const auto rule : b.data_->rules)
    if (std::find(p->rules.begin(), p->rules.end(), rule) == p->rules.end()) p->rules.push_back(rule);
  p->bits.resize(n_words);
  for (std::size_t w = 0; w < n_words; ++w) p->bits[w] = a.data_->bits[w] & b.data_->bits[w];
  p->extra = a.data_->extra;
  for (const auto& [dn, n] : b.data_->extra) p->add_extra(dn, n);  // bits already cleared
  p->rebuild_rank();
  return calendar(std::move(p));
}

KREDITOR_NAMESPACE_END
