# Embeds schemas/NNNN_*.sql into the binary: migrations must travel with the program that
# expects them, never be looked up on disk at run time.
function(embed_schemas out_var schema_dir)
  file(GLOB sql_files CONFIGURE_DEPENDS ${schema_dir}/[0-9][0-9][0-9][0-9]_*.sql)
  list(SORT sql_files)
  set(out ${PROJECT_BINARY_DIR}/generated/embedded_schemas.cpp)
  # A ';' list would be split into separate arguments of the command; pass it '|'-joined.
  string(REPLACE ";" "|" files_arg "${sql_files}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} "-DFILES=${files_arg}"
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_schemas_script.cmake
    DEPENDS ${sql_files} ${PROJECT_SOURCE_DIR}/cmake/embed_schemas_script.cmake
    COMMENT "Embedding SQL migrations"
    VERBATIM)
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
