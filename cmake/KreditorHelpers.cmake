include_guard(GLOBAL)

# kreditor_set_warnings(<target>): our warning flags, PRIVATE to our own targets.
# Never INTERFACE: consumers' warnings are their business.
function(kreditor_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion
    -Wshadow -Wnon-virtual-dtor -Wold-style-cast $<$<BOOL:${KREDITOR_WERROR}>:-Werror>)
endfunction()

# kreditor_add_gtest(<name> SOURCES ... [LIBS ...]): one executable per component;
# every TEST() becomes its own CTest entry.
function(kreditor_add_gtest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE kreditor::kreditor GTest::gtest GTest::gmock GTest::gtest_main ${ARG_LIBS})
  # tests/support/*.hpp, and src/ for the internal helpers some tests check (core/parallel.hpp)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests ${PROJECT_SOURCE_DIR}/src)
  target_compile_definitions(${name} PRIVATE
    KREDITOR_SOURCE_DIR="${PROJECT_SOURCE_DIR}" KREDITOR_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
  kreditor_set_warnings(${name})
  # Unity build: the test files of one executable compiled KREDITOR_TEST_UNITY_BATCH at a time
  # in one translation unit. gtest, nlohmann/json and the standard headers are then parsed, and
  # their templates instantiated and optimised, once per batch instead of once per file (CPU of
  # 4 CLI test files at -O2: 16 s instead of 41 s). Every test file of an executable must
  # therefore compile together with the others: no two may define the same name in an anonymous
  # namespace (the build fails on a redefinition, -Wshadow on a local hiding another file's name;
  # shared one-liners live in tests/support/shorthand.hpp). Overloads of one name with different
  # parameters in two files would not fail: give helpers names of their own file's subject.
  if(KREDITOR_UNITY_TESTS)
    set_target_properties(${name} PROPERTIES UNITY_BUILD ON
      UNITY_BUILD_BATCH_SIZE ${KREDITOR_TEST_UNITY_BATCH})
  endif()
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST)
endfunction()
