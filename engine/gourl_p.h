#pragma once

#include <QByteArray>

#include <optional>

namespace Stevedore {

/// A URL split and reassembled with the rules of Go's net/url (Parse and URL.String), on UTF-8
/// bytes. Kargo's URL normalisation, and so its freight ids, depend on those rules down to
/// single bytes, including where they differ from RFC 3986 and from QUrl; private to the engine.
struct GoUrl
{
    QByteArray scheme;
    QByteArray opaque;
    bool hasUser = false;
    QByteArray username;
    QByteArray password;
    bool passwordSet = false;
    QByteArray host;
    QByteArray path;    ///< decoded
    QByteArray rawPath; ///< the path as written, when it differs from the default escaping
    bool omitHost = false;
    bool forceQuery = false;
    QByteArray rawQuery;
    QByteArray fragment;
    QByteArray rawFragment;

    /// Go's url.Parse; nothing when Go reports an error.
    static std::optional<GoUrl> parse(const QByteArray &raw);
    /// Go's URL.String.
    QByteArray toString() const;
    /// How many keys Go's URL.Query() finds (malformed pairs are skipped, as Go does).
    int queryKeyCount() const;

    /// Go's url.PathUnescape; nothing on a malformed escape.
    static std::optional<QByteArray> pathUnescape(const QByteArray &text);
};

} // namespace Stevedore
