# Compiler settings every newsd target shares.
add_library(newsd_defaults INTERFACE)
target_compile_options(newsd_defaults INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
if(NEWSD_WERROR)
  target_compile_options(newsd_defaults INTERFACE -Werror)
endif()
if(NEWSD_SANITIZE)
  target_compile_options(newsd_defaults INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                  -fno-sanitize-recover=undefined)
  target_link_options(newsd_defaults INTERFACE -fsanitize=address,undefined)
endif()
if(NEWSD_FUZZ)
  # Instrument the libraries for coverage; only the fuzz executables link libFuzzer's main.
  target_compile_options(newsd_defaults INTERFACE -fsanitize=fuzzer-no-link,address,undefined)
  target_link_options(newsd_defaults INTERFACE -fsanitize=address,undefined)
endif()

# Glob a folder's sources; CONFIGURE_DEPENDS re-globs when files are added.
function(newsd_glob_sources out)
  file(GLOB_RECURSE found CONFIGURE_DEPENDS ${ARGN})
  set(${out} ${found} PARENT_SCOPE)
endfunction()
