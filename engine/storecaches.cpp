#include "engine/storecaches_p.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace Stevedore {

namespace {

/// A connection of a worker's own to the pipeline's store (Qt SQL connections belong to one
/// thread; SQLite in WAL mode lets them share the file).
class WorkerConnection
{
public:
    explicit WorkerConnection(const QString &file)
        : m_name(QStringLiteral("stevedore-worker-") +
                 QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery(db).exec(QStringLiteral("PRAGMA busy_timeout = 5000"));
            m_open = true;
        }
    }
    WorkerConnection(const WorkerConnection &) = delete;
    WorkerConnection &operator=(const WorkerConnection &) = delete;
    ~WorkerConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_open = false;
};

/// Image metadata kept in the pipeline's store, read and written from a worker.
class StoreImageCache : public ImageMetadataCache
{
public:
    explicit StoreImageCache(const QString &file)
        : m_connection(file)
    {}

    std::optional<ImageMetadata> metadata(const QString &repoURL, const QString &digest,
                                          const QString &platform) override
    {
        if (auto known = m_memory.metadata(repoURL, digest, platform))
            return known;
        QSqlQuery query(m_connection.database());
        query.prepare(QStringLiteral("SELECT created_at, platform_matched FROM image_metadata "
                                     "WHERE repo_url = ? AND digest = ? AND platform = ?"));
        query.addBindValue(repoURL);
        query.addBindValue(digest);
        query.addBindValue(platform);
        if (!query.exec() || !query.next())
            return std::nullopt;
        const QString created = query.value(0).toString();
        return ImageMetadata{created.isEmpty() ? QDateTime()
                                               : QDateTime::fromString(created, Qt::ISODateWithMs),
                             query.value(1).toBool()};
    }

    void remember(const QString &repoURL, const QString &digest, const QString &platform,
                  const ImageMetadata &metadata) override
    {
        m_memory.remember(repoURL, digest, platform, metadata);
        QSqlQuery query(m_connection.database());
        query.prepare(
            QStringLiteral("INSERT OR REPLACE INTO image_metadata (repo_url, digest, "
                           "platform, created_at, platform_matched) VALUES (?, ?, ?, ?, ?)"));
        query.addBindValue(repoURL);
        query.addBindValue(digest);
        query.addBindValue(platform);
        query.addBindValue(metadata.createdAt.isValid()
                               ? metadata.createdAt.toUTC().toString(Qt::ISODateWithMs)
                               : QString());
        query.addBindValue(metadata.platformMatched);
        query.exec();
    }

    std::optional<QString> digestOfTag(const QString &repoURL, const QString &tag) override
    {
        if (auto known = m_memory.digestOfTag(repoURL, tag))
            return known;
        QSqlQuery query(m_connection.database());
        query.prepare(
            QStringLiteral("SELECT digest FROM image_tags WHERE repo_url = ? AND tag = ?"));
        query.addBindValue(repoURL);
        query.addBindValue(tag);
        if (!query.exec() || !query.next())
            return std::nullopt;
        return query.value(0).toString();
    }

    void rememberTag(const QString &repoURL, const QString &tag, const QString &digest) override
    {
        m_memory.rememberTag(repoURL, tag, digest);
        QSqlQuery query(m_connection.database());
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO image_tags (repo_url, tag, digest) "
                                     "VALUES (?, ?, ?)"));
        query.addBindValue(repoURL);
        query.addBindValue(tag);
        query.addBindValue(digest);
        query.exec();
    }

private:
    WorkerConnection m_connection;
    MemoryImageCache m_memory;
};

/// Changed paths kept in the pipeline's store, through a connection of the worker's own (Qt
/// SQL connections belong to one thread; SQLite in WAL mode lets them share the file).
class StorePathCache : public ChangedPathCache
{
public:
    explicit StorePathCache(const QString &file)
        : m_connection(file)
    {}
    ~StorePathCache() override { flush(); }

    std::optional<QStringList> paths(const QString &commit) override
    {
        if (auto known = m_memory.paths(commit))
            return known;
        if (!m_connection.isOpen())
            return std::nullopt;
        if (!m_loaded) {
            // One read of everything known beats a query per commit on long histories.
            m_loaded = true;
            QSqlQuery query(m_connection.database());
            if (query.exec(QStringLiteral("SELECT commit_id, paths FROM git_commit_paths"))) {
                while (query.next())
                    m_memory.remember(query.value(0).toString(),
                                      query.value(1).toString().split(u'\n', Qt::SkipEmptyParts));
            }
            return m_memory.paths(commit);
        }
        return std::nullopt;
    }

    void remember(const QString &commit, const QStringList &paths) override
    {
        m_memory.remember(commit, paths);
        m_pending.append({commit, paths.join(u'\n')});
        if (m_pending.size() >= 500)
            flush();
    }

private:
    void flush()
    {
        if (!m_connection.isOpen() || m_pending.isEmpty())
            return;
        QSqlDatabase db = m_connection.database();
        db.transaction();
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO git_commit_paths (commit_id, paths) "
                                     "VALUES (?, ?)"));
        for (const auto &[commit, paths] : std::as_const(m_pending)) {
            query.addBindValue(commit);
            query.addBindValue(paths);
            query.exec();
        }
        db.commit();
        m_pending.clear();
    }

    WorkerConnection m_connection;
    bool m_loaded = false;
    MemoryPathCache m_memory;
    QList<QPair<QString, QString>> m_pending;
};

} // namespace

std::unique_ptr<ChangedPathCache> openPathCache(const QString &storeFile)
{
    if (storeFile.isEmpty())
        return std::make_unique<MemoryPathCache>();
    return std::make_unique<StorePathCache>(storeFile);
}

std::unique_ptr<ImageMetadataCache> openImageCache(const QString &storeFile)
{
    if (storeFile.isEmpty())
        return std::make_unique<MemoryImageCache>();
    return std::make_unique<StoreImageCache>(storeFile);
}

} // namespace Stevedore
