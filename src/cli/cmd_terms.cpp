// `kreditor terms`: what payment terms mean for one invoice.
//
//   kreditor terms "2/10 net 30" --invoice-date 2026-01-15 [--calendar CC [--convention C] |
//                  --jurisdiction CC] [--delivery-date D] [--amount X --currency C] [--json]
//
// Without --calendar/--jurisdiction no date is moved. --jurisdiction applies the statutory
// non-business-day rule (statutory_deadline_rule); --calendar a calendar ("NO", "SE", "DK", "FI",
// "weekends") with --convention (default following).
//
// JSON (--json): one object with
//   canonical                    the canonical notation
//   due_date                     YYYY-MM-DD; for instalment terms the last instalment's
//   discounts                    [{deadline, rate: FRACTION string "0.02", percent: "2"}]
//   installments                 [{due_date, share: FRACTION string or null, amount (with --amount)}];
//                                plain terms give one line with share "1". A fixed-amount share is
//                                amount/total rounded half-even to 9 decimals (null without --amount).
//   implied_annual_rate_simple   FRACTION string rounded half-even to 6 decimals ("0.372449"), for the
//   implied_annual_rate_compound first discount tier; null without a discount
//   implied_annual_rate_simple_percent / _compound_percent   PERCENT, 2 decimals ("37.24")
//   implied_annual_rate_compound_above_percent  only when the compound rate is too large to
//                                represent ("10/1 net 2"): the bound in PERCENT it exceeds; the
//                                compound fields are then null
//   with --amount: amount, currency, and per discount `amount_to_pay` (discount rounded half up).
// Bad terms exit 2 with the position and reason.
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "cli/cli.hpp"
#include "cli/sample.hpp"
#include "kreditor/core/currency.hpp"
#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/terms/due_dates.hpp"
#include "kreditor/terms/notation.hpp"
#include "kreditor/time/calendars.hpp"

namespace kreditor::cli {
namespace {

template <class T>
T need(result<T> r, const std::string& option) {
  if (!r) throw usage_error{"--" + option + ": " + r.error().message};
  return std::move(r).value();
}

std::string_view kind_name(term_kind k) {
  switch (k) {
    case term_kind::net: return "net";
    case term_kind::installments: return "installments";
    case term_kind::due_on_receipt: return "due_on_receipt";
    case term_kind::cash_on_delivery: return "cash_on_delivery";
    case term_kind::cash_in_advance: return "cash_in_advance";
  }
  return "net";
}

// A fraction as a percent with two fewer decimals, exactly (0.3724 -> 37.24).
std::string as_percent(decimal fraction) {
  return decimal(fraction.mantissa(), fraction.scale() - 2).to_string();
}

}  // namespace

int cmd_terms(context& ctx) {
  const args a(ctx.argv,
               {"invoice-date", "delivery-date", "calendar", "convention", "jurisdiction", "amount",
                "currency"},
               {"json", "decimal-comma"});
  if (a.positionals().size() != 1)
    throw usage_error{"expected exactly one TERMS argument, e.g. kreditor terms \"2/10 net 30\" --invoice-date 2026-01-15"};
  const std::string& text = a.positionals().front();
  const result<payment_terms> parsed = parse_terms(text);
  if (!parsed) throw usage_error{parsed.error().message};
  const payment_terms& t = parsed.value();

  invoice_dates dates{need(parse_date(a.require("invoice-date")), "invoice-date")};
  if (auto dd = a.get("delivery-date")) dates.delivered = need(parse_date(*dd), "delivery-date");
  // The ledger's rule (orders.csv): a delivery more than a year before its invoice is a typo.
  if (dates.delivered && *dates.delivered + days(366) < dates.issued)
    throw usage_error{"--delivery-date " + to_string(*dates.delivered) + " is more than a year before --invoice-date " +
                      to_string(dates.issued)};

  if (a.get("calendar") && a.get("jurisdiction"))
    throw usage_error{"give --calendar or --jurisdiction, not both"};
  if (a.get("convention") && !a.get("calendar")) throw usage_error{"--convention needs --calendar"};
  deadline_rule roll = no_adjustment();
  if (auto cc = a.get("calendar")) {
    roll.cal = need(calendar_for(*cc), "calendar");
    roll.convention = a.get("convention")
                          ? need(parse_business_day_convention(*a.get("convention")), "convention")
                          : business_day_convention::following;
  }
  if (auto j = a.get("jurisdiction")) roll = statutory_deadline_rule(need(parse_jurisdiction(*j), "jurisdiction"));

  std::optional<money> amount;
  if (a.get("amount") || a.get("currency")) {
    const currency cur = need(currency::parse(a.require("currency")), "currency");
    amount = need(money::parse(a.require("amount"), cur, std::nullopt, decimal_mark_from(a)), "amount");
    if (amount->is_negative()) throw usage_error{"--amount: '" + *a.get("amount") + "' is negative"};
  }

  nlohmann::json out;
  out["terms"] = text;
  out["canonical"] = format(t);
  out["kind"] = kind_name(t.kind);
  out["invoice_date"] = to_string(dates.issued);
  out["delivery_date"] = dates.delivered ? nlohmann::json(to_string(*dates.delivered)) : nlohmann::json();
  out["calendar"] = roll.convention == business_day_convention::unadjusted && !a.get("calendar")
                        ? nlohmann::json()
                        : nlohmann::json(roll.cal.name());
  out["convention"] = to_string(roll.convention);
  out["due_date"] = to_string(due_date(t, dates, roll));

  nlohmann::json discounts = nlohmann::json::array();
  for (const dated_discount& dd : discount_deadlines(t, dates, roll)) {
    nlohmann::json row{{"deadline", to_string(dd.deadline)},
                       {"rate", dd.discount.fraction_string()},
                       {"percent", dd.discount.percent_string()}};
    if (amount) row["amount_to_pay"] = to_string(amount_to_pay(t, *amount, dates, dd.deadline, rounding::half_up, roll));
    discounts.push_back(row);
  }
  out["discounts"] = discounts;

  nlohmann::json lines = nlohmann::json::array();
  const std::vector<scheduled_payment> schedule =
      amount ? payment_schedule(t, *amount, dates, roll) : std::vector<scheduled_payment>{};
  const std::size_t n = t.kind == term_kind::installments ? t.installments.size() : 1;
  std::int64_t percent_ppb = 0;
  bool has_amounts = false;
  for (const installment& p : t.installments) {
    if (p.kind == share_kind::percent) percent_ppb += p.share.parts_per_billion();
    if (p.kind == share_kind::amount) has_amounts = true;
  }
  for (std::size_t i = 0; i < n; ++i) {
    nlohmann::json row{{"due_date", to_string(installment_due_date(t, i, dates, roll))}};
    nlohmann::json share;  // null unless known
    if (t.kind != term_kind::installments) {
      share = "1";
    } else if (t.installments[i].kind == share_kind::percent) {
      share = t.installments[i].share.fraction_string();
    } else if (amount && !amount->is_zero()) {
      share = decimal(divide_rounded(int128(schedule[i].amount.minor_units()) * 1'000'000'000,
                                     amount->minor_units(), rounding::half_even),
                      9)
                  .normalized()
                  .to_string();
    } else if (t.installments[i].kind == share_kind::balance && !has_amounts) {
      share = rate::ppb(rate::one - percent_ppb).fraction_string();
    }
    row["share"] = share;
    if (amount) row["amount"] = to_string(schedule[i].amount);
    lines.push_back(row);
  }
  out["installments"] = lines;

  // The implied rate is informational: one too large to represent ("10/1 net 2") must not
  // cost the user the due date and discounts. It is then null, and *_above_percent gives the
  // bound it exceeds.
  bool compound_too_large = false;
  auto rate_or_null = [&](compounding how, int places) -> std::optional<decimal> {
    try {
      return implied_annual_rate(t, how, places);
    } catch (const error& e) {
      if (e.code() != errc::overflow) throw;
      compound_too_large = true;
      return std::nullopt;
    }
  };
  const auto simple = rate_or_null(compounding::simple, 6);
  const auto compound = rate_or_null(compounding::compound, 6);
  const auto simple4 = rate_or_null(compounding::simple, 4);
  const auto compound4 = rate_or_null(compounding::compound, 4);
  // implied_annual_rate holds a compound rate below 9e18 / 10^places as a fraction: with the
  // 4 places of the percent field, below 9e14, i.e. 9e16 %.
  const std::string compound_bound_percent = "90000000000000000";
  out["implied_annual_rate_simple"] = simple ? nlohmann::json(simple->to_string()) : nlohmann::json();
  out["implied_annual_rate_compound"] = compound ? nlohmann::json(compound->to_string()) : nlohmann::json();
  out["implied_annual_rate_simple_percent"] = simple4 ? nlohmann::json(as_percent(*simple4)) : nlohmann::json();
  out["implied_annual_rate_compound_percent"] =
      compound4 ? nlohmann::json(as_percent(*compound4)) : nlohmann::json();
  if (compound_too_large) out["implied_annual_rate_compound_above_percent"] = compound_bound_percent;
  out["late_interest"] = t.clauses.late_interest ? nlohmann::json(t.clauses.late_interest->fraction_string())
                                                 : nlohmann::json();
  out["reminder_fee_agreed"] = t.clauses.reminder_fee_agreed;
  if (amount) {
    out["amount"] = to_string(*amount);
    out["currency"] = std::string(amount->currency().code());
  }

  if (a.flag("json")) {
    ctx.out << out.dump(2) << "\n";
    return exit_ok;
  }
  ctx.out << "terms:      " << out["canonical"].get<std::string>() << "\n";
  if (amount) ctx.out << "amount:     " << to_string(*amount) << ' ' << amount->currency().code() << "\n";
  ctx.out << "due date:   " << out["due_date"].get<std::string>() << "\n";
  // With --amount each discount line says what to pay by its deadline (the JSON's amount_to_pay).
  for (const auto& dd : out["discounts"])
    ctx.out << "discount:   " << dd["percent"].get<std::string>() << " % until " << dd["deadline"].get<std::string>()
            << (dd.contains("amount_to_pay")
                    ? ": pay " + dd["amount_to_pay"].get<std::string>() + ' ' + std::string(amount->currency().code())
                    : std::string())
            << "\n";
  if (t.kind == term_kind::installments)
    for (const auto& line : out["installments"])
      ctx.out << "instalment: " << line["due_date"].get<std::string>()
              << (line.contains("amount") ? "  " + line["amount"].get<std::string>() : std::string()) << "\n";
  if (simple4)
    ctx.out << "cost of not taking the first discount: " << as_percent(*simple4) << " % simple, "
            << (compound4 ? as_percent(*compound4) : "above " + compound_bound_percent) << " % compound per year\n";
  return exit_ok;
}

}  // namespace kreditor::cli
