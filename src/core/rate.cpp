#include "kreditor/core/rate.hpp"

#include <string>

KREDITOR_NAMESPACE_BEGIN
namespace {

// A decimal x 10^shift as parts per billion, or precision_loss below one ppb.
result<rate> scaled(decimal d, int decimals_of_ppb, std::string_view text) {
  auto r = d.rescale_exact(decimals_of_ppb);
  if (!r && r.error().code == errc::precision_loss)
    return failure{r.error().code, "rate: '" + std::string(text) + "' is finer than one part per billion"};
  if (!r)  // the rescale overflowed: more than about 9.2 billion (922 337 203 685 %)
    return failure{r.error().code, "rate: '" + std::string(text) + "' is too large for a rate"};
  return rate::ppb(r.value().mantissa());
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

result<rate> rate::from_fraction(decimal fraction) {
  return scaled(fraction, 9, fraction.to_string());
}
result<rate> rate::from_percent(decimal percent) { return scaled(percent, 7, percent.to_string() + "%"); }

result<rate> rate::parse(std::string_view text) {
  std::string_view s = trim(text);
  int decimals_of_ppb = 9;  // a plain fraction: 1 = 10^9 ppb
  if (s.ends_with('%')) {
    s.remove_suffix(1);
    decimals_of_ppb = 7;  // 1 % = 10^7 ppb
  } else if (s.ends_with("bp")) {
    s.remove_suffix(2);
    decimals_of_ppb = 5;  // 1 bp = 10^5 ppb
  }
  const auto d = decimal::parse(trim(s));
  if (!d)
    return failure{d.error().code, "rate: '" + std::string(text) +
                                       "' is not a rate like 12.25%, 1225bp or 0.1225"};
  return scaled(d.value(), decimals_of_ppb, text);
}

KREDITOR_NAMESPACE_END
