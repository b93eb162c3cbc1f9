#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>

#include <memory>
#include <optional>

struct git_repository;

namespace Stevedore {

/// A libgit2 failure, captured on the thread where it happened.
struct GitError
{
    int code = 0;
    QString message;
};

/// Makes sure libgit2 is initialised exactly once per process, and shut down at exit.
void ensureGitInitialized();

/// An author or committer identity for commits Stevedore makes itself.
struct GitIdentity
{
    QString name;
    QString email;
    QDateTime when;
};

/// Owns one libgit2 repository handle. Use it from one thread at a time.
class GitRepository
{
public:
    GitRepository(GitRepository &&) noexcept;
    GitRepository &operator=(GitRepository &&) noexcept;
    ~GitRepository();

    static std::optional<GitRepository> initBare(const QString &path, GitError *error);
    static std::optional<GitRepository> open(const QString &path, GitError *error);

    /// Commits a whole tree (@p files: path → content) on @p branch, on top of the branch's
    /// current tip if it has one. Returns the new commit id (hex).
    std::optional<QString> commitTree(const QString &branch, const QMap<QString, QByteArray> &files,
                                      const QString &message, const GitIdentity &author,
                                      GitError *error);
    /// Creates an annotated tag @p name at @p commitId.
    bool createTag(const QString &name, const QString &commitId, const QString &message,
                   const GitIdentity &tagger, GitError *error);
    /// Points HEAD at @p branch (for bare repositories created before their first commit).
    bool setHead(const QString &branch, GitError *error);

    QString path() const;
    /// The libgit2 handle, for the engine's other git classes.
    git_repository *handle() const { return m_repository.get(); }

private:
    explicit GitRepository(git_repository *repository);

    struct Deleter
    {
        void operator()(git_repository *repository) const;
    };
    std::unique_ptr<git_repository, Deleter> m_repository;
};

} // namespace Stevedore
