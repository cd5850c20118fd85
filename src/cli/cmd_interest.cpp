// `kreditor interest`: statutory (or fixed-rate) late interest for one invoice.
//
//   kreditor interest --amount 10000.00 --currency NOK --from 2024-12-20 --to 2025-01-10
//                     --jurisdiction NO [--rate 12.5%] [--segment b2b|b2c] [--json]
//
// --from is the due date, --to the payment date; interest accrues for each day from the day
// after the due date through the payment date (--first-day due_date counts the due date too).
// --rate replaces the statutory table by a fixed annual rate (never negative); --to may not
// precede --from. Output: a table for people, or with --json one JSON object with `interest`,
// `days` and `periods`; money and rates as decimal strings.
#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <string>

#include "cli/cli.hpp"
#include "cli/sample.hpp"
#include "kreditor/charges/interest.hpp"
#include "kreditor/core/currency.hpp"
#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/jurisdiction/rate_table.hpp"

namespace kreditor::cli {
namespace {

template <class T>
T need(result<T> r, const std::string& option) {
  if (!r) throw usage_error{"--" + option + ": " + r.error().message};
  return std::move(r).value();
}

rate parse_cli_rate(const std::string& text) {
  // A bare number is ambiguous (12.5 = 12.5 % or 1250 %?): require the unit.
  if (text.find('%') == std::string::npos && text.find("bp") == std::string::npos)
    throw usage_error{"--rate: '" + text + "' needs a unit: write 12.5% or 1250bp"};
  const rate r = need(rate::parse(text), "rate");
  if (r.parts_per_billion() < 0)
    throw usage_error{"--rate: '" + text + "' is negative: late interest is never negative"};
  return r;
}

}  // namespace

int cmd_interest(context& ctx) {
  const args a(ctx.argv,
               {"amount", "currency", "from", "to", "jurisdiction", "rate", "segment", "day-count", "first-day",
                "rounding"},
               {"json", "decimal-comma"});
  if (!a.positionals().empty()) throw usage_error{"unexpected argument '" + a.positionals().front() + "'"};
  const currency cur = need(currency::parse(a.require("currency")), "currency");
  const money principal = need(money::parse(a.require("amount"), cur, std::nullopt, decimal_mark_from(a)), "amount");
  if (principal.is_negative()) throw usage_error{"--amount: '" + a.require("amount") + "' is negative"};
  const date due = need(parse_date(a.require("from")), "from");
  const date paid = need(parse_date(a.require("to")), "to");
  if (paid < due)
    throw usage_error{"--to " + to_string(paid) + " is before --from " + to_string(due) +
                      " (--from is the due date, --to the payment date)"};
  const jurisdiction j = need(parse_jurisdiction(a.require("jurisdiction")), "jurisdiction");
  const segment seg = a.get("segment") ? need(parse_segment(*a.get("segment")), "segment") : segment::b2b;

  // The statutory table gives the law's day count even when --rate replaces its rates.
  const result<rate_table> statutory = statutory_late_interest(j, seg);
  if (!statutory && !a.get("rate")) throw usage_error{"--jurisdiction: " + statutory.error().message};
  interest_convention conv = statutory ? convention_of(statutory.value()) : interest_convention{};
  const rate_table rates = a.get("rate") ? rate_table::constant(parse_cli_rate(*a.get("rate")), "--rate")
                                         : statutory.value();
  if (auto dc = a.get("day-count")) {
    conv.basis = need(parse_day_count(*dc), "day-count");
    conv.basis_uncertain = false;  // the caller's explicit choice
  }
  if (auto first = a.get("first-day")) {
    if (*first == "day_after_due") {
      conv.start = first_interest_day::day_after_due;
    } else if (*first == "due_date") {
      conv.start = first_interest_day::due_date;
    } else {
      throw usage_error{"--first-day: '" + *first + "' is neither day_after_due nor due_date"};
    }
  }
  if (auto mode = a.get("rounding")) {
    const auto m = parse_rounding(*mode);
    if (!m) throw usage_error{"--rounding: '" + *mode + "' is not a rounding mode (half_up, half_even, ...)"};
    conv.mode = *m;
  }

  const interest_result r = late_interest(principal, rates, due, paid, conv);

  nlohmann::ordered_json out;
  out["interest"] = to_string(r.interest);
  out["currency"] = std::string(cur.code());
  out["days"] = r.days;
  out["principal"] = to_string(principal);
  out["from"] = to_string(due);
  out["to"] = to_string(paid);
  out["jurisdiction"] = std::string(to_string(j));
  out["segment"] = std::string(to_string(seg));
  out["rate_source"] = a.get("rate") ? "fixed rate (--rate)" : rates.info().id + ": " + rates.info().name;
  out["day_count"] = std::string(to_string(conv.basis));
  out["first_interest_day"] = conv.start == first_interest_day::due_date ? "due_date" : "day_after_due";
  out["rounding"] = std::string(to_string(conv.mode));
  out["uncertain"] = r.uncertain;
  out["day_count_uncertain"] = r.day_count_uncertain;
  out["periods"] = nlohmann::ordered_json::array();
  for (const auto& p : r.periods) {
    nlohmann::ordered_json row;
    row["from"] = to_string(p.from);
    row["to"] = to_string(p.to);
    row["days"] = p.days;
    row["balance"] = to_string(p.balance);
    row["rate"] = p.annual.percent_string();
    row["year_fraction"] = std::to_string(p.fraction.numerator) + "/" + std::to_string(p.fraction.denominator);
    row["interest"] = to_string(p.interest);
    row["uncertain"] = p.uncertain;
    row["source"] = p.source;
    out["periods"].push_back(std::move(row));
  }
  out["note"] = "period interest is rounded per period for display; 'interest' is the exact sum rounded once";
  if (a.flag("json")) {
    ctx.out << out.dump() << "\n";
    return exit_ok;
  }
  // For people: the same facts as a table.
  std::ostringstream t;
  t << "late interest on " << to_string(principal) << ' ' << cur.code() << " due " << to_string(due)
    << ", paid " << to_string(paid) << " (" << to_string(j) << ' ' << to_string(seg) << ")\n"
    << "rates: " << out["rate_source"].get<std::string>() << "; " << to_string(conv.basis) << ", first day "
    << out["first_interest_day"].get<std::string>() << ", rounding " << to_string(conv.mode) << "\n\n";
  t << std::left << std::setw(12) << "from" << std::setw(12) << "to" << std::right << std::setw(6) << "days"
    << std::setw(16) << "balance" << std::setw(10) << "rate %" << std::setw(14) << "interest" << "\n";
  for (const auto& p : r.periods)
    t << std::left << std::setw(12) << to_string(p.from) << std::setw(12) << to_string(p.to) << std::right
      << std::setw(6) << p.days << std::setw(16) << to_string(p.balance) << std::setw(10)
      << p.annual.percent_string() << std::setw(14) << to_string(p.interest) << (p.uncertain ? "  uncertain" : "")
      << "\n";
  t << "\ninterest " << to_string(r.interest) << ' ' << cur.code() << " for " << r.days << " days"
    << (r.uncertain ? " (a rate in the period is marked uncertain in the table)" : "") << "\n"
    << "(period interest is rounded per period for display; the total is the exact sum rounded once)\n";
  ctx.out << t.str();
  return exit_ok;
}

}  // namespace kreditor::cli
