#include "kreditor/exposure/aging.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "exposure/kernel.hpp"

namespace kreditor::exposure_kernel {

bucket_plan make_plan(const aging_buckets& b) {
  auto checked = make_aging_buckets(b.upper_bounds, b.basis);
  if (!checked) throw kreditor::error(checked.error().code, checked.error().message);
  bucket_plan plan;
  plan.count = static_cast<std::uint32_t>(b.upper_bounds.size());
  for (std::size_t k = 0; k < b.upper_bounds.size(); ++k) plan.bounds[k] = b.upper_bounds[k];
  return plan;
}

std::int64_t narrow(int128 v, const char* who) {
  if (v > INT64_MAX || v < INT64_MIN)
    throw kreditor::error(errc::overflow, std::string(who) + ": a sum does not fit 64 bits");
  return static_cast<std::int64_t>(v);
}

void check_columns(const receivable_columns& c, std::span<const std::int32_t> day,
                   const char* who) {
  const std::size_t n = c.open_minor.size();
  if (day.size() != n)
    throw kreditor::error(errc::invalid_argument,
                          std::string(who) + ": the day column has " + std::to_string(day.size()) +
                              " entries, open_minor has " + std::to_string(n));
  if (!c.group.empty() && c.group.size() != n)
    throw kreditor::error(errc::invalid_argument,
                          std::string(who) + ": the group column has " +
                              std::to_string(c.group.size()) + " entries, open_minor has " +
                              std::to_string(n));
}

}  // namespace kreditor::exposure_kernel

KREDITOR_NAMESPACE_BEGIN

namespace ek = exposure_kernel;

std::string_view to_string(aging_basis b) noexcept {
  return b == aging_basis::due_date ? "due" : "invoice";
}

std::vector<std::string> aging_buckets::labels() const {
  // Built with append: GCC 12 at -O3 warns falsely (-Wrestrict) on "literal" + std::string.
  const auto range = [](std::int32_t lower, std::int32_t upper) {
    std::string label = std::to_string(lower);
    label.append("-").append(std::to_string(upper));
    return label;
  };
  std::vector<std::string> out;
  out.reserve(bucket_count());
  for (std::size_t i = 0; i < upper_bounds.size(); ++i) {
    const std::int32_t upper = upper_bounds[i];
    if (i == 0)
      out.push_back(upper == 0 ? std::string("current") : range(0, upper));
    else
      out.push_back(range(upper_bounds[i - 1] + 1, upper));
  }
  if (upper_bounds.empty()) {
    out.emplace_back("all");
  } else {
    std::string last(">");
    out.push_back(last.append(std::to_string(upper_bounds.back())));
  }
  return out;
}

std::size_t aging_buckets::bucket_of(std::int32_t age_days) const noexcept {
  std::size_t b = 0;
  for (const std::int32_t bound : upper_bounds) b += age_days > bound ? 1U : 0U;
  return b;
}

result<aging_buckets> make_aging_buckets(std::vector<std::int32_t> upper_bounds,
                                         aging_basis basis) {
  if (upper_bounds.size() > aging_buckets::max_bounds)
    return failure{errc::invalid_argument, "aging buckets: " + std::to_string(upper_bounds.size()) +
                                               " bounds given, at most 15 allowed"};
  for (std::size_t k = 0; k < upper_bounds.size(); ++k) {
    if (upper_bounds[k] < 0)
      return failure{errc::invalid_argument,
                     "aging buckets: bound '" + std::to_string(upper_bounds[k]) + "' is negative"};
    if (k > 0 && upper_bounds[k] <= upper_bounds[k - 1])
      return failure{errc::invalid_argument,
                     "aging buckets: bound '" + std::to_string(upper_bounds[k]) +
                         "' is not above the one before it (" +
                         std::to_string(upper_bounds[k - 1]) + ")"};
  }
  return aging_buckets{.upper_bounds = std::move(upper_bounds), .basis = basis};
}

std::vector<money> age(std::span<const receivable_item> items, const aging_buckets& buckets,
                       date as_of, currency ccy) {
  const ek::bucket_plan plan = ek::make_plan(buckets);
  for (const receivable_item& it : items)
    if (it.open_amount.currency() != ccy)
      throw error(errc::currency_mismatch, "age: an item in " +
                                               std::string(it.open_amount.currency().code()) +
                                               " in an aging in " + std::string(ccy.code()));
  std::vector<int128> acc(plan.bucket_count(), 0);
  const ek::item_source src{items.data(), buckets.basis == aging_basis::invoice_date};
  ek::range_status st;
  ek::age_range(src, 0, items.size(), day_number(as_of), plan, 1, acc.data(), st);
  std::vector<money> out;
  out.reserve(acc.size());
  for (const int128 v : acc) out.emplace_back(ek::narrow(v, "age"), ccy);
  return out;
}

void age_batch(const receivable_columns& items, const aging_buckets& buckets, date as_of,
               std::size_t group_count, std::span<std::int64_t> out, unsigned threads) {
  const ek::bucket_plan plan = ek::make_plan(buckets);
  const bool by_invoice = buckets.basis == aging_basis::invoice_date;
  const auto day = by_invoice ? items.issue_day : items.due_day;
  ek::check_columns(items, day, "age_batch");
  const std::size_t width = plan.bucket_count();
  if (out.size() != group_count * width)
    throw error(errc::invalid_argument, "age_batch: out has " + std::to_string(out.size()) +
                                            " entries, groups x buckets is " +
                                            std::to_string(group_count * width));
  const std::size_t n = items.open_minor.size();
  const ek::column_source src{day.data(), items.open_minor.data(),
                              items.group.empty() ? nullptr : items.group.data()};
  const std::int32_t as_of_day = day_number(as_of);
  // Sum in 64 bits; only if that overflows somewhere, redo it exactly in 128 bits.
  const auto run = [&]<class Acc>(Acc) {
    ek::range_status st;
    auto tables = ek::accumulate<Acc>(
        n, threads, out.size(),
        [&](std::size_t b, std::size_t e, Acc* acc, ek::range_status& s) {
          ek::age_range(src, b, e, as_of_day, plan, group_count, acc, s);
        },
        st);
    if (st.bad_group)
      throw error(errc::invalid_argument, "age_batch: a group index is not below group_count " +
                                              std::to_string(group_count));
    if (st.overflow) return false;
    for (std::size_t k = 0; k < out.size(); ++k) {
      int128 sum = 0;
      for (const auto& t : *tables) sum += t[k];
      out[k] = ek::narrow(sum, "age_batch");
    }
    return true;
  };
  if (!run(std::int64_t{})) (void)run(int128{});
}

aging_row make_aging_row(std::span<const std::int64_t> bucket_minor, currency ccy) {
  aging_row row{.ccy = ccy, .buckets = {}, .total = money::zero(ccy)};
  row.buckets.reserve(bucket_minor.size());
  for (const std::int64_t v : bucket_minor) {
    row.buckets.emplace_back(v, ccy);
    row.total += money(v, ccy);
  }
  return row;
}

std::vector<aging_row> portfolio_aging(std::span<const std::int64_t> per_group,
                                       std::span<const currency> group_currency,
                                       std::size_t bucket_count) {
  if (bucket_count == 0 || per_group.size() != group_currency.size() * bucket_count)
    throw error(errc::invalid_argument,
                "portfolio_aging: " + std::to_string(per_group.size()) + " sums for " +
                    std::to_string(group_currency.size()) + " groups of " +
                    std::to_string(bucket_count) + " buckets");
  std::map<std::string_view, std::pair<currency, std::vector<int128>>> by_code;
  for (std::size_t g = 0; g < group_currency.size(); ++g) {
    auto& [ccy, sums] = by_code[group_currency[g].code()];
    ccy = group_currency[g];
    sums.resize(bucket_count, 0);
    for (std::size_t b = 0; b < bucket_count; ++b) sums[b] += per_group[g * bucket_count + b];
  }
  std::vector<aging_row> rows;
  rows.reserve(by_code.size());
  for (const auto& [code, entry] : by_code) {
    std::vector<std::int64_t> narrowed;
    narrowed.reserve(bucket_count);
    for (const int128 v : entry.second) narrowed.push_back(ek::narrow(v, "portfolio_aging"));
    rows.push_back(make_aging_row(narrowed, entry.first));
  }
  return rows;
}

KREDITOR_NAMESPACE_END
