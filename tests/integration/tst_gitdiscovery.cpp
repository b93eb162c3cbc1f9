// Git discovery against real repositories and real servers: file://, git:// (git daemon),
// https:// with basic auth (lighttpd + git-http-backend, own CA) and ssh:// (sshd), all on
// 127.0.0.1, started here and stopped by PID.

#include "engine/gitdiscovery.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "tests/support/testservers.h"

using namespace Stevedore;
using namespace Stevedore::Testing;

namespace {

/// Counts what was learnt, to tell a full walk from an incremental one.
class CountingCache : public MemoryPathCache
{
public:
    void remember(const QString &commit, const QStringList &paths) override
    {
        ++learnt;
        MemoryPathCache::remember(commit, paths);
    }
    int learnt = 0;
};

GitSubscription branchSubscription(const QString &url)
{
    GitSubscription s;
    s.repoURL = url;
    s.branch = QStringLiteral("main");
    return s;
}

QStringList subjects(const QList<DiscoveredCommit> &commits)
{
    QStringList result;
    for (const DiscoveredCommit &commit : commits)
        result.append(commit.subject);
    return result;
}

QStringList tags(const QList<DiscoveredCommit> &commits)
{
    QStringList result;
    for (const DiscoveredCommit &commit : commits)
        result.append(commit.tag);
    return result;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

} // namespace

class TestGitDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_home = m_dir.filePath(QStringLiteral("home"));
        QDir().mkpath(m_home + QStringLiteral("/.ssh"));
        // Everything the code under test reads of "the user" comes from this folder.
        qputenv("HOME", m_home.toUtf8());
        qputenv("XDG_CONFIG_HOME", (m_home + QStringLiteral("/.config")).toUtf8());
        qputenv("GIT_CONFIG_NOSYSTEM", "1");
        qunsetenv("SSH_AUTH_SOCK");
        qunsetenv("GIT_SSL_CAINFO");
        qunsetenv("SSL_CERT_FILE");

        m_repos = m_dir.filePath(QStringLiteral("repos"));
        QDir().mkpath(m_repos);
        m_git = std::make_unique<GitFixture>(m_repos);
        m_app = m_git->createRepository(QStringLiteral("app"), 0);
        QVERIFY(!m_app.isEmpty());
        m_git->commit(m_app, QStringLiteral("README.md"), QStringLiteral("hello"),
                      QStringLiteral("Initial import"));
        m_git->commit(m_app, QStringLiteral("src/main.c"), QStringLiteral("int main;"),
                      QStringLiteral("Add the program"));
        QVERIFY(m_git->tag(m_app, QStringLiteral("v1.0.0")));
        m_git->commit(m_app, QStringLiteral("docs/guide.md"), QStringLiteral("guide"),
                      QStringLiteral("Write a guide"));
        m_git->commit(m_app, QStringLiteral("src/util.c"), QStringLiteral("int util;"),
                      QStringLiteral("Add a utility"));
        QVERIFY(m_git->tag(m_app, QStringLiteral("v1.1.0"), QStringLiteral("main"), false));
        m_git->commit(m_app, QStringLiteral("deploy/values.yaml"), QStringLiteral("a: 1"),
                      QStringLiteral("Tune the deployment"));
        QVERIFY(m_git->tag(m_app, QStringLiteral("v2.0.0-rc.1")));
        QVERIFY(m_git->tag(m_app, QStringLiteral("not-a-version")));

        // The HTTPS server's CA must be known before libgit2 starts.
        const QString https = m_dir.filePath(QStringLiteral("https"));
        QDir().mkpath(https);
        QVERIFY(
            m_https.start(m_repos, https, QStringLiteral("alice"), QStringLiteral("s3cret-pass")));
        qputenv("GIT_SSL_CAINFO", QFile::encodeName(m_https.caFile()));
        const QString untrusted = m_dir.filePath(QStringLiteral("untrusted"));
        QDir().mkpath(untrusted);
        QVERIFY(m_untrustedHttps.start(m_repos, untrusted, QStringLiteral("alice"),
                                       QStringLiteral("s3cret-pass")));
        QVERIFY(m_daemon.start(m_repos));

        // A credential helper of the user's that knows alice's password.
        const QString credentials = m_home + QStringLiteral("/.git-credentials");
        writeFile(credentials, QStringLiteral("https://alice:s3cret-pass@localhost:%1\n"
                                              "https://alice:s3cret-pass@localhost:%2\n")
                                   .arg(m_https.port())
                                   .arg(m_untrustedHttps.port())
                                   .toUtf8());
        writeFile(
            m_home + QStringLiteral("/.gitconfig"),
            QStringLiteral("[credential]\n\thelper = store --file=%1\n").arg(credentials).toUtf8());

        // The client's SSH key, and an sshd that accepts it.
        const QString key = m_home + QStringLiteral("/.ssh/id_ed25519");
        QVERIFY(run(QStringLiteral("ssh-keygen"),
                    {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                     QStringLiteral("-N"), QString(), QStringLiteral("-f"), key}));
        QFile publicKey(key + QStringLiteral(".pub"));
        QVERIFY(publicKey.open(QIODevice::ReadOnly));
        const QString sshDir = m_dir.filePath(QStringLiteral("sshd"));
        QDir().mkpath(sshDir);
        QVERIFY(m_ssh.start(sshDir, QString::fromLatin1(publicKey.readAll()).trimmed()));
    }

    void cleanupTestCase()
    {
        // Servers are stopped by their destructors (by PID); nothing else to do.
    }

    void newestFromBranch()
    {
        CountingCache cache;
        const auto result = GitDiscovery::discover(branchSubscription(fileUrl()), cacheRoot(),
                                                   network(fileUrl()), {}, cache);
        QVERIFY2(result.ok, qPrintable(result.error.message));
        QVERIFY(result.fetched);
        QCOMPARE(
            subjects(result.commits),
            (QStringList{QStringLiteral("Tune the deployment"), QStringLiteral("Add a utility"),
                         QStringLiteral("Write a guide"), QStringLiteral("Add the program"),
                         QStringLiteral("Initial import")}));
        QCOMPARE(result.commits.first().id, m_git->revParse(m_app, QStringLiteral("main")));
        QCOMPARE(result.commits.first().branch, QStringLiteral("main"));
        QCOMPARE(result.commits.first().author,
                 QStringLiteral("Test Author <author@test.invalid>"));
        QCOMPARE(cache.learnt, 0); // no path filters: no diffs needed
    }

    void discoveryLimit()
    {
        GitSubscription s = branchSubscription(fileUrl());
        s.discoveryLimit = 2;
        MemoryPathCache cache;
        const auto result = GitDiscovery::discover(s, cacheRoot(), network(fileUrl()), {}, cache);
        QVERIFY(result.ok);
        QCOMPARE(result.commits.size(), 2);
    }

    void pathFilters_data()
    {
        QTest::addColumn<QStringList>("include");
        QTest::addColumn<QStringList>("exclude");
        QTest::addColumn<QStringList>("expected");
        const QString tune = QStringLiteral("Tune the deployment");
        const QString util = QStringLiteral("Add a utility");
        const QString guide = QStringLiteral("Write a guide");
        const QString program = QStringLiteral("Add the program");
        const QString initial = QStringLiteral("Initial import");
        QTest::newRow("directory")
            << QStringList{QStringLiteral("src")} << QStringList() << QStringList{util, program};
        QTest::newRow("directory with slash")
            << QStringList{QStringLiteral("src/")} << QStringList() << QStringList{util, program};
        QTest::newRow("file") << QStringList{QStringLiteral("README.md")} << QStringList()
                              << QStringList{initial};
        QTest::newRow("not a prefix of a name")
            << QStringList{QStringLiteral("sr")} << QStringList() << QStringList();
        QTest::newRow("glob") << QStringList{QStringLiteral("glob:**/*.md")} << QStringList()
                              << QStringList{guide};
        QTest::newRow("glob top level")
            << QStringList{QStringLiteral("glob:*.md")} << QStringList() << QStringList{initial};
        QTest::newRow("regex") << QStringList{QStringLiteral("regex:\\.c$")} << QStringList()
                               << QStringList{util, program};
        QTest::newRow("regexp") << QStringList{QStringLiteral("regexp:^deploy/")} << QStringList()
                                << QStringList{tune};
        QTest::newRow("exclude only") << QStringList() << QStringList{QStringLiteral("src")}
                                      << QStringList{tune, guide, initial};
        QTest::newRow("include and exclude")
            << QStringList{QStringLiteral("src")} << QStringList{QStringLiteral("src/util.c")}
            << QStringList{program};
    }

    void pathFilters()
    {
        QFETCH(QStringList, include);
        QFETCH(QStringList, exclude);
        QFETCH(QStringList, expected);
        GitSubscription s = branchSubscription(fileUrl());
        s.includePaths = include;
        s.excludePaths = exclude;
        CountingCache cache;
        const auto result = GitDiscovery::discover(s, cacheRoot(), network(fileUrl()), {}, cache);
        QVERIFY2(result.ok, qPrintable(result.error.message));
        QCOMPARE(subjects(result.commits), expected);
        // Pattern filters need every commit's changed files, learnt once each; plain paths are
        // told from the trees' entries without a diff, unless an exclusion lies inside them.
        const bool patterns = std::any_of(include.begin(), include.end(), [](const QString &f) {
            return f.contains(u':');
        });
        const bool nested = !include.isEmpty() && !exclude.isEmpty();
        // (the nested row: only the two commits that changed src/ need their files listed)
        QCOMPARE(cache.learnt, patterns || include.isEmpty() ? 5 : (nested ? 2 : 0));
    }

    void since()
    {
        GitSubscription s = branchSubscription(fileUrl());
        s.since = QDateTime::currentDateTimeUtc().addDays(1);
        MemoryPathCache cache;
        const auto result = GitDiscovery::discover(s, cacheRoot(), network(fileUrl()), {}, cache);
        QVERIFY(result.ok);
        QVERIFY(result.commits.isEmpty());
        s.since = QDateTime::currentDateTimeUtc().addDays(-1);
        QCOMPARE(
            GitDiscovery::discover(s, cacheRoot(), network(fileUrl()), {}, cache).commits.size(),
            5);
    }

    void tagStrategies_data()
    {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<QString>("constraint");
        QTest::addColumn<QStringList>("expected");
        // Without a constraint Kargo takes every tag that is a version, pre-releases too.
        QTest::newRow("semver") << int(CommitSelectionStrategy::SemVer) << QString()
                                << QStringList{QStringLiteral("v2.0.0-rc.1"),
                                               QStringLiteral("v1.1.0"), QStringLiteral("v1.0.0")};
        QTest::newRow("semver release range")
            << int(CommitSelectionStrategy::SemVer) << QStringLiteral("^1")
            << QStringList{QStringLiteral("v1.1.0"), QStringLiteral("v1.0.0")};
        QTest::newRow("semver constraint")
            << int(CommitSelectionStrategy::SemVer) << QStringLiteral("<1.1")
            << QStringList{QStringLiteral("v1.0.0")};
        QTest::newRow("semver pre-release")
            << int(CommitSelectionStrategy::SemVer) << QStringLiteral(">=2.0.0-0")
            << QStringList{QStringLiteral("v2.0.0-rc.1")};
        QTest::newRow("lexical") << int(CommitSelectionStrategy::Lexical) << QString()
                                 << QStringList{QStringLiteral("v2.0.0-rc.1"),
                                                QStringLiteral("v1.1.0"), QStringLiteral("v1.0.0"),
                                                QStringLiteral("not-a-version")};
    }

    void tagStrategies()
    {
        QFETCH(int, strategy);
        QFETCH(QString, constraint);
        QFETCH(QStringList, expected);
        GitSubscription s;
        s.repoURL = fileUrl();
        s.commitSelectionStrategy = CommitSelectionStrategy(strategy);
        s.semverConstraint = constraint;
        MemoryPathCache cache;
        const auto result = GitDiscovery::discover(s, cacheRoot(), network(fileUrl()), {}, cache);
        QVERIFY2(result.ok, qPrintable(result.error.message));
        QCOMPARE(tags(result.commits), expected);
        for (const DiscoveredCommit &commit : result.commits)
            QCOMPARE(commit.id, m_git->revParse(m_app, commit.tag));
    }

    void newestTagAndTagRegexes()
    {
        GitSubscription s;
        s.repoURL = fileUrl();
        s.commitSelectionStrategy = CommitSelectionStrategy::NewestTag;
        s.allowTagsRegexes = {QStringLiteral("^v")};
        s.ignoreTagsRegexes = {QStringLiteral("rc")};
        MemoryPathCache cache;
        const auto result = GitDiscovery::discover(s, cacheRoot(), network(fileUrl()), {}, cache);
        QVERIFY2(result.ok, qPrintable(result.error.message));
        QCOMPARE(tags(result.commits).value(0), QStringLiteral("v1.1.0"));
        QVERIFY(!tags(result.commits).contains(QStringLiteral("v2.0.0-rc.1")));
        QVERIFY(!tags(result.commits).contains(QStringLiteral("not-a-version")));
    }

    void repollOnlyLooksAtNewCommits()
    {
        const QString repo = m_git->createRepository(QStringLiteral("incremental"), 6);
        const QString url = QUrl::fromLocalFile(repo).toString();
        GitSubscription s = branchSubscription(url);
        s.includePaths = {QStringLiteral("glob:file-*.txt")};
        CountingCache cache;
        auto first = GitDiscovery::discover(s, cacheRoot(), network(url), {}, cache);
        QVERIFY(first.ok);
        QCOMPARE(first.commits.size(), 6);
        QCOMPARE(cache.learnt, 6);

        // Nothing moved: no fetch, no walk.
        auto same = GitDiscovery::discover(s, cacheRoot(), network(url), first.state, cache);
        QVERIFY(same.ok);
        QVERIFY(!same.fetched);
        QCOMPARE(same.commits, first.commits);
        QCOMPARE(cache.learnt, 6);

        // Two new commits: only they are looked at, and with a cache that knows nothing the
        // old ones would have been diffed again.
        m_git->commit(repo, QStringLiteral("file-new.txt"), QStringLiteral("x"),
                      QStringLiteral("New one"));
        m_git->commit(repo, QStringLiteral("other.md"), QStringLiteral("x"),
                      QStringLiteral("Not matching"));
        CountingCache fresh;
        auto next = GitDiscovery::discover(s, cacheRoot(), network(url), same.state, fresh);
        QVERIFY(next.ok);
        QVERIFY(next.fetched);
        QCOMPARE(fresh.learnt, 2);
        QCOMPARE(next.commits.size(), 7);
        QCOMPARE(next.commits.first().subject, QStringLiteral("New one"));
        QCOMPARE(next.commits.mid(1), first.commits);
    }

    void forcePushStartsOver()
    {
        const QString repo = m_git->createRepository(QStringLiteral("rewritten"), 3);
        const QString url = QUrl::fromLocalFile(repo).toString();
        MemoryPathCache cache;
        auto first =
            GitDiscovery::discover(branchSubscription(url), cacheRoot(), network(url), {}, cache);
        QVERIFY(first.ok);
        const QString root = first.commits.last().id;
        // Move main back to the first commit: the newer ones are no longer part of it.
        QVERIFY(run(QStringLiteral("git"),
                    {QStringLiteral("--git-dir"), repo, QStringLiteral("update-ref"),
                     QStringLiteral("refs/heads/main"), root}));
        auto after = GitDiscovery::discover(branchSubscription(url), cacheRoot(), network(url),
                                            first.state, cache);
        QVERIFY(after.ok);
        QCOMPARE(subjects(after.commits), QStringList{first.commits.last().subject});
        QCOMPARE(after.commits.first().id, root);
    }

    void missingBranchIsAClearError()
    {
        GitSubscription s = branchSubscription(fileUrl());
        s.branch = QStringLiteral("nope");
        MemoryPathCache cache;
        const auto result = GitDiscovery::discover(s, cacheRoot(), network(fileUrl()), {}, cache);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.message.contains(QStringLiteral("no branch \"nope\"")),
                 qPrintable(result.error.message));
    }

    void gitDaemon()
    {
        const QString url = m_daemon.url(QStringLiteral("app.git"));
        MemoryPathCache cache;
        const auto result =
            GitDiscovery::discover(branchSubscription(url), cacheRoot(), network(url), {}, cache);
        QVERIFY2(result.ok, qPrintable(result.error.message));
        QCOMPARE(result.commits.size(), 5);
    }

    void httpsWithCredentialHelper()
    {
        const QString url = m_https.url(QStringLiteral("app.git"));
        MemoryPathCache cache;
        const auto result =
            GitDiscovery::discover(branchSubscription(url), cacheRoot(), network(url), {}, cache);
        QVERIFY2(result.ok, qPrintable(result.error.message));
        QCOMPARE(result.commits.size(), 5);
    }

    void httpsWithoutCredentials()
    {
        // A host the credential helper knows nothing about.
        const QString url = QStringLiteral("https://127.0.0.1:%1/git/app.git").arg(m_https.port());
        MemoryPathCache cache;
        const auto result =
            GitDiscovery::discover(branchSubscription(url), cacheRoot(), network(url), {}, cache);
        QVERIFY(!result.ok);
        QVERIFY2(!result.error.message.contains(QStringLiteral("s3cret")),
                 qPrintable(result.error.message));
    }

    void httpsUntrustedCertificate()
    {
        const QString url = m_untrustedHttps.url(QStringLiteral("app.git"));
        MemoryPathCache cache;
        auto result =
            GitDiscovery::discover(branchSubscription(url), cacheRoot(), network(url), {}, cache);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.message.contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
                 qPrintable(result.error.message));
        GitNetworkOptions insecure = network(url);
        insecure.insecureSkipTLSVerify = true;
        result = GitDiscovery::discover(branchSubscription(url), cacheRoot(), insecure, {}, cache);
        QVERIFY2(result.ok, qPrintable(result.error.message));
    }

    void sshWithKnownHost()
    {
        writeFile(m_home + QStringLiteral("/.ssh/known_hosts"),
                  m_ssh.knownHostsLine().toUtf8() + '\n');
        const QString url = m_ssh.url(m_app);
        MemoryPathCache cache;
        const auto result =
            GitDiscovery::discover(branchSubscription(url), cacheRoot(), network(url), {}, cache);
        QVERIFY2(result.ok, qPrintable(result.error.message));
        QCOMPARE(result.commits.size(), 5);
    }

    void sshUnknownHost()
    {
        QFile::remove(m_home + QStringLiteral("/.ssh/known_hosts"));
        const QString url = m_ssh.url(m_app);
        MemoryPathCache cache;
        const auto result =
            GitDiscovery::discover(branchSubscription(url), cacheRoot(), network(url), {}, cache);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.message.contains(QStringLiteral("not in your known_hosts")),
                 qPrintable(result.error.message));
        QVERIFY2(result.error.message.contains(QStringLiteral("SHA256:")),
                 qPrintable(result.error.message));
        QVERIFY(!result.error.message.contains(QStringLiteral("changed"), Qt::CaseInsensitive));
    }

    void sshChangedHostKey()
    {
        // known_hosts holds another key for this host: a changed key, not an unknown host.
        const QString other = m_dir.filePath(QStringLiteral("other_host_key"));
        QVERIFY(run(QStringLiteral("ssh-keygen"),
                    {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                     QStringLiteral("-N"), QString(), QStringLiteral("-f"), other}));
        QFile otherPublic(other + QStringLiteral(".pub"));
        QVERIFY(otherPublic.open(QIODevice::ReadOnly));
        const QStringList fields = QString::fromLatin1(otherPublic.readAll()).split(u' ');
        writeFile(m_home + QStringLiteral("/.ssh/known_hosts"),
                  QStringLiteral("[127.0.0.1]:%1 %2 %3\n")
                      .arg(m_ssh.port())
                      .arg(fields.value(0), fields.value(1))
                      .toUtf8());
        const QString url = m_ssh.url(m_app);
        MemoryPathCache cache;
        const auto result =
            GitDiscovery::discover(branchSubscription(url), cacheRoot(), network(url), {}, cache);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.message.contains(QStringLiteral("changed"), Qt::CaseInsensitive),
                 qPrintable(result.error.message));
        QVERIFY2(result.error.message.contains(QStringLiteral("known_hosts")),
                 qPrintable(result.error.message));
    }

    void insteadOfIsHonoured()
    {
        // The manifest names a host that does not exist; the user's git configuration maps it
        // to the local git daemon.
        writeFile(m_home + QStringLiteral("/.gitconfig"),
                  QStringLiteral("[url \"git://127.0.0.1:%1/\"]\n\tinsteadOf = "
                                 "https://git.example.invalid/\n")
                      .arg(m_daemon.port())
                      .toUtf8());
        const QString url = QStringLiteral("https://git.example.invalid/app.git");
        MemoryPathCache cache;
        const auto result =
            GitDiscovery::discover(branchSubscription(url), cacheRoot(), network(url), {}, cache);
        QVERIFY2(result.ok, qPrintable(result.error.message));
        QCOMPARE(result.commits.size(), 5);
    }

private:
    QString fileUrl() const { return QUrl::fromLocalFile(m_app).toString(); }
    QString cacheRoot() const { return m_dir.filePath(QStringLiteral("cache")); }
    static GitNetworkOptions network(const QString &url)
    {
        GitNetworkOptions options;
        options.url = url;
        options.cancelled = std::make_shared<std::atomic<bool>>(false);
        return options;
    }

    QTemporaryDir m_dir;
    QString m_home;
    QString m_repos;
    QString m_app;
    std::unique_ptr<GitFixture> m_git;
    GitDaemon m_daemon;
    GitHttpsServer m_https;
    GitHttpsServer m_untrustedHttps;
    SshServer m_ssh;
};

QTEST_GUILESS_MAIN(TestGitDiscovery)
#include "tst_gitdiscovery.moc"
