#include "engine/pipeline.h"
#include "engine/statepaths.h"
#include "engine/store.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Stevedore;

namespace {

/// Runs @p work on a raw QSqlDatabase connection to @p file, the way another program (or a
/// newer Stevedore) would touch the store, and removes the connection afterwards.
bool withRawConnection(const QString &file, const std::function<bool(QSqlDatabase &)> &work)
{
    const QString name = u"tst-store-raw-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(file);
        if (db.open())
            ok = work(db);
        else
            qWarning() << "cannot open" << file << db.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QVariant pragma(QSqlDatabase &db, const QString &name)
{
    QSqlQuery query(db);
    if (query.exec(u"PRAGMA "_s + name) && query.next())
        return query.value(0);
    return {};
}

QByteArray readAll(const QString &file)
{
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly))
        return {};
    return input.readAll();
}

bool writeFile(const QString &file, const QByteArray &content)
{
    QFile output(file);
    return output.open(QIODevice::WriteOnly) && output.write(content) == content.size();
}

/// What the folder holds besides the given file: SQLite's side files (-wal, -shm, -journal).
QStringList sideFiles(const QString &file)
{
    const QFileInfo info(file);
    QStringList names = QDir(info.absolutePath()).entryList(QDir::Files | QDir::Hidden);
    names.removeAll(info.fileName());
    return names;
}

Pipeline pipelineWith(int warehouses, int stages, int errors, int warnings)
{
    Pipeline pipeline;
    for (int i = 0; i < warehouses; ++i) {
        Warehouse warehouse;
        warehouse.name = u"w%1"_s.arg(i);
        pipeline.warehouses.append(warehouse);
    }
    for (int i = 0; i < stages; ++i) {
        Stage stage;
        stage.name = u"s%1"_s.arg(i);
        pipeline.stages.append(stage);
    }
    for (int i = 0; i < errors; ++i)
        pipeline.problems.append({Problem::Severity::Error, {}, u"an error"_s});
    for (int i = 0; i < warnings; ++i)
        pipeline.problems.append({Problem::Severity::Warning, {}, u"a warning"_s});
    pipeline.problems.append({Problem::Severity::Note, {}, u"a note"_s});
    return pipeline;
}

} // namespace

/// The local store: where it lives, what it holds, and that it never damages a store it cannot
/// read.
class TestStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void createdOnFirstOpen();
    void samePipelineSameStore_data();
    void samePipelineSameStore();
    void differentPipelinesDifferentStores();
    void walMode();
    void schemaVersion();
    void meta();
    void recordLoad();
    void reopenKeepsData();
    void newerStoreRefused_data();
    void newerStoreRefused();
    void missingPipelineRefused();
    void garbageRefused_data();
    void garbageRefused();

private:
    std::unique_ptr<Store> openStore(const QString &path);

    std::unique_ptr<QTemporaryDir> m_state;
    std::unique_ptr<QTemporaryDir> m_work;
    QString m_pipeline; ///< a pipeline folder (empty: the store does not read manifests)
};

void TestStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestStore::init()
{
    m_state = std::make_unique<QTemporaryDir>();
    m_work = std::make_unique<QTemporaryDir>();
    QVERIFY(m_state->isValid());
    QVERIFY(m_work->isValid());
    StatePaths::setOverride(m_state->path());
    m_pipeline = m_work->filePath(u"pipeline"_s);
    QVERIFY(QDir().mkpath(m_pipeline));
}

void TestStore::cleanup()
{
    StatePaths::setOverride({});
    m_work.reset();
    m_state.reset();
}

std::unique_ptr<Store> TestStore::openStore(const QString &path)
{
    QString error;
    auto store = Store::open(path, &error);
    if (!store)
        qWarning() << "Store::open failed:" << error;
    return store;
}

void TestStore::createdOnFirstOpen()
{
    const QString canonical = QFileInfo(m_pipeline).canonicalFilePath();
    const QString expected = Store::fileFor(canonical);
    QVERIFY(expected.startsWith(m_state->path() + u"/pipelines/"_s));
    QVERIFY(expected.endsWith(u".sqlite"_s));
    QVERIFY(!QFileInfo::exists(expected));

    const auto store = openStore(m_pipeline);
    QVERIFY(store);
    QCOMPARE(store->filePath(), expected);
    QCOMPARE(store->pipelinePath(), canonical);
    QVERIFY(QFileInfo(expected).isFile());
    QCOMPARE(QFileInfo(expected).absolutePath(), StatePaths::storesDir());
    QVERIFY(store->database().isOpen());
}

void TestStore::samePipelineSameStore_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("symlink") << u"symlink"_s;
    QTest::newRow("trailing slash") << u"slash"_s;
    QTest::newRow("dot segments") << u"dots"_s;
    QTest::newRow("relative") << u"relative"_s;
}

void TestStore::samePipelineSameStore()
{
    QFETCH(QString, kind);
    QString other;
    if (kind == u"symlink") {
        other = m_work->filePath(u"link-to-pipeline"_s);
        QVERIFY(QFile::link(m_pipeline, other));
    } else if (kind == u"slash") {
        other = m_pipeline + u'/';
    } else if (kind == u"dots") {
        QVERIFY(QDir().mkpath(m_pipeline + u"/sub"_s));
        other = m_pipeline + u"/./sub/.."_s;
    } else {
        other = QDir::current().relativeFilePath(m_pipeline);
        QVERIFY(QFileInfo(other).isRelative());
    }
    QVERIFY(other != m_pipeline);

    QString first;
    {
        const auto store = openStore(m_pipeline);
        QVERIFY(store);
        QVERIFY(store->recordLoad(Pipeline()));
        first = store->filePath();
    }
    const auto store = openStore(other);
    QVERIFY(store);
    QCOMPARE(store->filePath(), first);
    QCOMPARE(store->pipelinePath(), QFileInfo(m_pipeline).canonicalFilePath());
    QCOMPARE(store->loadCount(), 1);
    QCOMPARE(QDir(StatePaths::storesDir()).entryList({u"*.sqlite"_s}, QDir::Files).size(), 1);
}

void TestStore::differentPipelinesDifferentStores()
{
    const QString second = m_work->filePath(u"second"_s);
    QVERIFY(QDir().mkpath(second));
    const QString file = m_work->filePath(u"pipeline.yaml"_s);
    QVERIFY(writeFile(file, "kind: Project\n"));

    const auto a = openStore(m_pipeline);
    const auto b = openStore(second);
    const auto c = openStore(file);
    QVERIFY(a && b && c);
    QVERIFY(a->filePath() != b->filePath());
    QVERIFY(a->filePath() != c->filePath());
    QVERIFY(b->filePath() != c->filePath());
    // Two stores open at once each keep their own connection.
    QVERIFY(a->recordLoad(Pipeline()));
    QCOMPARE(a->loadCount(), 1);
    QCOMPARE(b->loadCount(), 0);
    QCOMPARE(c->metaValue(u"pipeline_path"_s), QFileInfo(file).canonicalFilePath());
}

void TestStore::walMode()
{
    QString file;
    {
        const auto store = openStore(m_pipeline);
        QVERIFY(store);
        file = store->filePath();
        QSqlDatabase db = store->database();
        QCOMPARE(pragma(db, u"journal_mode"_s).toString(), u"wal"_s);
    }
    // WAL is a property of the file, not of the connection: another program sees it too.
    QVERIFY(withRawConnection(
        file, [](QSqlDatabase &db) { return pragma(db, u"journal_mode"_s).toString() == u"wal"; }));
}

void TestStore::schemaVersion()
{
    QString file;
    {
        const auto store = openStore(m_pipeline);
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), Store::SchemaVersion);
        file = store->filePath();
    }
    QVERIFY(withRawConnection(file, [](QSqlDatabase &db) {
        return pragma(db, u"user_version"_s).toInt() == Store::SchemaVersion;
    }));
}

void TestStore::meta()
{
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const auto store = openStore(m_pipeline);
    QVERIFY(store);
    QCOMPARE(store->metaValue(u"pipeline_path"_s), QFileInfo(m_pipeline).canonicalFilePath());
    QCOMPARE(store->metaValue(u"created_by"_s), QStringLiteral(STEVEDORE_VERSION));
    const QDateTime created =
        QDateTime::fromString(store->metaValue(u"created_at"_s), Qt::ISODateWithMs);
    QVERIFY(created.isValid());
    QVERIFY(created >= before);
    QVERIFY(created <= QDateTime::currentDateTimeUtc().addSecs(1));
    QCOMPARE(store->metaValue(u"no such key"_s), QString());
}

void TestStore::recordLoad()
{
    const auto store = openStore(m_pipeline);
    QVERIFY(store);
    QCOMPARE(store->loadCount(), 0);

    QString error;
    QVERIFY(store->recordLoad(pipelineWith(1, 3, 2, 1), &error));
    QVERIFY(error.isEmpty());
    QCOMPARE(store->loadCount(), 1);
    QVERIFY(store->recordLoad(pipelineWith(2, 0, 0, 4)));
    QCOMPARE(store->loadCount(), 2);

    QSqlQuery query(store->database());
    QVERIFY(query.exec(u"SELECT warehouses, stages, errors, warnings, loaded_at "
                       "FROM pipeline_loads ORDER BY id"_s));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    QCOMPARE(query.value(1).toInt(), 3);
    QCOMPARE(query.value(2).toInt(), 2);
    QCOMPARE(query.value(3).toInt(), 1);
    QVERIFY(QDateTime::fromString(query.value(4).toString(), Qt::ISODateWithMs).isValid());
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 2);
    QCOMPARE(query.value(1).toInt(), 0);
    QCOMPARE(query.value(2).toInt(), 0);
    QCOMPARE(query.value(3).toInt(), 4);
    QVERIFY(!query.next());
}

void TestStore::reopenKeepsData()
{
    QString file;
    QString createdAt;
    {
        const auto store = openStore(m_pipeline);
        QVERIFY(store);
        QVERIFY(store->recordLoad(pipelineWith(1, 1, 0, 0)));
        QVERIFY(store->recordLoad(pipelineWith(1, 2, 0, 0)));
        file = store->filePath();
        createdAt = store->metaValue(u"created_at"_s);
    }
    // Closing the last connection checkpoints the WAL into the database file.
    QVERIFY(sideFiles(file).isEmpty());

    const auto store = openStore(m_pipeline);
    QVERIFY(store);
    QCOMPARE(store->filePath(), file);
    QCOMPARE(store->loadCount(), 2);
    QCOMPARE(store->schemaVersion(), Store::SchemaVersion);
    QCOMPARE(store->metaValue(u"created_at"_s), createdAt);
    QVERIFY(store->recordLoad(pipelineWith(1, 3, 0, 0)));
    QCOMPARE(store->loadCount(), 3);
}

void TestStore::newerStoreRefused_data()
{
    QTest::addColumn<bool>("madeByStevedore");
    QTest::addColumn<int>("version");
    // A store this version made, then migrated by a newer one.
    QTest::newRow("migrated by a newer version") << true << Store::SchemaVersion + 1;
    // A store a newer version created from scratch, still in rollback-journal mode: switching
    // it to WAL would rewrite its header.
    QTest::newRow("created by a newer version") << false << Store::SchemaVersion + 7;
}

void TestStore::newerStoreRefused()
{
    QFETCH(bool, madeByStevedore);
    QFETCH(int, version);

    const QString file = Store::fileFor(QFileInfo(m_pipeline).canonicalFilePath());
    if (madeByStevedore) {
        const auto store = openStore(m_pipeline);
        QVERIFY(store);
        QVERIFY(store->recordLoad(Pipeline()));
    } else {
        QVERIFY(QDir().mkpath(StatePaths::storesDir()));
    }
    QVERIFY(withRawConnection(file, [version](QSqlDatabase &db) {
        QSqlQuery query(db);
        return query.exec(u"CREATE TABLE IF NOT EXISTS future (x INTEGER)"_s) &&
               query.exec(u"INSERT INTO future VALUES (42)"_s) &&
               query.exec(u"PRAGMA user_version = %1"_s.arg(version));
    }));
    QVERIFY(sideFiles(file).isEmpty());
    const QByteArray before = readAll(file);
    QVERIFY(!before.isEmpty());

    QString error;
    const auto store = Store::open(m_pipeline, &error);
    QVERIFY(!store);
    QVERIFY2(error.contains(u"newer"_s), qPrintable(error));
    QVERIFY2(error.contains(file), qPrintable(error));
    QVERIFY2(error.contains(QString::number(version)), qPrintable(error));

    QCOMPARE(readAll(file), before);
    QVERIFY2(sideFiles(file).isEmpty(), qPrintable(sideFiles(file).join(u", ")));
    QVERIFY(withRawConnection(file, [version](QSqlDatabase &db) {
        return pragma(db, u"user_version"_s).toInt() == version;
    }));
}

void TestStore::missingPipelineRefused()
{
    const QString missing = m_work->filePath(u"no-such-pipeline"_s);
    QString error;
    const auto store = Store::open(missing, &error);
    QVERIFY(!store);
    QVERIFY2(error.contains(missing), qPrintable(error));
    QVERIFY2(error.contains(u"no such file"_s), qPrintable(error));
    // Nothing is written for a pipeline that is not there.
    QVERIFY(!QFileInfo::exists(StatePaths::storesDir()));
}

void TestStore::garbageRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("text") << QByteArray("This is not a database, just some text.\n").repeated(40);
    QByteArray damaged("SQLite format 3");
    damaged.append('\0');
    damaged.append(QByteArray(2048, '\xff'));
    QTest::newRow("damaged header") << damaged;
}

void TestStore::garbageRefused()
{
    QFETCH(QByteArray, content);
    const QString file = Store::fileFor(QFileInfo(m_pipeline).canonicalFilePath());
    QVERIFY(QDir().mkpath(StatePaths::storesDir()));
    QVERIFY(writeFile(file, content));

    QString error;
    const auto store = Store::open(m_pipeline, &error);
    QVERIFY(!store);
    QVERIFY2(error.contains(file), qPrintable(error));
    QVERIFY2(error.contains(u"not a Stevedore store"_s), qPrintable(error));
    QCOMPARE(readAll(file), content);
    QVERIFY2(sideFiles(file).isEmpty(), qPrintable(sideFiles(file).join(u", ")));
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
