#include "engine/transferfailure.h"

#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace Stevedore {

QString transferFailure(const QNetworkReply &reply, qint64 received)
{
    const QString message = reply.errorString();
    const QByteArray encoding = reply.rawHeader("Content-Encoding");
    // Qt 6.4 says only "Decompression failed: " when its ratio check stops a body, and
    // sometimes nothing at all: the body just ends, or stops coming.
    const bool undecoded =
        reply.error() == QNetworkReply::NoError || message.startsWith(u"Decompression failed"_s);
    if (!encoding.isEmpty() && encoding != "identity" && undecoded) {
        const qint64 threshold = reply.request().decompressedSafetyCheckThreshold();
        return u"the answer (Content-Encoding: %1) does not decompress within the safety "
               "limits (it expands far beyond its compressed size past %2 MiB, or is corrupt): "
               "not reading it"_s.arg(QString::fromLatin1(encoding))
                   .arg(threshold / (1024 * 1024));
    }
    const QVariant length = reply.header(QNetworkRequest::ContentLengthHeader);
    if (reply.error() == QNetworkReply::RemoteHostClosedError && received >= 0 &&
        length.isValid() && received < length.toLongLong())
        return u"the server closed the connection after %1 of the %2 bytes it announced"_s
            .arg(received)
            .arg(length.toLongLong());
    return message;
}

bool undecodedBody(const QNetworkReply &reply, qint64 received)
{
    const QByteArray encoding = reply.rawHeader("Content-Encoding");
    return received == 0 && !encoding.isEmpty() && encoding != "identity";
}

} // namespace Stevedore
