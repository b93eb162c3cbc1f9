// NewestFromBranch with an includePaths filter on a 10,000-commit history: Stevedore against
// `git log -n 20 -- PATH` on the same clone with git's changed-path Bloom filters, and a
// re-poll where nothing moved against `git ls-remote`. Prints figures; asserts nothing.

#include "engine/gitdiscovery.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUrl>

#include <algorithm>
#include <cstdio>

using namespace Stevedore;

namespace {

constexpr int commitCount = 10000;
constexpr int runs = 5;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QByteArray git(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral("git"), arguments);
    if (!input.isEmpty()) {
        process.write(input);
        process.closeWriteChannel();
    }
    process.waitForFinished(600000);
    if (process.exitCode() != 0)
        qFatal("git %s failed: %s", qPrintable(arguments.join(u' ')),
               process.readAllStandardError().constData());
    return process.readAllStandardOutput();
}

/// A history where `hot/` changes in about a third of the commits and `rare/` in one in 700.
void generateRepository(const QString &path)
{
    git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"),
         QStringLiteral("-b"), QStringLiteral("main"), path});
    QByteArray stream;
    QRandomGenerator random(42);
    qint64 when = 1700000000;
    for (int i = 1; i <= commitCount; ++i) {
        const QByteArray message = "Commit " + QByteArray::number(i);
        stream += "commit refs/heads/main\nmark :" + QByteArray::number(i) + "\n";
        stream += "committer Bench <bench@example.invalid> " + QByteArray::number(when += 60) +
                  " +0000\n";
        stream += "data " + QByteArray::number(message.size()) + "\n" + message + "\n";
        if (i > 1)
            stream += "from :" + QByteArray::number(i - 1) + "\n";
        QList<QByteArray> paths;
        if (i % 3 == 0)
            paths.append("hot/file-" + QByteArray::number(random.bounded(20)) + ".txt");
        if (i % 700 == 0)
            paths.append("rare/config-" + QByteArray::number(i) + ".yaml");
        paths.append("src/dir-" + QByteArray::number(random.bounded(30)) + "/file-" +
                     QByteArray::number(random.bounded(40)) + ".c");
        for (const QByteArray &file : std::as_const(paths)) {
            const QByteArray content = "revision " + QByteArray::number(i) + "\n";
            stream += "M 100644 inline " + file + "\ndata " + QByteArray::number(content.size()) +
                      "\n" + content;
        }
        stream += "\n";
    }
    git({QStringLiteral("--git-dir"), path, QStringLiteral("fast-import"),
         QStringLiteral("--quiet")},
        stream);
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

template<typename F>
double timeMs(F &&f)
{
    QElapsedTimer timer;
    timer.start();
    f();
    return double(timer.nsecsElapsed()) / 1e6;
}

GitNetworkOptions options(const QString &url)
{
    GitNetworkOptions network;
    network.url = url;
    network.cancelled = std::make_shared<std::atomic<bool>>(false);
    return network;
}

void verdict(const char *what, double ours, double theirs, double goal)
{
    const double ratio = ours / theirs;
    out() << QStringLiteral("  %1: Stevedore %2 ms, baseline %3 ms, ratio %4 (goal <= %5): %6\n")
                 .arg(QLatin1String(what))
                 .arg(ours, 0, 'f', 1)
                 .arg(theirs, 0, 'f', 1)
                 .arg(ratio, 0, 'f', 2)
                 .arg(goal, 0, 'f', 1)
                 .arg(ratio <= goal ? QStringLiteral("met") : QStringLiteral("missed"));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString origin = dir.filePath(QStringLiteral("origin.git"));
    out() << "Generating a repository of " << commitCount << " commits...\n";
    out().flush();
    generateRepository(origin);
    const QString url = QUrl::fromLocalFile(origin).toString();
    const QString cacheRoot = dir.filePath(QStringLiteral("cache"));

    // First discovery clones into the cache; the walks below start from there.
    GitSubscription subscription;
    subscription.repoURL = url;
    subscription.branch = QStringLiteral("main");
    {
        MemoryPathCache cache;
        const auto clone = GitDiscovery::discover(subscription, cacheRoot, options(url), {}, cache);
        if (!clone.ok)
            qFatal("%s", qPrintable(clone.error.message));
    }
    const QString clone = GitDiscovery::cachePath(cacheRoot, url);
    // The baseline gets git's best: a commit-graph with changed-path Bloom filters.
    git({QStringLiteral("--git-dir"), clone, QStringLiteral("commit-graph"),
         QStringLiteral("write"), QStringLiteral("--reachable"),
         QStringLiteral("--changed-paths")});

    out() << "NewestFromBranch, includePaths, discoveryLimit 20, median of " << runs << " runs\n";
    // Plain paths are told from tree entries; a glob needs each commit's changed files, which
    // the per-commit cache keeps.
    for (const QString &path :
         {QStringLiteral("hot"), QStringLiteral("rare"), QStringLiteral("glob:rare/*")}) {
        subscription.includePaths = {path};
        subscription.discoveryLimit = 20;
        QList<double> cold;
        QList<double> warm;
        QList<double> baseline;
        GitDiscovery::Result last;
        for (int run = 0; run < runs; ++run) {
            MemoryPathCache cache;
            cold.append(timeMs([&] {
                last = GitDiscovery::discover(subscription, cacheRoot, options(url), {}, cache);
            }));
            // The same walk again, with what the first one learnt (a re-poll after a new
            // commit costs about this, plus the new commits).
            GitWalkState forget = last.state;
            forget.tip.clear();
            warm.append(timeMs([&] {
                GitDiscovery::discover(subscription, cacheRoot, options(url), forget, cache);
            }));
            baseline.append(timeMs([&] {
                git({QStringLiteral("--git-dir"), clone, QStringLiteral("log"),
                     QStringLiteral("-n"), QStringLiteral("20"), QStringLiteral("--format=%H"),
                     QStringLiteral("refs/stevedore/heads/main"), QStringLiteral("--"),
                     path.startsWith(u"glob:") ? QStringLiteral(":(glob)") + path.mid(5) : path});
            }));
        }
        out() << "path " << path << " (" << last.commits.size() << " commits selected)\n";
        verdict("cold walk", median(cold), median(baseline), 1.5);
        verdict("walk with the per-commit cache", median(warm), median(baseline), 1.5);
    }

    subscription.includePaths = {QStringLiteral("rare")};
    MemoryPathCache cache;
    const auto first = GitDiscovery::discover(subscription, cacheRoot, options(url), {}, cache);
    QList<double> repoll;
    QList<double> lsRemote;
    for (int run = 0; run < runs; ++run) {
        repoll.append(timeMs([&] {
            GitDiscovery::discover(subscription, cacheRoot, options(url), first.state, cache);
        }));
        lsRemote.append(timeMs([&] { git({QStringLiteral("ls-remote"), url}); }));
    }
    out() << "re-poll when nothing moved\n";
    verdict("re-poll vs git ls-remote", median(repoll), median(lsRemote), 1.2);
    return 0;
}
