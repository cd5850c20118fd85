// A deterministic synthetic portfolio of open invoices as columns, shared by the aging and
// exposure benchmarks and the batch == scalar tests (STYLE B9: no randomness without a seed).
#ifndef KREDITOR_BENCHMARKS_SYNTHETIC_PORTFOLIO_HPP
#define KREDITOR_BENCHMARKS_SYNTHETIC_PORTFOLIO_HPP

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "kreditor/exposure/receivable.hpp"

namespace kreditor::synthetic {

struct portfolio {
  std::vector<std::int32_t> issue_day;
  std::vector<std::int32_t> due_day;
  std::vector<std::int64_t> open_minor;
  std::vector<std::uint32_t> group;
  std::size_t group_count = 0;

  [[nodiscard]] receivable_columns columns() const {
    return {.issue_day = issue_day, .due_day = due_day, .open_minor = open_minor, .group = group};
  }
};

/// `n` invoices over `customers` customers, issued in the 400 days before `as_of_day`, on
/// terms of 10 to 60 days; about 1 in 20 open amounts is a negative unapplied credit.
inline portfolio make_portfolio(std::size_t n, std::size_t customers, std::int32_t as_of_day,
                                std::uint64_t seed = 20240131) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::int32_t> age(0, 400);
  std::uniform_int_distribution<int> term_pick(0, 4);
  std::uniform_int_distribution<std::int64_t> amount(1, 5'000'000);  // 0.01 .. 50 000.00
  std::uniform_int_distribution<std::uint32_t> customer(0, static_cast<std::uint32_t>(customers - 1));
  std::uniform_int_distribution<int> credit(0, 19);
  constexpr std::int32_t terms[] = {10, 14, 30, 45, 60};
  portfolio p;
  p.group_count = customers;
  p.issue_day.reserve(n);
  p.due_day.reserve(n);
  p.open_minor.reserve(n);
  p.group.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t issued = as_of_day - age(rng);
    p.issue_day.push_back(issued);
    p.due_day.push_back(issued + terms[term_pick(rng)]);
    const std::int64_t a = amount(rng);
    p.open_minor.push_back(credit(rng) == 0 ? -a : a);
    p.group.push_back(customer(rng));
  }
  return p;
}

}  // namespace kreditor::synthetic

#endif  // KREDITOR_BENCHMARKS_SYNTHETIC_PORTFOLIO_HPP
