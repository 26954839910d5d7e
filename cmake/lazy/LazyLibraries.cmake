# Lazy loading of the shared libraries only some commands use (libpq, libssl, libcrypto, libsystemd,
# libbrotlidec; libtomlplusplus too when NEWSD_STATIC_DEPENDENCIES is off): `newsd extract`, `parse` and `--version` start without mapping, relocating
# and initialising them and the ~25 libraries they pull in (Kerberos, LDAP, GnuTLS, gcrypt...),
# which were two thirds of every command's start-up (docs/performance.md, bench/startup).
# generate.py writes one stub per exported function; the stubs come before the libraries on
# the link line, so with --as-needed the linker drops their DT_NEEDED entries, and the first
# call of a function dlopens its library (resolve.cpp). x86-64 only; off under sanitizers
# and fuzzing, where the libraries are linked as usual.
include_guard(GLOBAL)

if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64)$" AND NOT NEWSD_SANITIZE AND NOT NEWSD_FUZZ)
  set(newsd_lazy_default ON)
else()
  set(newsd_lazy_default OFF)
endif()
option(NEWSD_LAZY_LIBRARIES "load libpq, libssl, libcrypto, libsystemd and libbrotlidec on first use (faster start-up)"
       ${newsd_lazy_default})
if(NEWSD_LAZY_LIBRARIES)
  enable_language(ASM)
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
endif()

# The libraries (as in -lNAME) that are loaded on first use. Each must export functions only
# (generate.py refuses data) and be needed by no library that is loaded at start-up.
# With NEWSD_STATIC_DEPENDENCIES toml++ is compiled in (header-only), and every library here must
# be a C library: newsd then carries its own libstdc++, and a second one must never be loaded.
set(NEWSD_LAZY_NAMES pq ssl systemd brotlidec crypto)
if(NOT NEWSD_STATIC_DEPENDENCIES)
  list(APPEND NEWSD_LAZY_NAMES tomlplusplus)
endif()

# newsd_lazy_link(TARGET): link TARGET with NEWSD_LAZY_NAMES loaded lazily.
function(newsd_lazy_link target)
  if(NOT NEWSD_LAZY_LIBRARIES)
    return()
  endif()
  set(paths)
  foreach(name IN LISTS NEWSD_LAZY_NAMES)
    find_library(NEWSD_LAZY_LIBRARY_${name} NAMES ${name} REQUIRED)
    list(APPEND paths ${NEWSD_LAZY_LIBRARY_${name}})
  endforeach()
  set(stubs ${CMAKE_CURRENT_BINARY_DIR}/${target}_lazy_stubs.S)
  add_custom_command(OUTPUT ${stubs}
    COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/cmake/lazy/generate.py ${stubs} ${paths}
    DEPENDS ${PROJECT_SOURCE_DIR}/cmake/lazy/generate.py ${paths}
    COMMENT "Lazy-loading stubs for ${NEWSD_LAZY_NAMES}" VERBATIM)
  # Objects, not an archive: always linked, and ahead of every library on the command line.
  add_library(${target}_lazy OBJECT ${stubs} ${PROJECT_SOURCE_DIR}/cmake/lazy/resolve.cpp)
  set_source_files_properties(${PROJECT_SOURCE_DIR}/cmake/lazy/resolve.cpp TARGET_DIRECTORY ${target}_lazy
                              PROPERTIES COMPILE_OPTIONS "-Wall;-Wextra;-Wpedantic;$<$<BOOL:${NEWSD_WERROR}>:-Werror>")
  target_sources(${target} PRIVATE $<TARGET_OBJECTS:${target}_lazy>)
  # --as-needed drops the stubbed libraries; -O1 and packed relative relocations (DT_RELR, glibc
  # >= 2.36) make the dynamic loader's share of start-up smaller still.
  target_link_options(${target} PRIVATE -Wl,--as-needed -Wl,-O1 -Wl,-z,pack-relative-relocs)
  target_link_libraries(${target} PRIVATE ${CMAKE_DL_LIBS})
endfunction()

# newsd_lazy_test(TARGET): a unit test that TARGET loads none of NEWSD_LAZY_NAMES at start-up
# and still runs (`--version`); with NEWSD_STATIC_DEPENDENCIES also that it needs nothing but
# glibc at start-up and that no lazily loaded library brings a libstdc++ (cmake/lazy/check.cmake).
function(newsd_lazy_test target)
  if(NOT NEWSD_LAZY_LIBRARIES)
    return()
  endif()
  set(paths)
  foreach(name IN LISTS NEWSD_LAZY_NAMES)
    list(APPEND paths ${NEWSD_LAZY_LIBRARY_${name}})
  endforeach()
  add_test(NAME ${target}_lazy_libraries
           COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:${target}> "-DLIBRARIES=${NEWSD_LAZY_NAMES}"
                   "-DLIBRARY_PATHS=${paths}" -DSTATIC=${NEWSD_STATIC_DEPENDENCIES}
                   -P ${PROJECT_SOURCE_DIR}/cmake/lazy/check.cmake)
  set_tests_properties(${target}_lazy_libraries PROPERTIES LABELS unit)
endfunction()
