#pragma once

#include <QString>

class QNetworkReply;

namespace Stevedore {

/// What went wrong with a failed transfer, in words for people: Qt's own message, except
/// where it says too little. A compressed answer that expands past Qt's safety limit (a
/// decompression bomb) and a body cut short before its Content-Length (@p received bytes of
/// it arrived) say so.
QString transferFailure(const QNetworkReply &reply, qint64 received = -1);

/// @p reply announced a compressed body and nothing of it came out decoded (Qt 6.4 drops a
/// body that fails its decompression check without always reporting an error).
bool undecodedBody(const QNetworkReply &reply, qint64 received);

} // namespace Stevedore
