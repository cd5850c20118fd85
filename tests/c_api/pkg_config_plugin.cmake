# cmake -DPKG_CONFIG=pkg-config -DCC=cc -DSTAGE=<install prefix> -DLIBDIR=lib -DSOURCE=plugin.c
#       -DBINARY=<exe> -DLEDGER=<dir> -P pkg_config_plugin.cmake
# Builds the plugin against the staged install the way a Makefile would:
#   cc plugin.c $(pkg-config --cflags --libs kreditor) -o plugin
# then runs it over the ledger.
set(ENV{PKG_CONFIG_PATH} "${STAGE}/${LIBDIR}/pkgconfig")
set(ENV{PKG_CONFIG_LIBDIR} "${STAGE}/${LIBDIR}/pkgconfig")  # this kreditor only, not a system one
execute_process(COMMAND ${PKG_CONFIG} --cflags --libs kreditor OUTPUT_VARIABLE flags RESULT_VARIABLE rc
                OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags --libs kreditor failed (${rc})")
endif()
execute_process(COMMAND ${PKG_CONFIG} --variable=libdir kreditor OUTPUT_VARIABLE libdir OUTPUT_STRIP_TRAILING_WHITESPACE)
message(STATUS "pkg-config kreditor: ${flags}")
separate_arguments(flag_list UNIX_COMMAND "${flags}")
execute_process(COMMAND ${CC} -std=c99 -Wall -Wextra -Werror -pedantic ${SOURCE} ${flag_list} -Wl,-rpath,${libdir}
                        -o ${BINARY} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the plugin with pkg-config's flags failed (${rc})")
endif()
execute_process(COMMAND ${BINARY} ${LEDGER} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the plugin failed (${rc})")
endif()
