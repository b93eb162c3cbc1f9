#pragma once

#include "engine/freight.h"

#include <QList>
#include <QString>

namespace Stevedore {

/// One artifact of a freight, as the views show it.
struct ArtifactLabel
{
    /// Which subscription it comes from (kind, repository and subscription name): the same
    /// key in two freight of one warehouse means the same artifact, maybe in another version.
    QString key;
    QString text;   ///< short: `guestbook:v1.2.0`, `app v1.2.0`, `app 1a2b3c4`, `chart 1.4.2`
    QString detail; ///< long: the repository and every identifier, for tooltips
};

/// The one way freight is summarised on screen: graph nodes, freight cards, the review.
namespace FreightText {

QList<ArtifactLabel> artifacts(const Freight &freight);
/// The short texts of every artifact, joined by @p separator.
QString versions(const Freight &freight, const QString &separator = QStringLiteral(", "));
/// The version of the first artifact (an image's tag, a commit's tag or short id, a chart's
/// version): what a graph node has room for.
QString firstVersion(const Freight &freight);
/// The last part of a repository URL, without `.git`.
QString repositoryName(const QString &repoURL);

} // namespace FreightText

} // namespace Stevedore
