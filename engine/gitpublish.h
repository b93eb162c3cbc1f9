#pragma once

#include "engine/gitremote.h"
#include "engine/gitworkspace.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Stevedore {

/// How the user's git configuration asks for commits to be signed (`commit.gpgsign`,
/// `gpg.format`, `user.signingkey`, `gpg.program`, `gpg.ssh.program`).
struct GitSigning
{
    enum class Format
    {
        OpenPGP,
        Ssh,
        X509,
    };
    Format format = Format::OpenPGP;
    QString key;     ///< user.signingkey: a key id, a public key file, or `key::<public key>`
    QString program; ///< gpg, gpgsm or ssh-keygen, as configured
};

/// What a push landed.
struct GitPushResult
{
    QString branch; ///< the remote branch pushed to
    QString commit; ///< the commit now at its tip
    /// What the pushed commits were made on: the base given, or the remote's newer tip they
    /// were rebased onto.
    QString base;
    int attempts = 1;
    /// How many times the local commits were rebased onto someone else's newer push.
    int rebases = 0;
};

/// Publishing what a promotion committed in a working tree (GitWorkspace): signing as the
/// user's git configuration asks, pushing with the user's credentials (rebasing onto what
/// others pushed meanwhile), and tags. Blocks; runs on a worker thread.
class GitPublisher
{
    Q_DECLARE_TR_FUNCTIONS(GitPublisher)

public:
    /// The signing the git configuration of the working tree at @p path asks for (repository,
    /// global and system files): nullopt with an empty @p error when commits are not signed,
    /// nullopt with @p error set when the configuration cannot be read or is incomplete.
    static std::optional<GitSigning> signingConfig(const QString &path, QString *error);

    /// Signs @p payload (a commit or tag object's text) as git does: `gpg -bsau KEY`,
    /// `gpgsm -bsau KEY` or `ssh-keygen -Y sign -n git -f KEY`. Nullopt with @p error set when
    /// the program fails: the caller must not go on unsigned.
    static std::optional<QByteArray> sign(const GitSigning &signing, const QByteArray &payload,
                                          QString *error);

    /// A CommitSigner for @p signing.
    static CommitSigner signer(const GitSigning &signing);

    /// Pushes the working tree's HEAD to @p targetBranch of its remote. When the server refuses
    /// because the branch moved on, fetches it, replays the commits made since @p baseCommit
    /// onto it (as @p committer, signed with @p signer if given) and tries again, up to
    /// @p maxAttempts times. A replay that conflicts stops with an error naming the files;
    /// then nothing was pushed.
    static std::optional<GitPushResult> push(const QString &path, const GitNetworkOptions &network,
                                             const QString &targetBranch, const QString &baseCommit,
                                             int maxAttempts, const GitIdentity &committer,
                                             const CommitSigner &signer, GitError *error);

    /// Pushes tag @p tag of the working tree.
    static bool pushTag(const QString &path, const GitNetworkOptions &network, const QString &tag,
                        GitError *error);

    /// Tags HEAD of the working tree: annotated (by @p tagger, signed when @p signer is given)
    /// when @p message is not empty, lightweight otherwise. Returns the tag's target commit.
    static std::optional<QString> tag(const QString &path, const QString &name,
                                      const QString &message, const GitIdentity &tagger, bool force,
                                      const CommitSigner &signer, GitError *error);
};

} // namespace Stevedore
