# AddressSanitizer + UBSan for the test build (`make test`).
add_library(schoolctl_sanitizers INTERFACE)
option(SCHOOLCTL_SANITIZE "Build with AddressSanitizer and UBSan" OFF)
# libFuzzer targets (`make fuzz`, clang only): the whole core is instrumented for coverage and
# checked by ASan and UBSan; fuzz/CMakeLists.txt links each target with -fsanitize=fuzzer.
option(SCHOOLCTL_FUZZ "Build the libFuzzer targets in fuzz/ (clang)" OFF)
if(SCHOOLCTL_FUZZ)
  set(san_flags -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                -fno-sanitize-recover=all)
  target_compile_options(schoolctl_sanitizers INTERFACE ${san_flags})
  target_link_options(schoolctl_sanitizers INTERFACE -fsanitize=address,undefined)
elseif(SCHOOLCTL_SANITIZE)
  set(san_flags -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_compile_options(schoolctl_sanitizers INTERFACE ${san_flags})
  target_link_options(schoolctl_sanitizers INTERFACE ${san_flags})
endif()
