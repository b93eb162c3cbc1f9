#pragma once

#include <QString>
#include <QStringList>

namespace Stevedore {

/// The stage colours Kargo's UI knows for the `kargo.akuity.io/color` annotation.
namespace StageColors {

QStringList names();
bool isKnown(const QString &name);
/// `#rrggbb` for a known name, an empty string otherwise.
QString hex(const QString &name);
/// A colour for a stage without a (known) annotation, stable for its name.
QString fallbackHex(const QString &stageName);

} // namespace StageColors

} // namespace Stevedore
