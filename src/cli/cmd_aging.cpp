// `kreditor aging`: open receivables by age, per customer and for the portfolio.
//
//   kreditor aging [--ledger PATH] [--as-of YYYY-MM-DD] [--by due|invoice]
//                  [--buckets 30,60,90] [--policy NAME|FILE.json] [--state FILE] [--json]
//
// The open principal is the book's (kreditor/book/book.hpp), as `run` and `exposure` see it:
// --policy and --state mean what they mean for `run` (payments go to fees and interest before
// principal, so the policy's interest and the recorded notices' fees matter).
//
// Without --ledger: the bundled sample ledger, as of its own date. Buckets by due date are
// "current" (not past due) then the ranges the bounds give (default 1-30, 31-60, 61-90, >90);
// by invoice date, ranges of days since the invoice (0-30, 31-60, 61-90, >90). JSON:
//   {"as_of", "by", "labels": [...],
//    "customers": [{"customer_id", "currency", "buckets": [{"label", "amount"}], "total"}],
//    "portfolio": [{"currency", "buckets": [...], "total"}]}
// Customers with nothing open are left out; amounts are decimal strings.
#include <nlohmann/json.hpp>

#include <iomanip>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "cli/run.hpp"
#include "kreditor/book/report.hpp"
#include "kreditor/book/slices.hpp"
#include "cli/sample.hpp"
#include "kreditor/exposure/aging.hpp"

namespace kreditor::cli {
namespace {

aging_buckets buckets_from(const args& a) {
  const std::string by = a.get("by").value_or("due");
  if (by != "due" && by != "invoice")
    throw usage_error{"--by: '" + by + "' is neither due nor invoice"};
  const aging_basis basis = by == "due" ? aging_basis::due_date : aging_basis::invoice_date;
  std::vector<std::int32_t> bounds{30, 60, 90};
  if (const auto text = a.get("buckets")) {
    bounds.clear();
    std::size_t start = 0;
    while (start <= text->size()) {
      const std::size_t comma = std::min(text->find(',', start), text->size());
      const std::string part = text->substr(start, comma - start);
      std::size_t used = 0;
      int value = -1;
      try {
        value = std::stoi(part, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (part.empty() || used != part.size() || value < 0)
        throw usage_error{"--buckets: '" + part + "' in '" + *text +
                          "' is not a whole number of days (e.g. --buckets 30,60,90)"};
      bounds.push_back(value);
      start = comma + 1;
    }
  }
  // By due date the first bucket is always "current": not past due.
  if (basis == aging_basis::due_date && bounds.front() != 0) bounds.insert(bounds.begin(), 0);
  result<aging_buckets> b = make_aging_buckets(std::move(bounds), basis);
  if (!b) throw usage_error{"--buckets: " + b.error().message};
  return std::move(b).value();
}

nlohmann::json row_json(const aging_row& row, const std::vector<std::string>& labels) {
  nlohmann::json buckets = nlohmann::json::array();
  for (std::size_t b = 0; b < labels.size(); ++b)
    buckets.push_back({{"label", labels[b]}, {"amount", to_string(row.buckets[b])}});
  return {{"currency", std::string(row.ccy.code())}, {"buckets", buckets},
          {"total", to_string(row.total)}};
}

/// `text` in a column of `width`, padded with spaces after it (`left`) or before it, as
/// std::setw pads: a longer text is written whole.
void append_padded(std::string& out, std::string_view text, std::size_t width, bool left) {
  const std::size_t pad = width > text.size() ? width - text.size() : 0;
  if (!left) out.append(pad, ' ');
  out.append(text);
  if (left) out.append(pad, ' ');
}

/// Appends one row of the table to `text` (50 000 customers' rows: no string per field).
void append_row(std::string& text, const std::string& name, const aging_row& row) {
  append_padded(text, name, 14, true);
  append_padded(text, row.ccy.code(), 5, true);
  std::string amount;
  for (const money m : row.buckets) {
    amount.clear();
    append_to(amount, m);
    append_padded(text, amount, 14, false);
  }
  amount.clear();
  append_to(amount, row.total);
  append_padded(text, amount, 15, false);
  text += '\n';
}

/// The customers whose book is built at once: a slice's book stays in the caches.
constexpr std::size_t aging_slice = 256;

}  // namespace

int cmd_aging(context& ctx) {
  const args a(ctx.argv, {"ledger", "as-of", "by", "buckets", "policy", "state"}, {"json", "decimal-comma"});
  const aging_buckets buckets = buckets_from(a);
  const ledger_columns l = ledger_columns_from(a);
  const date as_of = as_of_from(a, l);
  // The portfolio as columns, one group per customer (the open items `run` and `exposure`
  // count, from the same book): the batch kernel does the work.
  const std::optional<std::string> state_path = a.get("state");
  const run::state_file state = state_path ? run::read_state(*state_path) : run::state_file{};
  policy_set policies = run::policies_from(a.get("policy"));
  // The book is built a slice of customers at a time (book/slices.hpp): only the open items'
  // columns are kept, not a million lines' book.
  open_receivables open;
  open.items_of.assign(l.customers.size(), 0);
  // Room for every invoice: column memory is only touched where items are written, and the
  // columns never grow (each growth was a copy, into fresh pages the kernel zeroes).
  open.reserve(l.invoices.size());
  ledger_slices cut(l);
  for_each_book_slice(cut, as_of, state.notices, policies, aging_slice,
                      [&](const book& b, std::size_t first) { append_open_receivables(open, b, first); });
  const std::size_t customers = l.customers.size();
  std::vector<currency> group_currency;
  group_currency.reserve(customers);
  for (const customer_record& c : l.customers) group_currency.push_back(c.currency);
  const std::size_t width = buckets.bucket_count();
  std::vector<std::int64_t> table(customers * width);
  age_batch(open.columns(), buckets, as_of, customers, table, 1);
  const std::vector<aging_row> portfolio = portfolio_aging(table, group_currency, width);
  const std::vector<std::string> labels = buckets.labels();

  if (a.flag("json")) {
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t c = 0; c < customers; ++c) {
      if (open.items_of[c] == 0) continue;
      nlohmann::json row = row_json(
          make_aging_row(std::span(table).subspan(c * width, width), group_currency[c]), labels);
      rows.push_back({{"customer_id", l.customers[c].customer_id},
                           {"currency", row["currency"]},
                           {"buckets", row["buckets"]},
                           {"total", row["total"]}});
    }
    nlohmann::json total = nlohmann::json::array();
    for (const aging_row& r : portfolio) total.push_back(row_json(r, labels));
    const nlohmann::json out{{"as_of", to_string(as_of)},
                             {"by", std::string(to_string(buckets.basis))},
                             {"labels", labels},
                             {"customers", rows},
                             {"portfolio", total}};
    ctx.out << out.dump(2) << "\n";
    return exit_ok;
  }

  // The whole table is made before any of it is written: a customer's total may still
  // overflow (error(overflow) from make_aging_row), and a failed command prints nothing.
  std::ostringstream head;
  head << "aging as of " << to_string(as_of) << " by " << to_string(buckets.basis) << " date\n\n"
       << std::left << std::setw(14) << "customer" << std::setw(5) << "ccy" << std::right;
  for (const std::string& label : labels) head << std::setw(14) << label;
  head << std::setw(15) << "total" << "\n";
  std::string text = head.str();
  std::size_t rows = portfolio.size();
  for (std::size_t c = 0; c < customers; ++c) rows += open.items_of[c] != 0 ? 1u : 0u;
  text.reserve(text.size() + 1 + rows * (40 + 14 * width));  // a row's usual length
  for (std::size_t c = 0; c < customers; ++c)
    if (open.items_of[c] != 0)
      append_row(text, l.customers[c].customer_id,
                 make_aging_row(std::span(table).subspan(c * width, width), group_currency[c]));
  text += '\n';
  for (const aging_row& r : portfolio) append_row(text, "portfolio", r);
  ctx.out.write(text.data(), static_cast<std::streamsize>(text.size()));
  return exit_ok;
}

}  // namespace kreditor::cli
