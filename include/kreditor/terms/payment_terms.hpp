// -----------------------------------------------------------------------------
// File: kreditor/terms/payment_terms.hpp
// -----------------------------------------------------------------------------
//
// Payment terms as printed on an invoice, as one value: net N days, early-payment
// discount tiers ("2/10, 1/20, net 45"), end-of-month and proximo forms ("net 30 EOM",
// "løbende måned + 30", "net 10 prox"), N months after the invoice, instalments
// ("50% net 30, 50% net 60"), and cash terms (COD, CIA, due on receipt). An aggregate:
//
//   using namespace kreditor::literals;
//   payment_terms net30{.net = 30};
//   payment_terms two_ten{.net = 30, .discounts = {{.discount = 2_pct, .within_days = 10}}};
//   payment_terms lm30{.net = 30, .anchor = term_anchor::end_of_month};
//   payment_terms split{.kind = term_kind::installments,
//                       .installments = {{.share = 50_pct, .net = 30}, {.share = 50_pct, .net = 60}}};
//
// Text forms live in terms/notation.hpp, dates and amounts in terms/due_dates.hpp.
#ifndef KREDITOR_TERMS_PAYMENT_TERMS_HPP
#define KREDITOR_TERMS_PAYMENT_TERMS_HPP

#include <cstdint>
#include <optional>
#include <string_view>

#include "kreditor/core/decimal.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/terms/inline_list.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// What kind of promise the terms make.
enum class term_kind : std::uint8_t {
  net,               ///< credit: the whole amount falls due `net` units after the anchor ("net 30")
  installments,      ///< credit in parts: each instalment has its own share and period
  due_on_receipt,    ///< payable when the invoice is received: due on the invoice date
  cash_on_delivery,  ///< COD: due on the delivery date (the invoice date when none is known)
  cash_in_advance,   ///< CIA / prepayment: due on the invoice date, before delivery
};

/// Where the counting of days starts.
enum class term_anchor : std::uint8_t {
  invoice_date,  ///< the invoice (or delivery) date itself: "net 30"
  end_of_month,  ///< the last day of that date's month: "net 30 EOM", "løbende måned + 30"
  proximo,       ///< the following month: `net` is a DAY OF that month: "net 10 prox" = the 10th
  /// The end of the month in which the date + `net` days falls (the common ERP meaning of
  /// "30 days end of month"): "net 30 then EOM".
  end_of_month_after,
  /// `net` days, then day `day_of_month` of the following month (Odoo's
  /// "days_end_of_month_on_the": the end of the month of date + `net`, plus that many days):
  /// "net 30 then day 10".
  day_of_month_after,
};

/// The unit of a credit period.
enum class term_unit : std::uint8_t {
  day,     ///< calendar days
  month,   ///< calendar months, with payment_terms::month_end_rule for month ends
};

/// "2/10": `discount` off if paid within `within_days` (counted like the net period; under
/// `proximo` the day of the following month).
struct discount_tier {
  kreditor::rate discount{};  ///< a fraction of the amount: 2_pct
  std::int32_t within_days = 0;  ///< the discount period, counted like the net period

  /// Memberwise equality.
  friend bool operator==(const discount_tier&, const discount_tier&) = default;
};

/// How an instalment's share of the invoice is given.
enum class share_kind : std::uint8_t {
  percent,  ///< `share` of the invoice amount: "50% net 30"
  amount,   ///< a fixed `amount` in the invoice currency: "1000.00 net 30"
  balance,  ///< whatever the other instalments leave: "balance net 60"
};

/// One part of an instalment plan: its share and when it falls due.
struct installment {
  share_kind kind = share_kind::percent;  ///< how the share is given
  kreditor::rate share{};    ///< for share_kind::percent: 50_pct
  decimal amount{};          ///< for share_kind::amount, in major units of the invoice currency
  std::int32_t net = 30;     ///< period, in the terms' unit and anchor
  term_unit unit = term_unit::day;  ///< the unit of `net`
  /// This instalment's own anchor, for a schedule mixing plain and end-of-month lines ("50% net
  /// 30, 50% net 30 end of month"): end_of_month_after (the end of the month in which the date +
  /// `net` days falls) while the terms' anchor is invoice_date; invoice_date: the terms' anchor.
  term_anchor anchor = term_anchor::invoice_date;

  /// Memberwise equality.
  friend bool operator==(const installment&, const installment&) = default;
};

/// Contract clauses attached to the terms that the charges and dunning rules look at.
struct term_clauses {
  /// A contractual late-payment interest rate per annum; nullopt: the statutory rate applies.
  std::optional<kreditor::rate> late_interest{};
  /// Whether a reminder fee was agreed in advance. In Sweden a reminder fee may be charged
  /// only if agreed when the debt arose (lag (1981:739) om ersättning för inkassokostnader 2 §).
  bool reminder_fee_agreed = false;

  /// Memberwise equality.
  friend bool operator==(const term_clauses&, const term_clauses&) = default;
};

/// Payment terms. Every member has a default so designated initialisers read like the
/// invoice; the default value is "net 30". Members that a kind does not use keep their
/// defaults (invalid_reason() says so otherwise), which keeps operator== meaningful.
struct payment_terms {
  /// discount tiers at most (fixed capacity: no allocation)
  static constexpr std::size_t max_discounts = 4;
  static constexpr std::size_t max_installments = 12;  ///< instalments at most (fixed capacity)

  term_kind kind = term_kind::net;  ///< net, cash in advance, cash on delivery, ...
  /// The credit period for term_kind::net: days or months after the anchor, or the day of
  /// the following month under term_anchor::proximo.
  std::int32_t net = 30;
  term_unit unit = term_unit::day;  ///< the unit of `net`
  /// Month-end rule for month periods (term_unit::month); clamp otherwise.
  month_end month_end_rule = month_end::clamp;
  term_anchor anchor = term_anchor::invoice_date;  ///< what the credit period counts from
  /// For end_of_month / proximo: invoices dated AFTER this day of the month count from the
  /// next month (a cut-off of 25 makes an invoice of 26 March count as April's). 0: none.
  std::uint8_t cutoff_day = 0;
  /// For term_anchor::day_of_month_after: the day of the following month, 1..31; 0 otherwise.
  std::uint8_t day_of_month = 0;
  /// Early-payment discounts, days strictly increasing and discounts strictly decreasing.
  inline_list<discount_tier, max_discounts> discounts{};
  /// For term_kind::installments: two or more parts, periods strictly increasing.
  inline_list<installment, max_installments> installments{};
  term_clauses clauses{};  ///< interest and fee clauses of the contract

  /// Memberwise equality.
  friend bool operator==(const payment_terms&, const payment_terms&) = default;
};

/// Why `t` is not a well-formed set of terms, or an empty view when it is. The reasons are
/// fixed texts (no allocation), e.g. "discount tiers must have strictly increasing days".
/// The parser returns only terms for which this is empty; format() and the due-date
/// functions require it (they throw error(invalid_argument) with this text otherwise).
[[nodiscard]] std::string_view invalid_reason(const payment_terms& t) noexcept;

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_TERMS_PAYMENT_TERMS_HPP
