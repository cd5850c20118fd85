// Cutting a ledger into slices of customers (book/slices.hpp): a counting sort of each table's
// rows by customer, then per slice a copy of its rows with the loader's indexes renumbered.
// Over columns the copy is where a slice's invoices and payments first become records
// (ledger_columns::append_invoices: a block of scattered rows at a time).
#include "kreditor/book/slices.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "core/key_groups.hpp"
#include "kreditor/core/errc.hpp"

KREDITOR_NAMESPACE_BEGIN

ledger_slices::ledger_slices(const ledger& l) : source_(&l), customers_(&l.customers) {
  index_customer_ids();
  invoices_ = group(l.invoices.size(), [&](std::size_t r) {
    return customer_of(l.invoices[r].customer_index, l.invoices[r].customer_id);
  });
  payments_ = group(l.payments.size(), [&](std::size_t r) {
    return customer_of(l.payments[r].customer_index, l.payments[r].customer_id);
  });
  group_small_tables(l.events, l.orders, l.securities, l.counterclaims);
}

ledger_slices::ledger_slices(const ledger_columns& l) : columns_(&l), customers_(&l.customers) {
  index_customer_ids();
  // The loader checked every invoice's and payment's customer: the indexes are the owners.
  invoices_ = group(l.invoices.size(), [&](std::size_t r) { return l.invoices.customer[r]; });
  payments_ = group(l.payments.size(), [&](std::size_t r) { return l.payments.customer[r]; });
  group_small_tables(l.events, l.orders, l.securities, l.counterclaims);
}

void ledger_slices::index_customer_ids() {
  customer_ids_.reserve(customers());
  for (std::size_t c = 0; c < customers(); ++c) customer_ids_.emplace(customer(c).customer_id, static_cast<std::uint32_t>(c));
}

void ledger_slices::group_small_tables(const std::vector<event_record>& events, const std::vector<order_record>& orders,
                                       const std::vector<security_record>& securities,
                                       const std::vector<counterclaim_record>& counterclaims) {
  events_ = group(events.size(), [&](std::size_t r) { return customer_of(events[r].customer_index, events[r].customer_id); });
  orders_ = group(orders.size(), [&](std::size_t r) { return customer_of(no_record, orders[r].customer_id); });
  securities_ = group(securities.size(), [&](std::size_t r) { return customer_of(no_record, securities[r].customer_id); });
  counterclaims_ =
      group(counterclaims.size(), [&](std::size_t r) { return customer_of(no_record, counterclaims[r].customer_id); });
}

const ledger& ledger_slices::source() const {
  if (source_ == nullptr)
    throw error(errc::invalid_argument, "ledger slices: made over columns, there is no ledger of records to give");
  return *source_;
}

std::uint32_t ledger_slices::customer_index(std::string_view id) const {
  const auto it = customer_ids_.find(id);
  return it == customer_ids_.end() ? no_record : it->second;
}

// The loader's index when it names the customer `id` (a ledger built by hand may lack it).
std::uint32_t ledger_slices::customer_of(std::uint32_t stored, std::string_view id) const {
  if (stored < customers() && customer(stored).customer_id == id) return stored;
  return customer_index(id);
}

template <class CustomerOf>
ledger_slices::grouping ledger_slices::group(std::size_t rows, CustomerOf&& customer_of_row) const {
  const std::size_t n = customers();
  // Each row's owner found once (by id where the loader's index is missing); unknown ones last.
  column<std::uint32_t> owner(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    const std::uint32_t c = customer_of_row(r);
    owner[r] = c == no_record ? static_cast<std::uint32_t>(n) : c;
  }
  detail::key_groups by_owner = detail::group_by_key(rows, n + 1, [&](std::size_t r) { return owner[r]; });
  return {.start = std::move(by_owner.start), .rows = std::move(by_owner.rows)};
}

namespace {
/// `rows` in ascending order. A slice's rows are a few hundred sorted runs (one per customer)
/// of small numbers: a least-significant-digit radix sort, 11 bits a pass (two passes below
/// 2^22 rows), does a few operations per row where a comparison sort does some log n compares.
void sort_rows(std::vector<std::uint32_t>& rows) {
  if (rows.size() < 256) {
    std::sort(rows.begin(), rows.end());
    return;
  }
  constexpr unsigned digit = 11;
  constexpr std::uint32_t mask = (1u << digit) - 1;
  const std::uint32_t top = *std::max_element(rows.begin(), rows.end());
  std::vector<std::uint32_t> other(rows.size());
  std::array<std::uint32_t, (1u << digit) + 1> start{};
  for (unsigned shift = 0; shift < 32 && (top >> shift) != 0; shift += digit) {
    start.fill(0);
    for (const std::uint32_t r : rows) ++start[((r >> shift) & mask) + 1];
    for (std::size_t d = 0; d < mask + 1; ++d) start[d + 1] += start[d];
    for (const std::uint32_t r : rows) other[start[(r >> shift) & mask]++] = r;
    rows.swap(other);
  }
}

/// The rows of customers [first, last) (and, when `unknown`, of unknown customers), in ledger order.
std::vector<std::uint32_t> rows_of(std::span<const std::uint32_t> start, std::span<const std::uint32_t> rows,
                                   std::size_t first, std::size_t last, bool unknown) {
  std::vector<std::uint32_t> out(rows.begin() + start[first], rows.begin() + start[last]);
  if (unknown) {
    const std::size_t n = start.size() - 2;
    out.insert(out.end(), rows.begin() + start[n], rows.begin() + start[n + 1]);
  }
  sort_rows(out);
  return out;
}

/// The slice's index of ledger row `old` among `kept` (sorted), or no_record.
std::uint32_t renumbered(const std::vector<std::uint32_t>& kept, std::uint32_t old) {
  if (old == no_record) return no_record;
  const auto it = std::lower_bound(kept.begin(), kept.end(), old);
  return it != kept.end() && *it == old ? static_cast<std::uint32_t>(it - kept.begin()) : no_record;
}
}  // namespace

ledger ledger_slices::slice(std::size_t first, std::size_t last) const {
  if (first > last || last > customers())
    throw error(errc::out_of_range, "ledger slice: customers [" + std::to_string(first) + ", " + std::to_string(last) +
                                        ") outside the ledger's " + std::to_string(customers()));
  const bool unknown = first == 0;
  const auto customer = [&](std::uint32_t stored) {
    return stored >= first && stored < last ? static_cast<std::uint32_t>(stored - first) : no_record;
  };
  ledger out;
  out.as_of = source_ != nullptr ? source_->as_of : columns_->as_of;
  out.customers.assign(customers_->begin() + static_cast<std::ptrdiff_t>(first),
                       customers_->begin() + static_cast<std::ptrdiff_t>(last));
  // Each table's rows of the slice, in ledger order (`row(r)` makes row r a record), renumbered by `fix`.
  const auto copy = [&](const grouping& g, auto&& row, auto& into, auto&& fix) {
    const std::vector<std::uint32_t> kept = rows_of(g.start, g.rows, first, last, unknown);
    into.reserve(kept.size());
    for (const std::uint32_t r : kept) fix(into.emplace_back(row(r)));
    return kept;
  };
  const auto from = [](const auto& table) { return [&table](std::uint32_t r) { return table[r]; }; };
  const auto keep = [](auto&) {};
  // Invoices and payments: from records as they are; from columns a block of rows at a time
  // (ledger_columns::append_invoices). Renumbered below, once every invoice of the slice is known.
  const auto records = [&](const grouping& g, const auto* recorded, auto append, auto& into) {
    if (recorded != nullptr) return copy(g, from(*recorded), into, keep);
    std::vector<std::uint32_t> kept = rows_of(g.start, g.rows, first, last, unknown);
    (columns_->*append)(kept, into);
    return kept;
  };
  const std::vector<std::uint32_t> invoices =
      records(invoices_, source_ != nullptr ? &source_->invoices : nullptr, &ledger_columns::append_invoices, out.invoices);
  // Credit notes name invoices of their own customer, so of the slice, once every one is known.
  for (invoice_record& inv : out.invoices) {
    inv.customer_index = customer(inv.customer_index);
    inv.credit_of_index = renumbered(invoices, inv.credit_of_index);
  }
  (void)records(payments_, source_ != nullptr ? &source_->payments : nullptr, &ledger_columns::append_payments,
                out.payments);
  for (payment_record& p : out.payments) {
    p.customer_index = customer(p.customer_index);
    p.invoice_index = renumbered(invoices, p.invoice_index);
  }
  const std::vector<event_record>& events = source_ != nullptr ? source_->events : columns_->events;
  (void)copy(events_, from(events), out.events, [&](event_record& e) {
    e.customer_index = customer(e.customer_index);
    e.invoice_index = renumbered(invoices, e.invoice_index);
  });
  (void)copy(orders_, from(source_ != nullptr ? source_->orders : columns_->orders), out.orders, keep);
  (void)copy(securities_, from(source_ != nullptr ? source_->securities : columns_->securities), out.securities, keep);
  (void)copy(counterclaims_, from(source_ != nullptr ? source_->counterclaims : columns_->counterclaims),
             out.counterclaims, keep);
  return out;
}

std::vector<recorded_notice> ledger_slices::notices_of(std::size_t first, std::size_t last,
                                                       std::span<const recorded_notice> notices) {
  std::vector<recorded_notice> out;
  if (notices.empty()) return out;
  if (invoice_customer_.empty()) {
    if (source_ != nullptr) {
      const ledger& l = *source_;
      invoice_customer_.reserve(l.invoices.size());
      for (const invoice_record& inv : l.invoices)
        invoice_customer_.emplace(inv.invoice_id, customer_of(inv.customer_index, inv.customer_id));
    } else {
      const invoice_columns& t = columns_->invoices;
      invoice_customer_.reserve(t.size());
      for (std::size_t i = 0; i < t.size(); ++i) invoice_customer_.emplace(t.text[t.id[i]], t.customer[i]);
    }
  }
  for (const recorded_notice& n : notices) {
    const auto it = invoice_customer_.find(n.invoice_id);
    const std::uint32_t c = it == invoice_customer_.end() ? no_record : it->second;
    if (c == no_record ? first == 0 : c >= first && c < last) out.push_back(n);
  }
  return out;
}

void for_each_book_slice(const ledger& l, date as_of, std::span<const recorded_notice> notices, policy_set& policies,
                         std::size_t customers_per_slice,
                         const std::function<void(const book& b, std::size_t first)>& on_slice) {
  ledger_slices cut(l);
  for_each_book_slice(cut, as_of, notices, policies, customers_per_slice, on_slice);
}

void for_each_book_slice(ledger_slices& cut, date as_of, std::span<const recorded_notice> notices, policy_set& policies,
                         std::size_t customers_per_slice,
                         const std::function<void(const book& b, std::size_t first)>& on_slice) {
  if (customers_per_slice == 0) throw error(errc::invalid_argument, "book slices: a slice needs at least one customer");
  // One slice even for a ledger without customers: its rows of unknown customers are named there.
  for (std::size_t first = 0; first == 0 || first < cut.customers(); first += customers_per_slice) {
    const std::size_t last = std::min(cut.customers(), first + customers_per_slice);
    const ledger part = cut.slice(first, last);
    on_slice(make_book(part, as_of, cut.notices_of(first, last, notices), policies), first);
  }
}

KREDITOR_NAMESPACE_END
