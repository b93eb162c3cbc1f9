#include "engine/store.h"
#include "engine/store_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>

namespace Stevedore {

using namespace StoreDetail;

namespace {

QJsonObject toJson(const DiscoveredCommit &commit)
{
    return {{QStringLiteral("id"), commit.id},
            {QStringLiteral("branch"), commit.branch},
            {QStringLiteral("tag"), commit.tag},
            {QStringLiteral("subject"), commit.subject},
            {QStringLiteral("author"), commit.author},
            {QStringLiteral("committedAt"), timestamp(commit.committedAt)}};
}

DiscoveredCommit commitFromJson(const QJsonObject &object)
{
    DiscoveredCommit commit;
    commit.id = object.value(QStringLiteral("id")).toString();
    commit.branch = object.value(QStringLiteral("branch")).toString();
    commit.tag = object.value(QStringLiteral("tag")).toString();
    commit.subject = object.value(QStringLiteral("subject")).toString();
    commit.author = object.value(QStringLiteral("author")).toString();
    commit.committedAt = fromTimestamp(object.value(QStringLiteral("committedAt")).toString());
    return commit;
}

/// An empty string for a null one: Qt binds a null QString as SQL NULL, which the NOT NULL
/// columns refuse, and `INSERT OR IGNORE` would drop that row without a word.
QVariant text(const QString &value)
{
    return QVariant(value.isNull() ? QStringLiteral("") : value);
}

WarehouseStatus::State stateFromName(const QString &name)
{
    for (const auto state :
         {WarehouseStatus::State::Idle, WarehouseStatus::State::Polling, WarehouseStatus::State::Ok,
          WarehouseStatus::State::Error, WarehouseStatus::State::BackingOff}) {
        if (WarehouseStatus::stateName(state) == name)
            return state;
    }
    return WarehouseStatus::State::Idle;
}

} // namespace

QString Store::subscriptionKey(const Subscription &subscription)
{
    if (!subscription.name.isEmpty())
        return subscription.name;
    QString key = subscription.kindName() + u':' + subscription.repoURL();
    if (subscription.kind == Subscription::Kind::Chart && !subscription.chart.name.isEmpty())
        key += u'/' + subscription.chart.name;
    return key;
}

std::optional<GitWalkState> Store::walkState(const QString &warehouse, const QString &key) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT tip, filter_key, selection FROM subscription_state "
                                 "WHERE warehouse = ? AND subscription = ?"));
    query.addBindValue(warehouse);
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return std::nullopt;
    GitWalkState state;
    state.tip = query.value(0).toString();
    state.filterKey = query.value(1).toString();
    const QJsonArray selection =
        QJsonDocument::fromJson(query.value(2).toString().toUtf8()).array();
    for (const QJsonValue &value : selection)
        state.selection.append(commitFromJson(value.toObject()));
    return state;
}

bool Store::saveDiscovery(const QString &warehouse, const QString &key, const QString &repoURL,
                          const GitWalkState &state, QString *error)
{
    QJsonArray selection;
    for (const DiscoveredCommit &commit : state.selection)
        selection.append(toJson(commit));
    const QString now = timestamp(QDateTime::currentDateTimeUtc());
    return inTransaction(database(), error, [&](QSqlQuery &query) {
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO subscription_state (warehouse, "
                                     "subscription, repo_url, tip, filter_key, selection, "
                                     "polled_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &value :
             {QVariant(warehouse), QVariant(key), QVariant(repoURL), QVariant(state.tip),
              QVariant(state.filterKey),
              QVariant(QString::fromUtf8(QJsonDocument(selection).toJson(QJsonDocument::Compact))),
              QVariant(now)})
            query.addBindValue(value);
        if (!query.exec())
            return false;
        query.prepare(QStringLiteral("INSERT OR IGNORE INTO discovered_commits (warehouse, "
                                     "subscription, repo_url, commit_id, tag, branch, subject, "
                                     "author, committed_at, first_seen) VALUES (?, ?, ?, ?, ?, ?, "
                                     "?, ?, ?, ?)"));
        for (const DiscoveredCommit &commit : state.selection) {
            for (const QVariant &value :
                 {text(warehouse), text(key), text(repoURL), text(commit.id), text(commit.tag),
                  text(commit.branch), text(commit.subject), text(commit.author),
                  text(timestamp(commit.committedAt)), text(now)})
                query.addBindValue(value);
            if (!query.exec())
                return false;
        }
        return true;
    });
}

bool Store::saveArtifacts(const QString &warehouse, const QString &key, const QString &repoURL,
                          const QList<DiscoveredImage> &images,
                          const QList<DiscoveredChart> &charts, QString *error)
{
    const QString now = timestamp(QDateTime::currentDateTimeUtc());
    return inTransaction(database(), error, [&](QSqlQuery &query) {
        query.prepare(QStringLiteral("INSERT OR IGNORE INTO discovered_images (warehouse, "
                                     "subscription, repo_url, tag, digest, created_at, "
                                     "first_seen) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const DiscoveredImage &image : images) {
            for (const QVariant &value :
                 {text(warehouse), text(key), text(repoURL), text(image.tag), text(image.digest),
                  text(timestamp(image.createdAt)), text(now)})
                query.addBindValue(value);
            if (!query.exec())
                return false;
        }
        query.prepare(QStringLiteral("INSERT OR IGNORE INTO discovered_charts (warehouse, "
                                     "subscription, repo_url, name, version, first_seen) VALUES "
                                     "(?, ?, ?, ?, ?, ?)"));
        for (const DiscoveredChart &chart : charts) {
            for (const QVariant &value : {text(warehouse), text(key), text(repoURL),
                                          text(chart.name), text(chart.version), text(now)})
                query.addBindValue(value);
            if (!query.exec())
                return false;
        }
        return true;
    });
}

QList<DiscoveredCommit> Store::discoveredCommits(const QString &warehouse, const QString &key) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT commit_id, tag, branch, subject, author, committed_at "
                                 "FROM discovered_commits WHERE warehouse = ? AND subscription = "
                                 "? ORDER BY committed_at DESC, first_seen DESC, rowid"));
    query.addBindValue(warehouse);
    query.addBindValue(key);
    QList<DiscoveredCommit> commits;
    if (!query.exec())
        return commits;
    while (query.next()) {
        DiscoveredCommit commit;
        commit.id = query.value(0).toString();
        commit.tag = query.value(1).toString();
        commit.branch = query.value(2).toString();
        commit.subject = query.value(3).toString();
        commit.author = query.value(4).toString();
        commit.committedAt = fromTimestamp(query.value(5).toString());
        commits.append(commit);
    }
    return commits;
}

QList<DiscoveredImage> Store::discoveredImages(const QString &warehouse, const QString &key) const
{
    // Rows of one poll share first_seen; their rowid keeps the order the poll selected them in.
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT tag, digest, created_at FROM discovered_images WHERE "
                                 "warehouse = ? AND subscription = ? ORDER BY first_seen DESC, "
                                 "rowid"));
    query.addBindValue(warehouse);
    query.addBindValue(key);
    QList<DiscoveredImage> images;
    if (!query.exec())
        return images;
    while (query.next())
        images.append({query.value(0).toString(), query.value(1).toString(),
                       fromTimestamp(query.value(2).toString())});
    return images;
}

QList<DiscoveredChart> Store::discoveredCharts(const QString &warehouse, const QString &key) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT name, version FROM discovered_charts WHERE warehouse = ? "
                                 "AND subscription = ? ORDER BY first_seen DESC, rowid"));
    query.addBindValue(warehouse);
    query.addBindValue(key);
    QList<DiscoveredChart> charts;
    if (!query.exec())
        return charts;
    while (query.next())
        charts.append({query.value(0).toString(), query.value(1).toString()});
    return charts;
}

bool Store::addFreight(const Freight &freight, QString *error)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO freight (id, alias, warehouse, discovered_at, data) "
                                 "VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(freight.id);
    query.addBindValue(freight.alias);
    query.addBindValue(freight.origin.name);
    query.addBindValue(timestamp(freight.discoveredAt));
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(freight.toJson()).toJson(QJsonDocument::Compact)));
    return query.exec() || failed(query, error);
}

QList<Freight> Store::freight(const QString &warehouse) const
{
    QSqlQuery query(database());
    if (warehouse.isEmpty()) {
        query.prepare(QStringLiteral("SELECT data FROM freight ORDER BY discovered_at DESC, id"));
    } else {
        query.prepare(QStringLiteral("SELECT data FROM freight WHERE warehouse = ? "
                                     "ORDER BY discovered_at DESC, id"));
        query.addBindValue(warehouse);
    }
    // Read once, front to back: without this Qt keeps every row of a long list cached.
    query.setForwardOnly(true);
    QList<Freight> result;
    if (!query.exec())
        return result;
    while (query.next())
        result.append(Freight::fromJson(
            QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object()));
    return result;
}

std::optional<Freight> Store::findFreight(const QString &idOrAlias) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT data FROM freight WHERE id = ? OR alias = ?"));
    query.addBindValue(idOrAlias);
    query.addBindValue(idOrAlias);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return Freight::fromJson(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
}

QSet<QString> Store::freightAliases() const
{
    QSet<QString> aliases;
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("SELECT alias FROM freight"))) {
        while (query.next())
            aliases.insert(query.value(0).toString());
    }
    return aliases;
}

bool Store::saveWarehouseStatus(const WarehouseStatus &status)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO warehouse_status (warehouse, state, "
                                 "message, last_poll, next_poll, failures) VALUES (?, ?, ?, ?, ?, "
                                 "?)"));
    query.addBindValue(status.warehouse);
    query.addBindValue(WarehouseStatus::stateName(status.state));
    query.addBindValue(status.message);
    query.addBindValue(timestamp(status.lastPoll));
    query.addBindValue(timestamp(status.nextPoll));
    query.addBindValue(status.failures);
    return query.exec();
}

QList<WarehouseStatus> Store::warehouseStatuses() const
{
    QList<WarehouseStatus> result;
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT warehouse, state, message, last_poll, next_poll, "
                                   "failures FROM warehouse_status")))
        return result;
    while (query.next()) {
        WarehouseStatus status;
        status.warehouse = query.value(0).toString();
        status.state = stateFromName(query.value(1).toString());
        status.message = query.value(2).toString();
        status.lastPoll = fromTimestamp(query.value(3).toString());
        status.nextPoll = fromTimestamp(query.value(4).toString());
        status.failures = query.value(5).toInt();
        result.append(status);
    }
    return result;
}

} // namespace Stevedore
