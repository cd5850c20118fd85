// -----------------------------------------------------------------------------
// File: kreditor/exposure/credit_account.hpp
// -----------------------------------------------------------------------------
//
// What a creditor knows about one customer's credit: the limit per currency (with
// an optional expiry, and an optional limit shared by a group of companies), the
// terms and segment, the security held (guarantees, pledges, credit insurance)
// with amounts and expiry, what we owe the customer (for set-off), and the flags
// that stop credit (on hold, cash only, in collection). A plain aggregate.
//
//   credit_account acct{.customer_id = "C-1001",
//                       .limits = {{.amount = money(50'000'00, iso4217::nok)}},
//                       .securities = {{.kind = security_kind::guarantee,
//                                       .amount = money(10'000'00, iso4217::nok),
//                                       .expires = make_date(2025, 12, 31)}}};
//   limit_status l = limit_for(acct, iso4217::nok, as_of);   // active, 50 000.00 NOK
//   money cover = security_available(acct, iso4217::nok, as_of);
#ifndef KREDITOR_EXPOSURE_CREDIT_ACCOUNT_HPP
#define KREDITOR_EXPOSURE_CREDIT_ACCOUNT_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/core/result.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// A credit limit in one currency (the currency of `amount`).
struct credit_limit_line {
  money amount{};                 ///< the most we extend on credit; zero means no credit
  std::optional<date> expires{};  ///< last day the limit is valid; absent: open-ended
  /// Memberwise equality.
  friend bool operator==(const credit_limit_line&, const credit_limit_line&) = default;
};

/// A limit shared by a group of companies (parent and subsidiaries): the sum of the
/// members' exposures may not exceed it, whatever each member's own limit says.
struct group_limit {
  std::string group_id;           ///< the parent or the group's name
  money amount{};                 ///< the most the group may owe together
  std::optional<date> expires{};  ///< last day the limit is valid; absent: open-ended
  /// Memberwise equality.
  friend bool operator==(const group_limit&, const group_limit&) = default;
};

/// The kinds of security a creditor holds against a customer's debt.
enum class security_kind : std::uint8_t {
  guarantee,         ///< a third party (parent, bank) answers for the debt up to the amount
  pledge,            ///< a pledged asset (deposit, receivables, goods) up to its agreed value
  credit_insurance,  ///< the insurer's cover for this buyer (the insured amount we can claim)
};

/// "guarantee", "pledge", "credit_insurance".
[[nodiscard]] std::string_view to_string(security_kind kind) noexcept;
/// The inverse of to_string; errc::invalid_argument "'TEXT' is not guarantee, pledge or
/// credit_insurance" otherwise.
[[nodiscard]] result<security_kind> parse_security_kind(std::string_view text);

/// One security held, in the currency of `amount`. It counts against exposure only up
/// to and including its expiry date.
struct security_item {
  security_kind kind = security_kind::guarantee;  ///< what kind of security
  money amount{};  ///< what it covers
  std::optional<date> expires{};  ///< absent: until released
  std::string reference{};        ///< guarantee or policy number, for people
  /// Memberwise equality.
  friend bool operator==(const security_item&, const security_item&) = default;
};

/// The flags that stop or restrict credit.
struct account_flags {
  bool on_hold = false;        ///< deliveries held: nothing ships until released
  bool cash_only = false;      ///< cash terms (prepayment only), e.g. after a broken promise to pay
  bool in_collection = false;  ///< debt handed over to collection: no new credit
  /// Memberwise equality.
  friend bool operator==(const account_flags&, const account_flags&) = default;
};

/// One customer's credit account.
struct credit_account {
  std::string customer_id{};  ///< the customer's id
  kreditor::segment segment = segment::b2b;  ///< business or consumer
  std::string terms{};                         ///< default payment terms as printed ("30 dager netto")
  std::vector<credit_limit_line> limits{};     ///< at most one per currency
  std::optional<group_limit> group{};          ///< the group's shared limit, if any
  std::vector<security_item> securities{};  ///< security held against the customer's debt
  std::vector<money> owed_to_customer{};       ///< what we owe the customer (credit balances,
                                               ///< their invoices to us): available for set-off
  account_flags flags{};  ///< what stops or restricts credit
  /// Memberwise equality.
  friend bool operator==(const credit_account&, const credit_account&) = default;
};

/// Whether a limit is in force on a date.
enum class limit_state : std::uint8_t {
  none,     ///< no limit in this currency (or a zero limit): no credit
  active,   ///< a positive limit, not expired
  expired,  ///< there was a limit, but its expiry date has passed: needs a credit review
};

/// "none", "active", "expired".
[[nodiscard]] std::string_view to_string(limit_state s) noexcept;

/// The limit in force in one currency on a date.
struct limit_status {
  limit_state state = limit_state::none;  ///< none, active or expired
  money amount{};  ///< the limit's amount (also when expired, for reports); zero for none
  std::optional<date> expires{};  ///< the limit's expiry date, if it has one
  /// Memberwise equality.
  friend bool operator==(const limit_status&, const limit_status&) = default;
};

/// The customer's limit in `ccy` as of `as_of` (valid through its expiry date).
/// \throws error(conflict) if the account has two limits in `ccy`, error(invalid_argument)
/// for a negative limit.
[[nodiscard]] limit_status limit_for(const credit_account& account, currency ccy, date as_of);

/// The group limit as of `as_of`; state none when the account belongs to no group.
[[nodiscard]] limit_status group_limit_for(const credit_account& account, currency ccy,
                                           date as_of);

/// The sum of the securities in `ccy` still valid on `as_of` (expiry date inclusive).
/// Securities in other currencies are not converted and do not count.
/// \throws error(invalid_argument) for a negative security amount.
[[nodiscard]] money security_available(const credit_account& account, currency ccy, date as_of);

/// The sum of what we owe the customer in `ccy` (for set-off).
/// \throws error(invalid_argument) for a negative amount.
[[nodiscard]] money set_off_available(const credit_account& account, currency ccy);

/// Securities in any currency valid on `as_of` whose expiry falls within `within_days`
/// days after it (as_of <= expires <= as_of + within_days): the ones to renew.
[[nodiscard]] std::vector<security_item> securities_expiring(const credit_account& account,
                                                             date as_of, std::int32_t within_days);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_EXPOSURE_CREDIT_ACCOUNT_HPP
