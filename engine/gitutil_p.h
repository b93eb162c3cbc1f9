#pragma once

// Private to engine/: what the working-tree code shares about libgit2 calls.

#include "engine/githandle_p.h"
#include "engine/gitrepository.h"
#include "engine/gitworkspace.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <git2.h>

namespace Stevedore::GitUtil {

using Commit = GitHandle<git_commit, git_commit_free>;
using Config = GitHandle<git_config, git_config_free>;
using Diff = GitHandle<git_diff, git_diff_free>;
using Index = GitHandle<git_index, git_index_free>;
using Object = GitHandle<git_object, git_object_free>;
using Patch = GitHandle<git_patch, git_patch_free>;
using Reference = GitHandle<git_reference, git_reference_free>;
using Remote = GitHandle<git_remote, git_remote_free>;
using Repository = GitHandle<git_repository, git_repository_free>;
using Signature = GitHandle<git_signature, git_signature_free>;
using Tree = GitHandle<git_tree, git_tree_free>;

/// A libgit2 buffer, disposed of with its own function.
struct Buffer
{
    git_buf buf = GIT_BUF_INIT;
    Buffer() = default;
    Buffer(const Buffer &) = delete;
    Buffer &operator=(const Buffer &) = delete;
    ~Buffer() { git_buf_dispose(&buf); }
    QByteArray bytes() const { return QByteArray(buf.ptr, qsizetype(buf.size)); }
};

/// libgit2's error for the call that just failed on this thread, after what we were doing.
inline GitError libgit2Error(int code, const QString &what)
{
    const git_error *error = git_error_last();
    return {code, what + QStringLiteral(": ") +
                      (error && error->message ? QString::fromUtf8(error->message)
                                               : QStringLiteral("unknown error"))};
}

/// Whether @p code is a failure; if so, @p error says what failed.
inline bool failed(int code, const QString &what, GitError *error)
{
    if (code >= 0)
        return false;
    if (error)
        *error = libgit2Error(code, what);
    return true;
}

inline QString hex(const git_oid *oid)
{
    char buffer[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(buffer, sizeof buffer, oid);
    return QString::fromLatin1(buffer);
}

/// @p signature for @p identity (now, when it has no time); @p role names it in errors.
inline bool makeSignature(Signature &signature, const GitIdentity &identity, const QString &role,
                          GitError *error)
{
    if (identity.name.trimmed().isEmpty() || identity.email.trimmed().isEmpty()) {
        if (error)
            *error = {-1, QStringLiteral("the %1 needs a name and an email address").arg(role)};
        return false;
    }
    const QDateTime when = identity.when.isValid() ? identity.when : QDateTime::currentDateTime();
    return !failed(git_signature_new(&signature.ptr, identity.name.toUtf8().constData(),
                                     identity.email.toUtf8().constData(), when.toSecsSinceEpoch(),
                                     when.offsetFromUtc() / 60),
                   QStringLiteral("invalid %1").arg(role), error);
}

/// Creates a commit of @p tree with @p parents (null entries skipped), signed by @p signer
/// when given, and moves HEAD (its branch, or HEAD itself when detached or unborn) to it.
std::optional<git_oid> createCommit(git_repository *repo, const GitIdentity &author,
                                    const GitIdentity &committer, const QByteArray &message,
                                    git_tree *tree, const QList<const git_commit *> &parents,
                                    const CommitSigner &signer, GitError *error);

} // namespace Stevedore::GitUtil
