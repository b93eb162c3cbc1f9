#include "engine/store.h"
#include "engine/store_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Stevedore {

using namespace StoreDetail;

namespace {

QString compact(const QJsonValue &value)
{
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

QJsonValue parsed(const QString &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (document.isArray())
        return document.array();
    return document.object();
}

bool alive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (pid == QCoreApplication::applicationPid())
        return true;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

const QString runColumns =
    u"id, stage, freight, templates, phase, message, started_at, finished_at, pid, args"_s;

/// A run row, in the JSON shape of VerificationRun::toJson() (metrics added by the caller).
QJsonObject runObject(const QSqlQuery &query)
{
    return QJsonObject{{u"id"_s, query.value(0).toString()},
                       {u"stage"_s, query.value(1).toString()},
                       {u"freight"_s, parsed(query.value(2).toString())},
                       {u"templates"_s, parsed(query.value(3).toString())},
                       {u"phase"_s, query.value(4).toString()},
                       {u"message"_s, query.value(5).toString()},
                       {u"startedAt"_s, query.value(6).toString()},
                       {u"finishedAt"_s, query.value(7).toString()},
                       {u"args"_s, parsed(query.value(9).toString())}};
}

/// The metrics of run @p runId, in order, in the JSON shape of VerificationRun::toJson();
/// with their measurements when @p measurements.
QJsonArray metricsOf(const QSqlDatabase &db, const QString &runId, bool measurements)
{
    QJsonArray metrics;
    QSqlQuery query(db);
    query.prepare(u"SELECT data FROM verification_metrics WHERE run_id = ? "
                  u"ORDER BY metric_index"_s);
    query.addBindValue(runId);
    if (!query.exec())
        return metrics;
    while (query.next())
        metrics.append(parsed(query.value(0).toString()).toObject());
    if (!measurements)
        return metrics;
    QSqlQuery rows(db);
    rows.prepare(u"SELECT metric_index, started_at, finished_at, phase, vals, scalar, message "
                 u"FROM verification_measurements WHERE run_id = ? "
                 u"ORDER BY metric_index, sequence"_s);
    rows.addBindValue(runId);
    if (!rows.exec())
        return metrics;
    QHash<int, QJsonArray> byMetric;
    while (rows.next()) {
        QJsonObject measurement{{u"startedAt"_s, rows.value(1).toString()},
                                {u"finishedAt"_s, rows.value(2).toString()},
                                {u"phase"_s, rows.value(3).toString()},
                                {u"values"_s, parsed(rows.value(4).toString())},
                                {u"message"_s, rows.value(6).toString()}};
        if (rows.value(5).toBool())
            measurement.insert(u"scalar"_s, true);
        byMetric[rows.value(0).toInt()].append(measurement);
    }
    for (qsizetype i = 0; i < metrics.size(); ++i) {
        QJsonObject metric = metrics.at(i).toObject();
        metric.insert(u"measurements"_s, byMetric.value(int(i)));
        metrics[i] = metric;
    }
    return metrics;
}

} // namespace

bool Store::saveVerificationRun(const VerificationRun &run, QString *error)
{
    const QJsonObject json = run.toJson();
    const QJsonArray metrics = json.value(u"metrics"_s).toArray();
    return inTransaction(database(), error, [&](QSqlQuery &query) {
        query.prepare(u"INSERT OR REPLACE INTO verification_runs ("_s + runColumns +
                      u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        query.addBindValue(run.id);
        query.addBindValue(run.stage);
        query.addBindValue(compact(json.value(u"freight"_s)));
        query.addBindValue(compact(json.value(u"templates"_s)));
        query.addBindValue(toString(run.phase));
        query.addBindValue(run.message);
        query.addBindValue(timestamp(run.startedAt));
        query.addBindValue(timestamp(run.finishedAt));
        query.addBindValue(run.pid);
        query.addBindValue(compact(json.value(u"args"_s)));
        if (!query.exec())
            return false;
        for (qsizetype i = 0; i < metrics.size(); ++i) {
            // Measurements live in their own table; the metric keeps everything else.
            QJsonObject metric = metrics.at(i).toObject();
            metric.remove(u"measurements"_s);
            query.prepare(u"INSERT OR REPLACE INTO verification_metrics (run_id, metric_index, "
                          u"name, template, provider, phase, data) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
            query.addBindValue(run.id);
            query.addBindValue(int(i));
            query.addBindValue(metric.value(u"name"_s).toString());
            query.addBindValue(metric.value(u"template"_s).toString());
            query.addBindValue(metric.value(u"provider"_s).toString());
            query.addBindValue(metric.value(u"phase"_s).toString());
            query.addBindValue(compact(metric));
            if (!query.exec())
                return false;
        }
        return true;
    });
}

bool Store::addVerificationMeasurement(const QString &runId, int metricIndex, int sequence,
                                       const Measurement &measurement, QString *error)
{
    QJsonArray values;
    for (double value : measurement.values)
        values.append(formatPrometheusValue(value));
    QSqlQuery query(database());
    query.prepare(u"INSERT OR REPLACE INTO verification_measurements (run_id, metric_index, "
                  u"sequence, started_at, finished_at, phase, vals, scalar, message) "
                  u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(runId);
    query.addBindValue(metricIndex);
    query.addBindValue(sequence);
    query.addBindValue(timestamp(measurement.startedAt));
    query.addBindValue(timestamp(measurement.finishedAt));
    query.addBindValue(toString(measurement.phase));
    query.addBindValue(compact(values));
    query.addBindValue(measurement.scalar ? 1 : 0);
    query.addBindValue(measurement.message);
    return query.exec() || failed(query, error);
}

std::optional<VerificationRun> Store::verificationRun(const QString &id) const
{
    QSqlQuery query(database());
    query.prepare(u"SELECT "_s + runColumns + u" FROM verification_runs WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    QJsonObject object = runObject(query);
    object.insert(u"metrics"_s, metricsOf(database(), id, true));
    VerificationRun run = VerificationRun::fromJson(object);
    run.pid = query.value(8).toLongLong();
    return run;
}

QList<VerificationRun> Store::verificationRuns(const QString &stage, int limit) const
{
    QSqlQuery query(database());
    query.prepare(u"SELECT "_s + runColumns + u" FROM verification_runs "_s +
                  (stage.isEmpty() ? QString() : u"WHERE stage = ? "_s) +
                  u"ORDER BY started_at DESC, rowid DESC LIMIT ?"_s);
    if (!stage.isEmpty())
        query.addBindValue(stage);
    query.addBindValue(limit);
    QList<VerificationRun> runs;
    if (!query.exec())
        return runs;
    while (query.next()) {
        QJsonObject object = runObject(query);
        object.insert(u"metrics"_s, metricsOf(database(), query.value(0).toString(), false));
        VerificationRun run = VerificationRun::fromJson(object);
        run.pid = query.value(8).toLongLong();
        runs.append(run);
    }
    return runs;
}

QStringList Store::markInterruptedVerifications(QString *error)
{
    QStringList marked;
    QSqlQuery query(database());
    if (!query.exec(u"SELECT id, pid FROM verification_runs "
                    u"WHERE phase IN ('Pending', 'Running')"_s)) {
        failed(query, error);
        return marked;
    }
    QStringList dead;
    while (query.next()) {
        if (!alive(query.value(1).toLongLong()))
            dead.append(query.value(0).toString());
    }
    for (const QString &id : std::as_const(dead)) {
        QSqlQuery update(database());
        update.prepare(u"UPDATE verification_runs SET phase = 'Aborted', message = ?, "
                       u"finished_at = ?, pid = 0 "
                       u"WHERE id = ? AND phase IN ('Pending', 'Running')"_s);
        update.addBindValue(QCoreApplication::translate(
            "Store", "the process running the verification ended before its verdict"));
        update.addBindValue(timestamp(QDateTime::currentDateTimeUtc()));
        update.addBindValue(id);
        if (!update.exec()) {
            failed(update, error);
            continue;
        }
        // Metrics still going when the process died ended with it.
        QSqlQuery metrics(database());
        metrics.prepare(u"UPDATE verification_metrics SET phase = 'Aborted', "
                        u"data = json_set(data, '$.phase', 'Aborted') "
                        u"WHERE run_id = ? AND phase IN ('Pending', 'Running')"_s);
        metrics.addBindValue(id);
        if (!metrics.exec())
            failed(metrics, error);
        marked.append(id);
    }
    return marked;
}

} // namespace Stevedore
