// Built against a staged install of kreditor through find_package(kreditor CONFIG).
#include <iostream>

#include "kreditor/core/money.hpp"
#include "kreditor/time/date.hpp"

int main() {
  using namespace kreditor;
  const money m = money::parse("1 234.50", iso4217::nok).value();
  const money vat = multiply(m, decimal(25, 2), rounding::half_up);
  if (to_string(vat) != "308.63") return 1;
  if (to_string(add_months(make_date(2024, 1, 31), 1, month_end::clamp)) != "2024-02-29") return 2;
  std::cout << "consumer ok: " << m << " + VAT " << vat << "\n";
  return 0;
}
