#pragma once

#include "engine/gitremote.h"
#include "engine/pipeline.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace Stevedore {

/// A commit a git subscription selected.
struct DiscoveredCommit
{
    QString id;
    QString branch; ///< set for NewestFromBranch
    QString tag;    ///< set for the tag strategies
    QString subject;
    QString author;
    QDateTime committedAt;

    friend bool operator==(const DiscoveredCommit &, const DiscoveredCommit &) = default;
};

/// What one subscription's last walk learnt, so that the next poll only looks at new commits.
struct GitWalkState
{
    QString tip;       ///< the branch tip (or tag set digest) the selection was made from
    QString filterKey; ///< strategy and filters the selection was made with
    QList<DiscoveredCommit> selection;
};

/// The files each commit changed (against its first parent), learnt once per commit and kept:
/// libgit2 does not use git's changed-path Bloom filters, so this is what makes path filters
/// cheap after the first walk.
class ChangedPathCache
{
public:
    virtual ~ChangedPathCache() = default;
    virtual std::optional<QStringList> paths(const QString &commit) = 0;
    virtual void remember(const QString &commit, const QStringList &paths) = 0;
};

/// An in-memory ChangedPathCache (tests, and a fallback when the store is unavailable).
class MemoryPathCache : public ChangedPathCache
{
public:
    std::optional<QStringList> paths(const QString &commit) override;
    void remember(const QString &commit, const QStringList &paths) override;
    qsizetype size() const { return m_paths.size(); }

private:
    QHash<QString, QStringList> m_paths;
};

/// Discovers what a git subscription selects: keeps a bare clone per repository under the
/// cache folder, asks the remote for its refs, fetches only what moved, and walks the history
/// with the subscription's strategy and path filters. Runs on a worker thread.
class GitDiscovery
{
public:
    struct Result
    {
        QList<DiscoveredCommit> commits; ///< best first, at most discoveryLimit
        GitWalkState state;
        bool fetched = false; ///< whether anything had to be downloaded
        bool ok = true;
        GitError error;
    };

    /// The bare clone used for @p repoURL under @p cacheRoot.
    static QString cachePath(const QString &cacheRoot, const QString &repoURL);

    static Result discover(const GitSubscription &subscription, const QString &cacheRoot,
                           const GitNetworkOptions &network, const GitWalkState &previous,
                           ChangedPathCache &pathCache);

    /// Whether a commit that changed @p paths passes the include/exclude filters (plain paths
    /// and directory prefixes, `glob:`, `regex:` and `regexp:`), as Kargo decides it.
    static bool pathsMatch(const QStringList &paths, const QStringList &includes,
                           const QStringList &excludes);
};

} // namespace Stevedore
