#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace Stevedore {

/// One challenge of a `WWW-Authenticate` header: `Bearer realm="...",service="..."`.
struct OciAuthChallenge
{
    QString scheme;                    ///< lower-cased: `bearer`, `basic`
    QMap<QString, QString> parameters; ///< names lower-cased, values unquoted
};

/// Parsers for the HTTP headers and bodies the OCI distribution protocol relies on, kept apart
/// from the client so that each can be tested on its own with hostile input.
class OciHeaders
{
public:
    /// The challenges of a `WWW-Authenticate` value (RFC 7235: several challenges separated by
    /// commas, parameters as tokens or quoted strings with `\` escapes; token68 forms ignored).
    /// Qt joins repeated headers with commas, which this reads the same way.
    static QList<OciAuthChallenge> parseAuthenticate(const QByteArray &value);

    /// The target of the `rel="next"` link of a `Link` value (RFC 8288), not yet resolved; empty
    /// when there is none.
    static QString nextLink(const QByteArray &value);

    /// `Retry-After` as seconds from @p now: delta-seconds or an HTTP date (IMF-fixdate, RFC 850,
    /// asctime); a date in the past is 0 s; nullopt when absent or unreadable.
    static std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now);

    /// The errors of a distribution error body `{"errors":[{"code","message","detail"}]}` as
    /// `CODE: message`, joined with `; `; empty when the body is not one.
    static QString errorMessage(const QByteArray &body);
};

} // namespace Stevedore
