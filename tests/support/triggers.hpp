#ifndef KREDITOR_TESTS_SUPPORT_TRIGGERS_HPP
#define KREDITOR_TESTS_SUPPORT_TRIGGERS_HPP

// Dunning-step triggers in one word, shared by the dunning tests (one unity build: see
// tests/support/shorthand.hpp). `using test_support::due;`

#include <cstdint>

#include "kreditor/dunning/policy.hpp"

namespace kreditor::test_support {

inline dunning::trigger due(std::int32_t n) { return {.after_due_days = n}; }
inline dunning::trigger after_deadline(std::int32_t n) { return {.after_previous_deadline_days = n}; }

}  // namespace kreditor::test_support

#endif  // KREDITOR_TESTS_SUPPORT_TRIGGERS_HPP
