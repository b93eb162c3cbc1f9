#pragma once

#include "engine/freight.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Stevedore {

/// One artifact of two freight side by side: its version in the older and in the newer one.
struct ArtifactChange
{
    enum class Kind
    {
        Commit,
        Image,
        Chart
    };
    Kind kind = Kind::Commit;
    QString subscription; ///< the subscription's name, if it has one
    QString repoURL;      ///< with `/<chart name>` for a chart of a classic repository
    QString from;         ///< empty when the older freight does not have it
    QString to;           ///< empty when the newer freight does not have it
    QString fromDetail;   ///< a commit's subject, an image's tag when shown by digest, ...
    QString toDetail;

    bool changed() const { return from != to; }
    /// The name, or the repository URL.
    QString label() const { return subscription.isEmpty() ? repoURL : subscription; }
};

/// One commit of a commit log.
struct CommitLogEntry
{
    QString id;
    QString subject;
    QString author;
    QDateTime when;
};

/// The commits between the commits two freight took from one repository, read from the local
/// bare clone (so it works offline).
struct CommitLog
{
    enum class State
    {
        Unchanged,    ///< both freight have the same commit
        Forward,      ///< the new commit descends from the old one: what was added
        Backward,     ///< the old commit descends from the new one: what is rolled back
        Diverged,     ///< neither descends from the other: what the new one has that the old
                      ///< one does not
        NotCached,    ///< there is no local clone of the repository
        MissingCommit ///< a commit is not in the local clone
    };
    State state = State::Unchanged;
    QString repoURL;
    QString subscription;
    QString from;
    QString to;
    QString message;               ///< what the state means, for people
    QList<CommitLogEntry> commits; ///< newest first
    bool truncated = false;        ///< more than maxEntries commits
};

/// Two freight of one warehouse compared: per artifact old → new, and the commit log of every
/// repository whose commit changed.
struct FreightComparison
{
    static constexpr int maxEntries = 500;

    bool ok = false;
    QString error;
    /// Set when there was nothing to compare with (a stage without freight from the
    /// warehouse yet): then every artifact is added.
    QString note;
    Freight from; ///< the older one (or the stage's current freight)
    Freight to;
    QList<ArtifactChange> artifacts;
    QList<CommitLog> logs;

    /// Compares @p from with @p to, reading commit logs from the bare clones under
    /// @p cacheRoot (the state folder's git cache). Never touches the network; runs on any
    /// thread but the GUI's.
    static FreightComparison compare(const Freight &from, const Freight &to,
                                     const QString &cacheRoot);
    /// Opens the pipeline's store (from this thread), finds both freight by id or alias and
    /// compares them; they must come from the same warehouse.
    static FreightComparison compareStored(const QString &pipelinePath, const QString &cacheRoot,
                                           const QString &from, const QString &to);
    /// Compares the freight @p stage has from @p incoming's warehouse with @p incoming (with
    /// nothing, and a note saying so, when the stage has none yet).
    static FreightComparison compareWithStage(const QString &pipelinePath, const QString &cacheRoot,
                                              const QString &stage, const QString &incoming);
    /// Reads the log between @p fromCommit and @p toCommit in the clone of @p repoURL.
    static CommitLog commitLog(const QString &cacheRoot, const QString &repoURL,
                               const QString &fromCommit, const QString &toCommit);

    QJsonObject toJson() const;
};

} // namespace Stevedore

Q_DECLARE_METATYPE(Stevedore::FreightComparison)
