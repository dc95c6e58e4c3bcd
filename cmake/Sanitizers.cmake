# AddressSanitizer + UBSan for the test build (`make test`).
add_library(schoolctl_sanitizers INTERFACE)
option(SCHOOLCTL_SANITIZE "Build with AddressSanitizer and UBSan" OFF)
if(SCHOOLCTL_SANITIZE)
  set(san_flags -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_compile_options(schoolctl_sanitizers INTERFACE ${san_flags})
  target_link_options(schoolctl_sanitizers INTERFACE ${san_flags})
endif()
