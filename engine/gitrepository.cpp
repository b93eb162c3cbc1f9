#include "engine/gitrepository.h"

#include "engine/githandle_p.h"

#include <QFile>

#include <git2.h>
#include <mutex>

namespace Stevedore {

namespace {

/// Reads libgit2's thread-local error right after the failing call, on the same thread.
GitError lastError(int code, const char *what)
{
    const git_error *error = git_error_last();
    QString message = QString::fromUtf8(what);
    if (error && error->message)
        message += QStringLiteral(": ") + QString::fromUtf8(error->message);
    return {code, message};
}

bool failed(int code, const char *what, GitError *error)
{
    if (code >= 0)
        return false;
    if (error)
        *error = lastError(code, what);
    return true;
}

using Index = GitHandle<git_index, git_index_free>;
using Tree = GitHandle<git_tree, git_tree_free>;
using Commit = GitHandle<git_commit, git_commit_free>;
using Signature = GitHandle<git_signature, git_signature_free>;
using Reference = GitHandle<git_reference, git_reference_free>;
using Object = GitHandle<git_object, git_object_free>;

QString toHex(const git_oid &oid)
{
    char buffer[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(buffer, sizeof buffer, &oid);
    return QString::fromLatin1(buffer);
}

bool makeSignature(Signature &signature, const GitIdentity &identity, GitError *error)
{
    const QDateTime when = identity.when.isValid() ? identity.when : QDateTime::currentDateTime();
    return !failed(git_signature_new(&signature.ptr, identity.name.toUtf8().constData(),
                                     identity.email.toUtf8().constData(), when.toSecsSinceEpoch(),
                                     when.offsetFromUtc() / 60),
                   "cannot create the signature", error);
}

} // namespace

void ensureGitInitialized()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Never shut down: a worker abandoned on a stalled server may still be inside libgit2
        // when the process exits.
        git_libgit2_init();
        // The user's CA bundle, as git and curl are told about it.
        for (const char *variable : {"GIT_SSL_CAINFO", "SSL_CERT_FILE"}) {
            const QByteArray file = qgetenv(variable);
            if (!file.isEmpty() && QFile::exists(QFile::decodeName(file))) {
                git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file.constData(), nullptr);
                break;
            }
        }
    });
}

void GitRepository::Deleter::operator()(git_repository *repository) const
{
    git_repository_free(repository);
}

GitRepository::GitRepository(git_repository *repository)
    : m_repository(repository)
{}

GitRepository::GitRepository(GitRepository &&) noexcept = default;
GitRepository &GitRepository::operator=(GitRepository &&) noexcept = default;
GitRepository::~GitRepository() = default;

std::optional<GitRepository> GitRepository::initBare(const QString &path, GitError *error)
{
    ensureGitInitialized();
    git_repository *repository = nullptr;
    if (failed(git_repository_init(&repository, QFile::encodeName(path).constData(), 1),
               "cannot create the repository", error))
        return std::nullopt;
    return GitRepository(repository);
}

std::optional<GitRepository> GitRepository::open(const QString &path, GitError *error)
{
    ensureGitInitialized();
    git_repository *repository = nullptr;
    if (failed(git_repository_open(&repository, QFile::encodeName(path).constData()),
               "cannot open the repository", error))
        return std::nullopt;
    return GitRepository(repository);
}

QString GitRepository::path() const
{
    return QFile::decodeName(git_repository_path(m_repository.get()));
}

bool GitRepository::setHead(const QString &branch, GitError *error)
{
    const QByteArray ref = "refs/heads/" + branch.toUtf8();
    return !failed(git_repository_set_head(m_repository.get(), ref.constData()), "cannot set HEAD",
                   error);
}

std::optional<QString> GitRepository::commitTree(const QString &branch,
                                                 const QMap<QString, QByteArray> &files,
                                                 const QString &message, const GitIdentity &author,
                                                 GitError *error)
{
    git_repository *repo = m_repository.get();
    Index index;
    if (failed(git_index_new(&index.ptr), "cannot create an index", error))
        return std::nullopt;
    for (auto it = files.begin(); it != files.end(); ++it) {
        // The index is in memory only (a bare repository has none): write the blob first, then
        // add an entry that names it.
        git_index_entry entry = {};
        const QByteArray path = it.key().toUtf8();
        entry.path = path.constData();
        entry.mode = GIT_FILEMODE_BLOB;
        entry.file_size = quint32(it.value().size());
        if (failed(git_blob_create_from_buffer(&entry.id, repo, it.value().constData(),
                                               size_t(it.value().size())),
                   "cannot write a file", error) ||
            failed(git_index_add(index.ptr, &entry), "cannot add a file", error))
            return std::nullopt;
    }
    git_oid treeId;
    if (failed(git_index_write_tree_to(&treeId, index.ptr, repo), "cannot write the tree", error))
        return std::nullopt;
    Tree tree;
    if (failed(git_tree_lookup(&tree.ptr, repo, &treeId), "cannot read the tree", error))
        return std::nullopt;

    const QByteArray refName = "refs/heads/" + branch.toUtf8();
    Commit parent;
    git_oid parentId;
    const int found = git_reference_name_to_id(&parentId, repo, refName.constData());
    if (found == 0 &&
        failed(git_commit_lookup(&parent.ptr, repo, &parentId), "cannot read the parent", error))
        return std::nullopt;

    Signature signature;
    if (!makeSignature(signature, author, error))
        return std::nullopt;
    git_oid commitId;
    const git_commit *parents[] = {parent.ptr};
    if (failed(git_commit_create(&commitId, repo, refName.constData(), signature.ptr, signature.ptr,
                                 "UTF-8", message.toUtf8().constData(), tree.ptr,
                                 parent.ptr ? 1 : 0, parents),
               "cannot create the commit", error))
        return std::nullopt;
    return toHex(commitId);
}

bool GitRepository::createTag(const QString &name, const QString &commitId, const QString &message,
                              const GitIdentity &tagger, GitError *error)
{
    git_repository *repo = m_repository.get();
    git_oid oid;
    if (failed(git_oid_fromstr(&oid, commitId.toLatin1().constData()), "invalid commit id", error))
        return false;
    Object target;
    if (failed(git_object_lookup(&target.ptr, repo, &oid, GIT_OBJECT_COMMIT),
               "cannot find the commit", error))
        return false;
    Signature signature;
    if (!makeSignature(signature, tagger, error))
        return false;
    git_oid tagId;
    return !failed(git_tag_create(&tagId, repo, name.toUtf8().constData(), target.ptr,
                                  signature.ptr, message.toUtf8().constData(), 0),
                   "cannot create the tag", error);
}

} // namespace Stevedore
