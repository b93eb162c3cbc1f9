// `stevedorectl assemble` and `stevedorectl compare` as users run them: the real binary, a
// fresh environment per run, a Manual warehouse polled by `stevedorectl discover` from a real
// repository over file://, then freight assembled and compared with the repository gone.

#include "engine/freight.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "tests/support/testservers.h"

using namespace Stevedore;
using namespace Stevedore::Testing;
using namespace Qt::StringLiterals;

namespace {

struct Result
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliAssemble : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listCandidates();
    void assembleAndReport();
    void refused_data();
    void refused();
    void usageErrors_data();
    void usageErrors();
    void compare();
    void compareJson();
    void compareRefused();

private:
    Result run(const QStringList &arguments) const;
    QString home() const { return m_dir.filePath(u"home"_s); }

    QTemporaryDir m_dir;
    QString m_pipeline;
    QString m_url;
    QStringList m_commits; ///< oldest first
    QString m_first;       ///< alias of the freight of the first commit
    QString m_last;        ///< alias of the freight of the last commit
};

Result TestCliAssemble::run(const QStringList &arguments) const
{
    QProcess process;
    process.setProcessEnvironment(isolatedEnvironment(home(), m_dir.filePath(u"state"_s)));
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral(STEVEDORECTL_PATH), arguments);
    Result result;
    result.finished =
        process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit;
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestCliAssemble::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString repos = m_dir.filePath(u"repos"_s);
    QDir().mkpath(repos);
    GitFixture git(repos);
    const QString repository = git.createRepository(u"app"_s, 4);
    QVERIFY(!repository.isEmpty());
    for (const QString &rev : {u"main~3"_s, u"main~2"_s, u"main~1"_s, u"main"_s})
        m_commits.append(git.revParse(repository, rev));
    m_url = QUrl::fromLocalFile(repository).toString();

    m_pipeline = m_dir.filePath(u"pipeline"_s);
    QDir().mkpath(m_pipeline);
    QFile file(m_pipeline + u"/warehouses.yaml"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QString manifest =
        u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: %1\nspec:\n"
        "  interval: 1h\n  freightCreationPolicy: %2\n  subscriptions:\n  - git:\n"
        "      repoURL: %3\n      branch: main\n"_s;
    file.write((manifest.arg(u"manual"_s, u"Manual"_s, m_url) + u"---\n"_s +
                manifest.arg(u"other"_s, u"Automatic"_s, m_url))
                   .toUtf8());
    file.close();
    const Result discovered = run({u"discover"_s, m_pipeline});
    QVERIFY2(discovered.finished && discovered.exitCode == 0, qPrintable(discovered.err));
    // Only the Automatic warehouse made freight.
    QCOMPARE(run({u"freight"_s, m_pipeline}).out.count(u"  other  "_s), 1);
    QVERIFY(!run({u"freight"_s, m_pipeline}).out.contains(u"  manual  "_s));
    // Everything after this works from the store and the cache: the repository is gone.
    QVERIFY(QDir(repository).removeRecursively());
}

void TestCliAssemble::listCandidates()
{
    const Result text =
        run({u"assemble"_s, m_pipeline, u"--warehouse"_s, u"manual"_s, u"--list"_s});
    QCOMPARE(text.exitCode, 0);
    const QStringList lines = text.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.at(0), u"git "_s + m_url);
    QVERIFY2(lines.at(1).startsWith(u"    "_s + m_commits.at(3).left(12)), qPrintable(text.out));
    QVERIFY(lines.at(1).endsWith(u"Commit 3"_s));
    QVERIFY(lines.at(4).startsWith(u"    "_s + m_commits.at(0).left(12)));

    const Result json =
        run({u"assemble"_s, m_pipeline, u"--warehouse=manual"_s, u"--list"_s, u"--json"_s});
    QCOMPARE(json.exitCode, 0);
    const QJsonArray subscriptions = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(subscriptions.size(), 1);
    const QJsonObject subscription = subscriptions.first().toObject();
    QCOMPARE(subscription.value(u"kind"_s).toString(), u"git"_s);
    QCOMPARE(subscription.value(u"repoURL"_s).toString(), m_url);
    const QJsonArray candidates = subscription.value(u"candidates"_s).toArray();
    QCOMPARE(candidates.size(), 4);
    QCOMPARE(candidates.first().toObject().value(u"id"_s).toString(), m_commits.at(3));
    QCOMPARE(candidates.first().toObject().value(u"subject"_s).toString(), u"Commit 3"_s);
}

void TestCliAssemble::assembleAndReport()
{
    const Result created = run({u"assemble"_s, m_pipeline, u"--warehouse"_s, u"manual"_s,
                                u"--commit"_s, m_commits.at(0).left(7), u"--json"_s});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    const QJsonObject freight = QJsonDocument::fromJson(created.out.toUtf8()).object();
    QCOMPARE(freight.value(u"created"_s).toBool(), true);
    FreightCommit commit;
    commit.repoURL = m_url;
    commit.id = m_commits.at(0);
    const QString id = Freight::computeId(u"manual"_s, {commit}, {}, {});
    QCOMPARE(freight.value(u"id"_s).toString(), id);
    QCOMPARE(
        freight.value(u"commits"_s).toArray().first().toObject().value(u"message"_s).toString(),
        u"Commit 0"_s);
    m_first = freight.value(u"alias"_s).toString();
    QVERIFY(!m_first.isEmpty());

    // The same pick again, named by its subscription's URL: reported, not stored twice.
    const Result again = run({u"assemble"_s, m_pipeline, u"--warehouse"_s, u"manual"_s,
                              u"--commit"_s, m_url + u'=' + m_commits.at(0)});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.out.split(u'\n').first(), u"Already stored as freight "_s + m_first);
    QCOMPARE(run({u"freight"_s, m_pipeline}).out.count(u"  manual  "_s), 1);

    const Result last = run(
        {u"assemble"_s, m_pipeline, u"--warehouse"_s, u"manual"_s, u"--commit"_s, m_commits.at(3)});
    QCOMPARE(last.exitCode, 0);
    QVERIFY(last.out.startsWith(u"Assembled new freight "_s));
    m_last = last.out.split(u'\n').first().section(u' ', -1);
    QVERIFY(last.out.contains(m_commits.at(3).left(12) + u"  Commit 3"_s));
    QCOMPARE(run({u"freight"_s, m_pipeline}).out.count(u"  manual  "_s), 2);
}

void TestCliAssemble::refused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown warehouse")
        << QStringList{u"--warehouse"_s, u"nope"_s, u"--commit"_s, u"abc"_s}
        << u"no warehouse \"nope\""_s;
    QTest::newRow("not a candidate")
        << QStringList{u"--warehouse"_s, u"manual"_s, u"--commit"_s, QString(40, u'e')}
        << u"is not a stored candidate"_s;
    QTest::newRow("missing pick") << QStringList{u"--warehouse"_s, u"manual"_s, u"--image"_s,
                                                 u"v1"_s}
                                  << u"has no image subscription"_s;
    QTest::newRow("unknown subscription")
        << QStringList{u"--warehouse"_s, u"manual"_s, u"--commit"_s, u"elsewhere=abc"_s}
        << u"no git subscription \"elsewhere\""_s;
}

void TestCliAssemble::refused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result result = run(QStringList{u"assemble"_s, m_pipeline} + arguments);
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

void TestCliAssemble::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no warehouse") << QStringList{u"assemble"_s, m_pipeline, u"--commit"_s, u"a"_s};
    QTest::newRow("no pick") << QStringList{u"assemble"_s, m_pipeline, u"--warehouse"_s,
                                            u"manual"_s};
    QTest::newRow("list and pick")
        << QStringList{u"assemble"_s, m_pipeline, u"--warehouse"_s, u"manual"_s, u"--list"_s,
                       u"--commit"_s, u"a"_s};
    QTest::newRow("no path") << QStringList{u"assemble"_s, u"--warehouse"_s, u"manual"_s};
    QTest::newRow("unknown option")
        << QStringList{u"assemble"_s, m_pipeline, u"--warehouse"_s, u"manual"_s, u"--tag"_s};
    QTest::newRow("compare one freight") << QStringList{u"compare"_s, m_pipeline, u"a"_s};
}

void TestCliAssemble::usageErrors()
{
    QFETCH(QStringList, arguments);
    const Result result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(u"stevedorectl: "_s));
}

void TestCliAssemble::compare()
{
    const Result result = run({u"compare"_s, m_pipeline, m_first, m_last});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QStringList lines = result.out.split(u'\n');
    QCOMPARE(lines.at(0), u"Freight %1 -> %2 (warehouse manual)"_s.arg(m_first, m_last));
    QCOMPARE(lines.at(2), u"* commit "_s + m_url);
    QCOMPARE(lines.at(3).trimmed(), m_commits.at(0) + u" -> "_s + m_commits.at(3));
    // Read from the cached clone, though the repository itself is gone.
    const qsizetype log = lines.indexOf(
        u"Commits in %1: commits added since %2 (3)"_s.arg(m_url, m_commits.at(0).left(12)));
    QVERIFY2(log > 0, qPrintable(result.out));
    QVERIFY(lines.at(log + 1).startsWith(u"    "_s + m_commits.at(3).left(12)));
    QVERIFY(lines.at(log + 1).endsWith(u"Test Author <author@test.invalid>  Commit 3"_s));
    QVERIFY(lines.at(log + 3).endsWith(u"Commit 1"_s));
}

void TestCliAssemble::compareJson()
{
    const Result result = run({u"compare"_s, m_pipeline, m_last, m_first, u"--json"_s});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(result.out.toUtf8()).object();
    QCOMPARE(object.value(u"warehouse"_s).toString(), u"manual"_s);
    QCOMPARE(object.value(u"from"_s).toObject().value(u"alias"_s).toString(), m_last);
    const QJsonObject artifact = object.value(u"artifacts"_s).toArray().first().toObject();
    QCOMPARE(artifact.value(u"changed"_s).toBool(), true);
    QCOMPARE(artifact.value(u"to"_s).toString(), m_commits.at(0));
    const QJsonObject log = object.value(u"commitLogs"_s).toArray().first().toObject();
    QCOMPARE(log.value(u"state"_s).toString(), u"Backward"_s);
    QCOMPARE(log.value(u"commits"_s).toArray().size(), 3);
}

void TestCliAssemble::compareRefused()
{
    const Result unknown = run({u"compare"_s, m_pipeline, m_first, u"no-such-freight"_s});
    QCOMPARE(unknown.exitCode, 3);
    QVERIFY(unknown.err.contains(u"no freight \"no-such-freight\""_s));
    const QString other =
        run({u"freight"_s, m_pipeline}).out.section(u"  other  "_s, 0, 0).section(u'\n', -1);
    const QString otherAlias = other.section(u"  "_s, 0, 0);
    QVERIFY2(!otherAlias.isEmpty(), qPrintable(other));
    const Result different = run({u"compare"_s, m_pipeline, m_first, otherAlias});
    QCOMPARE(different.exitCode, 3);
    QVERIFY2(different.err.contains(u"only freight of one warehouse"_s), qPrintable(different.err));
}

QTEST_GUILESS_MAIN(TestCliAssemble)
#include "tst_cliassemble.moc"
