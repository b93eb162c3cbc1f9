#include "engine/knownhosts.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QList>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QtEndian>

#include <optional>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

/// One parsed, valid known_hosts line.
struct Entry
{
    enum class Marker
    {
        None,
        CertAuthority,
        Revoked
    };
    Marker marker = Marker::None;
    QByteArray hosts; ///< the host pattern field, as written
    QString keyType;
    QByteArray blob;
    QString file;
    int line = 0;
};

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

/// Splits off the next blank-separated token of @p rest (and the blanks after it).
QByteArray takeToken(QByteArrayView &rest)
{
    qsizetype end = 0;
    while (end < rest.size() && !isBlank(rest.at(end)))
        ++end;
    const QByteArray token = rest.first(end).toByteArray();
    while (end < rest.size() && isBlank(rest.at(end)))
        ++end;
    rest = rest.sliced(end);
    return token;
}

/// The key type named at the start of an SSH public key blob (an SSH `string`).
QString blobKeyType(const QByteArray &blob)
{
    if (blob.size() < 4)
        return {};
    const quint32 length = qFromBigEndian<quint32>(blob.constData());
    if (length == 0 || length > 64 || qsizetype(length) > blob.size() - 4)
        return {};
    return QString::fromLatin1(blob.constData() + 4, qsizetype(length));
}

/// RSA keys are `ssh-rsa` whatever signature algorithm (`rsa-sha2-256`, ...) was negotiated.
QString normalizedKeyType(const QString &type)
{
    if (type == u"rsa-sha2-256" || type == u"rsa-sha2-512")
        return u"ssh-rsa"_s;
    return type;
}

/// The short name ssh uses in its messages ("ED25519 key fingerprint is ...").
QString displayKeyType(const QString &type)
{
    if (type == u"ssh-ed25519")
        return u"ED25519"_s;
    if (type.startsWith(u"ecdsa-sha2-"))
        return u"ECDSA"_s;
    if (type == u"ssh-rsa")
        return u"RSA"_s;
    if (type == u"ssh-dss")
        return u"DSA"_s;
    if (type.startsWith(u"sk-ssh-ed25519"))
        return u"ED25519-SK"_s;
    if (type.startsWith(u"sk-ecdsa-sha2-"))
        return u"ECDSA-SK"_s;
    return type.isEmpty() ? u"unknown"_s : type;
}

/// The name `ssh-keyscan -t` takes for @p type.
QString keyscanType(const QString &type)
{
    if (type == u"ssh-ed25519")
        return u"ed25519"_s;
    if (type.startsWith(u"ecdsa-sha2-"))
        return u"ecdsa"_s;
    if (type == u"ssh-rsa")
        return u"rsa"_s;
    if (type == u"ssh-dss")
        return u"dsa"_s;
    return type;
}

QString shellQuoted(const QString &word)
{
    static const QRegularExpression safe(u"^[A-Za-z0-9._:@%+=/~,-]+$"_s);
    if (safe.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

/// A file name for messages, with the home folder shortened to `~`.
QString displayPath(const QString &file)
{
    const QString home = qEnvironmentVariable("HOME", QDir::homePath());
    if (!home.isEmpty() && file.startsWith(home + u'/'))
        return u'~' + file.mid(home.size());
    return file;
}

/// OpenSSH's match_pattern(): `*` matches any run of characters, `?` any one character.
bool globMatches(QStringView text, QStringView pattern)
{
    qsizetype t = 0;
    qsizetype p = 0;
    qsizetype starPattern = -1;
    qsizetype starText = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == u'?' || pattern[p] == text[t])) {
            ++t;
            ++p;
        } else if (p < pattern.size() && pattern[p] == u'*') {
            starPattern = p++;
            starText = t;
        } else if (starPattern >= 0) {
            p = starPattern + 1;
            t = ++starText;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

/// OpenSSH's match_hostname(): a comma-separated list of patterns, compared case-insensitively;
/// a matching negated pattern (`!pattern`) means no match whatever else matches.
bool patternListMatches(const QString &name, const QString &patterns)
{
    bool positive = false;
    for (const QStringView pattern : QStringView(patterns).split(u',')) {
        const bool negated = pattern.startsWith(u'!');
        const QString subpattern = (negated ? pattern.sliced(1) : pattern).toString().toLower();
        if (globMatches(name, subpattern)) {
            if (negated)
                return false;
            positive = true;
        }
    }
    return positive;
}

/// A hashed host field `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`; nullopt when
/// malformed (ssh skips such a line).
std::optional<bool> hashedNameMatches(const QString &name, const QByteArray &field)
{
    const QList<QByteArray> parts = field.split('|');
    if (parts.size() != 4 || !parts.at(0).isEmpty() || parts.at(1) != "1")
        return std::nullopt;
    const auto salt =
        QByteArray::fromBase64Encoding(parts.at(2), QByteArray::AbortOnBase64DecodingErrors);
    const auto hash =
        QByteArray::fromBase64Encoding(parts.at(3), QByteArray::AbortOnBase64DecodingErrors);
    constexpr qsizetype sha1Size = 20;
    if (!salt || !hash || salt.decoded.size() != sha1Size || hash.decoded.size() != sha1Size)
        return std::nullopt;
    return QMessageAuthenticationCode::hash(name.toUtf8(), salt.decoded,
                                            QCryptographicHash::Sha1) == hash.decoded;
}

bool hostFieldMatches(const QString &name, const QByteArray &field)
{
    if (field.startsWith('|'))
        return hashedNameMatches(name, field).value_or(false);
    return patternListMatches(name, QString::fromUtf8(field));
}

/// Parses one line; nullopt for comments, blank and invalid lines (ssh ignores them all).
std::optional<Entry> parseLine(QByteArrayView text)
{
    while (!text.isEmpty() && isBlank(text.front()))
        text = text.sliced(1);
    if (text.endsWith('\r'))
        text.chop(1);
    if (text.isEmpty() || text.front() == '#')
        return std::nullopt;

    Entry entry;
    if (text.front() == '@') {
        const QByteArray marker = takeToken(text);
        if (marker == "@cert-authority")
            entry.marker = Entry::Marker::CertAuthority;
        else if (marker == "@revoked")
            entry.marker = Entry::Marker::Revoked;
        else
            return std::nullopt;
    }
    entry.hosts = takeToken(text);
    const QString fieldType = QString::fromLatin1(takeToken(text));
    const QByteArray base64 = takeToken(text);
    if (entry.hosts.isEmpty() || fieldType.isEmpty() || base64.isEmpty())
        return std::nullopt;
    const auto decoded =
        QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    entry.blob = decoded.decoded;
    entry.keyType = blobKeyType(entry.blob);
    // Like sshkey_read(): the type field has to name the key the blob holds.
    if (entry.keyType.isEmpty() || entry.keyType != fieldType)
        return std::nullopt;
    return entry;
}

} // namespace

KnownHosts::KnownHosts()
    : m_files(defaultFiles())
{}

KnownHosts::KnownHosts(const QStringList &files)
    : m_files(files)
{}

QStringList KnownHosts::defaultFiles()
{
    const QString home = qEnvironmentVariable("HOME", QDir::homePath());
    return {home + u"/.ssh/known_hosts"_s, home + u"/.ssh/known_hosts2"_s,
            u"/etc/ssh/ssh_known_hosts"_s, u"/etc/ssh/ssh_known_hosts2"_s};
}

QString KnownHosts::fingerprint(const QByteArray &keyBlob)
{
    const QByteArray digest = QCryptographicHash::hash(keyBlob, QCryptographicHash::Sha256);
    return u"SHA256:"_s + QString::fromLatin1(digest.toBase64(QByteArray::OmitTrailingEquals));
}

QString KnownHosts::lookupName(const QString &host, int port)
{
    QString bare = host.trimmed().toLower();
    if (bare.startsWith(u'[') && bare.endsWith(u']'))
        bare = bare.mid(1, bare.size() - 2);
    if (port <= 0 || port == 22)
        return bare;
    return u'[' + bare + u"]:"_s + QString::number(port);
}

KnownHosts::Result KnownHosts::check(const QString &host, int port, const QString &keyType,
                                     const QByteArray &keyBlob) const
{
    const QString typeInBlob = blobKeyType(keyBlob);
    const QString type = typeInBlob.isEmpty() ? normalizedKeyType(keyType) : typeInBlob;

    Result result = lookup(lookupName(host, port), type, keyBlob);
    if (result.verdict == Verdict::Unknown && port > 0 && port != 22) {
        // ssh retries without the port when nothing is recorded for [host]:port, and accepts
        // the key if the bare name has it (sshconnect.c, "checking without port identifier").
        const Result bare = lookup(lookupName(host, 22), type, keyBlob);
        if (bare.verdict == Verdict::Known || bare.verdict == Verdict::Revoked)
            result = bare;
    }
    result.host = host;
    result.port = port;
    result.keyType = type;
    result.fingerprint = fingerprint(keyBlob);
    switch (result.verdict) {
    case Verdict::Known:
        break;
    case Verdict::Unknown:
        result.message = unknownMessage(result);
        break;
    case Verdict::Changed:
        result.message = changedMessage(result);
        break;
    case Verdict::Revoked:
        result.message = revokedMessage(result);
        break;
    }
    return result;
}

KnownHosts::Result KnownHosts::lookup(const QString &name, const QString &keyType,
                                      const QByteArray &keyBlob) const
{
    Result result;
    result.lookupName = name;
    std::optional<Entry> match;
    std::optional<Entry> revoked;
    std::optional<Entry> offending;
    for (const QString &file : m_files) {
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = input.readAll();
        int lineNumber = 0;
        for (const QByteArray &text : content.split('\n')) {
            ++lineNumber;
            std::optional<Entry> entry = parseLine(text);
            if (!entry || !hostFieldMatches(name, entry->hosts))
                continue;
            entry->file = file;
            entry->line = lineNumber;
            const bool sameKey = entry->blob == keyBlob;
            switch (entry->marker) {
            case Entry::Marker::CertAuthority:
                // Only for host certificates, which libgit2 does not hand us.
                break;
            case Entry::Marker::Revoked:
                if (sameKey && !revoked)
                    revoked = entry;
                break;
            case Entry::Marker::None:
                if (sameKey) {
                    if (!match)
                        match = entry;
                } else if (!offending ||
                           (offending->keyType != keyType && entry->keyType == keyType)) {
                    // Name a line with a key of the offered type if there is one: that is the
                    // line the user will look for.
                    offending = entry;
                }
                break;
            }
        }
    }

    const std::optional<Entry> &basis = revoked ? revoked : match ? match : offending;
    if (revoked)
        result.verdict = Verdict::Revoked;
    else if (match)
        result.verdict = Verdict::Known;
    else if (offending)
        result.verdict = Verdict::Changed;
    else
        result.verdict = Verdict::Unknown;
    if (basis) {
        result.file = basis->file;
        result.line = basis->line;
        result.recordedKeyType = basis->keyType;
    }
    return result;
}

QString KnownHosts::unknownMessage(const Result &result) const
{
    const QString target =
        m_files.isEmpty() ? u"~/.ssh/known_hosts"_s : displayPath(m_files.constFirst());
    QString scan = u"ssh-keyscan -t "_s + keyscanType(result.keyType) + u' ';
    if (result.port > 0 && result.port != 22)
        scan += u"-p "_s + QString::number(result.port) + u' ';
    scan += shellQuoted(result.host);
    return tr("The authenticity of SSH host %1 can't be established: it is not in your "
              "known_hosts files. The server offered a %2 key with fingerprint %3. Check that "
              "fingerprint with the server's administrator (or its documentation), then add the "
              "key and try again:\n"
              "  %4 >> %5\n"
              "(`%4 | ssh-keygen -lf -` shows the fingerprint of what you are about to add.)")
        .arg(result.lookupName, displayKeyType(result.keyType), result.fingerprint, scan, target);
}

QString KnownHosts::changedMessage(const Result &result)
{
    const QString file = displayPath(result.file);
    return tr("WARNING: THE SSH HOST KEY OF %1 HAS CHANGED! Someone could be eavesdropping on "
              "you right now (man-in-the-middle attack), or the server's host key has just been "
              "replaced. The server offered a %2 key with fingerprint %3, but %4:%5 records a "
              "different key for this host (%6). Stevedore refuses to connect. If the change is "
              "expected, confirm the new fingerprint with the server's administrator, remove the "
              "old key with `ssh-keygen -f %7 -R %8` and add the new one.")
        .arg(result.lookupName, displayKeyType(result.keyType), result.fingerprint, file,
             QString::number(result.line), displayKeyType(result.recordedKeyType),
             shellQuoted(file), shellQuoted(result.lookupName));
}

QString KnownHosts::revokedMessage(const Result &result)
{
    return tr("WARNING: REVOKED SSH HOST KEY! The %1 host key offered by %2 (fingerprint %3) is "
              "marked as revoked in %4:%5. This could mean that a stolen key is being used to "
              "impersonate this host. Stevedore refuses to connect.")
        .arg(displayKeyType(result.keyType), result.lookupName, result.fingerprint,
             displayPath(result.file), QString::number(result.line));
}

} // namespace Stevedore
