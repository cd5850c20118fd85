# Runs EXE with ARG1 [ARG2] and writes its stdout to OUT (the man page and the bash completion
# are printed by the built `kreditor` from its usage table). Run as:
#   cmake -DEXE=... -DARG1=--man [-DARG2=...] -DOUT=... -P KreditorCapture.cmake
set(args ${ARG1})
if(DEFINED ARG2)
  list(APPEND args ${ARG2})
endif()
execute_process(COMMAND ${EXE} ${args} OUTPUT_FILE ${OUT}.tmp RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${EXE} ${args} failed: ${rc}")
endif()
file(RENAME ${OUT}.tmp ${OUT})
