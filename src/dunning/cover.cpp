// Taking cover for a claim: which security or counterclaim, and how much of it.
#include "kreditor/dunning/cover.hpp"

#include <algorithm>
#include <numeric>

KREDITOR_NAMESPACE_BEGIN  // not `namespace kreditor::dunning`: clang 14 misplaces it outside v0
namespace dunning {

std::vector<cover_use> cover_for(cover_ledger& l, command_kind kind, money claim, date on, bool take) {
  std::vector<cover_use> out;
  if (l.held == nullptr || !claim.is_positive()) return out;
  const bool set_off = kind == command_kind::propose_set_off;
  if (!set_off && kind != command_kind::realise_security) return out;
  const std::size_t n = set_off ? l.held->counterclaims.size() : l.held->securities.size();
  std::vector<std::int64_t>& claimed = set_off ? l.counterclaim_claimed : l.security_claimed;
  if (claimed.size() != n) claimed.resize(n, 0);
  // The items usable on `on`, in the order they are taken.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < n; ++i) {
    const money amount = set_off ? l.held->counterclaims[i].amount : l.held->securities[i].amount;
    if (amount.currency() != claim.currency() || amount.minor_units() - claimed[i] <= 0) continue;
    if (set_off) {
      const counterclaim& c = l.held->counterclaims[i];
      if (c.arose > on || c.payable_from.value_or(c.arose) > on) continue;
    } else if (const auto& exp = l.held->securities[i].expires; exp && *exp < on) {
      continue;
    }
    order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (set_off) {
      const counterclaim& x = l.held->counterclaims[a];
      const counterclaim& y = l.held->counterclaims[b];
      return x.payable_from.value_or(x.arose) < y.payable_from.value_or(y.arose);
    }
    const auto& x = l.held->securities[a].expires;
    const auto& y = l.held->securities[b].expires;
    return x && (!y || *x < *y);  // soonest expiry first, open-ended last
  });
  std::int64_t left = claim.minor_units();
  for (std::size_t i : order) {
    if (left == 0) break;
    const money amount = set_off ? l.held->counterclaims[i].amount : l.held->securities[i].amount;
    const std::int64_t take_now = std::min(left, amount.minor_units() - claimed[i]);
    out.push_back({i, money(take_now, claim.currency())});
    left -= take_now;
    if (take) claimed[i] += take_now;
  }
  return out;
}

}  // namespace dunning
KREDITOR_NAMESPACE_END
