#pragma once

#include <QString>

namespace Stevedore::Versions {

/// Versions of the libraries this build runs with, for the About dialog and `--version`.
QString stevedore();
QString qt();
QString libgit2();
QString yamlCpp();
QString graphviz();

} // namespace Stevedore::Versions
