#include "engine/gitdiscovery.h"

#include "engine/gitcachelock.h"
#include "engine/githandle_p.h"
#include "engine/tagselection.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <git2.h>

namespace Stevedore {

namespace {

using Revwalk = GitHandle<git_revwalk, git_revwalk_free>;
using Commit = GitHandle<git_commit, git_commit_free>;
using Tree = GitHandle<git_tree, git_tree_free>;
using Diff = GitHandle<git_diff, git_diff_free>;
using Reference = GitHandle<git_reference, git_reference_free>;
using Tag = GitHandle<git_tag, git_tag_free>;

QString hex(const git_oid *oid)
{
    char buffer[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(buffer, sizeof buffer, oid);
    return QString::fromLatin1(buffer);
}

bool toOid(const QString &text, git_oid *oid)
{
    return git_oid_fromstr(oid, text.toLatin1().constData()) == 0;
}

GitError lastError(int code, const QString &what)
{
    const git_error *error = git_error_last();
    return {code, what + QStringLiteral(": ") +
                      (error && error->message ? QString::fromUtf8(error->message)
                                               : QStringLiteral("unknown error"))};
}

DiscoveredCommit describe(git_commit *commit)
{
    DiscoveredCommit result;
    result.id = hex(git_commit_id(commit));
    result.subject = QString::fromUtf8(git_commit_summary(commit));
    const git_signature *author = git_commit_author(commit);
    result.author = QStringLiteral("%1 <%2>").arg(QString::fromUtf8(author->name),
                                                  QString::fromUtf8(author->email));
    result.committedAt = QDateTime::fromSecsSinceEpoch(git_commit_time(commit), Qt::UTC);
    return result;
}

/// The files @p commit changed against its first parent (all of them for a root commit).
std::optional<QStringList> changedPaths(git_repository *repo, git_commit *commit, GitError *error)
{
    Tree tree;
    Tree parentTree;
    if (git_commit_tree(&tree.ptr, commit) < 0) {
        *error = lastError(-1, QStringLiteral("cannot read a commit's tree"));
        return std::nullopt;
    }
    if (git_commit_parentcount(commit) > 0) {
        Commit parent;
        if (git_commit_parent(&parent.ptr, commit, 0) < 0 ||
            git_commit_tree(&parentTree.ptr, parent.ptr) < 0) {
            *error = lastError(-1, QStringLiteral("cannot read a parent commit"));
            return std::nullopt;
        }
    }
    Diff diff;
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    options.flags = GIT_DIFF_SKIP_BINARY_CHECK;
    if (git_diff_tree_to_tree(&diff.ptr, repo, parentTree.ptr, tree.ptr, &options) < 0) {
        *error = lastError(-1, QStringLiteral("cannot compare a commit with its parent"));
        return std::nullopt;
    }
    QStringList paths;
    const size_t count = git_diff_num_deltas(diff.ptr);
    paths.reserve(qsizetype(count));
    for (size_t i = 0; i < count; ++i) {
        const git_diff_delta *delta = git_diff_get_delta(diff.ptr, i);
        paths.append(QString::fromUtf8(delta->new_file.path));
    }
    return paths;
}

bool isPatternFilter(const QString &filter)
{
    return filter.startsWith(u"glob:") || filter.startsWith(u"regex:") ||
           filter.startsWith(u"regexp:");
}

/// A plain filter as a path: no `./` in front, no `/` behind.
QString plainPath(const QString &filter)
{
    QString plain = filter;
    while (plain.endsWith(u'/'))
        plain.chop(1);
    if (plain.startsWith(QStringLiteral("./")))
        plain = plain.mid(2);
    return plain;
}

bool matchesFilter(const QString &path, const QString &filter)
{
    if (filter.startsWith(u"glob:")) {
        const QRegularExpression glob(QRegularExpression::wildcardToRegularExpression(
            filter.mid(5), QRegularExpression::UnanchoredWildcardConversion));
        return QRegularExpression(QStringLiteral("^(?:") + glob.pattern() + QStringLiteral(")$"))
            .match(path)
            .hasMatch();
    }
    for (const QLatin1String prefix : {QLatin1String("regex:"), QLatin1String("regexp:")}) {
        if (filter.startsWith(prefix))
            return QRegularExpression(filter.mid(prefix.size())).match(path).hasMatch();
    }
    // A plain path names a file or a directory (and everything below it).
    const QString plain = plainPath(filter);
    return path == plain || path.startsWith(plain + u'/');
}

bool matchesAny(const QString &path, const QStringList &filters)
{
    return std::any_of(filters.begin(), filters.end(),
                       [&](const QString &filter) { return matchesFilter(path, filter); });
}

QString filterKey(const GitSubscription &s, const QString &branch)
{
    QStringList parts{toString(s.commitSelectionStrategy),
                      branch,
                      s.semverConstraint,
                      s.allowTagsRegexes.join(u'\n'),
                      s.ignoreTagsRegexes.join(u'\n'),
                      s.includePaths.join(u'\n'),
                      s.excludePaths.join(u'\n'),
                      s.since.toString(Qt::ISODate),
                      QString::number(s.discoveryLimit),
                      s.strictSemvers ? QStringLiteral("strict") : QStringLiteral("lenient")};
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(u'\x1f').toUtf8(), QCryptographicHash::Sha1).toHex());
}

class Walker
{
public:
    Walker(git_repository *repo, const GitSubscription &subscription, ChangedPathCache &cache)
        : m_repo(repo)
        , m_subscription(subscription)
        , m_cache(cache)
    {
        const auto plain = [](const QStringList &filters) {
            return std::all_of(filters.begin(), filters.end(),
                               [](const QString &f) { return !isPatternFilter(f); });
        };
        m_plainFilters = !subscription.includePaths.isEmpty() && plain(subscription.includePaths) &&
                         plain(subscription.excludePaths);
        for (const QString &filter : subscription.includePaths)
            m_includes.append(plainPath(filter));
        for (const QString &filter : subscription.excludePaths)
            m_excludes.append(plainPath(filter));
    }

    /// Whether the commit passes the subscription's path filters. @p commit is looked up only
    /// when what is known about it is not enough.
    std::optional<bool> passes(const git_oid &oid, Commit &commit, GitError *error)
    {
        if (m_subscription.includePaths.isEmpty() && m_subscription.excludePaths.isEmpty())
            return true;
        const QString id = hex(&oid);
        if (const auto known = m_cache.paths(id))
            return GitDiscovery::pathsMatch(*known, m_subscription.includePaths,
                                            m_subscription.excludePaths);
        if (!commit.ptr && git_commit_lookup(&commit.ptr, m_repo, &oid) < 0) {
            *error = lastError(-1, QStringLiteral("cannot read a commit"));
            return std::nullopt;
        }
        if (m_plainFilters) {
            if (const auto decided = comparePlainPaths(commit.ptr))
                return decided;
        }
        const auto paths = changedPaths(m_repo, commit.ptr, error);
        if (!paths)
            return std::nullopt;
        m_cache.remember(id, *paths);
        return GitDiscovery::pathsMatch(*paths, m_subscription.includePaths,
                                        m_subscription.excludePaths);
    }

    /// Commits reachable from @p tip, newest first, that pass the filters, stopping at
    /// @p hide (exclusive) or after @p limit matches.
    std::optional<QList<DiscoveredCommit>> walk(const git_oid &tip, const git_oid *hide, int limit,
                                                const QString &branch, GitError *error)
    {
        Revwalk walk;
        if (git_revwalk_new(&walk.ptr, m_repo) < 0 ||
            git_revwalk_sorting(walk.ptr, GIT_SORT_NONE) < 0 ||
            git_revwalk_push(walk.ptr, &tip) < 0 ||
            (hide && git_revwalk_hide(walk.ptr, hide) < 0)) {
            *error = lastError(-1, QStringLiteral("cannot walk the history"));
            return std::nullopt;
        }
        const qint64 since = m_subscription.since.isValid()
                                 ? m_subscription.since.toSecsSinceEpoch()
                                 : std::numeric_limits<qint64>::min();
        QList<DiscoveredCommit> found;
        git_oid oid;
        const auto lookup = [&](const git_oid &id, Commit &commit) {
            if (commit.ptr || git_commit_lookup(&commit.ptr, m_repo, &id) == 0)
                return true;
            *error = lastError(-1, QStringLiteral("cannot read a commit"));
            return false;
        };
        while (found.size() < limit && git_revwalk_next(&oid, walk.ptr) == 0) {
            // Most commits of a filtered walk are passed over: read one only when needed.
            Commit commit;
            if (m_subscription.since.isValid()) {
                if (!lookup(oid, commit))
                    return std::nullopt;
                if (git_commit_time(commit.ptr) < since)
                    break;
            }
            const auto ok = passes(oid, commit, error);
            if (!ok)
                return std::nullopt;
            if (*ok) {
                if (!lookup(oid, commit))
                    return std::nullopt;
                DiscoveredCommit discovered = describe(commit.ptr);
                discovered.branch = branch;
                found.append(discovered);
            }
        }
        return found;
    }

private:
    /// For plain path filters, whether anything under an included path changed, told from
    /// the trees' entries at those paths: far cheaper than a full diff. Undecided (nullopt)
    /// when an exclusion lies inside a changed included path.
    std::optional<bool> comparePlainPaths(git_commit *commit)
    {
        Tree tree;
        Tree parentTree;
        if (git_commit_tree(&tree.ptr, commit) < 0)
            return std::nullopt;
        if (git_commit_parentcount(commit) > 0) {
            Commit parent;
            if (git_commit_parent(&parent.ptr, commit, 0) < 0 ||
                git_commit_tree(&parentTree.ptr, parent.ptr) < 0)
                return std::nullopt;
        }
        for (const QString &include : std::as_const(m_includes)) {
            const auto within = [](const QString &path, const QString &dir) {
                return path == dir || path.startsWith(dir + u'/');
            };
            if (std::any_of(m_excludes.begin(), m_excludes.end(),
                            [&](const QString &e) { return within(include, e); }))
                continue; // everything under this include is excluded
            if (!entryDiffers(tree.ptr, parentTree.ptr, include))
                continue;
            if (std::any_of(m_excludes.begin(), m_excludes.end(),
                            [&](const QString &e) { return within(e, include); }))
                return std::nullopt;
            return true;
        }
        return false;
    }

    static bool entryDiffers(git_tree *tree, git_tree *parentTree, const QString &path)
    {
        const QByteArray name = path.toUtf8();
        git_tree_entry *entry = nullptr;
        git_tree_entry *parentEntry = nullptr;
        const bool present = git_tree_entry_bypath(&entry, tree, name.constData()) == 0;
        const bool parentPresent =
            parentTree && git_tree_entry_bypath(&parentEntry, parentTree, name.constData()) == 0;
        bool differs = present != parentPresent;
        if (present && parentPresent)
            differs = !git_oid_equal(git_tree_entry_id(entry), git_tree_entry_id(parentEntry)) ||
                      git_tree_entry_filemode(entry) != git_tree_entry_filemode(parentEntry);
        git_tree_entry_free(entry);
        git_tree_entry_free(parentEntry);
        return differs;
    }

    git_repository *m_repo;
    const GitSubscription &m_subscription;
    ChangedPathCache &m_cache;
    bool m_plainFilters = false;
    QStringList m_includes;
    QStringList m_excludes;
};

/// The branch to follow: the subscription's, or the one the remote's HEAD points at.
QString defaultBranch(const QList<GitRemoteRef> &refs)
{
    QString headId;
    for (const GitRemoteRef &ref : refs) {
        if (ref.name == u"HEAD")
            headId = ref.id;
    }
    QString fallback;
    for (const GitRemoteRef &ref : refs) {
        if (!ref.name.startsWith(u"refs/heads/"))
            continue;
        const QString name = ref.name.mid(11);
        if (ref.id == headId && (fallback.isEmpty() || name == u"main" || name == u"master"))
            fallback = name;
    }
    return fallback;
}

QString localRefId(git_repository *repo, const QString &name)
{
    git_oid oid;
    if (git_reference_name_to_id(&oid, repo, name.toUtf8().constData()) < 0)
        return {};
    return hex(&oid);
}

} // namespace

std::optional<QStringList> MemoryPathCache::paths(const QString &commit)
{
    const auto it = m_paths.constFind(commit);
    if (it == m_paths.constEnd())
        return std::nullopt;
    return *it;
}

void MemoryPathCache::remember(const QString &commit, const QStringList &paths)
{
    m_paths.insert(commit, paths);
}

bool GitDiscovery::pathsMatch(const QStringList &paths, const QStringList &includes,
                              const QStringList &excludes)
{
    // Kargo keeps a commit when at least one changed path is included (everything is, with
    // no includes) and not excluded.
    return std::any_of(paths.begin(), paths.end(), [&](const QString &path) {
        return (includes.isEmpty() || matchesAny(path, includes)) && !matchesAny(path, excludes);
    });
}

QString GitDiscovery::cachePath(const QString &cacheRoot, const QString &repoURL)
{
    const QByteArray key =
        QCryptographicHash::hash(repoURL.trimmed().toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(24);
    return cacheRoot + QStringLiteral("/git/") + QString::fromLatin1(key) + QStringLiteral(".git");
}

GitDiscovery::Result GitDiscovery::discover(const GitSubscription &subscription,
                                            const QString &cacheRoot,
                                            const GitNetworkOptions &network,
                                            const GitWalkState &previous,
                                            ChangedPathCache &pathCache)
{
    Result result;
    // Nothing moved and the filters are the same: the last selection stands.
    const auto unchanged = [&](const QString &tip, const QString &key) {
        result.state.tip = tip;
        result.state.filterKey = key;
        if (previous.filterKey != key || previous.tip != tip)
            return false;
        result.commits = previous.selection;
        result.state.selection = previous.selection;
        return true;
    };
    const auto fail = [&result](const GitError &error) {
        result.ok = false;
        result.error = error;
        return result;
    };
    const QString path = cachePath(cacheRoot, subscription.repoURL);
    const GitCacheLock lock(path, network.cancelled); // promotions fetch into the same clone
    if (!lock.isLocked())
        return fail({-1, QStringLiteral("cancelled")});
    GitError error;
    std::optional<GitRepository> repository = QFileInfo::exists(path)
                                                  ? GitRepository::open(path, &error)
                                                  : GitRepository::initBare(path, &error);
    if (!repository)
        return fail(error);
    git_repository *repo = repository->handle();

    const auto refs = GitRemote::list(*repository, network, &error);
    if (!refs)
        return fail(error);

    if (subscription.commitSelectionStrategy == CommitSelectionStrategy::NewestFromBranch) {
        const QString branch =
            subscription.branch.isEmpty() ? defaultBranch(*refs) : subscription.branch;
        const QString remoteRef = QStringLiteral("refs/heads/") + branch;
        const auto advertised = std::find_if(
            refs->begin(), refs->end(), [&](const auto &ref) { return ref.name == remoteRef; });
        if (branch.isEmpty() || advertised == refs->end())
            return fail({-1, QStringLiteral("%1 has no branch \"%2\"")
                                 .arg(GitRemote::redacted(network.url),
                                      branch.isEmpty() ? QStringLiteral("HEAD") : branch)});
        const QString localRef = QStringLiteral("refs/stevedore/heads/") + branch;
        if (localRefId(repo, localRef) != advertised->id) {
            if (!GitRemote::fetch(*repository, network,
                                  {QStringLiteral("+%1:%2").arg(remoteRef, localRef)}, &error))
                return fail(error);
            result.fetched = true;
        }
        const QString tip = advertised->id;
        const QString key = filterKey(subscription, branch);
        if (unchanged(tip, key))
            return result;
        git_oid tipOid;
        git_oid previousOid;
        if (!toOid(tip, &tipOid))
            return fail({-1, QStringLiteral("the remote advertised an invalid commit id")});
        Commit previousTip;
        const bool incremental = previous.filterKey == key && !previous.tip.isEmpty() &&
                                 toOid(previous.tip, &previousOid) &&
                                 git_commit_lookup(&previousTip.ptr, repo, &previousOid) == 0;
        Walker walker(repo, subscription, pathCache);
        auto fresh = walker.walk(tipOid, incremental ? &previousOid : nullptr,
                                 subscription.discoveryLimit, branch, &error);
        if (!fresh)
            return fail(error);
        QList<DiscoveredCommit> selection = *fresh;
        if (incremental) {
            // Keep what the last walk found that is still part of the branch.
            for (const DiscoveredCommit &commit : previous.selection) {
                if (selection.size() >= subscription.discoveryLimit)
                    break;
                git_oid oid;
                if (!toOid(commit.id, &oid))
                    continue;
                if (git_oid_equal(&oid, &tipOid) ||
                    git_graph_descendant_of(repo, &tipOid, &oid) == 1)
                    selection.append(commit);
            }
        }
        result.commits = selection;
        result.state.selection = selection;
        return result;
    }

    // Tag strategies: the candidate tags, then the commit each one names.
    QHash<QString, QString> remoteTags;
    QStringList tagNames;
    QString tagDigest;
    for (const GitRemoteRef &ref : *refs) {
        if (!ref.name.startsWith(u"refs/tags/"))
            continue;
        const QString name = ref.name.mid(10);
        remoteTags.insert(name, ref.commitId());
        tagNames.append(name);
        tagDigest += ref.name + u'=' + ref.id + u'\n';
    }
    bool tagsMoved = false;
    for (const QString &name : std::as_const(tagNames)) {
        const QString local = localRefId(repo, QStringLiteral("refs/tags/") + name);
        const auto it = std::find_if(refs->begin(), refs->end(), [&](const GitRemoteRef &ref) {
            return ref.name == QStringLiteral("refs/tags/") + name;
        });
        if (local != it->id) {
            tagsMoved = true;
            break;
        }
    }
    if (tagsMoved) {
        if (!GitRemote::fetch(*repository, network, {QStringLiteral("+refs/tags/*:refs/tags/*")},
                              &error))
            return fail(error);
        result.fetched = true;
    }
    const QString tip = QString::fromLatin1(
        QCryptographicHash::hash(tagDigest.toUtf8(), QCryptographicHash::Sha1).toHex());
    const QString key = filterKey(subscription, QString());
    if (unchanged(tip, key))
        return result;

    QStringList ordered;
    if (subscription.commitSelectionStrategy == CommitSelectionStrategy::NewestTag) {
        QString filterError;
        const auto allowed = TagSelection::filter(tagNames, subscription.allowTagsRegexes,
                                                  subscription.ignoreTagsRegexes, &filterError);
        if (!allowed)
            return fail({-1, filterError});
        // Newest by when the tag was made: the tagger's time, or the commit's for a
        // lightweight tag.
        QList<QPair<qint64, QString>> dated;
        for (const QString &name : *allowed) {
            git_oid oid;
            qint64 when = 0;
            Reference ref;
            if (git_reference_lookup(&ref.ptr, repo,
                                     (QStringLiteral("refs/tags/") + name).toUtf8().constData()) ==
                0) {
                const git_oid *target = git_reference_target(ref.ptr);
                Tag tag;
                Commit commit;
                if (target && git_tag_lookup(&tag.ptr, repo, target) == 0 &&
                    git_tag_tagger(tag.ptr)) {
                    when = git_tag_tagger(tag.ptr)->when.time;
                } else if (toOid(remoteTags.value(name), &oid) &&
                           git_commit_lookup(&commit.ptr, repo, &oid) == 0) {
                    when = git_commit_time(commit.ptr);
                }
            }
            dated.append({when, name});
        }
        std::stable_sort(dated.begin(), dated.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first > b.first : a.second > b.second;
        });
        for (const auto &[when, name] : std::as_const(dated))
            ordered.append(name);
    } else {
        TagSelection::Options options;
        options.strategy = subscription.commitSelectionStrategy == CommitSelectionStrategy::SemVer
                               ? TagSelection::Strategy::SemVer
                               : TagSelection::Strategy::Lexical;
        options.constraint = subscription.semverConstraint;
        options.allowRegexes = subscription.allowTagsRegexes;
        options.ignoreRegexes = subscription.ignoreTagsRegexes;
        options.strictSemvers = subscription.strictSemvers;
        options.limit = -1; // path filters below may drop some: limit afterwards
        QString selectError;
        const auto selected = TagSelection::select(tagNames, options, &selectError);
        if (!selected)
            return fail({-1, selectError});
        ordered = *selected;
    }

    Walker walker(repo, subscription, pathCache);
    for (const QString &name : std::as_const(ordered)) {
        if (result.commits.size() >= subscription.discoveryLimit)
            break;
        git_oid oid;
        Commit commit;
        if (!toOid(remoteTags.value(name), &oid) || git_commit_lookup(&commit.ptr, repo, &oid) < 0)
            continue; // a tag of something other than a commit
        const auto passes = walker.passes(oid, commit, &error);
        if (!passes)
            return fail(error);
        if (!*passes)
            continue;
        DiscoveredCommit discovered = describe(commit.ptr);
        discovered.tag = name;
        result.commits.append(discovered);
    }
    result.state.selection = result.commits;
    return result;
}

} // namespace Stevedore
