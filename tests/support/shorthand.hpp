#ifndef KREDITOR_TESTS_SUPPORT_SHORTHAND_HPP
#define KREDITOR_TESTS_SUPPORT_SHORTHAND_HPP

// The one-line helpers many test files use, defined once: the test executables are unity builds
// (cmake/KreditorHelpers.cmake), where two files defining the same helper in their anonymous
// namespaces would clash. A file takes the ones it uses with `using test_support::d;`.

#include <cstdint>

#include "kreditor/core/money.hpp"
#include "kreditor/time/date.hpp"

namespace kreditor::test_support {

inline date d(int y, int m, int day) { return make_date(y, m, day); }
inline money nok(std::int64_t minor) { return money(minor, iso4217::nok); }
inline money kr(std::int64_t ore) { return money(ore, iso4217::nok); }
inline money nok_(std::int64_t minor) { return money(minor, iso4217::nok); }
inline money eur(std::int64_t minor) { return money(minor, iso4217::eur); }
inline money dkk(std::int64_t minor) { return money(minor, iso4217::dkk); }

}  // namespace kreditor::test_support

#endif  // KREDITOR_TESTS_SUPPORT_SHORTHAND_HPP
