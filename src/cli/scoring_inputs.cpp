#include "cli/scoring_inputs.hpp"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <sstream>

#include "cli/cli.hpp"
#include "kreditor/io/scoring_json.hpp"
#include "kreditor/terms/due_dates.hpp"
#include "kreditor/terms/notation.hpp"

namespace kreditor::cli {

std::string read_text_file(const std::string& path, const std::string& option) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw usage_error{"--" + option + ": cannot read '" + path + "'"};
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

scoring::financial_statements financials_from_file(const std::string& path) {
  auto r = parse_financials_json(read_text_file(path, "financials"));
  if (!r) throw usage_error{path + ": " + r.error().message};
  return std::move(r).value();
}

std::vector<scoring::credit_check> credit_checks_from_file(const std::string& path) {
  auto r = parse_credit_checks_json(read_text_file(path, "credit-check"));
  if (!r) throw usage_error{path + ": " + r.error().message};
  return std::move(r).value();
}

customer_scoring_inputs scoring_inputs_from_ledger(const ledger& l, std::string_view id, date as_of) {
  customer_scoring_inputs in;
  std::uint32_t ci = no_record;
  for (std::uint32_t i = 0; i < l.customers.size(); ++i)
    if (l.customers[i].customer_id == id) ci = i;
  if (ci == no_record) throw usage_error{"--customer: no customer '" + std::string(id) + "' in the ledger"};
  in.customer = &l.customers[ci];
  const currency cur = in.customer->currency;
  in.purchases_12m = money::zero(cur);

  // The customer's invoices (not credit notes) issued by as_of, with their due dates and the
  // amount still to pay after credit notes.
  struct item {
    std::uint32_t index;
    date due;
    std::int64_t amount;  // after credit notes, minor units
    std::int64_t paid = 0;
    std::optional<date> paid_on{};
    std::vector<std::pair<date, std::int64_t>> payments{};
  };
  std::vector<item> items;
  std::vector<std::size_t> item_of(l.invoices.size(), SIZE_MAX);
  for (std::uint32_t i = 0; i < l.invoices.size(); ++i) {
    const invoice_record& inv = l.invoices[i];
    if (inv.customer_index != ci || as_of < inv.issue_date || inv.amount.is_negative()) continue;
    date due = inv.issue_date;
    if (inv.due_date) {
      due = *inv.due_date;
    } else {
      const std::string& text = inv.terms.empty() ? in.customer->terms : inv.terms;
      const auto t = parse_terms(text);
      if (!t) throw usage_error{"invoice " + inv.invoice_id + ": terms '" + text + "': " + t.error().message};
      due = due_date(*t, inv.issue_date);
    }
    item_of[i] = items.size();
    items.push_back({i, due, inv.amount.minor_units()});
  }
  for (const invoice_record& inv : l.invoices) {
    if (inv.customer_index != ci || as_of < inv.issue_date || !inv.amount.is_negative()) continue;
    if (inv.credit_of_index != no_record && item_of[inv.credit_of_index] != SIZE_MAX)
      items[item_of[inv.credit_of_index]].amount += inv.amount.minor_units();  // a credit note reduces it
  }
  // Purchases of the last 365 days, annualised when the ledger's history of this customer is
  // shorter (from its first invoice to as_of, counted as at least 90 days).
  std::optional<date> first;
  std::int64_t recent = 0;
  for (const item& it : items) {
    const date issued = l.invoices[it.index].issue_date;
    if (!first || issued < *first) first = issued;
    if ((as_of - issued).days() < 365) recent += std::max<std::int64_t>(it.amount, 0);
  }
  if (first) {
    const auto observed = std::clamp<long>(static_cast<long>((as_of - *first).days()) + 1, 90, 365);
    in.purchases_12m = money(static_cast<std::int64_t>(static_cast<int128>(recent) * 365 / observed), cur);
    in.history_days = static_cast<int>(observed);
  }

  // Payments up to as_of, in date order: the designated invoice first, the rest oldest due first.
  std::vector<const payment_record*> pays;
  for (const payment_record& p : l.payments)
    if (p.customer_index == ci && !(as_of < p.date_paid)) pays.push_back(&p);
  std::stable_sort(pays.begin(), pays.end(),
                   [](const payment_record* a, const payment_record* b) { return a->date_paid < b->date_paid; });
  std::vector<std::size_t> by_due(items.size());
  std::iota(by_due.begin(), by_due.end(), std::size_t{0});
  std::stable_sort(by_due.begin(), by_due.end(), [&](std::size_t a, std::size_t b) { return items[a].due < items[b].due; });
  const auto apply = [&](item& it, std::int64_t& left, date on) {
    const std::int64_t take = std::min(left, it.amount - it.paid);
    if (take <= 0) return;
    it.paid += take;
    left -= take;
    it.payments.emplace_back(on, take);
    if (it.paid >= it.amount) it.paid_on = on;
  };
  for (const payment_record* p : pays) {
    std::int64_t left = p->amount.minor_units();
    if (p->invoice_index != no_record && item_of[p->invoice_index] != SIZE_MAX)
      apply(items[item_of[p->invoice_index]], left, p->date_paid);
    for (std::size_t k : by_due) {
      if (left <= 0) break;
      apply(items[k], left, p->date_paid);
    }
  }

  // Events: notices (dunning level), disputes, promises and plans.
  std::vector<int> level(items.size(), 0);
  std::vector<bool> disputed(items.size(), false);
  scoring::behaviour_counts counts;
  for (const event_record& e : l.events) {
    if (e.customer_index != ci || as_of < e.on) continue;
    const std::size_t k = e.invoice_index == no_record ? SIZE_MAX : item_of[e.invoice_index];
    if (k == SIZE_MAX) continue;
    item& it = items[k];
    switch (e.kind) {
      case ledger_event_kind::notice_sent: ++level[k]; break;
      case ledger_event_kind::dispute_opened: disputed[k] = true; break;
      case ledger_event_kind::promise_to_pay:
        // Broken: the promised date has passed and the invoice was not paid by then.
        if (e.until && *e.until < as_of && (!it.paid_on || *e.until < *it.paid_on)) ++counts.broken_promises;
        break;
      case ledger_event_kind::payment_plan: {
        if (!e.first_due || e.installments < 1) break;
        std::int64_t before = 0;
        for (const auto& [on, amount] : it.payments)
          if (on < e.on) before += amount;
        const std::int64_t open = it.amount - before;
        for (int n = 0; n < e.installments; ++n) {
          const date due = add_months(*e.first_due, n, month_end::clamp);
          if (!(due < as_of)) break;
          std::int64_t since = 0;
          for (const auto& [on, amount] : it.payments)
            if (!(on < e.on) && !(due < on)) since += amount;
          if (since * e.installments < open * (n + 1)) {  // less than the instalments due so far
            ++counts.broken_plans;
            break;
          }
        }
        break;
      }
      default: break;
    }
  }
  const bool in_collection = std::find(in.customer->flags.begin(), in.customer->flags.end(), "in_collection") !=
                             in.customer->flags.end();
  for (std::size_t k = 0; k < items.size(); ++k) {
    const item& it = items[k];
    if (it.amount <= 0) continue;  // fully credited
    scoring::invoice_fact f;
    f.issued = l.invoices[it.index].issue_date;
    f.due = std::max(it.due, f.issued);
    f.paid = it.paid_on;
    f.amount = it.amount;
    f.dunning_level = level[k];
    f.disputed = disputed[k];
    in.facts.push_back(f);
  }
  in.behaviour = scoring::behaviour(in.facts, counts, as_of);
  in.behaviour.collection = in.behaviour.collection || in_collection;
  return in;
}

nlohmann::ordered_json recommendation_json(const scoring::recommendation& r) {
  using json = nlohmann::ordered_json;
  json out;
  out["grade"] = r.grade;
  out["pd"] = r.pd ? json(*r.pd) : json(nullptr);
  out["pd_source"] = r.pd_source;
  if (r.altman) {
    out["altman"] = {{"z", r.altman->score},
                     {"model", std::string(scoring::to_string(r.altman->model))},
                     {"zone", std::string(scoring::to_string(r.altman->zone))}};
  } else {
    out["altman"] = nullptr;
  }
  if (r.ohlson) {
    out["ohlson"] = {{"o", r.ohlson->o}, {"p", r.ohlson->p}, {"size", r.ohlson->size},
                     {"single_year", r.ohlson->single_year}};
  } else {
    out["ohlson"] = nullptr;
  }
  out["recommended_terms"] = r.terms;
  out["recommended_limit"] = to_string(r.limit);
  out["currency"] = std::string(r.limit.currency().code());
  out["payment_methods"] = json::array();
  for (auto m : r.methods) out["payment_methods"].push_back(std::string(scoring::to_string(m)));
  out["discount_offered"] = r.discount_offered;
  out["discount_annual_cost"] = r.discount_annual_cost ? json(*r.discount_annual_cost) : json(nullptr);
  out["reasons"] = json::array();
  for (const auto& x : r.reasons) out["reasons"].push_back({{"code", x.code}, {"text", x.text}});
  return out;
}

scoring::recommendation_policy policy_from(const std::optional<std::string>& path) {
  if (!path) return scoring::default_policy();
  auto p = parse_recommendation_policy_json(read_text_file(*path, "policy"));
  if (!p) throw usage_error{*path + ": " + p.error().message};
  return std::move(p).value();
}

}  // namespace kreditor::cli
