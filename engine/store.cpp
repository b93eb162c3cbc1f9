#include "engine/store.h"

#include "engine/statepaths.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace Stevedore {

namespace {

/// Migrations, in order: migrations[i] takes the schema from version i to i + 1. Never edit a
/// released one; append a new one instead.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> list{
        {
            QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE pipeline_loads ("
                           " id INTEGER PRIMARY KEY,"
                           " loaded_at TEXT NOT NULL,"
                           " warehouses INTEGER NOT NULL,"
                           " stages INTEGER NOT NULL,"
                           " errors INTEGER NOT NULL,"
                           " warnings INTEGER NOT NULL)"),
        },
        {
            // Discovery: what each subscription selected, every commit ever discovered, the
            // freight, each warehouse's poll status, and the files each commit changed.
            QStringLiteral("CREATE TABLE subscription_state ("
                           " warehouse TEXT NOT NULL,"
                           " subscription TEXT NOT NULL,"
                           " repo_url TEXT NOT NULL,"
                           " tip TEXT NOT NULL,"
                           " filter_key TEXT NOT NULL,"
                           " selection TEXT NOT NULL,"
                           " polled_at TEXT NOT NULL,"
                           " PRIMARY KEY (warehouse, subscription))"),
            QStringLiteral("CREATE TABLE discovered_commits ("
                           " warehouse TEXT NOT NULL,"
                           " subscription TEXT NOT NULL,"
                           " repo_url TEXT NOT NULL,"
                           " commit_id TEXT NOT NULL,"
                           " tag TEXT NOT NULL,"
                           " branch TEXT NOT NULL,"
                           " subject TEXT NOT NULL,"
                           " author TEXT NOT NULL,"
                           " committed_at TEXT NOT NULL,"
                           " first_seen TEXT NOT NULL,"
                           " PRIMARY KEY (warehouse, subscription, commit_id, tag))"),
            QStringLiteral("CREATE TABLE freight ("
                           " id TEXT PRIMARY KEY,"
                           " alias TEXT NOT NULL UNIQUE,"
                           " warehouse TEXT NOT NULL,"
                           " discovered_at TEXT NOT NULL,"
                           " data TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE INDEX freight_by_warehouse ON freight (warehouse, discovered_at)"),
            QStringLiteral("CREATE TABLE warehouse_status ("
                           " warehouse TEXT PRIMARY KEY,"
                           " state TEXT NOT NULL,"
                           " message TEXT NOT NULL,"
                           " last_poll TEXT,"
                           " next_poll TEXT,"
                           " failures INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE git_commit_paths ("
                           " commit_id TEXT PRIMARY KEY,"
                           " paths TEXT NOT NULL)"),
        },
        {
            // Registries and chart repositories: what was selected, and image metadata by
            // digest (immutable) and, for cacheByTag subscriptions, by tag.
            QStringLiteral("CREATE TABLE discovered_images ("
                           " warehouse TEXT NOT NULL,"
                           " subscription TEXT NOT NULL,"
                           " repo_url TEXT NOT NULL,"
                           " tag TEXT NOT NULL,"
                           " digest TEXT NOT NULL,"
                           " created_at TEXT NOT NULL,"
                           " first_seen TEXT NOT NULL,"
                           " PRIMARY KEY (warehouse, subscription, tag, digest))"),
            QStringLiteral("CREATE TABLE discovered_charts ("
                           " warehouse TEXT NOT NULL,"
                           " subscription TEXT NOT NULL,"
                           " repo_url TEXT NOT NULL,"
                           " name TEXT NOT NULL,"
                           " version TEXT NOT NULL,"
                           " first_seen TEXT NOT NULL,"
                           " PRIMARY KEY (warehouse, subscription, name, version))"),
            QStringLiteral("CREATE TABLE image_metadata ("
                           " repo_url TEXT NOT NULL,"
                           " digest TEXT NOT NULL,"
                           " platform TEXT NOT NULL,"
                           " created_at TEXT NOT NULL,"
                           " platform_matched INTEGER NOT NULL,"
                           " PRIMARY KEY (repo_url, digest, platform))"),
            QStringLiteral("CREATE TABLE image_tags ("
                           " repo_url TEXT NOT NULL,"
                           " tag TEXT NOT NULL,"
                           " digest TEXT NOT NULL,"
                           " PRIMARY KEY (repo_url, tag))"),
        },
        // 3 -> 4: promotions, what each stage has had, and what freight is verified or approved.
        {
            QStringLiteral("CREATE TABLE promotions ("
                           " id TEXT PRIMARY KEY,"
                           " stage TEXT NOT NULL,"
                           " freight_id TEXT NOT NULL,"
                           " phase TEXT NOT NULL,"
                           " message TEXT NOT NULL DEFAULT '',"
                           " current_step TEXT NOT NULL DEFAULT '',"
                           " created_at TEXT NOT NULL,"
                           " started_at TEXT NOT NULL DEFAULT '',"
                           " finished_at TEXT NOT NULL DEFAULT '',"
                           " pid INTEGER NOT NULL DEFAULT 0,"
                           " skip_unrunnable INTEGER NOT NULL DEFAULT 0,"
                           " landed TEXT NOT NULL DEFAULT '[]')"),
            QStringLiteral("CREATE INDEX promotions_by_stage ON promotions (stage, created_at)"),
            QStringLiteral("CREATE TABLE promotion_steps ("
                           " promotion_id TEXT NOT NULL,"
                           " step_index INTEGER NOT NULL,"
                           " alias TEXT NOT NULL,"
                           " uses TEXT NOT NULL,"
                           " status TEXT NOT NULL,"
                           " message TEXT NOT NULL DEFAULT '',"
                           " started_at TEXT NOT NULL DEFAULT '',"
                           " finished_at TEXT NOT NULL DEFAULT '',"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " config TEXT NOT NULL DEFAULT '{}',"
                           " outputs TEXT NOT NULL DEFAULT '{}',"
                           " log TEXT NOT NULL DEFAULT '[]',"
                           " PRIMARY KEY (promotion_id, step_index))"),
            QStringLiteral("CREATE TABLE stage_freight ("
                           " stage TEXT NOT NULL,"
                           " freight_id TEXT NOT NULL,"
                           " origin TEXT NOT NULL,"
                           " promotion_id TEXT NOT NULL,"
                           " since TEXT NOT NULL,"
                           " PRIMARY KEY (stage, since, origin))"),
            QStringLiteral("CREATE TABLE freight_verified ("
                           " freight_id TEXT NOT NULL,"
                           " stage TEXT NOT NULL,"
                           " verified_at TEXT NOT NULL,"
                           " source TEXT NOT NULL,"
                           " PRIMARY KEY (freight_id, stage))"),
            QStringLiteral("CREATE TABLE freight_approved ("
                           " freight_id TEXT NOT NULL,"
                           " stage TEXT NOT NULL,"
                           " approved_at TEXT NOT NULL,"
                           " PRIMARY KEY (freight_id, stage))"),
            QStringLiteral("CREATE TABLE metadata ("
                           " kind TEXT NOT NULL,"
                           " name TEXT NOT NULL,"
                           " key TEXT NOT NULL,"
                           " value TEXT NOT NULL,"
                           " PRIMARY KEY (kind, name, key))"),
        },
        // 4 -> 5: verification runs, their metrics (definition and counters as JSON) and
        // every measurement (values as Prometheus writes them, so NaN and ±Inf survive).
        {
            QStringLiteral("CREATE TABLE verification_runs ("
                           " id TEXT PRIMARY KEY,"
                           " stage TEXT NOT NULL,"
                           " freight TEXT NOT NULL DEFAULT '[]',"
                           " templates TEXT NOT NULL DEFAULT '[]',"
                           " phase TEXT NOT NULL,"
                           " message TEXT NOT NULL DEFAULT '',"
                           " started_at TEXT NOT NULL,"
                           " finished_at TEXT NOT NULL DEFAULT '',"
                           " pid INTEGER NOT NULL DEFAULT 0,"
                           " args TEXT NOT NULL DEFAULT '[]')"),
            QStringLiteral("CREATE INDEX verification_runs_by_stage ON verification_runs "
                           "(stage, started_at)"),
            QStringLiteral("CREATE TABLE verification_metrics ("
                           " run_id TEXT NOT NULL,"
                           " metric_index INTEGER NOT NULL,"
                           " name TEXT NOT NULL,"
                           " template TEXT NOT NULL,"
                           " provider TEXT NOT NULL,"
                           " phase TEXT NOT NULL,"
                           " data TEXT NOT NULL DEFAULT '{}',"
                           " PRIMARY KEY (run_id, metric_index))"),
            QStringLiteral("CREATE TABLE verification_measurements ("
                           " run_id TEXT NOT NULL,"
                           " metric_index INTEGER NOT NULL,"
                           " sequence INTEGER NOT NULL,"
                           " started_at TEXT NOT NULL,"
                           " finished_at TEXT NOT NULL,"
                           " phase TEXT NOT NULL,"
                           " vals TEXT NOT NULL DEFAULT '[]',"
                           " scalar INTEGER NOT NULL DEFAULT 0,"
                           " message TEXT NOT NULL DEFAULT '',"
                           " PRIMARY KEY (run_id, metric_index, sequence))"),
        },
    };
    return list;
}

bool exec(QSqlQuery &query, const QString &sql, QString *error)
{
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

Store::Store(QString connectionName, QString filePath, QString pipelinePath)
    : m_connectionName(std::move(connectionName))
    , m_filePath(std::move(filePath))
    , m_pipelinePath(std::move(pipelinePath))
{}

Store::~Store()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString Store::fileFor(const QString &canonicalPipelinePath)
{
    const QByteArray hash =
        QCryptographicHash::hash(canonicalPipelinePath.toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    return StatePaths::storesDir() + u'/' + QString::fromLatin1(hash) + QStringLiteral(".sqlite");
}

std::unique_ptr<Store> Store::open(const QString &pipelinePath, QString *error)
{
    const QString canonical = QFileInfo(pipelinePath).canonicalFilePath();
    if (canonical.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: no such file or folder").arg(pipelinePath);
        return nullptr;
    }
    const QString file = fileFor(canonical);
    if (!QDir().mkpath(QFileInfo(file).absolutePath())) {
        if (error)
            *error = QStringLiteral("cannot create the state folder %1")
                         .arg(QFileInfo(file).absolutePath());
        return nullptr;
    }
    const QString connection =
        QStringLiteral("stevedore-store-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<Store> store(new Store(connection, file, canonical));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    db.setDatabaseName(file);
    if (!db.open()) {
        if (error)
            *error =
                QStringLiteral("cannot open the store %1: %2").arg(file, db.lastError().text());
        return nullptr;
    }
    QSqlQuery query(db);
    QString sqlError;
    // busy_timeout lets a second process (stevedorectl) wait its turn.
    if (!exec(query, QStringLiteral("PRAGMA busy_timeout = 5000"), &sqlError)) {
        if (error)
            *error = QStringLiteral("cannot open the store %1: %2").arg(file, sqlError);
        return nullptr;
    }
    // Checked before anything writes: switching to WAL rewrites the file header, and a store
    // that is too new or not a store at all must be left exactly as it was.
    if (store->readableVersion(error) < 0)
        return nullptr;
    // WAL keeps readers (the GUI's views) unblocked while the engine writes, and survives a
    // crash mid-write.
    if (!exec(query, QStringLiteral("PRAGMA journal_mode = WAL"), &sqlError) ||
        !exec(query, QStringLiteral("PRAGMA foreign_keys = ON"), &sqlError)) {
        if (error)
            *error = QStringLiteral("cannot open the store %1: %2").arg(file, sqlError);
        return nullptr;
    }
    if (!store->migrate(error))
        return nullptr;
    return store;
}

QSqlDatabase Store::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Store::schemaVersion() const
{
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    return -1;
}

int Store::readableVersion(QString *error) const
{
    const int version = schemaVersion();
    if (version < 0) {
        if (error)
            *error = QStringLiteral("%1 is not a Stevedore store (or is damaged)").arg(m_filePath);
        return -1;
    }
    if (version > SchemaVersion) {
        if (error)
            *error = QStringLiteral("the store %1 was written by a newer Stevedore (schema %2; "
                                    "this version knows up to %3) and was left untouched; "
                                    "update Stevedore to open it")
                         .arg(m_filePath)
                         .arg(version)
                         .arg(SchemaVersion);
        return -1;
    }
    return version;
}

bool Store::migrate(QString *error)
{
    const int version = readableVersion(error);
    if (version < 0)
        return false;
    QSqlDatabase db = database();
    for (int from = version; from < SchemaVersion; ++from) {
        // Each step is one transaction, so a crash leaves the store at a whole version.
        if (!db.transaction()) {
            if (error)
                *error = db.lastError().text();
            return false;
        }
        QSqlQuery query(db);
        QString sqlError;
        bool ok = true;
        for (const QString &statement : migrations().at(from)) {
            if (!exec(query, statement, &sqlError)) {
                ok = false;
                break;
            }
        }
        if (ok && from == 0) {
            query.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES "
                                         "('pipeline_path', ?), ('created_at', ?), "
                                         "('created_by', ?)"));
            query.addBindValue(m_pipelinePath);
            query.addBindValue(now());
            query.addBindValue(QStringLiteral(STEVEDORE_VERSION));
            ok = query.exec();
            if (!ok)
                sqlError = query.lastError().text();
        }
        ok = ok && exec(query, QStringLiteral("PRAGMA user_version = %1").arg(from + 1), &sqlError);
        if (!ok) {
            db.rollback();
            if (error)
                *error = QStringLiteral("cannot update the store %1 to schema %2: %3")
                             .arg(m_filePath)
                             .arg(from + 1)
                             .arg(sqlError);
            return false;
        }
        if (!db.commit()) {
            if (error)
                *error = db.lastError().text();
            return false;
        }
    }
    return true;
}

bool Store::recordLoad(const Pipeline &pipeline, QString *error)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO pipeline_loads (loaded_at, warehouses, stages, "
                                 "errors, warnings) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(now());
    query.addBindValue(pipeline.warehouses.size());
    query.addBindValue(pipeline.stages.size());
    query.addBindValue(countProblems(pipeline.problems, Problem::Severity::Error));
    query.addBindValue(countProblems(pipeline.problems, Problem::Severity::Warning));
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

int Store::loadCount() const
{
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("SELECT COUNT(*) FROM pipeline_loads")) && query.next())
        return query.value(0).toInt();
    return -1;
}

QString Store::metaValue(const QString &key) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(key);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return {};
}

} // namespace Stevedore
