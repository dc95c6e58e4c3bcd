# Embeds data/common-passwords.txt into the binary: the password check must not depend on a
# file being found on disk at run time. Included from CMakeLists.txt it defines
# embed_password_list(); run with -P (by the build) it writes the generated source.
if(CMAKE_SCRIPT_MODE_FILE)
  file(READ ${IN} bytes HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${bytes}")
  file(WRITE ${OUT}.tmp "// Generated from data/common-passwords.txt; do not edit.\n"
    "#include \"domain/common_passwords.h\"\n\n"
    "namespace schoolctl::domain {\nnamespace {\n"
    "const char list_text[] = {${bytes} 0};\n"
    "}  // namespace\n\n"
    "std::string_view common_passwords_text() {\n"
    "    return {list_text, sizeof list_text - 1};\n}\n\n"
    "}  // namespace schoolctl::domain\n")
  file(RENAME ${OUT}.tmp ${OUT})
  return()
endif()

set(_embed_password_list_script ${CMAKE_CURRENT_LIST_FILE})

function(embed_password_list out_var list_file)
  set(out ${PROJECT_BINARY_DIR}/generated/common_passwords_list.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DIN=${list_file} -DOUT=${out} -P ${_embed_password_list_script}
    DEPENDS ${list_file} ${_embed_password_list_script}
    COMMENT "Embedding the common-password list"
    VERBATIM)
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
