// -----------------------------------------------------------------------------
// File: kreditor/book/slices.hpp
// -----------------------------------------------------------------------------
//
// A ledger cut into slices of consecutive customers, so that a big ledger's book is built,
// evaluated and printed a slice at a time: memory holds one slice's book and results, not a
// million lines', and the slice's working set stays in the processor's caches.
//
// Money never crosses customers (a payment, credit note or event belongs to its invoice's
// customer: the loader checks it), so the book of a slice is exactly the slice's part of the
// whole ledger's book; a customer's lines keep their ledger order.
//
//   const ledger_slices cut(l);
//   for (std::size_t c = 0; c < cut.customers(); c += 4096) {
//     ledger part = cut.slice(c, std::min(c + 4096, cut.customers()));
//     run_report r = make_report(std::move(part), as_of, cut.notices_of(c, c + 4096, notices), policies);
//     ...
//   }
#ifndef KREDITOR_BOOK_SLICES_HPP
#define KREDITOR_BOOK_SLICES_HPP

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kreditor/book/book.hpp"
#include "kreditor/core/column.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/io/ledger_columns.hpp"

KREDITOR_NAMESPACE_BEGIN

/// A ledger indexed by customer, cut into slices of consecutive customers whose books are exactly
/// their part of the whole ledger's book (money never crosses customers).
class ledger_slices {
 public:
  /// Indexes the rows of `l` by customer (one pass; `l` must outlive this object). A row whose
  /// customer the ledger does not know goes with the first slice, where make_book names it.
  explicit ledger_slices(const ledger& l);
  /// The same over a ledger kept as columns (io/ledger_columns.hpp): a slice's invoices and
  /// payments are made records only when the slice is cut, so a big ledger is never whole in
  /// the record layout. `l` must outlive this object.
  explicit ledger_slices(const ledger_columns& l);

  /// The number of customers in the ledger.
  [[nodiscard]] std::size_t customers() const noexcept { return customers_->size(); }
  /// Customer `c` of the ledger. \pre c < customers()
  [[nodiscard]] const customer_record& customer(std::size_t c) const noexcept { return (*customers_)[c]; }
  /// The ledger cut. \throws error(invalid_argument) when the slices were made over columns
  /// (customer() gives what every slice needs).
  [[nodiscard]] const ledger& source() const;
  /// The index in ledger::customers of customer `id`, or no_record.
  [[nodiscard]] std::uint32_t customer_index(std::string_view id) const;

  /// The ledger of customers [first, last): those customers and their invoices, payments,
  /// events, orders and security, each in ledger order, with the loader's row indexes
  /// renumbered for the slice, and the ledger's as_of. \throws error(out_of_range) for a range
  /// outside the ledger's customers.
  [[nodiscard]] ledger slice(std::size_t first, std::size_t last) const;

  /// The notices of `notices` for invoices of customers [first, last); the slice starting at 0
  /// also gets those naming no invoice of the ledger (make_book names them as errors). The
  /// first call indexes the ledger's invoice ids (not const: one thread at a time).
  [[nodiscard]] std::vector<recorded_notice> notices_of(std::size_t first, std::size_t last,
                                                        std::span<const recorded_notice> notices);

 private:
  /// Per customer, its rows of one table: rows[start[c] .. start[c + 1]) in ledger order; the
  /// last group (customers()) holds the rows of customers the ledger does not know.
  struct grouping {
    column<std::uint32_t> start;
    column<std::uint32_t> rows;
  };
  template <class CustomerOf>
  grouping group(std::size_t rows, CustomerOf&& customer_of) const;
  [[nodiscard]] std::uint32_t customer_of(std::uint32_t stored, std::string_view id) const;
  void index_customer_ids();
  void group_small_tables(const std::vector<event_record>& events, const std::vector<order_record>& orders,
                          const std::vector<security_record>& securities,
                          const std::vector<counterclaim_record>& counterclaims);

  const ledger* source_ = nullptr;            // the ledger as records, or
  const ledger_columns* columns_ = nullptr;   // the ledger as columns
  const std::vector<customer_record>* customers_;
  std::unordered_map<std::string_view, std::uint32_t> customer_ids_;
  grouping invoices_, payments_, events_, orders_, securities_;
  grouping counterclaims_;  // issue 13: counterclaims.csv
  std::unordered_map<std::string_view, std::uint32_t> invoice_customer_;  // built for notices only
};

/// make_book a slice of customers at a time: `on_slice(b, first)` gets the book of each
/// `customers_per_slice` consecutive customers of `l` starting at ledger customer `first` (its
/// customer_of indexes count from `first`). \throws what make_book throws, and
/// error(invalid_argument) for a slice of no customers.
void for_each_book_slice(const ledger& l, date as_of, std::span<const recorded_notice> notices, policy_set& policies,
                         std::size_t customers_per_slice,
                         const std::function<void(const book& b, std::size_t first)>& on_slice);
/// The same over the slices `cut` (of a ledger kept as records or as columns).
void for_each_book_slice(ledger_slices& cut, date as_of, std::span<const recorded_notice> notices, policy_set& policies,
                         std::size_t customers_per_slice,
                         const std::function<void(const book& b, std::size_t first)>& on_slice);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_BOOK_SLICES_HPP
