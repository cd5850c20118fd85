include_guard(GLOBAL)

# kreditor_embed(<target> FUNCTION <name> FILES <file>...): compiles the files into <target> as
# byte arrays behind one lookup function
#   namespace kreditor::embedded { std::string_view <name>(std::string_view file_name); }
# which returns the bytes of the file of that name (no directory), or an empty view. This is how
# the library carries its legal tables and the CLI its sample ledger without touching the file
# system. One function per target, so a static library's lookup is never dropped by the linker.
function(kreditor_embed target)
  cmake_parse_arguments(ARG "" "FUNCTION" "FILES" ${ARGN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded/${target}_${ARG_FUNCTION}.cpp)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DFUNCTION=${ARG_FUNCTION} "-DFILES=${ARG_FILES}"
            -P ${PROJECT_SOURCE_DIR}/cmake/KreditorEmbedFile.cmake
    DEPENDS ${ARG_FILES} ${PROJECT_SOURCE_DIR}/cmake/KreditorEmbedFile.cmake
    COMMENT "Embedding data into ${target}" VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
