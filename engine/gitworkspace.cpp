#include "engine/gitworkspace.h"

#include "engine/gitcachelock.h"
#include "engine/gitdiscovery.h"
#include "engine/gitutil_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <git2.h>

// Checking out and clearing working trees; what they amount to (diff, tree, commit) is in
// gitworkspacechanges.cpp.

namespace Stevedore {

namespace {

using namespace GitUtil;

bool isCancelled(const GitNetworkOptions &network)
{
    return network.cancelled && network.cancelled->load();
}

/// The commit @p refName ends at (annotated tags peeled), if the repository has it.
std::optional<git_oid> refCommit(git_repository *repo, const QString &refName)
{
    Reference ref;
    Object commit;
    if (git_reference_lookup(&ref.ptr, repo, refName.toUtf8().constData()) < 0 ||
        git_reference_peel(&commit.ptr, ref.ptr, GIT_OBJECT_COMMIT) < 0)
        return std::nullopt;
    return *git_object_id(commit.ptr);
}

/// The commit @p id names (a full id, or a prefix of one), if the repository has it.
std::optional<git_oid> findCommit(git_repository *repo, const QString &id)
{
    const QByteArray text = id.toLatin1();
    git_oid oid;
    Object commit;
    if (text.size() < GIT_OID_MINPREFIXLEN || text.size() > GIT_OID_HEXSZ ||
        git_oid_fromstrn(&oid, text.constData(), size_t(text.size())) < 0 ||
        git_object_lookup_prefix(&commit.ptr, repo, &oid, size_t(text.size()), GIT_OBJECT_COMMIT) <
            0)
        return std::nullopt;
    return *git_object_id(commit.ptr);
}

/// The branch the remote's HEAD points at (the same rule discovery follows: the branch at
/// HEAD's commit, main or master when several are).
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

const GitRemoteRef *findRef(const QList<GitRemoteRef> &refs, const QString &name)
{
    const auto it = std::find_if(refs.begin(), refs.end(),
                                 [&](const GitRemoteRef &ref) { return ref.name == name; });
    return it == refs.end() ? nullptr : &*it;
}

/// Where the cache keeps what the checkout asks for; discovery uses the same names.
QString cacheRef(const GitCheckoutRequest &request, const QString &branch)
{
    return request.tag.isEmpty() ? QStringLiteral("refs/stevedore/heads/") + branch
                                 : QStringLiteral("refs/tags/") + request.tag;
}

/// Remembers the remote's default branch, for checkouts without a branch made offline.
const char defaultBranchRef[] = "refs/stevedore/HEAD";

/// What a checkout resolved to in the cache.
struct Resolution
{
    std::optional<git_oid> commit; ///< none: a new, empty branch
    QString branch;                ///< empty for a commit or tag
    bool created = false;
    bool fromCache = false;
    QString warning;
};

/// Brings @p commit into the cache: it is usually on some branch or tag, else asked for by id
/// (servers that allow it).
std::optional<Resolution> fetchCommit(GitRepository &cache, const GitCheckoutRequest &request,
                                      const GitNetworkOptions &network, GitError *error)
{
    git_repository *repo = cache.handle();
    const QString url = GitRemote::redacted(network.url);
    if (const auto found = findCommit(repo, request.commit))
        return Resolution{found, {}, false, false, {}};
    if (request.offline) {
        *error = {-1, QStringLiteral("the cache of %1 has no commit %2, and Stevedore is offline")
                          .arg(url, request.commit)};
        return std::nullopt;
    }
    GitError fetchError;
    if (!GitRemote::fetch(cache, network,
                          {QStringLiteral("+refs/heads/*:refs/stevedore/heads/*"),
                           QStringLiteral("+refs/tags/*:refs/tags/*")},
                          &fetchError)) {
        *error = {fetchError.code, QStringLiteral("cannot fetch commit %1 from %2: %3")
                                       .arg(request.commit, url, fetchError.message)};
        return std::nullopt;
    }
    if (const auto found = findCommit(repo, request.commit))
        return Resolution{found, {}, false, false, {}};
    if (request.commit.size() == GIT_OID_HEXSZ && !isCancelled(network)) {
        const QString ref = QStringLiteral("refs/stevedore/commits/") + request.commit;
        GitError ignored; // most servers refuse: the message below says what matters
        GitRemote::fetch(cache, network, {QStringLiteral("+%1:%2").arg(request.commit, ref)},
                         &ignored);
        if (const auto found = findCommit(repo, request.commit))
            return Resolution{found, {}, false, false, {}};
    }
    *error = {-1,
              QStringLiteral("%1 has no commit %2 on any branch or tag").arg(url, request.commit)};
    return std::nullopt;
}

/// Brings the branch or tag @p request names up to date in the cache, or falls back on the
/// cache's copy when the remote cannot be asked.
std::optional<Resolution> fetchRef(GitRepository &cache, const GitCheckoutRequest &request,
                                   const GitNetworkOptions &network, GitError *error)
{
    git_repository *repo = cache.handle();
    const QString url = GitRemote::redacted(network.url);
    Resolution resolution;
    resolution.branch = request.branch;
    const bool wantsTag = !request.tag.isEmpty();

    GitError remoteError;
    std::optional<QList<GitRemoteRef>> refs;
    if (!request.offline)
        refs = GitRemote::list(cache, network, &remoteError);
    if (isCancelled(network)) {
        *error = {-1, QStringLiteral("cancelled")};
        return std::nullopt;
    }
    bool upToDate = false;
    if (refs) {
        if (!wantsTag && resolution.branch.isEmpty()) {
            resolution.branch = defaultBranch(*refs);
            if (resolution.branch.isEmpty()) {
                *error = {-1, QStringLiteral("%1 has no default branch").arg(url)};
                return std::nullopt;
            }
            git_reference *head = nullptr;
            if (git_reference_symbolic_create(
                    &head, repo, defaultBranchRef,
                    cacheRef(request, resolution.branch).toUtf8().constData(), 1, nullptr) == 0)
                git_reference_free(head);
        }
        const QString remoteRef = wantsTag ? QStringLiteral("refs/tags/") + request.tag
                                           : QStringLiteral("refs/heads/") + resolution.branch;
        const GitRemoteRef *advertised = findRef(*refs, remoteRef);
        if (!advertised && wantsTag) {
            *error = {-1, QStringLiteral("%1 has no tag \"%2\"").arg(url, request.tag)};
            return std::nullopt;
        }
        if (!advertised) {
            if (!request.create) {
                *error = {-1, QStringLiteral("%1 has no branch \"%2\" (with create: true it "
                                             "would start out empty)")
                                  .arg(url, resolution.branch)};
                return std::nullopt;
            }
            resolution.created = true;
            return resolution;
        }
        const QString localRef = cacheRef(request, resolution.branch);
        git_oid local;
        upToDate = git_reference_name_to_id(&local, repo, localRef.toUtf8().constData()) == 0 &&
                   hex(&local) == advertised->id;
        if (!upToDate) {
            upToDate = GitRemote::fetch(
                cache, network, {QStringLiteral("+%1:%2").arg(remoteRef, localRef)}, &remoteError);
            if (isCancelled(network)) {
                *error = {-1, QStringLiteral("cancelled")};
                return std::nullopt;
            }
        }
    }
    if (!upToDate) {
        // Offline, or the remote could not be asked: what the cache has will do, if anything.
        resolution.fromCache = true;
        resolution.warning = request.offline
                                 ? QStringLiteral("offline: using the cached copy of %1").arg(url)
                                 : QStringLiteral("cannot reach %1 (%2): using its cached copy")
                                       .arg(url, remoteError.message);
        if (!wantsTag && resolution.branch.isEmpty()) {
            Reference head;
            if (git_reference_lookup(&head.ptr, repo, defaultBranchRef) == 0 &&
                git_reference_symbolic_target(head.ptr))
                resolution.branch = QString::fromUtf8(git_reference_symbolic_target(head.ptr))
                                        .mid(int(qstrlen("refs/stevedore/heads/")));
        }
    }
    const QString what = wantsTag ? QStringLiteral("tag \"%1\"").arg(request.tag)
                         : resolution.branch.isEmpty()
                             ? QStringLiteral("default branch")
                             : QStringLiteral("branch \"%1\"").arg(resolution.branch);
    resolution.commit = resolution.branch.isEmpty() && !wantsTag
                            ? std::nullopt
                            : refCommit(repo, cacheRef(request, resolution.branch));
    if (!resolution.commit) {
        *error = {remoteError.code,
                  request.offline
                      ? QStringLiteral("Stevedore is offline and has no copy of the %1 of %2")
                            .arg(what, url)
                      : QStringLiteral("cannot reach %1 (%2), and Stevedore has no copy of its %3")
                            .arg(url, remoteError.message, what)};
        return std::nullopt;
    }
    if (wantsTag)
        resolution.branch.clear();
    return resolution;
}

/// Whether @p path may become a working tree: it does not exist, or is an empty folder.
bool usableTarget(const QString &path, GitError *error)
{
    const QFileInfo info(path);
    if (!info.exists())
        return true;
    if (info.isDir() &&
        QDir(path).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
        return true;
    *error = {-1, QStringLiteral("%1 already exists and is not an empty folder").arg(path)};
    return false;
}

/// Makes the working tree at @p path, borrowing the objects of @p cachePath.
bool makeWorkspace(const QString &path, const QString &cachePath, const QString &url,
                   const Resolution &resolution, GitError *error)
{
    Repository initialised;
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_MKPATH;
    const QByteArray branch = resolution.branch.toUtf8();
    if (!branch.isEmpty())
        options.initial_head = branch.constData();
    if (failed(git_repository_init_ext(&initialised.ptr, QFile::encodeName(path).constData(),
                                       &options),
               QStringLiteral("cannot create a repository in %1").arg(path), error))
        return false;
    const QString gitDir = QFile::decodeName(git_repository_path(initialised.ptr));

    // No object is copied: the cache's are borrowed. libgit2 reads alternates when it opens
    // the object database, hence written before the repository is opened again.
    QFile alternates(gitDir + QStringLiteral("objects/info/alternates"));
    const QString cacheObjects =
        QDir::cleanPath(QFileInfo(cachePath).absoluteFilePath() + QStringLiteral("/objects"));
    if (!alternates.open(QIODevice::WriteOnly) ||
        alternates.write(QByteArray(QFile::encodeName(cacheObjects) + '\n')) < 0 ||
        !alternates.flush()) {
        *error = {-1, QStringLiteral("cannot write %1: %2")
                          .arg(alternates.fileName(), alternates.errorString())};
        return false;
    }
    alternates.close();

    Repository repository;
    if (failed(git_repository_open(&repository.ptr, QFile::encodeName(path).constData()),
               QStringLiteral("cannot open the repository in %1").arg(path), error))
        return false;
    git_repository *repo = repository.ptr;
    Remote origin;
    if (failed(git_remote_create(&origin.ptr, repo, "origin", url.toUtf8().constData()),
               QStringLiteral("cannot add the remote"), error))
        return false;
    if (!resolution.commit)
        return true; // a new branch: HEAD already names it, with nothing to check out

    const git_oid oid = *resolution.commit;
    Commit commit;
    if (failed(git_commit_lookup(&commit.ptr, repo, &oid),
               QStringLiteral("cannot read commit %1").arg(hex(&oid)), error))
        return false;
    // HEAD is still unborn, so the checkout starts from nothing and writes every file.
    git_checkout_options checkout = GIT_CHECKOUT_OPTIONS_INIT;
    checkout.checkout_strategy = GIT_CHECKOUT_FORCE;
    if (failed(git_checkout_tree(repo, reinterpret_cast<git_object *>(commit.ptr), &checkout),
               QStringLiteral("cannot check out %1").arg(hex(&oid)), error))
        return false;
    if (branch.isEmpty())
        return !failed(git_repository_set_head_detached(repo, &oid),
                       QStringLiteral("cannot point HEAD at %1").arg(hex(&oid)), error);

    const QByteArray tracking = "refs/remotes/origin/" + branch;
    const QByteArray local = "refs/heads/" + branch;
    const QByteArray upstream = "origin/" + branch;
    Reference trackingRef;
    Reference localRef;
    return !failed(git_reference_create(&trackingRef.ptr, repo, tracking.constData(), &oid, 1,
                                        "checkout: from the cache"),
                   QStringLiteral("cannot create %1").arg(QString::fromUtf8(tracking)), error) &&
           !failed(git_reference_create(&localRef.ptr, repo, local.constData(), &oid, 1,
                                        "checkout: from the cache"),
                   QStringLiteral("cannot create %1").arg(QString::fromUtf8(local)), error) &&
           !failed(git_branch_set_upstream(localRef.ptr, upstream.constData()),
                   QStringLiteral("cannot set the branch's upstream"), error);
}

/// Removes what @p path holds but the entry named @p keep (none: everything).
bool removeContents(const QString &path, const QString &keep, GitError *error)
{
    const QFileInfoList entries = QDir(path).entryInfoList(QDir::AllEntries | QDir::Hidden |
                                                           QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        if (entry.fileName() == keep)
            continue;
        // A link is removed as itself, never followed into what it points at.
        const bool removed = entry.isDir() && !entry.isSymLink()
                                 ? QDir(entry.absoluteFilePath()).removeRecursively()
                                 : QFile::remove(entry.absoluteFilePath());
        if (!removed) {
            *error = {-1, QStringLiteral("cannot remove %1").arg(entry.absoluteFilePath())};
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<GitCheckout> GitWorkspace::checkout(const GitCheckoutRequest &request,
                                                  const QString &cacheRoot,
                                                  const GitNetworkOptions &network, GitError *error)
{
    GitError ignored;
    if (!error)
        error = &ignored;
    ensureGitInitialized();
    const int revisions = int(!request.branch.isEmpty()) + int(!request.commit.isEmpty()) +
                          int(!request.tag.isEmpty());
    if (revisions > 1) {
        *error = {-1, QStringLiteral("branch, commit and tag exclude each other")};
        return std::nullopt;
    }
    if (request.path.isEmpty()) {
        *error = {-1, QStringLiteral("no path to check out to")};
        return std::nullopt;
    }
    for (const auto &[name, prefix] :
         {std::pair{request.branch, "refs/heads/"}, std::pair{request.tag, "refs/tags/"}}) {
        const QByteArray refName = QByteArray(prefix) + name.toUtf8();
        if (!name.isEmpty() && !git_reference_is_valid_name(refName.constData())) {
            *error = {-1,
                      QStringLiteral("\"%1\" is not a valid name for a branch or tag").arg(name)};
            return std::nullopt;
        }
    }
    if (!usableTarget(request.path, error))
        return std::nullopt;

    const QString cachePath = GitDiscovery::cachePath(cacheRoot, network.url);
    std::optional<Resolution> resolution;
    {
        // Only writing to the cache needs the lock: checking out only reads from it, and
        // libgit2 adds packs to a repository without disturbing readers.
        const GitCacheLock lock(cachePath, network.cancelled);
        if (!lock.isLocked()) {
            *error = {-1, QStringLiteral("cancelled")};
            return std::nullopt;
        }
        std::optional<GitRepository> cache = QFileInfo::exists(cachePath)
                                                 ? GitRepository::open(cachePath, error)
                                                 : GitRepository::initBare(cachePath, error);
        if (!cache)
            return std::nullopt;
        resolution = request.commit.isEmpty() ? fetchRef(*cache, request, network, error)
                                              : fetchCommit(*cache, request, network, error);
        if (!resolution)
            return std::nullopt;
    }

    const bool existed = QFileInfo::exists(request.path);
    if (!makeWorkspace(request.path, cachePath, network.url, *resolution, error)) {
        // Leave the target as it was found.
        GitError cleanup;
        if (existed)
            removeContents(request.path, {}, &cleanup);
        else
            QDir(request.path).removeRecursively();
        return std::nullopt;
    }
    GitCheckout result;
    result.commitId = resolution->commit ? hex(&*resolution->commit) : QString();
    result.branch = resolution->branch;
    result.created = resolution->created;
    result.fromCache = resolution->fromCache;
    result.warning = resolution->warning;
    return result;
}

bool GitWorkspace::clear(const QString &path, GitError *error)
{
    GitError ignored;
    if (!error)
        error = &ignored;
    if (!QFileInfo::exists(path + QStringLiteral("/.git"))) {
        *error = {-1, QStringLiteral("%1 is not a git working tree").arg(path)};
        return false;
    }
    return removeContents(path, QStringLiteral(".git"), error);
}

} // namespace Stevedore
