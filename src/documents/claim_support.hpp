// Private: what the documents made from a run share — the debtor found in the run, the
// letterhead (parties, account, currency) and the sums over a document's invoices — so a
// notice, an agreement and a case file cannot state a claim differently.
#ifndef KREDITOR_SRC_DOCUMENTS_CLAIM_SUPPORT_HPP
#define KREDITOR_SRC_DOCUMENTS_CLAIM_SUPPORT_HPP

#include <string>
#include <string_view>

#include "kreditor/book/report.hpp"
#include "kreditor/documents/notice.hpp"
#include "kreditor/documents/party.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace detail {

/// The summary of `customer` in `r`. \throws error(not_found) "<who>: no customer 'X' in the ledger".
inline const customer_summary& customer_in(const run_report& r, std::string_view customer, std::string_view who) {
  for (const customer_summary& c : r.customers)
    if (c.customer->customer_id == customer) return c;
  throw error(errc::not_found, std::string(who) + ": no customer '" + std::string(customer) + "' in the ledger");
}

/// \throws error(not_found) for `invoice`, not one of `customer`'s by the run's date.
[[noreturn]] inline void no_such_invoice(std::string_view who, std::string_view invoice, std::string_view customer,
                                         date as_of) {
  throw error(errc::not_found, std::string(who) + ": no invoice '" + std::string(invoice) + "' of customer '" +
                                   std::string(customer) + "' by " + to_string(as_of));
}

/// Fills the letterhead of a document (notice, case_file): the debtor `c` and its id, the
/// creditor, the account for `cur`, the currency, and sums of zero.
template <class Document>
void start_document(Document& d, const creditor_profile& creditor, const customer_record& c, currency cur) {
  d.customer_id = c.customer_id;
  d.creditor = creditor.self;
  d.debtor = {c.name, c.org_number, c.address, c.email};
  d.account = creditor.account_for(cur);
  d.currency = cur;
  d.principal = d.fees = d.interest = d.total = money::zero(cur);
}

/// Adds an invoice's amounts owed to a document's sums: principal, fees, interest, total.
template <class Document>
void add_to_sums(Document& d, const notice_invoice& i) {
  d.principal += i.principal;
  d.fees += i.fees_open;
  d.interest += i.interest;
  d.total += i.total;
}

}  // namespace detail
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SRC_DOCUMENTS_CLAIM_SUPPORT_HPP
