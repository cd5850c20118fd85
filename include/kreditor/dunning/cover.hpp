// -----------------------------------------------------------------------------
// File: kreditor/dunning/cover.hpp
// -----------------------------------------------------------------------------
//
// What a creditor can take an unpaid claim from besides the debtor's payment: security held
// (guarantees, pledges, credit insurance; the ledger's security.csv) and what the creditor owes
// the customer (set-off; the ledger's counterclaims.csv and the book's unapplied credit). A
// policy step with `propose_set_off` or `realise_security` (dunning/policy.hpp) asks the host to
// use it: the engine names the security or counterclaim and the amount, min(open claim, what is
// left of it), and never moves money itself.
//
// The law (set-off is not statutory in the Nordic countries; the rules are case law and
// doctrine, the same in NO, SE, DK and FI): the claim set off WITH (ours, the invoice) must be
// due, and the creditor must be entitled to pay the claim set off AGAINST (what we owe the
// customer: its "frigjøringstid" / "gäldbar" / "udfyldelig" / "maksettavissa", normally from the
// day it arose unless the terms say otherwise). NO: snl.no/motregning_-_jus ("Det kravet som
// inndrives gjennom motregningen (motkravet) må være forfalt"; "Man må ha rett til å innfri det
// krav som betales gjennom motregningen"); jusinfo.no/pengekravsrett/motregning/. So a
// counterclaim counts from `payable_from` (default: the day it arose), whether or not it is
// due, and a set-off step fires only after the invoice's due date (compile enforces it).
//
//   customer_cover c{.customer_id = "C1"};
//   c.securities.push_back({.security_id = "G-1", .amount = money(50'000'00, iso4217::nok),
//                           .expires = make_date(2026, 12, 31)});
//   c.counterclaims.push_back({.counterclaim_id = "CN-7", .amount = money(2'000'00, iso4217::nok),
//                              .arose = make_date(2026, 2, 1)});
//   evaluate(cp, views, as_of, {.cover = std::span(&c, 1)});
#ifndef KREDITOR_DUNNING_COVER_HPP
#define KREDITOR_DUNNING_COVER_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kreditor/core/money.hpp"
#include "kreditor/dunning/policy.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace dunning {

/// A security held against a customer's debt (io/ledger.hpp security_record), as the engine
/// sees it: realisable up to `amount` while unexpired.
struct security_cover {
  std::string security_id{};  ///< the ledger's id (its kind — guarantee, pledge, credit insurance — is the ledger's)
  money amount{};                 ///< what is left of it to realise (the host lowers it once realised)
  std::optional<date> expires{};  ///< the last day it may be realised; absent: until released
  /// Memberwise equality.
  friend bool operator==(const security_cover&, const security_cover&) = default;
};

/// Something we owe the customer (a credit note not paid out, a purchase from them, an
/// overpayment): a claim ours may be set off against.
struct counterclaim {
  std::string counterclaim_id{};  ///< the ledger's id: the command names it
  money amount{};                 ///< what is left of it (the host lowers it once set off)
  date arose{};                   ///< the day it arose: nothing to set off against before
  /// The first day we may pay it (its frigjøringstid); absent: the day it arose (a money debt
  /// may be paid before it is due unless the terms say otherwise).
  std::optional<date> payable_from{};
  /// Memberwise equality.
  friend bool operator==(const counterclaim&, const counterclaim&) = default;
};

/// One customer's cover.
struct customer_cover {
  std::string customer_id{};  ///< whose it is (invoice_view::customer_id)
  std::vector<security_cover> securities{};  ///< security held
  std::vector<counterclaim> counterclaims{};  ///< what we owe the customer
  /// Memberwise equality.
  friend bool operator==(const customer_cover&, const customer_cover&) = default;
};

/// A customer's cover during one run: what the run's earlier invoices already claimed of each
/// security and counterclaim (minor units, parallel to held's vectors), so that the commands
/// of a run never claim more of one than is left of it.
struct cover_ledger {
  const customer_cover* held = nullptr;  ///< the customer's cover (not owned)
  std::vector<std::int64_t> security_claimed{};  ///< parallel to held->securities
  std::vector<std::int64_t> counterclaim_claimed{};  ///< parallel to held->counterclaims

  /// A ledger with nothing claimed yet.
  [[nodiscard]] static cover_ledger of(const customer_cover& c) {
    return {&c, std::vector<std::int64_t>(c.securities.size(), 0),
            std::vector<std::int64_t>(c.counterclaims.size(), 0)};
  }
};

/// One use of cover a command asks for.
struct cover_use {
  std::size_t index = 0;  ///< into held->securities or held->counterclaims
  money amount{};         ///< what to take of it
};

/// The uses of cover of `kind` (propose_set_off or realise_security) that pay `claim` on `on`,
/// in the order they are taken: counterclaims payable by `on` (earliest payable first);
/// securities unexpired on `on` (earliest expiry first, open-ended last); only in the claim's
/// currency; each up to what is left of it. With `take`, marks the amounts claimed in `l`.
/// Empty when nothing is available (or `kind` is neither).
[[nodiscard]] std::vector<cover_use> cover_for(cover_ledger& l, command_kind kind, money claim, date on, bool take);

}  // namespace dunning

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DUNNING_COVER_HPP
