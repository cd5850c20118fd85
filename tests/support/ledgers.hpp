// Small ledgers for the CLI tests, written to a temporary directory: one copy of each, shared
// by the aging, exposure and run/exposure agreement tests.
#ifndef KREDITOR_TESTS_SUPPORT_LEDGERS_HPP
#define KREDITOR_TESTS_SUPPORT_LEDGERS_HPP

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace kreditor::test_support {

/// Writes `files` (name -> CSV text) into a fresh directory `dir` (removed first).
inline void write_ledger(const std::filesystem::path& dir, const std::map<std::string, std::string>& files) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const auto& [name, text] : files) std::ofstream(dir / name, std::ios::binary | std::ios::trunc) << text;
}

inline constexpr const char* customers_header =
    "customer_id,name,country,segment,currency,credit_limit,terms,org_number,email,account_manager,flags\n";
inline constexpr const char* invoices_header =
    "invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference,credit_of\n";
inline constexpr const char* payments_header = "payment_id,customer_id,date,currency,amount,reference,invoice_id\n";

/// The small ledger, aged by hand as of 2024-03-31 (a leap year):
///   C1 (NOK, limit 100 000.00)
///             I1 due 2024-03-31  1000.00  due today: current        (issued 30 days before)
///             I2 due 2024-03-01   400.00  30 days past due: 1-30     (issued 59 days before)
///             I3 due 2024-01-31   600.00  60 days: 31-60             (issued 90 days before)
///             I4 due 2023-12-31   800.00  91 days: >90               (issued 151 days before)
///             I5 paid in full by P1: not open
///             I8 issued 2024-04-05, after the date: not yet known
///   C2 (SEK, no limit, flagged cash_only)
///             I6 due 2024-03-16  2000.00 less P2 500.00 (2.63 of it late interest) = 1502.63, 15 days: 1-30
///   C3 (NOK, limit 50 000.00, flagged on_hold)
///             I7 due 2024-04-19  3000.00  not yet due: current
/// Portfolio NOK: current 4000.00, 1-30 400.00, 31-60 600.00, 61-90 0.00, >90 800.00 = 5800.00.
inline std::map<std::string, std::string> small_ledger() {
  return {{"customers.csv", std::string(customers_header) +
                                "C1,Acme AS,NO,b2b,NOK,100000.00,30 dager netto,,,,\n"
                                "C2,Beta AB,SE,b2b,SEK,0.00,30 dager netto,,,,cash_only\n"
                                "C3,Gamma AS,NO,b2b,NOK,50000.00,30 dager netto,,,,on_hold\n"},
          {"invoices.csv", std::string(invoices_header) +
                               "I1,C1,2024-03-01,2024-03-31,NOK,1000.00,,,\n"
                               "I2,C1,2024-02-01,2024-03-01,NOK,400.00,,,\n"
                               "I3,C1,2024-01-01,2024-01-31,NOK,600.00,,,\n"
                               "I4,C1,2023-11-01,2023-12-31,NOK,800.00,,,\n"
                               "I5,C1,2024-01-15,2024-02-14,NOK,500.00,,,\n"
                               "I6,C2,2024-02-15,2024-03-16,SEK,2000.00,,,\n"
                               "I7,C3,2024-03-20,2024-04-19,NOK,3000.00,,,\n"
                               "I8,C1,2024-04-05,2024-05-05,NOK,9999.00,,,\n"},
          {"payments.csv", std::string(payments_header) +
                               "P1,C1,2024-02-10,NOK,500.00,,I5\n"
                               "P2,C2,2024-03-20,SEK,500.00,,I6\n"}};
}

/// The credit ledger, as of 2024-03-31: one Norwegian customer (NOK) per way a credit flag or
/// exposure category arises.
///   A1 limit 10 000.00: invoice 6000.00 not due; orders: 3000.00 accepted (O1), 1500.00
///      delivered (O2), O3 billed by A1-1 (issued 03-10: the invoice carries it), O4 cancelled
///      03-28, O5 dated 04-02 (not yet known); security: guarantee 400.00 to 2024-12-31 (counts),
///      pledge 5000.00 expired 03-30 (does not). Exposure 6000 + 3000 + 1500 - 400 = 10 100.00:
///      over the limit by 100.00 because of the orders (the invoices alone are 6000.00).
///   A3 limit 5000.00: invoice 2000.00 overpaid by 500.00 (set-off); order 800.00 accepted:
///      800 - 500 = 300.00.
///   H1 a customer-level hold event (03-20, no end): on hold.
///   H2 held 03-01, released 03-10: not on hold.   H3 held 03-01 until 03-15: lapsed.
///   K1 flagged in_collection.
///   E1 invoice due 01-15, purring sent 02-01 (deadline 02-15): today the inkassovarsel.
///   E2 invoice due 2023-12-15, purring and inkassovarsel sent: today the inkasso (collection).
///   R1 invoice due 02-15, promised 03-01 to pay by 03-15, not paid: a broken promise.
/// Every invoice not due is issued in March with 30 days' terms.
inline std::map<std::string, std::string> credit_ledger() {
  return {{"customers.csv", std::string(customers_header) +
                                "A1,Ordre AS,NO,b2b,NOK,10000.00,30 dager netto,,,,\n"
                                "A3,Kreditt AS,NO,b2b,NOK,5000.00,30 dager netto,,,,\n"
                                "H1,Holdt AS,NO,b2b,NOK,20000.00,30 dager netto,,,,\n"
                                "H2,Frigitt AS,NO,b2b,NOK,20000.00,30 dager netto,,,,\n"
                                "H3,Utlopt AS,NO,b2b,NOK,20000.00,30 dager netto,,,,\n"
                                "K1,Inkasso AS,NO,b2b,NOK,20000.00,30 dager netto,,,,in_collection\n"
                                "E1,Purret AS,NO,b2b,NOK,20000.00,14 dager netto,,,,\n"
                                "E2,Varslet AS,NO,b2b,NOK,20000.00,14 dager netto,,,,\n"
                                "R1,Lovet AS,NO,b2b,NOK,20000.00,14 dager netto,,,,\n"},
          {"invoices.csv", std::string(invoices_header) +
                               "A1-1,A1,2024-03-10,2024-04-09,NOK,6000.00,,,\n"
                               "A3-1,A3,2024-03-01,2024-03-31,NOK,2000.00,,,\n"
                               "H1-1,H1,2024-03-10,2024-04-09,NOK,1000.00,,,\n"
                               "H2-1,H2,2024-03-10,2024-04-09,NOK,1000.00,,,\n"
                               "H3-1,H3,2024-03-10,2024-04-09,NOK,1000.00,,,\n"
                               "K1-1,K1,2024-03-10,2024-04-09,NOK,1000.00,,,\n"
                               "E1-1,E1,2024-01-01,2024-01-15,NOK,5000.00,,,\n"
                               "E2-1,E2,2023-12-01,2023-12-15,NOK,8000.00,,,\n"
                               "R1-1,R1,2024-02-01,2024-02-15,NOK,4000.00,,,\n"},
          {"payments.csv", std::string(payments_header) + "P1,A3,2024-03-05,NOK,2500.00,,\n"},
          {"events.csv",
           "date,customer_id,invoice_id,event,details\n"
           "2023-12-30,E2,E2-1,notice_sent,level=purring;deadline=2024-01-15;fee=35.00\n"
           "2024-01-17,E2,E2-1,notice_sent,level=inkassovarsel;deadline=2024-01-31\n"
           "2024-02-01,E1,E1-1,notice_sent,level=purring;deadline=2024-02-15;fee=35.00\n"
           "2024-03-01,H2,,hold,\n"
           "2024-03-01,H3,,hold,until=2024-03-15\n"
           "2024-03-01,R1,R1-1,promise_to_pay,until=2024-03-15\n"
           "2024-03-10,H2,,release,\n"
           "2024-03-20,H1,,hold,\n"},
          {"orders.csv",
           "order_id,customer_id,date,currency,amount,delivery_date,invoice_id,cancelled_date\n"
           "O1,A1,2024-03-20,NOK,3000.00,,,\n"
           "O2,A1,2024-03-15,NOK,1500.00,2024-03-25,,\n"
           "O3,A1,2024-03-01,NOK,6000.00,2024-03-08,A1-1,\n"
           "O4,A1,2024-03-21,NOK,9000.00,,,2024-03-28\n"
           "O5,A1,2024-04-02,NOK,7000.00,,,\n"
           "O6,A3,2024-03-25,NOK,800.00,,,\n"},
          {"security.csv",
           "security_id,customer_id,kind,currency,amount,expires,reference\n"
           "S1,A1,guarantee,NOK,400.00,2024-12-31,bank guarantee 1\n"
           "S2,A1,pledge,NOK,5000.00,2024-03-30,pledged deposit\n"}};
}

/// A Norwegian policy with the NO preset's step names whose collection warning puts the
/// customer on credit hold and whose reaction to a broken promise is cash terms.
inline constexpr const char* strict_policy_json = R"({
  "name": "strict NO", "jurisdiction": "NO", "interest": "statutory",
  "on_broken_promise": ["cash_terms"],
  "steps": [
    {"name": "purring", "trigger": {"after_due_days": 14}, "commands": ["send_reminder"], "deadline_days": 14},
    {"name": "inkassovarsel", "trigger": {"after_previous_deadline_days": 1},
     "commands": ["collection_warning", "credit_hold"], "deadline_days": 14},
    {"name": "inkasso", "trigger": {"after_previous_deadline_days": 1}, "commands": ["hand_over_to_collection"]}
  ]
})";

/// An amount's decimal string as minor units (two decimals: NOK, SEK, DKK, EUR).
inline long long minor_units(const nlohmann::json& amount) {
  const std::string s = amount.get<std::string>();
  const auto dot = s.find('.');
  return std::stoll(dot == std::string::npos ? s + "00" : s.substr(0, dot) + s.substr(dot + 1));
}

}  // namespace kreditor::test_support

#endif  // KREDITOR_TESTS_SUPPORT_LEDGERS_HPP
