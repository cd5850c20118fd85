/* The C tests' checks: CHECK(cond) reports a failed condition with the library's last error and
 * counts it in `failures`; OK(call) checks that a call returned KREDITOR_OK. */
#ifndef KREDITOR_TESTS_C_API_CHECK_H
#define KREDITOR_TESTS_C_API_CHECK_H

#include <stdio.h>

#include <kreditor/kreditor.h>

static int failures = 0;
#define CHECK(cond)                                                                     \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      fprintf(stderr, "%s:%d: CHECK(%s) failed; last error: %s\n", __FILE__, __LINE__, \
              #cond, kreditor_last_error());                                            \
      ++failures;                                                                       \
    }                                                                                   \
  } while (0)
#define OK(call) CHECK((call) == KREDITOR_OK)

#endif /* KREDITOR_TESTS_C_API_CHECK_H */
