# ctest newsd_lazy_libraries: BINARY must not list any of LIBRARIES (names as in -lNAME) among
# its DT_NEEDED entries, must start (`--version`), and must still reach libpq when a command
# needs it.
execute_process(COMMAND readelf -d ${BINARY} OUTPUT_VARIABLE dynamic COMMAND_ERROR_IS_FATAL ANY)
foreach(name IN LISTS LIBRARIES)
  if(dynamic MATCHES "NEEDED[^\n]*\\[lib${name}\\.so")
    message(FATAL_ERROR "${BINARY} loads lib${name} at start-up; it should be lazy (cmake/lazy):\n${dynamic}")
  endif()
endforeach()
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
message(STATUS "${BINARY}: none of ${LIBRARIES} loaded at start-up; libpq loaded on first use")
