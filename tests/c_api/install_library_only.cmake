# cmake -DBUILD=<build dir> -DSTAGE=<prefix> -P install_library_only.cmake
# Installs the library alone, as a distribution ships it (cmake --install BUILD --component
# Unspecified), and checks that the prefix holds the libraries, headers, kreditor.pc and the
# CMake package, and not the command-line tool.
cmake_policy(VERSION 3.25)
file(REMOVE_RECURSE ${STAGE})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${STAGE} --component Unspecified
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install --component Unspecified failed (${rc})")
endif()
file(GLOB_RECURSE c_lib "${STAGE}/*/libkreditor_c.so")
file(GLOB_RECURSE header "${STAGE}/include/kreditor/kreditor.h")
file(GLOB_RECURSE pc "${STAGE}/*/pkgconfig/kreditor.pc")
file(GLOB_RECURSE config "${STAGE}/*/cmake/kreditor/kreditorTargets.cmake")
file(GLOB_RECURSE cli "${STAGE}/bin/kreditor" "${STAGE}/*/kreditorCliTargets*.cmake")
foreach(what c_lib header pc config)
  if(NOT ${what})
    message(FATAL_ERROR "the library install in ${STAGE} lacks ${what}")
  endif()
endforeach()
if(cli)
  message(FATAL_ERROR "the library install in ${STAGE} holds the tool: ${cli}")
endif()
message(STATUS "library-only install: ${c_lib}, no command-line tool")
