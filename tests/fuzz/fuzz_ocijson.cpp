// The JSON a registry and its token server answer with: a tag list page, a manifest or index
// (under each media type a registry may announce), an image config and a token response.
// Every parser reads the whole input.

#include "engine/ocijson.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Stevedore;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    OciError error;

    (void)OciJson::tagsPage(body, 1, &error);

    const QString digest = OciJson::digestOf(body, QCryptographicHash::Sha256);
    const QByteArray contentTypes[] = {QByteArray(), OciJson::ociIndexType.toLatin1(),
                                       OciJson::dockerManifestType.toLatin1() + "; charset=utf-8"};
    for (const QByteArray &contentType : contentTypes) {
        error = {};
        const std::optional<OciManifest> manifest =
            OciJson::manifest(body, contentType, digest.toLatin1(), u"latest"_s, &error);
        if (!manifest) {
            if (!error.isError() || error.message.isEmpty())
                __builtin_trap(); // a failure must say why
            continue;
        }
        // Whatever the body says, the digest is the one it hashes to, and every descriptor
        // kept has a valid digest.
        if (manifest->digest != digest)
            __builtin_trap();
        for (const OciDescriptor &d :
             manifest->isIndex() ? manifest->manifests : manifest->layers) {
            if (!OciJson::digestAlgorithm(d.digest))
                __builtin_trap();
        }
    }
    // A reference that is a digest the body does not hash to is always refused.
    if (OciJson::manifest(body, {}, {}, u"sha256:"_s + QString(64, u'0'), &error) &&
        digest != u"sha256:"_s + QString(64, u'0')) {
        __builtin_trap();
    }

    (void)OciJson::config(body, u"sha256:0123456789ab"_s, &error);
    if (const std::optional<OciToken> token = OciJson::token(body)) {
        if (token->token.isEmpty() || token->lifetimeSeconds <= 0 ||
            token->lifetimeSeconds > OciJson::maxTokenLifetimeSeconds) {
            __builtin_trap();
        }
    }
    return 0;
}
