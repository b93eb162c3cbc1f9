// GitWorkspace against real repositories served over file:// and git:// (git daemon on
// 127.0.0.1, started here and stopped by PID), checked against the real git: every diff is
// applied with `git apply --index` to a fresh clone of its base and must give the same tree,
// and git must print the same diff for it.

#include "engine/gitcachelock.h"
#include "engine/gitdiscovery.h"
#include "engine/gitworkspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

#include <thread>
#include <unistd.h>

#include "tests/support/testservers.h"

using namespace Stevedore;
using namespace Stevedore::Testing;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(content);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

void setExecutable(const QString &path, bool executable)
{
    QFile::Permissions permissions = QFile::permissions(path);
    const QFile::Permissions exec =
        QFile::ExeOwner | QFile::ExeUser | QFile::ExeGroup | QFile::ExeOther;
    permissions = executable ? permissions | exec : permissions & ~exec;
    QVERIFY(QFile::setPermissions(path, permissions));
}

/// Bytes that git takes for binary (NULs) and that do not compress to nothing.
QByteArray binaryContent(int size, int seed)
{
    QByteArray bytes(size, '\0');
    quint32 state = quint32(seed) * 2654435761u + 1;
    for (int i = 0; i < size; ++i) {
        state = state * 1664525u + 1013904223u;
        bytes[i] = char(i % 97 == 0 ? 0 : state >> 24);
    }
    return bytes;
}

QString describe(const GitFileChange &file)
{
    const char *status = file.status == GitFileChange::Status::Added     ? "A"
                         : file.status == GitFileChange::Status::Deleted ? "D"
                                                                         : "M";
    return QStringLiteral("%1 %2 +%3 -%4%5")
        .arg(QLatin1String(status), file.path)
        .arg(file.additions)
        .arg(file.deletions)
        .arg(file.binary ? QStringLiteral(" binary") : QString());
}

/// The diff of each file, with the data of binary patches left out: git and libgit2 pick
/// delta or literal and compress alike, but not byte for byte.
QList<QByteArray> comparableSections(const QByteArray &patch)
{
    QList<QByteArray> sections;
    qsizetype from = 0;
    while (from < patch.size()) {
        qsizetype next = patch.indexOf("\ndiff --git ", from);
        next = next < 0 ? patch.size() : next + 1;
        QByteArray section = patch.mid(from, next - from);
        const qsizetype binary = section.indexOf("GIT binary patch\n");
        if (binary >= 0)
            section.truncate(binary + 17);
        sections.append(section);
        from = next;
    }
    return sections;
}

/// What a diff scenario does to a working tree.
enum class Scenario
{
    Modify,
    Add,
    Delete,
    BinaryModify,
    BinaryAdd,
    BinaryDelete,
    NewFileInNewDirectory,
    ModeChange,
    ModeAndContentChange,
    NoTrailingNewline,
    TrailingNewlineAdded,
    TrailingNewlineRemoved,
    Crlf,
    CrlfToLf,
    SpacesAndNonAscii,
    EmptyFileAdded,
    EmptyFileDeleted,
    FileEmptied,
    SymlinkAdded,
    FileBecomesDirectory,
    IgnoredFiles,
    TrackedFileNowIgnored,
    NoChanges,
    ClearAndRegenerate,
};

} // namespace

class TestGitWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_home = m_dir.filePath(QStringLiteral("home"));
        QDir().mkpath(m_home);
        // Everything the code under test reads of "the user" comes from this folder; the git
        // commands of the test run in the same private environment.
        qputenv("HOME", m_home.toUtf8());
        qputenv("XDG_CONFIG_HOME", (m_home + QStringLiteral("/.config")).toUtf8());
        qputenv("GIT_CONFIG_NOSYSTEM", "1");
        qunsetenv("SSH_AUTH_SOCK");
        m_env = isolatedEnvironment(m_home, m_dir.filePath(QStringLiteral("state")));
        m_env.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Test Author"));
        m_env.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("author@test.invalid"));
        m_env.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Test Author"));
        m_env.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("author@test.invalid"));

        m_repos = m_dir.filePath(QStringLiteral("repos"));
        m_bare = m_repos + QStringLiteral("/deploy.git");
        const QString work = m_dir.filePath(QStringLiteral("fixture"));
        QVERIFY(git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"),
                     QStringLiteral("-b"), QStringLiteral("main"), m_bare}));
        QVERIFY(git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"),
                     QStringLiteral("main"), work}));
        writeFile(work + QStringLiteral("/README.md"),
                  "# Deploy\n\nThe manifests of every stage.\n\nOne\nTwo\nThree\nFour\nFive\n"
                  "Six\nSeven\nEight\n");
        writeFile(work + QStringLiteral("/config/values.yaml"),
                  "image:\n  repository: example/app\n  tag: 1.0.0\nreplicas: 2\n");
        writeFile(work + QStringLiteral("/scripts/run.sh"), "#!/bin/sh\necho run\n");
        setExecutable(work + QStringLiteral("/scripts/run.sh"), true);
        writeFile(work + QStringLiteral("/scripts/tool.sh"), "#!/bin/sh\necho tool\n");
        writeFile(work + QStringLiteral("/assets/logo.bin"), binaryContent(3000, 1));
        writeFile(work + QStringLiteral("/windows.txt"), "one\r\ntwo\r\nthree\r\n");
        writeFile(work + QStringLiteral("/no-newline.txt"), "first\nlast");
        writeFile(work + QStringLiteral("/with space.txt"), "spaced\n");
        writeFile(work + QStringLiteral("/ünïcödé.txt"), "unicode\n");
        writeFile(work + QStringLiteral("/empty.txt"), "");
        writeFile(work + QStringLiteral("/.gitignore"), "*.log\nbuild/\n");
        QVERIFY(git({QStringLiteral("add"), QStringLiteral("-A")}, work));
        QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
                     QStringLiteral("Initial")},
                    work));
        m_first = revParse(work, QStringLiteral("HEAD"));
        QVERIFY(git({QStringLiteral("tag"), QStringLiteral("-a"), QStringLiteral("-m"),
                     QStringLiteral("First"), QStringLiteral("v1.0.0")},
                    work));
        writeFile(work + QStringLiteral("/docs/guide.md"), "A guide.\n");
        QVERIFY(git({QStringLiteral("add"), QStringLiteral("-A")}, work));
        QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
                     QStringLiteral("Guide")},
                    work));
        m_main = revParse(work, QStringLiteral("HEAD"));
        QVERIFY(git({QStringLiteral("tag"), QStringLiteral("v1.1.0")}, work));
        QVERIFY(git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"),
                     QStringLiteral("stage/prod"), m_first},
                    work));
        writeFile(work + QStringLiteral("/config/values.yaml"),
                  "image:\n  repository: example/app\n  tag: 0.9.0\nreplicas: 5\n");
        QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-am"),
                     QStringLiteral("Prod")},
                    work));
        m_prod = revParse(work, QStringLiteral("HEAD"));
        QVERIFY(git({QStringLiteral("push"), QStringLiteral("-q"), m_bare, QStringLiteral("main"),
                     QStringLiteral("stage/prod"), QStringLiteral("--tags")},
                    work));
        QVERIFY(!m_first.isEmpty() && !m_main.isEmpty() && !m_prod.isEmpty());

        QVERIFY(m_daemon.start(m_repos));
    }

    void checkoutBranch_data()
    {
        QTest::addColumn<bool>("overDaemon");
        QTest::newRow("file://") << false;
        QTest::newRow("git://") << true;
    }

    void checkoutBranch()
    {
        QFETCH(bool, overDaemon);
        const QString url = overDaemon ? daemonUrl() : fileUrl();
        const QString path = freshPath();
        GitError error;
        const auto checkout = GitWorkspace::checkout(request(path, QStringLiteral("main")),
                                                     freshCacheRoot(), network(url), &error);
        QVERIFY2(checkout, qPrintable(error.message));
        QCOMPARE(checkout->commitId, m_main);
        QCOMPARE(checkout->branch, QStringLiteral("main"));
        QVERIFY(!checkout->created);
        QVERIFY(!checkout->fromCache);
        QCOMPARE(readFile(path + QStringLiteral("/docs/guide.md")), QByteArray("A guide.\n"));

        // The real git agrees: a clean working tree on a branch tracking origin, whose objects
        // it finds through the alternates file.
        QCOMPARE(gitOutput({QStringLiteral("status"), QStringLiteral("--porcelain")}, path),
                 QByteArray());
        QCOMPARE(
            gitOutput({QStringLiteral("symbolic-ref"), QStringLiteral("HEAD")}, path).trimmed(),
            QByteArray("refs/heads/main"));
        QCOMPARE(gitOutput({QStringLiteral("rev-parse"), QStringLiteral("HEAD")}, path).trimmed(),
                 m_main.toLatin1());
        QCOMPARE(gitOutput({QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"),
                            QStringLiteral("@{upstream}")},
                           path)
                     .trimmed(),
                 QByteArray("origin/main"));
        QCOMPARE(gitOutput({QStringLiteral("remote"), QStringLiteral("get-url"),
                            QStringLiteral("origin")},
                           path)
                     .trimmed(),
                 url.toUtf8());
        QVERIFY(git({QStringLiteral("fsck"), QStringLiteral("--no-dangling")}, path));
        QCOMPARE(ownObjects(path), QStringList());
    }

    void checkoutTag_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("expected");
        QTest::newRow("annotated") << QStringLiteral("v1.0.0") << m_first;
        QTest::newRow("lightweight") << QStringLiteral("v1.1.0") << m_main;
    }

    void checkoutTag()
    {
        QFETCH(QString, tag);
        QFETCH(QString, expected);
        const QString path = freshPath();
        GitCheckoutRequest r = request(path);
        r.tag = tag;
        GitError error;
        const auto checkout = GitWorkspace::checkout(r, cacheRoot(), network(daemonUrl()), &error);
        QVERIFY2(checkout, qPrintable(error.message));
        QCOMPARE(checkout->commitId, expected);
        QVERIFY(checkout->branch.isEmpty());
        QCOMPARE(gitOutput({QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"),
                            QStringLiteral("HEAD")},
                           path)
                     .trimmed(),
                 QByteArray("HEAD")); // detached
        QCOMPARE(gitOutput({QStringLiteral("rev-parse"), QStringLiteral("HEAD")}, path).trimmed(),
                 expected.toLatin1());
        QCOMPARE(gitOutput({QStringLiteral("status"), QStringLiteral("--porcelain")}, path),
                 QByteArray());

        GitCheckoutRequest missing = request(freshPath());
        missing.tag = QStringLiteral("v9.9.9");
        QVERIFY(!GitWorkspace::checkout(missing, cacheRoot(), network(daemonUrl()), &error));
        QVERIFY2(error.message.contains(QStringLiteral("no tag \"v9.9.9\"")),
                 qPrintable(error.message));
    }

    void checkoutCommit_data()
    {
        QTest::addColumn<QString>("commit");
        QTest::newRow("on main") << m_first;
        QTest::newRow("on another branch") << m_prod;
    }

    void checkoutCommit()
    {
        QFETCH(QString, commit);
        // An empty cache: the commit must be fetched.
        const QString root = freshCacheRoot();
        const QString path = freshPath();
        GitCheckoutRequest r = request(path);
        r.commit = commit;
        GitError error;
        const auto checkout = GitWorkspace::checkout(r, root, network(daemonUrl()), &error);
        QVERIFY2(checkout, qPrintable(error.message));
        QCOMPARE(checkout->commitId, commit);
        QVERIFY(checkout->branch.isEmpty());
        QCOMPARE(gitOutput({QStringLiteral("rev-parse"), QStringLiteral("HEAD")}, path).trimmed(),
                 commit.toLatin1());
        QCOMPARE(gitOutput({QStringLiteral("status"), QStringLiteral("--porcelain")}, path),
                 QByteArray());

        // Now the cache has it: a short id does, offline too.
        GitCheckoutRequest offline = request(freshPath());
        offline.commit = commit.left(10);
        offline.offline = true;
        const auto again = GitWorkspace::checkout(offline, root, network(daemonUrl()), &error);
        QVERIFY2(again, qPrintable(error.message));
        QCOMPARE(again->commitId, commit);
        QVERIFY(!again->fromCache); // a commit cannot be out of date

        GitCheckoutRequest unknown = request(freshPath());
        unknown.commit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
        QVERIFY(!GitWorkspace::checkout(unknown, root, network(daemonUrl()), &error));
        QVERIFY2(error.message.contains(QStringLiteral("no commit 0123456789abcdef")),
                 qPrintable(error.message));
    }

    void checkoutDefaultBranch()
    {
        const QString path = freshPath();
        GitError error;
        const auto checkout =
            GitWorkspace::checkout(request(path), cacheRoot(), network(daemonUrl()), &error);
        QVERIFY2(checkout, qPrintable(error.message));
        QCOMPARE(checkout->branch, QStringLiteral("main"));
        QCOMPARE(checkout->commitId, m_main);
    }

    void createMissingBranch()
    {
        const QString path = freshPath();
        GitCheckoutRequest r = request(path, QStringLiteral("stage/new"));
        GitError error;
        QVERIFY(!GitWorkspace::checkout(r, cacheRoot(), network(daemonUrl()), &error));
        QVERIFY2(error.message.contains(QStringLiteral("no branch \"stage/new\"")),
                 qPrintable(error.message));
        QVERIFY(!QFileInfo::exists(path)); // nothing left behind

        r.create = true;
        const auto checkout = GitWorkspace::checkout(r, cacheRoot(), network(daemonUrl()), &error);
        QVERIFY2(checkout, qPrintable(error.message));
        QVERIFY(checkout->created);
        QVERIFY(checkout->commitId.isEmpty());
        QCOMPARE(checkout->branch, QStringLiteral("stage/new"));
        QCOMPARE(QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral(".git")});
        QCOMPARE(
            gitOutput({QStringLiteral("symbolic-ref"), QStringLiteral("HEAD")}, path).trimmed(),
            QByteArray("refs/heads/stage/new"));
        QCOMPARE(gitOutput({QStringLiteral("remote"), QStringLiteral("get-url"),
                            QStringLiteral("origin")},
                           path)
                     .trimmed(),
                 daemonUrl().toUtf8());

        // Content written to the new branch: the diff starts from nothing.
        writeFile(path + QStringLiteral("/stages/prod/app.yaml"), "kind: Deployment\n");
        writeFile(path + QStringLiteral("/bin/data"), binaryContent(500, 7));
        writeFile(path + QStringLiteral("/bin/tool"), "#!/bin/sh\n");
        setExecutable(path + QStringLiteral("/bin/tool"), true);
        const auto diff = GitWorkspace::diff(path, QString(), &error);
        QVERIFY2(diff, qPrintable(error.message));
        QStringList files;
        for (const GitFileChange &file : diff->files)
            files.append(describe(file));
        QCOMPARE(files, (QStringList{QStringLiteral("A bin/data +0 -0 binary"),
                                     QStringLiteral("A bin/tool +1 -0"),
                                     QStringLiteral("A stages/prod/app.yaml +1 -0")}));
        verifyAgainstGit(QString(), diff->patch, diff->treeId);
        QCOMPARE(GitWorkspace::treeId(path, &error), std::optional<QString>(diff->treeId));
    }

    void twoBranchesOfOneRepository()
    {
        const QString root = freshCacheRoot();
        const QString mainPath = freshPath();
        const QString prodPath = freshPath();
        GitError error;
        const auto main = GitWorkspace::checkout(request(mainPath, QStringLiteral("main")), root,
                                                 network(daemonUrl()), &error);
        QVERIFY2(main, qPrintable(error.message));
        const auto prod = GitWorkspace::checkout(request(prodPath, QStringLiteral("stage/prod")),
                                                 root, network(daemonUrl()), &error);
        QVERIFY2(prod, qPrintable(error.message));
        QCOMPARE(main->commitId, m_main);
        QCOMPARE(prod->commitId, m_prod);
        QVERIFY(readFile(mainPath + QStringLiteral("/config/values.yaml")).contains("1.0.0"));
        QVERIFY(readFile(prodPath + QStringLiteral("/config/values.yaml")).contains("0.9.0"));
        QVERIFY(!QFileInfo::exists(prodPath + QStringLiteral("/docs/guide.md")));
        // One cache serves both.
        QCOMPARE(QDir(root + QStringLiteral("/git")).entryList(QDir::Dirs | QDir::NoDotAndDotDot),
                 QStringList{QFileInfo(GitDiscovery::cachePath(root, daemonUrl())).fileName()});
    }

    void concurrentCheckouts()
    {
        // Several workers, one empty cache: the first creates it, the others wait their turn.
        const QString root = freshCacheRoot();
        const QStringList branches{QStringLiteral("main"), QStringLiteral("stage/prod"),
                                   QStringLiteral("main"), QStringLiteral("stage/prod")};
        QList<QString> paths;
        QList<std::optional<GitCheckout>> results(branches.size());
        QList<GitError> errors(branches.size());
        std::vector<std::thread> threads;
        for (int i = 0; i < branches.size(); ++i)
            paths.append(freshPath());
        for (int i = 0; i < branches.size(); ++i) {
            threads.emplace_back([&, i] {
                results[i] = GitWorkspace::checkout(request(paths[i], branches[i]), root,
                                                    network(daemonUrl()), &errors[i]);
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        for (int i = 0; i < branches.size(); ++i) {
            QVERIFY2(results[i], qPrintable(errors[i].message));
            QCOMPARE(results[i]->commitId, branches[i] == u"main" ? m_main : m_prod);
        }
    }

    void cacheLock()
    {
        const QString cache = m_dir.filePath(QStringLiteral("locks/app.git"));
        auto held = std::make_unique<GitCacheLock>(cache);
        QVERIFY(held->isLocked());
        // The same folder spelt differently waits for it, until its job is cancelled.
        auto cancelled = std::make_shared<std::atomic<bool>>(false);
        std::atomic<int> state = 0; // 1: locked, 2: gave up
        std::thread waiter([&] {
            const GitCacheLock lock(m_dir.filePath(QStringLiteral("locks/../locks/app.git")),
                                    cancelled);
            state = lock.isLocked() ? 1 : 2;
        });
        cancelled->store(true);
        QTRY_COMPARE(state.load(), 2);
        waiter.join();
        // Released, it is the next one's.
        state = 0;
        std::thread next([&] {
            const GitCacheLock lock(cache);
            state = lock.isLocked() ? 1 : 2;
        });
        held.reset();
        next.join();
        QCOMPARE(state.load(), 1);

        // A cancelled checkout does not start.
        GitNetworkOptions options = network(daemonUrl());
        options.cancelled = cancelled;
        GitError error;
        QVERIFY(!GitWorkspace::checkout(request(freshPath(), QStringLiteral("main")), cacheRoot(),
                                        options, &error));
        QCOMPARE(error.message, QStringLiteral("cancelled"));
    }

    void targetMustBeEmpty()
    {
        const QString path = freshPath();
        writeFile(path + QStringLiteral("/keep.txt"), "mine\n");
        GitError error;
        QVERIFY(!GitWorkspace::checkout(request(path, QStringLiteral("main")), cacheRoot(),
                                        network(fileUrl()), &error));
        QVERIFY2(error.message.contains(QStringLiteral("not an empty folder")),
                 qPrintable(error.message));
        QCOMPARE(readFile(path + QStringLiteral("/keep.txt")), QByteArray("mine\n"));

        const QString empty = freshPath();
        QVERIFY(QDir().mkpath(empty));
        QVERIFY(GitWorkspace::checkout(request(empty, QStringLiteral("main")), cacheRoot(),
                                       network(fileUrl()), &error));

        GitCheckoutRequest both = request(freshPath(), QStringLiteral("main"));
        both.tag = QStringLiteral("v1.0.0");
        QVERIFY(!GitWorkspace::checkout(both, cacheRoot(), network(fileUrl()), &error));
    }

    void offlineFallback()
    {
        // A server of its own, stopped halfway.
        auto daemon = std::make_unique<GitDaemon>();
        QVERIFY(daemon->start(m_repos));
        const QString url = daemon->url(QStringLiteral("deploy.git"));
        const QString root = freshCacheRoot();
        GitError error;
        QVERIFY2(GitWorkspace::checkout(request(freshPath(), QStringLiteral("main")), root,
                                        network(url), &error),
                 qPrintable(error.message));
        QVERIFY2(GitWorkspace::checkout(request(freshPath()), root, network(url), &error),
                 qPrintable(error.message));
        daemon.reset();

        const QString path = freshPath();
        const auto cached = GitWorkspace::checkout(request(path, QStringLiteral("main")), root,
                                                   network(url), &error);
        QVERIFY2(cached, qPrintable(error.message));
        QVERIFY(cached->fromCache);
        QCOMPARE(cached->commitId, m_main);
        QVERIFY2(cached->warning.contains(QStringLiteral("cannot reach")),
                 qPrintable(cached->warning));
        QCOMPARE(gitOutput({QStringLiteral("status"), QStringLiteral("--porcelain")}, path),
                 QByteArray());

        // The default branch, as last seen.
        const auto defaultBranch =
            GitWorkspace::checkout(request(freshPath()), root, network(url), &error);
        QVERIFY2(defaultBranch, qPrintable(error.message));
        QCOMPARE(defaultBranch->branch, QStringLiteral("main"));
        QVERIFY(defaultBranch->fromCache);

        // What the cache never had cannot be made up, nor can a branch be assumed missing.
        GitCheckoutRequest prod = request(freshPath(), QStringLiteral("stage/prod"));
        QVERIFY(!GitWorkspace::checkout(prod, root, network(url), &error));
        QVERIFY2(error.message.contains(QStringLiteral("no copy of its branch \"stage/prod\"")),
                 qPrintable(error.message));
        prod.create = true;
        QVERIFY(!GitWorkspace::checkout(prod, root, network(url), &error));

        // Offline by choice: the remote is not even asked.
        GitCheckoutRequest offline = request(freshPath(), QStringLiteral("main"));
        offline.offline = true;
        const auto chosen =
            GitWorkspace::checkout(offline, cacheRoot(), network(daemonUrl()), &error);
        QVERIFY2(chosen, qPrintable(error.message));
        QVERIFY(chosen->fromCache);
        QVERIFY2(chosen->warning.startsWith(QStringLiteral("offline")),
                 qPrintable(chosen->warning));
    }

    void clear()
    {
        const QString path = checkoutMain();
        const QString outside = m_dir.filePath(QStringLiteral("outside"));
        writeFile(outside + QStringLiteral("/precious.txt"), "keep\n");
        writeFile(path + QStringLiteral("/untracked/new.txt"), "new\n");
        writeFile(path + QStringLiteral("/debug.log"), "ignored\n");
        QCOMPARE(::symlink(QFile::encodeName(outside).constData(),
                           QFile::encodeName(path + QStringLiteral("/link")).constData()),
                 0);
        GitError error;
        QVERIFY2(GitWorkspace::clear(path, &error), qPrintable(error.message));
        QCOMPARE(QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::System |
                                      QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral(".git")});
        QCOMPARE(readFile(outside + QStringLiteral("/precious.txt")), QByteArray("keep\n"));
        QCOMPARE(gitOutput({QStringLiteral("rev-parse"), QStringLiteral("HEAD")}, path).trimmed(),
                 m_main.toLatin1());

        const auto diff = GitWorkspace::diff(path, m_main, &error);
        QVERIFY2(diff, qPrintable(error.message));
        QCOMPARE(diff->files.size(), 12);
        for (const GitFileChange &file : diff->files)
            QCOMPARE(file.status, GitFileChange::Status::Deleted);
        verifyAgainstGit(m_main, diff->patch, diff->treeId);
        QCOMPARE(diff->treeId, QStringLiteral("4b825dc642cb6eb9a060e54bf8d69288fbee4904"));

        QVERIFY(!GitWorkspace::clear(m_dir.filePath(QStringLiteral("outside")), &error));
    }

    void diff_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<QStringList>("expected");
        const auto row = [](const char *name, Scenario scenario, const QStringList &expected) {
            QTest::newRow(name) << int(scenario) << expected;
        };
        row("modify", Scenario::Modify, {QStringLiteral("M README.md +1 -1")});
        row("add", Scenario::Add, {QStringLiteral("A NOTES.md +2 -0")});
        row("delete", Scenario::Delete, {QStringLiteral("D config/values.yaml +0 -4")});
        row("binary modify", Scenario::BinaryModify,
            {QStringLiteral("M assets/logo.bin +0 -0 binary")});
        row("binary add", Scenario::BinaryAdd, {QStringLiteral("A assets/new.png +0 -0 binary")});
        row("binary delete", Scenario::BinaryDelete,
            {QStringLiteral("D assets/logo.bin +0 -0 binary")});
        row("new file in new directory", Scenario::NewFileInNewDirectory,
            {QStringLiteral("A deploy/prod/values.yaml +2 -0")});
        row("mode change", Scenario::ModeChange, {QStringLiteral("M scripts/tool.sh +0 -0")});
        row("mode and content change", Scenario::ModeAndContentChange,
            {QStringLiteral("M scripts/run.sh +1 -1")});
        row("no trailing newline", Scenario::NoTrailingNewline,
            {QStringLiteral("M no-newline.txt +1 -1")});
        row("trailing newline added", Scenario::TrailingNewlineAdded,
            {QStringLiteral("M no-newline.txt +1 -1")});
        row("trailing newline removed", Scenario::TrailingNewlineRemoved,
            {QStringLiteral("M README.md +1 -1")});
        row("crlf", Scenario::Crlf, {QStringLiteral("M windows.txt +1 -1")});
        row("crlf to lf", Scenario::CrlfToLf, {QStringLiteral("M windows.txt +3 -3")});
        row("spaces and non-ascii", Scenario::SpacesAndNonAscii,
            {QStringLiteral("A dir with space/ümlaut ✓.txt +1 -0"),
             QStringLiteral("M with space.txt +1 -1"), QStringLiteral("D ünïcödé.txt +0 -1")});
        row("empty file added", Scenario::EmptyFileAdded,
            {QStringLiteral("A placeholder/.keep +0 -0")});
        row("empty file deleted", Scenario::EmptyFileDeleted,
            {QStringLiteral("D empty.txt +0 -0")});
        row("file emptied", Scenario::FileEmptied, {QStringLiteral("M README.md +0 -12")});
        row("symlink added", Scenario::SymlinkAdded, {QStringLiteral("A current +1 -0")});
        row("file becomes a directory", Scenario::FileBecomesDirectory,
            {QStringLiteral("D no-newline.txt +0 -2"),
             QStringLiteral("A no-newline.txt/inner.txt +1 -0")});
        row("ignored files", Scenario::IgnoredFiles, {});
        row("tracked file now ignored", Scenario::TrackedFileNowIgnored,
            {QStringLiteral("M .gitignore +1 -0"), QStringLiteral("M README.md +1 -1")});
        row("no changes", Scenario::NoChanges, {});
        row("git-clear and regenerate", Scenario::ClearAndRegenerate,
            {QStringLiteral("D .gitignore +0 -2"), QStringLiteral("M README.md +1 -12"),
             QStringLiteral("D assets/logo.bin +0 -0 binary"),
             QStringLiteral("D config/values.yaml +0 -4"), QStringLiteral("D docs/guide.md +0 -1"),
             QStringLiteral("D empty.txt +0 -0"), QStringLiteral("D no-newline.txt +0 -2"),
             QStringLiteral("D scripts/run.sh +0 -2"), QStringLiteral("D scripts/tool.sh +0 -2"),
             QStringLiteral("A stages/prod/app.yaml +1 -0"), QStringLiteral("D windows.txt +0 -3"),
             QStringLiteral("D with space.txt +0 -1"), QStringLiteral("D ünïcödé.txt +0 -1")});
    }

    void diff()
    {
        QFETCH(int, scenario);
        QFETCH(QStringList, expected);
        const QString path = checkoutMain();
        apply(Scenario(scenario), path);
        const QByteArray statusBefore =
            gitOutput({QStringLiteral("status"), QStringLiteral("--porcelain")}, path);

        GitError error;
        const auto diff = GitWorkspace::diff(path, m_main, &error);
        QVERIFY2(diff, qPrintable(error.message));
        QStringList files;
        for (const GitFileChange &file : diff->files)
            files.append(describe(file));
        QCOMPARE(files, expected);
        QByteArray joined;
        for (const GitFileChange &file : diff->files)
            joined += file.patch;
        QCOMPARE(joined, diff->patch);
        QCOMPARE(GitWorkspace::treeId(path, &error), std::optional<QString>(diff->treeId));
        verifyAgainstGit(m_main, diff->patch, diff->treeId);

        // Looking changed nothing: not HEAD, not the index, not the files.
        QCOMPARE(gitOutput({QStringLiteral("rev-parse"), QStringLiteral("HEAD")}, path).trimmed(),
                 m_main.toLatin1());
        QCOMPARE(gitOutput({QStringLiteral("status"), QStringLiteral("--porcelain")}, path),
                 statusBefore);

        // Committed or not, the diff is BASE..now.
        if (!expected.isEmpty()) {
            const auto commit = GitWorkspace::commitAll(
                path, QStringLiteral("Promote"), identity(QStringLiteral("Alice")),
                identity(QStringLiteral("Alice")), {}, &error);
            QVERIFY2(commit, qPrintable(error.message));
            QVERIFY(commit->created);
            const auto after = GitWorkspace::diff(path, m_main, &error);
            QVERIFY2(after, qPrintable(error.message));
            QCOMPARE(after->patch, diff->patch);
            QCOMPARE(after->treeId, diff->treeId);
            QCOMPARE(gitOutput({QStringLiteral("rev-parse"), QStringLiteral("HEAD^{tree}")}, path)
                         .trimmed(),
                     diff->treeId.toLatin1());
        }
    }

    void commitAll()
    {
        const QString path = freshPath();
        GitError error;
        const auto checkout = GitWorkspace::checkout(request(path, QStringLiteral("stage/prod")),
                                                     cacheRoot(), network(daemonUrl()), &error);
        QVERIFY2(checkout, qPrintable(error.message));
        writeFile(path + QStringLiteral("/config/values.yaml"), "replicas: 9\n");
        QVERIFY(QFile::remove(path + QStringLiteral("/empty.txt")));
        writeFile(path + QStringLiteral("/new dir/new file.txt"), "new\n");
        const auto tree = GitWorkspace::treeId(path, &error);
        QVERIFY2(tree, qPrintable(error.message));

        GitIdentity author = identity(QStringLiteral("Alice Ämbler"));
        author.when = QDateTime(QDate(2024, 5, 17), QTime(10, 30, 0), QTimeZone(2 * 3600));
        GitIdentity committer{QStringLiteral("Kargo Bot"), QStringLiteral("bot@example.com"),
                              QDateTime(QDate(2024, 5, 18), QTime(8, 0, 0), QTimeZone(-5 * 3600))};
        const auto commit = GitWorkspace::commitAll(
            path, QStringLiteral("  Promote prod\n\n\n\nDetails here.   \n\n"), author, committer,
            {}, &error);
        QVERIFY2(commit, qPrintable(error.message));
        QVERIFY(commit->created);
        QCOMPARE(commit->id.size(), 40);

        const QByteArray log = gitOutput({QStringLiteral("log"), QStringLiteral("-1"),
                                          QStringLiteral("--format=%H%n%T%n%P%n%an <%ae> %ai%n"
                                                         "%cn <%ce> %ci%n%B")},
                                         path);
        QCOMPARE(QString::fromUtf8(log),
                 QStringLiteral("%1\n%2\n%3\nAlice Ämbler <alice@example.com> 2024-05-17 10:30:00 "
                                "+0200\nKargo Bot <bot@example.com> 2024-05-18 08:00:00 -0500\n"
                                "  Promote prod\n\nDetails here.\n\n")
                     .arg(commit->id, *tree, m_prod));
        QCOMPARE(
            gitOutput({QStringLiteral("symbolic-ref"), QStringLiteral("HEAD")}, path).trimmed(),
            QByteArray("refs/heads/stage/prod"));
        QCOMPARE(
            gitOutput({QStringLiteral("rev-parse"), QStringLiteral("stage/prod")}, path).trimmed(),
            commit->id.toLatin1());
        QCOMPARE(gitOutput({QStringLiteral("show"), QStringLiteral("--format="),
                            QStringLiteral("--name-status"), QStringLiteral("HEAD")},
                           path),
                 QByteArray("M\tconfig/values.yaml\nD\tempty.txt\nA\tnew dir/new file.txt\n"));
        // Everything is staged and committed, as after `git add -A && git commit`.
        QCOMPARE(gitOutput({QStringLiteral("status"), QStringLiteral("--porcelain")}, path),
                 QByteArray());
        QVERIFY(git({QStringLiteral("fsck"), QStringLiteral("--no-dangling")}, path));

        // Nothing more to commit: the head stays, as Kargo reports it.
        const auto again =
            GitWorkspace::commitAll(path, QStringLiteral("Again"), author, committer, {}, &error);
        QVERIFY2(again, qPrintable(error.message));
        QVERIFY(!again->created);
        QCOMPARE(again->id, commit->id);

        // Nothing to commit is told before the message is looked at.
        const auto blank =
            GitWorkspace::commitAll(path, QStringLiteral(" \n"), author, committer, {}, &error);
        QVERIFY2(blank, qPrintable(error.message));
        QVERIFY(!blank->created);
        writeFile(path + QStringLiteral("/more.txt"), "more\n");
        QVERIFY(
            !GitWorkspace::commitAll(path, QStringLiteral(" \n"), author, committer, {}, &error));
        QVERIFY2(error.message.contains(QStringLiteral("empty")), qPrintable(error.message));
    }

    void commitOnNewBranch()
    {
        const QString path = freshPath();
        GitCheckoutRequest r = request(path, QStringLiteral("stage/fresh"));
        r.create = true;
        GitError error;
        QVERIFY2(GitWorkspace::checkout(r, cacheRoot(), network(daemonUrl()), &error),
                 qPrintable(error.message));
        const auto nothing = GitWorkspace::commitAll(path, QStringLiteral("Empty"),
                                                     identity(QStringLiteral("Alice")),
                                                     identity(QStringLiteral("Alice")), {}, &error);
        QVERIFY2(nothing, qPrintable(error.message));
        QVERIFY(!nothing->created);
        QVERIFY(nothing->id.isEmpty());

        writeFile(path + QStringLiteral("/app.yaml"), "kind: Deployment\n");
        const auto commit = GitWorkspace::commitAll(path, QStringLiteral("First render"),
                                                    identity(QStringLiteral("Alice")),
                                                    identity(QStringLiteral("Alice")), {}, &error);
        QVERIFY2(commit, qPrintable(error.message));
        QVERIFY(commit->created);
        QCOMPARE(gitOutput({QStringLiteral("rev-list"), QStringLiteral("--count"),
                            QStringLiteral("HEAD")},
                           path)
                     .trimmed(),
                 QByteArray("1"));
        QCOMPARE(
            gitOutput({QStringLiteral("rev-parse"), QStringLiteral("stage/fresh")}, path).trimmed(),
            commit->id.toLatin1());
    }

    void userIdentity()
    {
        QString error;
        QVERIFY(!GitWorkspace::userIdentity(QString(), &error));
        QVERIFY2(error.contains(QStringLiteral("user.name")), qPrintable(error));

        const QString global = m_home + QStringLiteral("/.gitconfig");
        writeFile(global, "[user]\n\tname = Global Person\n\temail = global@example.com\n");
        auto identity = GitWorkspace::userIdentity(QString(), &error);
        QVERIFY2(identity, qPrintable(error));
        QCOMPARE(identity->name, QStringLiteral("Global Person"));
        QCOMPARE(identity->email, QStringLiteral("global@example.com"));

        // The repository's own setting wins, the rest comes from the global file.
        const QString path = checkoutMain();
        QVERIFY(git(
            {QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Local Person")},
            path));
        identity = GitWorkspace::userIdentity(path, &error);
        QVERIFY2(identity, qPrintable(error));
        QCOMPARE(identity->name, QStringLiteral("Local Person"));
        QCOMPARE(identity->email, QStringLiteral("global@example.com"));
        QVERIFY(QFile::remove(global));
        QVERIFY(!GitWorkspace::userIdentity(path, &error));
    }

private:
    bool git(const QStringList &arguments, const QString &workingDirectory = {})
    {
        return run(QStringLiteral("git"), arguments, nullptr, workingDirectory, m_env);
    }

    QByteArray gitOutput(const QStringList &arguments, const QString &workingDirectory)
    {
        QByteArray output;
        run(QStringLiteral("git"), arguments, &output, workingDirectory, m_env);
        return output;
    }

    QString revParse(const QString &work, const QString &rev)
    {
        return QString::fromLatin1(gitOutput({QStringLiteral("rev-parse"), rev}, work).trimmed());
    }

    QString fileUrl() const { return QUrl::fromLocalFile(m_bare).toString(); }
    QString daemonUrl() const { return m_daemon.url(QStringLiteral("deploy.git")); }
    QString cacheRoot() const { return m_dir.filePath(QStringLiteral("cache")); }
    QString freshCacheRoot() { return m_dir.filePath(QStringLiteral("cache-%1").arg(++m_count)); }
    QString freshPath() { return m_dir.filePath(QStringLiteral("ws/%1/out").arg(++m_count)); }

    static GitNetworkOptions network(const QString &url)
    {
        GitNetworkOptions options;
        options.url = url;
        return options;
    }

    static GitCheckoutRequest request(const QString &path, const QString &branch = {})
    {
        GitCheckoutRequest r;
        r.path = path;
        r.branch = branch;
        return r;
    }

    static GitIdentity identity(const QString &name)
    {
        return {name, QStringLiteral("alice@example.com"), {}};
    }

    QString checkoutMain()
    {
        const QString path = freshPath();
        GitError error;
        const auto checkout = GitWorkspace::checkout(request(path, QStringLiteral("main")),
                                                     cacheRoot(), network(daemonUrl()), &error);
        if (!checkout)
            qWarning("checkout failed: %s", qPrintable(error.message));
        return path;
    }

    /// Objects stored in the workspace itself rather than borrowed from the cache.
    static QStringList ownObjects(const QString &path)
    {
        QStringList files;
        QDirIterator it(path + QStringLiteral("/.git/objects"), QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            if (!file.endsWith(u"/info/alternates"))
                files.append(file);
        }
        return files;
    }

    void apply(Scenario scenario, const QString &ws)
    {
        const auto at = [&](const char *relative) -> QString {
            return ws + u'/' + QString::fromUtf8(relative);
        };
        switch (scenario) {
        case Scenario::Modify:
            writeFile(at("README.md"), "# Deploy\n\nThe manifests of every stage.\n\nOne\nTwo\n"
                                       "Three\nFour\nFIVE\nSix\nSeven\nEight\n");
            break;
        case Scenario::Add:
            writeFile(at("NOTES.md"), "Notes\n\n");
            break;
        case Scenario::Delete:
            QVERIFY(QFile::remove(at("config/values.yaml")));
            break;
        case Scenario::BinaryModify: {
            QByteArray bytes = binaryContent(3000, 1);
            bytes.replace(1500, 10, "0123456789");
            writeFile(at("assets/logo.bin"), bytes);
            break;
        }
        case Scenario::BinaryAdd:
            writeFile(at("assets/new.png"), binaryContent(20000, 3));
            break;
        case Scenario::BinaryDelete:
            QVERIFY(QFile::remove(at("assets/logo.bin")));
            break;
        case Scenario::NewFileInNewDirectory:
            writeFile(at("deploy/prod/values.yaml"), "replicas: 3\nimage: app:2.0\n");
            break;
        case Scenario::ModeChange:
            setExecutable(at("scripts/tool.sh"), true);
            break;
        case Scenario::ModeAndContentChange:
            writeFile(at("scripts/run.sh"), "#!/bin/sh\necho walk\n");
            setExecutable(at("scripts/run.sh"), false);
            break;
        case Scenario::NoTrailingNewline:
            writeFile(at("no-newline.txt"), "first\nchanged");
            break;
        case Scenario::TrailingNewlineAdded:
            writeFile(at("no-newline.txt"), "first\nlast\n");
            break;
        case Scenario::TrailingNewlineRemoved:
            writeFile(at("README.md"), "# Deploy\n\nThe manifests of every stage.\n\nOne\nTwo\n"
                                       "Three\nFour\nFive\nSix\nSeven\nEight");
            break;
        case Scenario::Crlf:
            writeFile(at("windows.txt"), "one\r\nTWO\r\nthree\r\n");
            break;
        case Scenario::CrlfToLf:
            writeFile(at("windows.txt"), "one\ntwo\nthree\n");
            break;
        case Scenario::SpacesAndNonAscii:
            writeFile(at("with space.txt"), "still spaced\n");
            writeFile(at("dir with space/ümlaut ✓.txt"), "ü\n");
            QVERIFY(QFile::remove(at("ünïcödé.txt")));
            break;
        case Scenario::EmptyFileAdded:
            writeFile(at("placeholder/.keep"), "");
            break;
        case Scenario::EmptyFileDeleted:
            QVERIFY(QFile::remove(at("empty.txt")));
            break;
        case Scenario::FileEmptied:
            writeFile(at("README.md"), "");
            break;
        case Scenario::SymlinkAdded:
            QCOMPARE(::symlink("config/values.yaml", QFile::encodeName(at("current")).constData()),
                     0);
            break;
        case Scenario::FileBecomesDirectory:
            QVERIFY(QFile::remove(at("no-newline.txt")));
            writeFile(at("no-newline.txt/inner.txt"), "inner\n");
            break;
        case Scenario::IgnoredFiles:
            writeFile(at("build/out.txt"), "built\n");
            writeFile(at("debug.log"), "log\n");
            break;
        case Scenario::TrackedFileNowIgnored:
            writeFile(at(".gitignore"), "*.log\nbuild/\nREADME.md\n");
            writeFile(at("README.md"), "# Deploy\n\nThe manifests of every stage.\n\nOne\nTwo\n"
                                       "Three\nFour\nFive\nSix\nSeven\nEIGHT\n");
            break;
        case Scenario::NoChanges:
            break;
        case Scenario::ClearAndRegenerate: {
            GitError error;
            QVERIFY2(GitWorkspace::clear(ws, &error), qPrintable(error.message));
            writeFile(at("stages/prod/app.yaml"), "kind: Deployment\n");
            writeFile(at("README.md"), "Rendered for prod.\n");
            break;
        }
        }
    }

    /// Applies @p patch with the real git to a fresh clone of @p base (an empty repository
    /// when there is none): it must give @p tree, and git must print the same diff for it.
    void verifyAgainstGit(const QString &base, const QByteArray &patch, const QString &tree)
    {
        const QString clone = m_dir.filePath(QStringLiteral("check-%1").arg(++m_count));
        if (base.isEmpty()) {
            QVERIFY(git({QStringLiteral("init"), QStringLiteral("-q"), clone}));
        } else {
            QVERIFY(git({QStringLiteral("clone"), QStringLiteral("-q"),
                         QStringLiteral("--no-checkout"), m_bare, clone}));
            QVERIFY(git({QStringLiteral("checkout"), QStringLiteral("-q"),
                         QStringLiteral("--detach"), base},
                        clone));
        }
        const QString patchFile = clone + QStringLiteral(".patch");
        writeFile(patchFile, patch);
        if (!patch.isEmpty())
            QVERIFY(git({QStringLiteral("apply"), QStringLiteral("--index"), patchFile}, clone));
        QCOMPARE(QString::fromLatin1(gitOutput({QStringLiteral("write-tree")}, clone).trimmed()),
                 tree);

        const QString from =
            base.isEmpty() ? QStringLiteral("4b825dc642cb6eb9a060e54bf8d69288fbee4904") : base;
        const QByteArray expected =
            gitOutput({QStringLiteral("diff"), QStringLiteral("--cached"),
                       QStringLiteral("--binary"), QStringLiteral("--no-renames"), from},
                      clone);
        QCOMPARE(comparableSections(patch), comparableSections(expected));
    }

    QTemporaryDir m_dir;
    QString m_home;
    QProcessEnvironment m_env;
    QString m_repos;
    QString m_bare;
    QString m_first;
    QString m_main;
    QString m_prod;
    GitDaemon m_daemon;
    int m_count = 0;
};

QTEST_GUILESS_MAIN(TestGitWorkspace)
#include "tst_gitworkspace.moc"
