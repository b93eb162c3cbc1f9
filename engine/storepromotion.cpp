#include "engine/store.h"
#include "engine/store_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Stevedore {

using namespace StoreDetail;

namespace {

QString toJsonText(const QVariant &value)
{
    return QString::fromUtf8(QJsonDocument::fromVariant(value).toJson(QJsonDocument::Compact));
}

QVariant fromJsonText(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).toVariant();
}

QString landedJson(const QList<LandedChange> &landed)
{
    QJsonArray array;
    for (const LandedChange &change : landed)
        array.append(QJsonObject{{u"repoURL"_s, change.repoURL},
                                 {u"branch"_s, change.branch},
                                 {u"commit"_s, change.commit},
                                 {u"tag"_s, change.tag}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<LandedChange> landedFromJson(const QString &text)
{
    QList<LandedChange> landed;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        landed.append({object.value(u"repoURL"_s).toString(), object.value(u"branch"_s).toString(),
                       object.value(u"commit"_s).toString(), object.value(u"tag"_s).toString()});
    }
    return landed;
}

/// Qt binds a null QString as NULL: the text columns here are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? u""_s : value;
}

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (pid == QCoreApplication::applicationPid())
        return true;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

const QString promotionColumns =
    u"id, stage, freight_id, phase, message, current_step, created_at, started_at, finished_at, "
    u"pid, skip_unrunnable, landed"_s;

PromotionRecord promotionFromQuery(const QSqlQuery &query)
{
    PromotionRecord record;
    record.id = query.value(0).toString();
    record.stage = query.value(1).toString();
    record.freightId = query.value(2).toString();
    record.phase = promotionPhaseFromString(query.value(3).toString());
    record.message = query.value(4).toString();
    record.currentStep = query.value(5).toString();
    record.createdAt = fromTimestamp(query.value(6).toString());
    record.startedAt = fromTimestamp(query.value(7).toString());
    record.finishedAt = fromTimestamp(query.value(8).toString());
    record.pid = query.value(9).toLongLong();
    record.skipUnrunnable = query.value(10).toBool();
    record.landed = landedFromJson(query.value(11).toString());
    return record;
}

QList<StepResult> stepsOf(QSqlDatabase db, const QString &promotionId)
{
    QList<StepResult> steps;
    QSqlQuery query(db);
    query.prepare(u"SELECT alias, uses, status, message, started_at, finished_at, attempts, "
                  u"config, outputs, log FROM promotion_steps WHERE promotion_id = ? "
                  u"ORDER BY step_index"_s);
    query.addBindValue(promotionId);
    if (!query.exec())
        return steps;
    while (query.next()) {
        StepResult step;
        step.alias = query.value(0).toString();
        step.uses = query.value(1).toString();
        step.status = stepStatusFromString(query.value(2).toString());
        step.message = query.value(3).toString();
        step.startedAt = fromTimestamp(query.value(4).toString());
        step.finishedAt = fromTimestamp(query.value(5).toString());
        step.attempts = query.value(6).toInt();
        step.config = fromJsonText(query.value(7).toString()).toMap();
        step.outputs = fromJsonText(query.value(8).toString()).toMap();
        step.log = fromJsonText(query.value(9).toString()).toStringList();
        steps.append(step);
    }
    return steps;
}

QList<StageFreight> stageFreightFrom(QSqlQuery &query)
{
    QList<StageFreight> list;
    while (query.next()) {
        StageFreight entry;
        entry.stage = query.value(0).toString();
        entry.freightId = query.value(1).toString();
        const QString origin = query.value(2).toString();
        entry.origin = {origin.section(u'/', 0, 0), origin.section(u'/', 1)};
        entry.promotionId = query.value(3).toString();
        entry.since = fromTimestamp(query.value(4).toString());
        list.append(entry);
    }
    return list;
}

/// freight id -> stages, from a table of (freight_id, stage) rows.
QHash<QString, QStringList> stagesByFreight(const QSqlDatabase &db, const QString &table)
{
    QHash<QString, QStringList> stages;
    QSqlQuery query(db);
    if (query.exec(u"SELECT freight_id, stage FROM %1 ORDER BY stage"_s.arg(table))) {
        while (query.next())
            stages[query.value(0).toString()].append(query.value(1).toString());
    }
    return stages;
}

} // namespace

bool Store::savePromotion(const PromotionRecord &promotion, QString *error)
{
    QSqlQuery query(database());
    query.prepare(u"INSERT INTO promotions (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                  u"ON CONFLICT (id) DO UPDATE SET phase = excluded.phase, "
                  u"message = excluded.message, current_step = excluded.current_step, "
                  u"started_at = excluded.started_at, finished_at = excluded.finished_at, "
                  u"pid = excluded.pid, landed = excluded.landed"_s.arg(promotionColumns));
    query.addBindValue(text(promotion.id));
    query.addBindValue(text(promotion.stage));
    query.addBindValue(text(promotion.freightId));
    query.addBindValue(toString(promotion.phase));
    query.addBindValue(text(promotion.message));
    query.addBindValue(text(promotion.currentStep));
    query.addBindValue(text(timestamp(promotion.createdAt)));
    query.addBindValue(text(timestamp(promotion.startedAt)));
    query.addBindValue(text(timestamp(promotion.finishedAt)));
    query.addBindValue(promotion.pid);
    query.addBindValue(promotion.skipUnrunnable ? 1 : 0);
    query.addBindValue(landedJson(promotion.landed));
    return query.exec() || failed(query, error);
}

bool Store::saveStep(const QString &promotionId, int index, const StepResult &step, QString *error)
{
    return inTransaction(database(), error, [&](QSqlQuery &query) {
        query.prepare(u"INSERT OR REPLACE INTO promotion_steps (promotion_id, step_index, alias, "
                      u"uses, status, message, started_at, finished_at, attempts, config, "
                      u"outputs, log) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        query.addBindValue(promotionId);
        query.addBindValue(index);
        query.addBindValue(text(step.alias));
        query.addBindValue(text(step.uses));
        query.addBindValue(toString(step.status));
        query.addBindValue(text(step.message));
        query.addBindValue(text(timestamp(step.startedAt)));
        query.addBindValue(text(timestamp(step.finishedAt)));
        query.addBindValue(step.attempts);
        query.addBindValue(toJsonText(step.config));
        query.addBindValue(toJsonText(step.outputs));
        query.addBindValue(toJsonText(step.log));
        if (!query.exec())
            return false;
        query.prepare(u"UPDATE promotions SET current_step = ? WHERE id = ?"_s);
        query.addBindValue(text(step.alias));
        query.addBindValue(promotionId);
        return query.exec();
    });
}

std::optional<PromotionRecord> Store::promotion(const QString &id) const
{
    QSqlQuery query(database());
    query.prepare(u"SELECT %1 FROM promotions WHERE id = ?"_s.arg(promotionColumns));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    PromotionRecord record = promotionFromQuery(query);
    record.steps = stepsOf(database(), record.id);
    return record;
}

QList<PromotionRecord> Store::promotions(const QString &stage, int limit) const
{
    QSqlQuery query(database());
    query.prepare(u"SELECT %1 FROM promotions WHERE ? = '' OR stage = ? "
                  u"ORDER BY created_at DESC, rowid DESC LIMIT ?"_s.arg(promotionColumns));
    // A null QString binds as NULL, for which `? = ''` is not true.
    query.addBindValue(text(stage));
    query.addBindValue(text(stage));
    query.addBindValue(limit);
    QList<PromotionRecord> list;
    if (!query.exec())
        return list;
    while (query.next())
        list.append(promotionFromQuery(query));
    for (PromotionRecord &record : list)
        record.steps = stepsOf(database(), record.id);
    return list;
}

QStringList Store::markInterruptedPromotions(QString *error)
{
    QStringList marked;
    QSqlQuery query(database());
    if (!query.exec(u"SELECT id, pid, current_step FROM promotions "
                    u"WHERE phase IN ('Pending', 'Running')"_s)) {
        failed(query, error);
        return marked;
    }
    QList<std::pair<QString, QString>> dead;
    while (query.next()) {
        if (!processAlive(query.value(1).toLongLong()))
            dead.append({query.value(0).toString(), query.value(2).toString()});
    }
    for (const auto &[id, step] : dead) {
        QSqlQuery update(database());
        update.prepare(u"UPDATE promotions SET phase = 'Errored', message = ?, finished_at = ? "
                       u"WHERE id = ? AND phase IN ('Pending', 'Running')"_s);
        update.addBindValue(step.isEmpty()
                                ? QCoreApplication::translate(
                                      "Store", "the process running it ended before the first "
                                               "step")
                                : QCoreApplication::translate(
                                      "Store", "the process running it ended during step %1")
                                      .arg(step));
        update.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
        update.addBindValue(id);
        if (!update.exec()) {
            failed(update, error);
            continue;
        }
        QSqlQuery steps(database());
        steps.prepare(u"UPDATE promotion_steps SET status = 'Errored' "
                      u"WHERE promotion_id = ? AND status = 'Running'"_s);
        steps.addBindValue(id);
        steps.exec();
        marked.append(id);
    }
    return marked;
}

bool Store::setStageFreight(const QString &stage, const Freight &freight,
                            const QString &promotionId, const QDateTime &since, QString *error)
{
    QSqlQuery query(database());
    query.prepare(u"INSERT OR REPLACE INTO stage_freight (stage, freight_id, origin, "
                  u"promotion_id, since) VALUES (?, ?, ?, ?, ?)"_s);
    query.addBindValue(stage);
    query.addBindValue(freight.id);
    query.addBindValue(QString(freight.origin.kind + u'/' + freight.origin.name));
    query.addBindValue(promotionId);
    query.addBindValue(timestamp(since));
    return query.exec() || failed(query, error);
}

QList<StageFreight> Store::currentFreight(const QString &stage) const
{
    QSqlQuery query(database());
    query.prepare(u"SELECT stage, freight_id, origin, promotion_id, MAX(since) FROM stage_freight "
                  u"WHERE stage = ? GROUP BY origin ORDER BY origin"_s);
    query.addBindValue(stage);
    if (!query.exec())
        return {};
    return stageFreightFrom(query);
}

QList<StageFreight> Store::stageHistory(const QString &stage) const
{
    QSqlQuery query(database());
    query.prepare(u"SELECT stage, freight_id, origin, promotion_id, since FROM stage_freight "
                  u"WHERE stage = ? ORDER BY since DESC"_s);
    query.addBindValue(stage);
    if (!query.exec())
        return {};
    return stageFreightFrom(query);
}

bool Store::markVerified(const QString &freightId, const QString &stage, const QDateTime &when,
                         const QString &source, QString *error)
{
    QSqlQuery query(database());
    query.prepare(u"INSERT OR REPLACE INTO freight_verified (freight_id, stage, verified_at, "
                  u"source) VALUES (?, ?, ?, ?)"_s);
    query.addBindValue(freightId);
    query.addBindValue(stage);
    query.addBindValue(timestamp(when));
    query.addBindValue(text(source));
    return query.exec() || failed(query, error);
}

QHash<QString, QDateTime> Store::verifiedIn(const QString &freightId) const
{
    QHash<QString, QDateTime> stages;
    QSqlQuery query(database());
    query.prepare(u"SELECT stage, verified_at FROM freight_verified WHERE freight_id = ?"_s);
    query.addBindValue(freightId);
    if (query.exec()) {
        while (query.next())
            stages.insert(query.value(0).toString(), fromTimestamp(query.value(1).toString()));
    }
    return stages;
}

bool Store::approve(const QString &freightId, const QString &stage, QString *error)
{
    QSqlQuery query(database());
    query.prepare(u"INSERT OR REPLACE INTO freight_approved (freight_id, stage, approved_at) "
                  u"VALUES (?, ?, ?)"_s);
    query.addBindValue(freightId);
    query.addBindValue(stage);
    query.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
    return query.exec() || failed(query, error);
}

QSet<QString> Store::approvedFor(const QString &freightId) const
{
    QSet<QString> stages;
    QSqlQuery query(database());
    query.prepare(u"SELECT stage FROM freight_approved WHERE freight_id = ?"_s);
    query.addBindValue(freightId);
    if (query.exec()) {
        while (query.next())
            stages.insert(query.value(0).toString());
    }
    return stages;
}

QHash<QString, QStringList> Store::allVerified() const
{
    return stagesByFreight(database(), u"freight_verified"_s);
}

QHash<QString, QStringList> Store::allApproved() const
{
    return stagesByFreight(database(), u"freight_approved"_s);
}

bool Store::setMetadata(const QString &kind, const QString &name, const QVariantMap &values,
                        QString *error)
{
    return inTransaction(database(), error, [&](QSqlQuery &query) {
        for (auto it = values.begin(); it != values.end(); ++it) {
            query.prepare(u"INSERT OR REPLACE INTO metadata (kind, name, key, value) "
                          u"VALUES (?, ?, ?, ?)"_s);
            query.addBindValue(kind);
            query.addBindValue(name);
            query.addBindValue(it.key());
            query.addBindValue(toJsonText(QVariantList{it.value()}));
            if (!query.exec())
                return false;
        }
        return true;
    });
}

QVariantMap Store::metadata(const QString &kind, const QString &name) const
{
    return allMetadata(kind).value(name);
}

QHash<QString, QVariantMap> Store::allMetadata(const QString &kind) const
{
    QHash<QString, QVariantMap> all;
    QSqlQuery query(database());
    query.prepare(u"SELECT name, key, value FROM metadata WHERE kind = ?"_s);
    query.addBindValue(kind);
    if (query.exec()) {
        while (query.next())
            all[query.value(0).toString()].insert(
                query.value(1).toString(),
                fromJsonText(query.value(2).toString()).toList().value(0));
    }
    return all;
}

} // namespace Stevedore
