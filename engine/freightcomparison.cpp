#include "engine/freightcomparison.h"

#include "engine/gitdiscovery.h"
#include "engine/githandle_p.h"
#include "engine/gitrepository.h"
#include "engine/store.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <git2.h>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

using Commit = GitHandle<git_commit, git_commit_free>;
using Revwalk = GitHandle<git_revwalk, git_revwalk_free>;

QString hex(const git_oid *oid)
{
    char buffer[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(buffer, sizeof buffer, oid);
    return QString::fromLatin1(buffer);
}

QString kindName(ArtifactChange::Kind kind)
{
    switch (kind) {
    case ArtifactChange::Kind::Commit:
        return u"commit"_s;
    case ArtifactChange::Kind::Image:
        return u"image"_s;
    case ArtifactChange::Kind::Chart:
        return u"chart"_s;
    }
    return {};
}

QString stateName(CommitLog::State state)
{
    switch (state) {
    case CommitLog::State::Unchanged:
        return u"Unchanged"_s;
    case CommitLog::State::Forward:
        return u"Forward"_s;
    case CommitLog::State::Backward:
        return u"Backward"_s;
    case CommitLog::State::Diverged:
        return u"Diverged"_s;
    case CommitLog::State::NotCached:
        return u"NotCached"_s;
    case CommitLog::State::MissingCommit:
        return u"MissingCommit"_s;
    }
    return {};
}

/// How an artifact is matched between two freight: by subscription name when it has one,
/// otherwise by repository (and chart name).
template<typename T>
QString matchKey(const T &artifact, const QString &url)
{
    return artifact.subscriptionName.isEmpty() ? u"url:"_s + url
                                               : u"name:"_s + artifact.subscriptionName;
}

QString chartURL(const FreightChart &chart)
{
    return chart.name.isEmpty() ? chart.repoURL : chart.repoURL + u'/' + chart.name;
}

QString commitText(const FreightCommit &commit)
{
    return commit.tag.isEmpty() ? commit.id : commit.tag + u" ("_s + commit.id.left(12) + u')';
}

QString imageText(const FreightImage &image)
{
    return image.tag.isEmpty() ? image.digest : image.tag + u'@' + image.digest;
}

/// Adds one change per artifact in either list, in the order of @p newer then the ones only
/// @p older has.
template<typename T, typename Url, typename Text, typename Detail>
void pair(ArtifactChange::Kind kind, const QList<T> &older, const QList<T> &newer, Url url,
          Text text, Detail detail, QList<ArtifactChange> *changes)
{
    QList<bool> used(older.size(), false);
    const auto add = [&](const T *before, const T *after) {
        ArtifactChange change;
        change.kind = kind;
        const T &any = after ? *after : *before;
        change.subscription = any.subscriptionName;
        change.repoURL = url(any);
        if (before) {
            change.from = text(*before);
            change.fromDetail = detail(*before);
        }
        if (after) {
            change.to = text(*after);
            change.toDetail = detail(*after);
        }
        changes->append(change);
    };
    for (const T &after : newer) {
        const T *before = nullptr;
        for (int i = 0; i < older.size(); ++i) {
            if (!used.at(i) &&
                matchKey(older.at(i), url(older.at(i))) == matchKey(after, url(after))) {
                used[i] = true;
                before = &older.at(i);
                break;
            }
        }
        add(before, &after);
    }
    for (int i = 0; i < older.size(); ++i) {
        if (!used.at(i))
            add(&older.at(i), nullptr);
    }
}

QString gitMessage(const QString &what)
{
    const git_error *error = git_error_last();
    return what + u": "_s +
           (error && error->message ? QString::fromUtf8(error->message) : u"unknown error"_s);
}

} // namespace

CommitLog FreightComparison::commitLog(const QString &cacheRoot, const QString &repoURL,
                                       const QString &fromCommit, const QString &toCommit)
{
    CommitLog log;
    log.repoURL = repoURL;
    log.from = fromCommit;
    log.to = toCommit;
    if (fromCommit == toCommit) {
        log.state = CommitLog::State::Unchanged;
        log.message = u"the same commit"_s;
        return log;
    }
    // Reading needs no GitCacheLock: objects are immutable and a fetch adds packs atomically,
    // so a discovery fetching into the same clone meanwhile cannot disturb this walk.
    const QString path = GitDiscovery::cachePath(cacheRoot, repoURL);
    if (!QFileInfo::exists(path)) {
        log.state = CommitLog::State::NotCached;
        log.message =
            u"%1 is not in the local git cache: refresh its warehouse to fetch it"_s.arg(repoURL);
        return log;
    }
    GitError error;
    const std::optional<GitRepository> repository = GitRepository::open(path, &error);
    if (!repository) {
        log.state = CommitLog::State::NotCached;
        log.message = u"cannot open the local clone of %1: %2"_s.arg(repoURL, error.message);
        return log;
    }
    git_repository *repo = repository->handle();
    git_oid from;
    git_oid to;
    for (const auto &[id, oid] : {std::pair{fromCommit, &from}, std::pair{toCommit, &to}}) {
        Commit commit;
        if (git_oid_fromstr(oid, id.toLatin1().constData()) < 0 ||
            git_commit_lookup(&commit.ptr, repo, oid) < 0) {
            log.state = CommitLog::State::MissingCommit;
            log.message = u"commit %1 is not in the local clone of %2: refresh its warehouse to "
                          "fetch it"_s.arg(id.left(12), repoURL);
            return log;
        }
    }
    git_oid tip = to;
    git_oid hide = from;
    if (git_graph_descendant_of(repo, &to, &from) == 1) {
        log.state = CommitLog::State::Forward;
        log.message = u"commits added since %1"_s.arg(fromCommit.left(12));
    } else if (git_graph_descendant_of(repo, &from, &to) == 1) {
        log.state = CommitLog::State::Backward;
        log.message = u"going back: these commits of %1 are not in %2"_s.arg(fromCommit.left(12),
                                                                             toCommit.left(12));
        std::swap(tip, hide);
    } else {
        log.state = CommitLog::State::Diverged;
        log.message = u"%1 and %2 are not ancestors of each other: commits in %2 that %1 does "
                      "not have"_s.arg(fromCommit.left(12), toCommit.left(12));
    }
    Revwalk walk;
    if (git_revwalk_new(&walk.ptr, repo) < 0 ||
        git_revwalk_sorting(walk.ptr, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME) < 0 ||
        git_revwalk_push(walk.ptr, &tip) < 0 || git_revwalk_hide(walk.ptr, &hide) < 0) {
        log.message = gitMessage(u"cannot walk the history"_s);
        log.state = CommitLog::State::MissingCommit;
        return log;
    }
    git_oid oid;
    while (git_revwalk_next(&oid, walk.ptr) == 0) {
        if (log.commits.size() >= maxEntries) {
            log.truncated = true;
            break;
        }
        Commit commit;
        if (git_commit_lookup(&commit.ptr, repo, &oid) < 0)
            continue;
        const git_signature *author = git_commit_author(commit.ptr);
        log.commits.append(
            {hex(&oid), QString::fromUtf8(git_commit_summary(commit.ptr)),
             u"%1 <%2>"_s.arg(QString::fromUtf8(author->name), QString::fromUtf8(author->email)),
             QDateTime::fromSecsSinceEpoch(git_commit_time(commit.ptr), Qt::UTC)});
    }
    return log;
}

FreightComparison FreightComparison::compare(const Freight &from, const Freight &to,
                                             const QString &cacheRoot)
{
    FreightComparison comparison;
    comparison.from = from;
    comparison.to = to;
    if (from.origin != to.origin) {
        comparison.error =
            u"%1 comes from %2 and %3 from %4: only freight of one warehouse can "
            "be compared"_s.arg(from.alias, from.origin.name, to.alias, to.origin.name);
        return comparison;
    }
    ensureGitInitialized();
    pair(
        ArtifactChange::Kind::Commit, from.commits, to.commits,
        [](const FreightCommit &c) { return c.repoURL; }, commitText,
        [](const FreightCommit &c) { return c.message; }, &comparison.artifacts);
    pair(
        ArtifactChange::Kind::Image, from.images, to.images,
        [](const FreightImage &i) { return i.repoURL; }, imageText,
        [](const FreightImage &) { return QString(); }, &comparison.artifacts);
    pair(
        ArtifactChange::Kind::Chart, from.charts, to.charts, chartURL,
        [](const FreightChart &c) { return c.version; },
        [](const FreightChart &) { return QString(); }, &comparison.artifacts);

    // A commit log for each repository both freight take a commit from.
    for (const FreightCommit &after : to.commits) {
        for (const FreightCommit &before : from.commits) {
            if (matchKey(before, before.repoURL) != matchKey(after, after.repoURL))
                continue;
            CommitLog log = commitLog(cacheRoot, after.repoURL, before.id, after.id);
            log.subscription = after.subscriptionName;
            comparison.logs.append(log);
            break;
        }
    }
    comparison.ok = true;
    return comparison;
}

FreightComparison FreightComparison::compareStored(const QString &pipelinePath,
                                                   const QString &cacheRoot, const QString &from,
                                                   const QString &to)
{
    FreightComparison comparison;
    const std::unique_ptr<Store> store = Store::open(pipelinePath, &comparison.error);
    if (!store)
        return comparison;
    const std::optional<Freight> older = store->findFreight(from);
    const std::optional<Freight> newer = store->findFreight(to);
    if (!older || !newer) {
        comparison.error = u"no freight \"%1\" in the store"_s.arg(older ? to : from);
        return comparison;
    }
    return compare(*older, *newer, cacheRoot);
}

FreightComparison FreightComparison::compareWithStage(const QString &pipelinePath,
                                                      const QString &cacheRoot,
                                                      const QString &stage, const QString &incoming)
{
    FreightComparison comparison;
    const std::unique_ptr<Store> store = Store::open(pipelinePath, &comparison.error);
    if (!store)
        return comparison;
    const std::optional<Freight> newer = store->findFreight(incoming);
    if (!newer) {
        comparison.error = u"no freight \"%1\" in the store"_s.arg(incoming);
        return comparison;
    }
    const QList<StageFreight> current = store->currentFreight(stage);
    for (const StageFreight &held : current) {
        if (held.origin != newer->origin)
            continue;
        if (const std::optional<Freight> older = store->findFreight(held.freightId))
            return compare(*older, *newer, cacheRoot);
    }
    Freight nothing;
    nothing.origin = newer->origin;
    comparison = compare(nothing, *newer, cacheRoot);
    comparison.note =
        u"%1 has no freight from %2 yet: every artifact is new"_s.arg(stage, newer->origin.name);
    return comparison;
}

QJsonObject FreightComparison::toJson() const
{
    QJsonArray artifactArray;
    for (const ArtifactChange &change : artifacts) {
        QJsonObject object{{u"kind"_s, kindName(change.kind)},
                           {u"repoURL"_s, change.repoURL},
                           {u"from"_s, change.from},
                           {u"to"_s, change.to},
                           {u"changed"_s, change.changed()}};
        if (!change.subscription.isEmpty())
            object.insert(u"subscription"_s, change.subscription);
        artifactArray.append(object);
    }
    QJsonArray logArray;
    for (const CommitLog &log : logs) {
        QJsonArray commits;
        for (const CommitLogEntry &entry : log.commits)
            commits.append(QJsonObject{{u"id"_s, entry.id},
                                       {u"subject"_s, entry.subject},
                                       {u"author"_s, entry.author},
                                       {u"date"_s, entry.when.toUTC().toString(Qt::ISODate)}});
        logArray.append(QJsonObject{{u"repoURL"_s, log.repoURL},
                                    {u"from"_s, log.from},
                                    {u"to"_s, log.to},
                                    {u"state"_s, stateName(log.state)},
                                    {u"message"_s, log.message},
                                    {u"truncated"_s, log.truncated},
                                    {u"commits"_s, commits}});
    }
    QJsonObject object{{u"from"_s, QJsonObject{{u"id"_s, from.id}, {u"alias"_s, from.alias}}},
                       {u"to"_s, QJsonObject{{u"id"_s, to.id}, {u"alias"_s, to.alias}}},
                       {u"warehouse"_s, to.origin.name},
                       {u"artifacts"_s, artifactArray},
                       {u"commitLogs"_s, logArray}};
    if (!note.isEmpty())
        object.insert(u"note"_s, note);
    return object;
}

} // namespace Stevedore
