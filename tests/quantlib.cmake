# The QuantLib cross-check of the Nordic calendars (tests/unit/time/quantlib_crosscheck.cpp):
# its own test executable, the only one linked to QuantLib (Debian's libquantlib0-dev ships
# /usr/lib/libQuantLib.so and headers under /usr/include/ql, but no CMake package).
# Include from tests/CMakeLists.txt after the unit-test loop:  include(quantlib.cmake)
find_library(KREDITOR_QUANTLIB_LIBRARY NAMES QuantLib)
find_path(KREDITOR_QUANTLIB_INCLUDE_DIR ql/time/calendars/norway.hpp)
if(KREDITOR_QUANTLIB_LIBRARY AND KREDITOR_QUANTLIB_INCLUDE_DIR)
  kreditor_add_gtest(kreditor_quantlib_crosscheck_test
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/unit/time/quantlib_crosscheck.cpp
    LIBS ${KREDITOR_QUANTLIB_LIBRARY})
  # SYSTEM: QuantLib's own headers are not held to our warning flags.
  target_include_directories(kreditor_quantlib_crosscheck_test SYSTEM PRIVATE
    ${KREDITOR_QUANTLIB_INCLUDE_DIR})
else()
  # .ci/setup installs it: a missing cross-check must not pass silently.
  message(FATAL_ERROR "QuantLib not found (Debian: libquantlib0-dev; run .ci/setup)")
endif()
