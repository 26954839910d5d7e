# ctest newsd_lazy_libraries: BINARY must not list any of LIBRARIES (names as in -lNAME) among
# its DT_NEEDED entries, must start (`--version`), and must still reach libpq when a command
# needs it. With STATIC (NEWSD_STATIC_DEPENDENCIES) BINARY must need nothing but glibc at
# start-up, and none of LIBRARY_PATHS (the lazily loaded libraries) may bring in a libstdc++ or
# libgcc_s: BINARY carries its own copies, and a second C++ runtime in the process is unsafe.
execute_process(COMMAND readelf -d ${BINARY} OUTPUT_VARIABLE dynamic COMMAND_ERROR_IS_FATAL ANY)
foreach(name IN LISTS LIBRARIES)
  if(dynamic MATCHES "NEEDED[^\n]*\\[lib${name}\\.so")
    message(FATAL_ERROR "${BINARY} loads lib${name} at start-up; it should be lazy (cmake/lazy):\n${dynamic}")
  endif()
endforeach()
if(STATIC)
  string(REGEX MATCHALL "NEEDED[^\n]*\\[[^]\n]+\\]" needed "${dynamic}")
  foreach(entry IN LISTS needed)
    if(NOT entry MATCHES "\\[(libc\\.so\\.6|libm\\.so\\.6|ld-linux[-a-z0-9_]*\\.so\\.[0-9]+)\\]$")
      message(FATAL_ERROR "${BINARY} needs a shared library other than glibc at start-up "
                          "(NEWSD_STATIC_DEPENDENCIES): ${entry}\n${dynamic}")
    endif()
  endforeach()
  foreach(library IN LISTS LIBRARY_PATHS)
    execute_process(COMMAND ldd ${library} OUTPUT_VARIABLE closure COMMAND_ERROR_IS_FATAL ANY)
    if(closure MATCHES "(libstdc\\+\\+|libgcc_s)[^ ]*")
      message(FATAL_ERROR "${library}, loaded lazily by ${BINARY}, brings in ${CMAKE_MATCH_0}, while "
                          "${BINARY} carries its own (NEWSD_STATIC_DEPENDENCIES): link that library "
                          "normally or statically instead (cmake/lazy/LazyLibraries.cmake)\n${closure}")
    endif()
  endforeach()
endif()
execute_process(COMMAND ${BINARY} --version RESULT_VARIABLE status OUTPUT_VARIABLE out)
if(NOT status EQUAL 0 OR NOT out MATCHES "^newsd ")
  message(FATAL_ERROR "${BINARY} --version failed (${status}): ${out}")
endif()

# A command that calls into libpq: the message must be libpq's own (the library was loaded on
# first use and the call went through), not the stub resolver's "cannot load".
execute_process(COMMAND ${BINARY} status --db "postgresql:///newsd?host=/nonexistent-newsd-lazy-check"
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(status EQUAL 0 OR NOT err MATCHES "nonexistent-newsd-lazy-check/\\.s\\.PGSQL" OR err MATCHES "cannot load")
  message(FATAL_ERROR "${BINARY} status did not reach libpq (${status}):\n${out}${err}")
endif()
if(STATIC)
  message(STATUS "${BINARY}: only glibc at start-up; none of ${LIBRARIES} loaded at start-up, none brings "
                 "a C++ runtime; libpq loaded on first use")
else()
  message(STATUS "${BINARY}: none of ${LIBRARIES} loaded at start-up; libpq loaded on first use")
endif()
