#pragma once

#include "engine/gitremote.h"
#include "engine/gitrepository.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Stevedore {

/// One `checkout` entry of a git-clone step: which revision of which repository goes where.
struct GitCheckoutRequest
{
    QString path;   ///< the working tree to make: must not exist, or be an empty folder
    QString branch; ///< at most one of branch, commit and tag; none: the remote's default branch
    QString commit; ///< a commit id, or an unambiguous prefix of one
    QString tag;
    bool create = false;  ///< Kargo's `create`: a branch the remote lacks starts out empty
    bool offline = false; ///< never ask the remote; use what the cache has
};

/// What a checkout made.
struct GitCheckout
{
    QString commitId;     ///< the base commit checked out; empty for a newly created branch
    QString branch;       ///< the local branch (empty when HEAD is detached at a commit or tag)
    bool created = false; ///< the branch did not exist on the remote and starts out empty
    /// The remote could not be asked (offline, unreachable, refused): the cache's copy of the
    /// branch or tag was used, which may be out of date. @c warning says why.
    bool fromCache = false;
    QString warning;
};

/// One file of a workspace diff, for the UI.
struct GitFileChange
{
    enum class Status
    {
        Added,
        Modified,
        Deleted
    };

    QString path;
    Status status = Status::Modified;
    int additions = 0; ///< lines; 0 for binary files
    int deletions = 0;
    bool binary = false;
    QByteArray patch; ///< this file's part of GitWorkspaceDiff::patch
};

/// The change a promotion makes to one working tree.
struct GitWorkspaceDiff
{
    /// What `git diff --binary --no-renames BASE` prints for the tree `git add -A` would stage,
    /// byte for byte but for two things: the data of binary patches (git's zlib output may
    /// differ; `git apply` gives the same file) and index lines, always 7 digits (full for
    /// binary files) where git uses more in very large repositories. Raw bytes: file contents
    /// need not be UTF-8.
    QByteArray patch;
    QList<GitFileChange> files;
    QString treeId; ///< the tree the working tree amounts to (see GitWorkspace::treeId)
};

/// What GitWorkspace::commitAll did.
struct GitWorkspaceCommit
{
    /// The new commit; or, with nothing to commit, the branch's existing head (Kargo's
    /// git-commit output), empty when the branch has no commit at all yet.
    QString id;
    bool created = false; ///< false: nothing to commit
};

/// Signs a commit's raw text as the user's git configuration asks (the `gpgsig` header's
/// value); nullopt with @p error set when signing failed.
using CommitSigner = std::function<std::optional<QByteArray>(const QByteArray &, QString *)>;

/// Working trees for the promotion steps git-clone, git-clear and git-commit, made without
/// copying objects: each borrows the objects of the bare cache clone that discovery keeps
/// (GitDiscovery::cachePath), through `objects/info/alternates`, and stores only the commits
/// made in it. Every function blocks and runs on a worker thread; no state is kept between
/// calls, so different workspaces may be used from different threads at once.
class GitWorkspace
{
public:
    /// Fetches what @p request needs into the cache clone for @p network.url under
    /// @p cacheRoot (with the user's credentials), then makes the working tree: remote
    /// `origin` is the real URL, a branch is checked out as a local branch tracking
    /// `origin/BRANCH`, a commit or tag as a detached HEAD. When the remote cannot be reached
    /// the cache's copy is used if it has one (GitCheckout::fromCache); otherwise this fails.
    /// Writes to the cache wait for discovery's, and theirs for these (GitCacheLock); a set
    /// @p network.cancelled ends the wait.
    static std::optional<GitCheckout> checkout(const GitCheckoutRequest &request,
                                               const QString &cacheRoot,
                                               const GitNetworkOptions &network, GitError *error);

    /// Kargo's git-clear: removes everything in the working tree at @p path but `.git`.
    static bool clear(const QString &path, GitError *error);

    /// The change from @p baseCommit (empty: from nothing) to what `git add -A && git commit`
    /// would commit in the working tree at @p path (untracked files included, ignored ones
    /// not). Commits made in the workspace since do not matter: it is always BASE..now.
    static std::optional<GitWorkspaceDiff> diff(const QString &path, const QString &baseCommit,
                                                GitError *error);

    /// The id of the tree `git add -A && git commit` would commit at @p path, written to the
    /// workspace's object store; HEAD, the index file and the files are left as they are.
    static std::optional<QString> treeId(const QString &path, GitError *error);

    /// Kargo's git-commit: stages everything (`git add -A`, deletions included) and commits it
    /// on the current branch (or detached HEAD). The message is cleaned up as `git commit -m`
    /// does. When nothing changed against HEAD no commit is made (see GitWorkspaceCommit).
    /// With @p signer the commit is signed; when signing fails nothing is committed.
    static std::optional<GitWorkspaceCommit> commitAll(const QString &path, const QString &message,
                                                       const GitIdentity &author,
                                                       const GitIdentity &committer,
                                                       const CommitSigner &signer,
                                                       GitError *error);

    /// user.name and user.email as git would read them for the repository at @p repoPath
    /// (its own config, then the global and system files); with an empty or unreadable path
    /// only the global and system files. Nullopt with a message when either is unset.
    static std::optional<GitIdentity> userIdentity(const QString &repoPath, QString *error);
};

} // namespace Stevedore
