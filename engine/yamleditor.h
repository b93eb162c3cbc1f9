#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace Stevedore {

/// One change of a yaml-update step: the value to give the key at a dot path.
struct YamlUpdate
{
    /// A dot path as Kargo's yaml-update step takes it: `image.tag`, `a.0.b` (an integer part
    /// indexes a list), `annotations.example\.com/team` (`\.` is a dot inside a key part),
    /// `:0` (a leading `:` makes a number-looking part a mapping key).
    QString key;
    /// A string, a bool, a number or null. Strings keep the edited scalar's quoting style when
    /// it can express them; the other types are written plain so they keep their YAML type.
    QVariant value;
};

/// Applies yaml-update edits to a YAML file by rewriting only the bytes of the edited scalars,
/// so comments, key order, indentation, quoting, flow/block styles, anchors and line endings
/// elsewhere stay exactly as they were (what a reviewer expects to see in the diff).
///
/// As in Kargo, only the first document of the file is edited; an update that reaches a node
/// through an alias edits the anchored node (so every alias of it sees the new value). Missing
/// mapping keys are created at the end of their parent mapping; a list index past the end, a
/// path through a scalar, or a key that addresses a mapping or list is an error.
class YamlEditor
{
    Q_DECLARE_TR_FUNCTIONS(YamlEditor)

public:
    /// @p text with @p updates applied in order, or nothing with @p error (when not null) set
    /// to a message naming the failing key.
    static std::optional<QByteArray> update(const QByteArray &text,
                                            const QList<YamlUpdate> &updates, QString *error);
};

} // namespace Stevedore
