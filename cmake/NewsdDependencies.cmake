# Every dependency is a Debian 12 package installed by scripts/bootstrap.
include_guard(GLOBAL)

# NEWSD_STATIC_DEPENDENCIES: link the libraries every command uses (libxml2 with ICU, lzma and
# zlib, Boost.JSON/URL, pugixml, xxHash, fmt, toml++, libstdc++ and libgcc) from Debian's static
# archives, so that newsd starts with only glibc mapped: start-up is the dynamic loader's work
# for each shared library, and issue 16 asks <= 10 ms for `newsd extract` (docs/performance.md).
# The price: a Debian security update of one of them needs a rebuild of newsd (docs/design.md,
# "Libraries linked statically"). OFF gives the distro-style build, every library shared.
# Off under the sanitizers and fuzzing, which want the libraries as they are.
if(NOT NEWSD_SANITIZE AND NOT NEWSD_FUZZ)
  set(newsd_static_default ON)
else()
  set(newsd_static_default OFF)
endif()
option(NEWSD_STATIC_DEPENDENCIES
       "link libxml2/ICU/lzma/zlib, Boost.JSON/URL, pugixml, xxHash, fmt, toml++ and libstdc++ statically (faster start-up)"
       ${newsd_static_default})

# Boost's CMake configuration picks libboost_*.a by this variable (its "static" variant).
set(Boost_USE_STATIC_LIBS ${NEWSD_STATIC_DEPENDENCIES})
find_package(Boost 1.81 CONFIG REQUIRED COMPONENTS url json)
find_package(pugixml CONFIG REQUIRED)
find_package(fmt CONFIG REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(BROTLI REQUIRED IMPORTED_TARGET libbrotlidec libbrotlienc)
pkg_check_modules(SYSTEMD REQUIRED IMPORTED_TARGET libsystemd)
pkg_check_modules(TOMLPP REQUIRED IMPORTED_TARGET tomlplusplus)
if(NEWSD_TESTS)
  find_package(GTest CONFIG REQUIRED)
endif()
if(NEWSD_BENCH AND NOT NEWSD_SANITIZE AND NOT NEWSD_FUZZ)
  find_package(benchmark CONFIG REQUIRED)
endif()

# newsd_import_static(TARGET MODULE): imported target TARGET for the pkg-config MODULE, linked from
# Debian's static archives (libNAME.a) together with everything `pkg-config --static` lists for
# it (libxml2: ICU, zlib, lzma). glibc's own libraries stay shared. TARGET is the name the shared
# build's find module gives, so the targets that link it are the same in both builds.
function(newsd_import_static target module)
  string(MAKE_C_IDENTIFIER "${module}" id)
  pkg_check_modules(NEWSD_STATIC_${id} REQUIRED QUIET ${module})
  set(archives)
  foreach(name IN LISTS NEWSD_STATIC_${id}_STATIC_LIBRARIES)
    if(name MATCHES "^(c|m|dl|pthread|rt)$")
      list(APPEND archives ${name})
      continue()
    endif()
    find_library(NEWSD_STATIC_ARCHIVE_${name} NAMES lib${name}.a)
    if(NOT NEWSD_STATIC_ARCHIVE_${name})
      message(FATAL_ERROR "lib${name}.a (needed by ${module}) not found: install its Debian -dev package "
                          "(scripts/bootstrap), or configure with -DNEWSD_STATIC_DEPENDENCIES=OFF")
    endif()
    list(APPEND archives ${NEWSD_STATIC_ARCHIVE_${name}})
  endforeach()
  list(POP_FRONT archives location)
  add_library(${target} STATIC IMPORTED)
  set_target_properties(${target} PROPERTIES
    IMPORTED_LOCATION "${location}"
    INTERFACE_INCLUDE_DIRECTORIES "${NEWSD_STATIC_${id}_STATIC_INCLUDE_DIRS}"
    INTERFACE_COMPILE_OPTIONS "${NEWSD_STATIC_${id}_STATIC_CFLAGS_OTHER}"
    INTERFACE_LINK_LIBRARIES "${archives}")
endfunction()

if(NEWSD_STATIC_DEPENDENCIES)
  newsd_import_static(LibXml2::LibXml2 libxml-2.0)
  newsd_import_static(ZLIB::ZLIB zlib)
  newsd_import_static(PkgConfig::XXHASH libxxhash)
  # pugixml's configuration declares both; pugixml::pugixml names the shared one.
  set_target_properties(pugixml::pugixml PROPERTIES INTERFACE_LINK_LIBRARIES pugixml::static)
  # Debian ships no libfmt.a: fmt's implementation (its headers' format-inl.h) is compiled once
  # here, as fmt's own src/format.cc does (FMT_HEADER_ONLY instead would compile it in each of
  # the ~60 files that include fmt: +4-5 s of CPU each).
  add_library(newsd_fmt STATIC ${PROJECT_SOURCE_DIR}/cmake/static/fmt_format.cpp)
  target_include_directories(newsd_fmt SYSTEM PUBLIC $<TARGET_PROPERTY:fmt::fmt-header-only,INTERFACE_INCLUDE_DIRECTORIES>)
  target_compile_features(newsd_fmt PUBLIC cxx_variadic_templates)
  # No libtomlplusplus.a either: toml++ in its header-only mode (daemon/config/config.cpp is the
  # one file that includes it).
  add_library(newsd_tomlplusplus INTERFACE)
  target_include_directories(newsd_tomlplusplus SYSTEM INTERFACE ${TOMLPP_INCLUDE_DIRS})
  target_compile_definitions(newsd_tomlplusplus INTERFACE TOML_HEADER_ONLY=1)
else()
  find_package(LibXml2 REQUIRED)
  find_package(ZLIB REQUIRED)
  pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
  add_library(newsd_fmt INTERFACE)
  target_link_libraries(newsd_fmt INTERFACE fmt::fmt)
  add_library(newsd_tomlplusplus INTERFACE)
  target_link_libraries(newsd_tomlplusplus INTERFACE PkgConfig::TOMLPP)
endif()

# newsd_static_runtime(TARGET): with NEWSD_STATIC_DEPENDENCIES, the executable TARGET carries
# libstdc++ and libgcc too. Safe only because no library newsd loads at run time is C++: the lazily
# loaded ones (cmake/lazy) are C libraries, which the ctest newsd_lazy_libraries checks. The
# tests and benchmarks keep the shared libstdc++ (GoogleTest and Google Benchmark need it).
function(newsd_static_runtime target)
  if(NEWSD_STATIC_DEPENDENCIES)
    target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc)
  endif()
endfunction()
