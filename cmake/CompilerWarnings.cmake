# Warnings as an INTERFACE target so every target opts in the same way.
add_library(schoolctl_warnings INTERFACE)
target_compile_options(schoolctl_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Wunused -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
option(SCHOOLCTL_WERROR "Treat warnings as errors" OFF)
if(SCHOOLCTL_WERROR)
  target_compile_options(schoolctl_warnings INTERFACE -Werror)
endif()
