#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Stevedore {

/// Checks an SSH server's host key against OpenSSH known_hosts files, the way `ssh` does, and
/// tells an unknown host (verify the fingerprint, then add it) from a changed or revoked key
/// (refuse: possible man-in-the-middle) — something libgit2 1.5 cannot do.
///
/// Understands plain, comma-separated, wildcard (`*`, `?`) and negated (`!pattern`) host
/// patterns, `[host]:port` names for ports other than 22, hashed names (`|1|salt|hmac`),
/// `@revoked` lines, comments and blank lines; `@cert-authority` lines are skipped (Stevedore
/// sees plain host keys only). Files are read on every check, so a key the user has just added
/// counts at once. Decisions that follow OpenSSH (9.2) behaviour:
/// - A key of another type than the one recorded for the host is **Changed**, not Unknown:
///   `ssh` reports "REMOTE HOST IDENTIFICATION HAS CHANGED" and names the recorded key's line.
///   (Treating it as unknown would let a man-in-the-middle downgrade to a type not yet pinned.)
/// - For a port other than 22, when nothing is recorded for `[host]:port`, the bare host name is
///   tried too and only a matching key (Known) or a revoked one (Revoked) counts there.
/// - A matching `@revoked` line wins over everything; a matching plain line wins over other
///   lines of the host with different keys.
/// Const and free of shared state: safe to use from any thread.
class KnownHosts
{
    Q_DECLARE_TR_FUNCTIONS(KnownHosts)

public:
    enum class Verdict
    {
        Known,   ///< a line for this host holds exactly this key
        Unknown, ///< no line for this host at all
        Changed, ///< lines for this host exist but none holds this key
        Revoked, ///< an `@revoked` line for this host holds this key
    };

    /// The outcome of one check, with the line it rests on and a message for the user.
    struct Result
    {
        Verdict verdict = Verdict::Unknown;
        QString host;        ///< as asked
        int port = 22;       ///< as asked
        QString lookupName;  ///< what was looked up: `host` or `[host]:port`
        QString keyType;     ///< of the key the server offered, e.g. `ssh-ed25519`
        QString fingerprint; ///< of the key the server offered (`SHA256:...`)
        /// Known/Revoked: the matching line; Changed: the offending line (one recording a key
        /// of the offered type if there is one, else the first line for the host).
        QString file;
        int line = 0;
        QString recordedKeyType; ///< Changed: the key type on that line
        /// What to tell the user: empty for Known; how to verify and add the key for Unknown;
        /// a warning naming file:line for Changed and Revoked.
        QString message;
    };

    /// Uses defaultFiles().
    KnownHosts();
    /// Uses exactly @p files, in order (missing files are skipped). The first one is where the
    /// Unknown message tells the user to add the key.
    explicit KnownHosts(const QStringList &files);

    /// `$HOME/.ssh/known_hosts`, `$HOME/.ssh/known_hosts2`, `/etc/ssh/ssh_known_hosts`,
    /// `/etc/ssh/ssh_known_hosts2` — OpenSSH's defaults for UserKnownHostsFile and
    /// GlobalKnownHostsFile.
    static QStringList defaultFiles();

    QStringList files() const { return m_files; }

    /// Checks the key @p keyBlob (the raw public key blob: what the base64 field of a
    /// known_hosts line decodes to) offered by @p host on @p port. @p keyType is the key's type
    /// (`ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`; `rsa-sha2-256`/`-512` mean `ssh-rsa`);
    /// the type named inside the blob wins when they disagree.
    Result check(const QString &host, int port, const QString &keyType,
                 const QByteArray &keyBlob) const;

    /// `SHA256:<base64 without padding>` of @p keyBlob, as `ssh-keygen -l` prints it.
    static QString fingerprint(const QByteArray &keyBlob);
    /// The name known_hosts records for @p host on @p port: `host` for port 22 (or no port),
    /// `[host]:port` otherwise. Lower-cased, as ssh looks it up.
    static QString lookupName(const QString &host, int port);

private:
    Result lookup(const QString &name, const QString &keyType, const QByteArray &keyBlob) const;
    QString unknownMessage(const Result &result) const;
    static QString changedMessage(const Result &result);
    static QString revokedMessage(const Result &result);

    QStringList m_files;
};

} // namespace Stevedore
