#include "engine/freight.h"

#include "engine/urlnormalization.h"

#include <QByteArrayList>
#include <QCryptographicHash>
#include <QJsonArray>

#include <algorithm>

namespace Stevedore {

using namespace Qt::StringLiterals;

namespace {

// Go's path.Clean: one slash between elements, no "." elements, ".." resolved where possible.
QByteArray cleanPath(const QByteArray &path)
{
    if (path.isEmpty())
        return ".";
    const bool rooted = path.front() == '/';
    const qsizetype n = path.size();
    QByteArray out;
    qsizetype r = 0;
    qsizetype dotdot = 0; // where ".." can no longer back up
    if (rooted) {
        out.append('/');
        r = dotdot = 1;
    }
    while (r < n) {
        if (path.at(r) == '/') {
            ++r;
        } else if (path.at(r) == '.' && (r + 1 == n || path.at(r + 1) == '/')) {
            ++r;
        } else if (path.at(r) == '.' && path.at(r + 1) == '.' &&
                   (r + 2 == n || path.at(r + 2) == '/')) {
            r += 2;
            if (out.size() > dotdot) {
                out.chop(1);
                while (out.size() > dotdot && out.back() != '/')
                    out.chop(1);
            } else if (!rooted) {
                if (!out.isEmpty())
                    out.append('/');
                out.append("..");
                dotdot = out.size();
            }
        } else {
            if ((rooted && out.size() != 1) || (!rooted && !out.isEmpty()))
                out.append('/');
            while (r < n && path.at(r) != '/')
                out.append(path.at(r++));
        }
    }
    return out.isEmpty() ? QByteArray(".") : out;
}

// Go's path.Join of two elements: empty elements are skipped, the result is cleaned.
QByteArray joinPath(const QByteArray &a, const QByteArray &b)
{
    if (!a.isEmpty())
        return cleanPath(b.isEmpty() ? a : a + '/' + b);
    return b.isEmpty() ? QByteArray() : cleanPath(b);
}

QByteArray withSubscription(QByteArray part, const QString &subscriptionName)
{
    if (!subscriptionName.isEmpty())
        part += ':' + subscriptionName.toUtf8();
    return part;
}

QString timestamp(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime fromTimestamp(const QJsonValue &value)
{
    const QDateTime when = QDateTime::fromString(value.toString(), Qt::ISODate);
    return when.isValid() ? when.toUTC() : QDateTime();
}

// Kargo's JSON leaves empty fields out (omitempty).
void insertIfSet(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

QJsonObject toJson(const FreightCommit &commit)
{
    QJsonObject object;
    insertIfSet(object, u"repoURL"_s, commit.repoURL);
    insertIfSet(object, u"id"_s, commit.id);
    insertIfSet(object, u"branch"_s, commit.branch);
    insertIfSet(object, u"tag"_s, commit.tag);
    insertIfSet(object, u"message"_s, commit.message);
    insertIfSet(object, u"author"_s, commit.author);
    // Not a Kargo field: the time Stevedore read from the commit.
    insertIfSet(object, u"committedAt"_s, timestamp(commit.committedAt));
    insertIfSet(object, u"subscriptionName"_s, commit.subscriptionName);
    return object;
}

QJsonObject toJson(const FreightImage &image)
{
    QJsonObject object;
    insertIfSet(object, u"repoURL"_s, image.repoURL);
    insertIfSet(object, u"tag"_s, image.tag);
    insertIfSet(object, u"digest"_s, image.digest);
    insertIfSet(object, u"subscriptionName"_s, image.subscriptionName);
    return object;
}

QJsonObject toJson(const FreightChart &chart)
{
    QJsonObject object;
    insertIfSet(object, u"repoURL"_s, chart.repoURL);
    insertIfSet(object, u"name"_s, chart.name);
    insertIfSet(object, u"version"_s, chart.version);
    insertIfSet(object, u"subscriptionName"_s, chart.subscriptionName);
    return object;
}

template<typename T>
QJsonArray toJsonArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

QString text(const QJsonObject &object, const char16_t *key)
{
    return object.value(QStringView(key)).toString();
}

} // namespace

QString Freight::computeId(const QString &warehouse, const QList<FreightCommit> &commits,
                           const QList<FreightImage> &images, const QList<FreightChart> &charts)
{
    QByteArrayList parts;
    for (const FreightCommit &commit : commits) {
        // The tag is part of a tagged commit's identity: the same commit tagged v1.0.0-rc.1 and
        // later v1.0.0 makes two pieces of freight.
        QByteArray part = normalizeGitURL(commit.repoURL).toUtf8() + ':';
        if (!commit.tag.isEmpty())
            part += commit.tag.toUtf8() + ':';
        part += commit.id.toUtf8();
        parts.append(withSubscription(part, commit.subscriptionName));
    }
    for (const FreightImage &image : images) {
        // Both tag and digest: a mutable tag can move to a new digest, and a digest can be
        // re-tagged.
        parts.append(withSubscription(image.repoURL.toUtf8() + ':' + image.tag.toUtf8() + '@' +
                                          image.digest.toUtf8(),
                                      image.subscriptionName));
    }
    for (const FreightChart &chart : charts) {
        parts.append(withSubscription(
            joinPath(normalizeChartURL(chart.repoURL).toUtf8(), chart.name.toUtf8()) + ':' +
                chart.version.toUtf8(),
            chart.subscriptionName));
    }
    // Go sorts strings by their UTF-8 bytes.
    std::sort(parts.begin(), parts.end());
    const QByteArray hashed = "Warehouse/" + warehouse.toUtf8() + ':' + parts.join('|');
    return QString::fromLatin1(QCryptographicHash::hash(hashed, QCryptographicHash::Sha1).toHex());
}

QJsonObject Freight::toJson() const
{
    QJsonObject object;
    insertIfSet(object, u"id"_s, id);
    insertIfSet(object, u"alias"_s, alias);
    object.insert(u"origin"_s, QJsonObject{{u"kind"_s, origin.kind}, {u"name"_s, origin.name}});
    if (!commits.isEmpty())
        object.insert(u"commits"_s, toJsonArray(commits));
    if (!images.isEmpty())
        object.insert(u"images"_s, toJsonArray(images));
    if (!charts.isEmpty())
        object.insert(u"charts"_s, toJsonArray(charts));
    insertIfSet(object, u"discoveredAt"_s, timestamp(discoveredAt));
    return object;
}

Freight Freight::fromJson(const QJsonObject &object)
{
    Freight freight;
    freight.id = text(object, u"id");
    freight.alias = text(object, u"alias");
    const QJsonObject origin = object.value(u"origin").toObject();
    if (origin.contains(u"kind"))
        freight.origin.kind = text(origin, u"kind");
    freight.origin.name = text(origin, u"name");
    for (const QJsonValue &value : object.value(u"commits").toArray()) {
        const QJsonObject item = value.toObject();
        FreightCommit commit;
        commit.repoURL = text(item, u"repoURL");
        commit.id = text(item, u"id");
        commit.branch = text(item, u"branch");
        commit.tag = text(item, u"tag");
        commit.message = text(item, u"message");
        commit.author = text(item, u"author");
        commit.committedAt = fromTimestamp(item.value(u"committedAt"));
        commit.subscriptionName = text(item, u"subscriptionName");
        freight.commits.append(commit);
    }
    for (const QJsonValue &value : object.value(u"images").toArray()) {
        const QJsonObject item = value.toObject();
        freight.images.append({text(item, u"repoURL"), text(item, u"tag"), text(item, u"digest"),
                               text(item, u"subscriptionName")});
    }
    for (const QJsonValue &value : object.value(u"charts").toArray()) {
        const QJsonObject item = value.toObject();
        freight.charts.append({text(item, u"repoURL"), text(item, u"name"), text(item, u"version"),
                               text(item, u"subscriptionName")});
    }
    freight.discoveredAt = fromTimestamp(object.value(u"discoveredAt"));
    return freight;
}

} // namespace Stevedore
