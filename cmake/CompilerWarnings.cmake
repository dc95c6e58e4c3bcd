# Warnings as an INTERFACE target so every target opts in the same way.
add_library(schoolctl_warnings INTERFACE)
target_compile_options(schoolctl_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Wunused -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
# GCC 12 at -O3 reports -Wrestrict inside libstdc++ for `"text" + std::string&&` (GCC PR 105651,
# a false positive); we never call memcpy ourselves.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(schoolctl_warnings INTERFACE -Wno-restrict)
endif()
option(SCHOOLCTL_WERROR "Treat warnings as errors" OFF)
if(SCHOOLCTL_WERROR)
  target_compile_options(schoolctl_warnings INTERFACE -Werror)
endif()
