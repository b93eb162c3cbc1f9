#include "engine/ocitypes.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Stevedore {

std::optional<OciPlatform> OciPlatform::parse(const QString &text)
{
    // strings.SplitN(platform, "/", 3): the variant keeps any further slashes.
    const qsizetype first = text.indexOf(u'/');
    if (first < 0)
        return std::nullopt;
    OciPlatform platform;
    platform.os = text.left(first);
    const qsizetype second = text.indexOf(u'/', first + 1);
    if (second < 0) {
        platform.architecture = text.mid(first + 1);
    } else {
        platform.architecture = text.mid(first + 1, second - first - 1);
        platform.variant = text.mid(second + 1);
    }
    return platform;
}

QString OciPlatform::toString() const
{
    if (variant.isEmpty())
        return os + u'/' + architecture;
    return os + u'/' + architecture + u'/' + variant;
}

bool OciPlatform::matches(const OciPlatform &other) const
{
    return *this == other;
}

bool OciManifest::isIndex() const
{
    return mediaType == u"application/vnd.oci.image.index.v1+json" ||
           mediaType == u"application/vnd.docker.distribution.manifest.list.v2+json";
}

QDateTime OciBuildTime::parseRfc3339(const QString &text)
{
    static const QRegularExpression pattern(
        u"^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?"
        u"(?:(Z)|([+-])(\\d{2}):(\\d{2}))$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    const auto number = [&match](int group) { return match.capturedView(group).toInt(); };
    const QDate date(number(1), number(2), number(3));
    int milliseconds = 0;
    if (match.hasCaptured(7))
        milliseconds = match.captured(7).leftJustified(3, u'0').left(3).toInt();
    const QTime time(number(4), number(5), number(6), milliseconds);
    if (!date.isValid() || !time.isValid())
        return {};
    int offsetSeconds = 0;
    if (!match.hasCaptured(8)) {
        const int hours = number(10);
        const int minutes = number(11);
        if (hours > 23 || minutes > 59)
            return {};
        offsetSeconds = (hours * 60 + minutes) * 60;
        if (match.capturedView(9) == u"-")
            offsetSeconds = -offsetSeconds;
    }
    return QDateTime(date, time, Qt::UTC).addSecs(-offsetSeconds);
}

QDateTime OciBuildTime::latest(const QMap<QString, QString> &manifestAnnotations,
                               const QMap<QString, QString> &configLabels,
                               const QString &configCreated)
{
    QDateTime newest;
    const auto consider = [&newest](const QString &text) {
        const QDateTime when = parseRfc3339(text);
        if (when.isValid() && (!newest.isValid() || when > newest))
            newest = when;
    };
    for (const QMap<QString, QString> *source : {&manifestAnnotations, &configLabels}) {
        consider(source->value(createdKey));
        consider(source->value(labelSchemaKey));
    }
    consider(configCreated);
    return newest;
}

} // namespace Stevedore
