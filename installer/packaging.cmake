# Debian package: `cpack -G DEB` in the build folder writes stevedore_VERSION_ARCH.deb with the
# two programs, the desktop file, the AppStream metainfo, the icons (SVG and PNG sizes) and the
# stevedorectl man page. Translations are compiled into the programs. Installed with
# `apt install ./stevedore_*.deb`; tests/package checks the result.
set(CPACK_PACKAGE_NAME "stevedore")
set(CPACK_PACKAGE_VENDOR "Stevedore")
set(CPACK_PACKAGE_CONTACT "Stevedore maintainers <maintainers@stevedore.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION "Stevedore opens a pipeline written as Kargo manifests, draws \
it as a graph, discovers new releases in git repositories, container registries and Helm \
repositories, and promotes them stage by stage with your own git identity and credentials. \
stevedorectl does the same work without a screen.")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Plugins that dpkg-shlibdeps cannot see: the local store's SQLite driver and the SVG icon
# loader. Qt's own translations (dialog buttons) and a Secret Service for credentials help.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, gnome-keyring | libkf5wallet-bin")
set(CPACK_STRIP_FILES ON)
include(CPack)
