# `cmake --install BUILD [--prefix PREFIX]` (and `make install PREFIX=... DESTDIR=...`):
#   PREFIX/bin/newsd
#   PREFIX/lib/systemd/system/newsd.service   ExecStart= and Documentation= point into PREFIX
#   PREFIX/lib/sysusers.d/newsd.conf          the newsd system user
#   PREFIX/lib/tmpfiles.d/newsd.conf          /var/lib/newsd and /etc/newsd
#   PREFIX/share/doc/newsd/*.md               the documentation (the unit's Documentation=)
#   PREFIX/share/doc/newsd/examples/          newsd.toml and sources.opml to copy into /etc/newsd
#   PREFIX/share/newsd/sql/migrations/        the schema (also compiled into the binary)
# DESTDIR is honoured by CMake itself. The prefix may be changed at install
# time (--prefix), so the unit's paths are substituted then, not at configure
# time. The systemd directories are lib/ under the prefix: /usr/lib/systemd/...
# for PREFIX=/usr, /usr/local/lib/systemd/... (which systemd also reads) for
# the default /usr/local.
include(GNUInstallDirs)

set(NEWSD_SYSTEMD_UNIT_DIR "lib/systemd/system" CACHE STRING "systemd unit directory, relative to the prefix")
set(NEWSD_SYSUSERS_DIR "lib/sysusers.d" CACHE STRING "sysusers.d directory, relative to the prefix")
set(NEWSD_TMPFILES_DIR "lib/tmpfiles.d" CACHE STRING "tmpfiles.d directory, relative to the prefix")
foreach(relative IN ITEMS CMAKE_INSTALL_BINDIR CMAKE_INSTALL_DOCDIR NEWSD_SYSTEMD_UNIT_DIR)
  if(IS_ABSOLUTE "${${relative}}")
    message(FATAL_ERROR "${relative} must be relative to the prefix (it is ${${relative}})")
  endif()
endforeach()

# The unit as written in systemd/ names the /usr/local paths; this writes a
# copy naming the install prefix's, just before it is installed.
set(newsd_installed_unit "${CMAKE_CURRENT_BINARY_DIR}/install/newsd.service")
install(CODE "
  file(READ \"${PROJECT_SOURCE_DIR}/systemd/newsd.service\" unit)
  string(REPLACE \"/usr/local/bin/newsd\" \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/newsd\" unit \"\${unit}\")
  string(REPLACE \"file:///usr/local/share/doc/newsd/\" \"file://\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DOCDIR}/\"
         unit \"\${unit}\")
  file(WRITE \"${newsd_installed_unit}\" \"\${unit}\")
")
install(FILES ${newsd_installed_unit} DESTINATION ${NEWSD_SYSTEMD_UNIT_DIR})
install(FILES systemd/newsd.sysusers DESTINATION ${NEWSD_SYSUSERS_DIR} RENAME newsd.conf)
install(FILES systemd/newsd.tmpfiles DESTINATION ${NEWSD_TMPFILES_DIR} RENAME newsd.conf)
install(FILES systemd/newsd.toml.example DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples RENAME newsd.toml)
install(FILES systemd/sources.opml.example DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples RENAME sources.opml)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.md")
install(DIRECTORY sql/migrations DESTINATION ${CMAKE_INSTALL_DATADIR}/newsd/sql FILES_MATCHING PATTERN "*.sql")
