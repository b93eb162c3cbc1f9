#include "engine/ocireference.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QString hostPart(const QString &registry)
{
    if (registry.startsWith(u'[')) {
        const qsizetype close = registry.indexOf(u']');
        return close < 0 ? registry : registry.mid(1, close - 1);
    }
    const qsizetype colon = registry.lastIndexOf(u':');
    return colon < 0 ? registry : registry.left(colon);
}

} // namespace

std::optional<OciReference> OciReference::parse(const QString &repoURL, QString *error)
{
    QString name = repoURL.trimmed();
    if (name.startsWith(u"oci://"))
        name = name.mid(6);
    if (name.contains(u"://")) {
        fail(error, u"\"%1\" is not an image repository: write it without a URL scheme "
                    u"(e.g. ghcr.io/org/image)"_s.arg(repoURL));
        return std::nullopt;
    }
    // A digest, then a tag (a `:` after the last `/`; before it, it is a registry port).
    if (const qsizetype at = name.lastIndexOf(u'@'); at > name.lastIndexOf(u'/'))
        name = name.left(at);
    if (const qsizetype colon = name.lastIndexOf(u':'); colon > name.lastIndexOf(u'/'))
        name = name.left(colon);

    OciReference reference;
    reference.m_repoURL = repoURL;
    QString repository = name;
    if (const qsizetype slash = name.indexOf(u'/'); slash >= 0) {
        const QString first = name.left(slash);
        if (first.contains(u'.') || first.contains(u':')) {
            reference.m_registry = first.toLower();
            repository = name.mid(slash + 1);
        }
    }
    // go-containerregistry's weak validation, which is what Kargo uses: the characters and the
    // length, checked before Docker Hub's `library/` is added.
    static const QRegularExpression allowed(u"^[a-z0-9_./-]{2,255}$"_s);
    if (!allowed.match(repository).hasMatch()) {
        fail(error, u"\"%1\" is not a valid image repository: the path must be 2 to 255 "
                    u"lower-case letters, digits, '_', '-', '.' or '/'"_s.arg(repoURL));
        return std::nullopt;
    }
    if (reference.m_registry.isEmpty() || reference.m_registry == u"index.docker.io" ||
        reference.m_registry == u"registry-1.docker.io")
        reference.m_registry = u"docker.io"_s;
    if (reference.isDockerHub() && !repository.contains(u'/'))
        repository.prepend(u"library/"_s);
    const QUrl authority(u"https://"_s + reference.m_registry + u'/');
    if (!authority.isValid() || authority.host().isEmpty() || !authority.userName().isEmpty()) {
        fail(error, u"\"%1\" is not a valid image repository: bad registry host \"%2\""_s.arg(
                        repoURL, reference.m_registry));
        return std::nullopt;
    }
    reference.m_repository = repository;
    return reference;
}

QString OciReference::apiHost() const
{
    return isDockerHub() ? u"registry-1.docker.io"_s : m_registry;
}

bool OciReference::allowsPlainHttpFallback() const
{
    const QString host = hostPart(m_registry);
    if (host == u"localhost")
        return true;
    const QHostAddress address(host);
    if (address.isNull())
        return false;
    if (address.isLoopback())
        return true;
    return address.isInSubnet(QHostAddress(u"10.0.0.0"_s), 8) ||
           address.isInSubnet(QHostAddress(u"172.16.0.0"_s), 12) ||
           address.isInSubnet(QHostAddress(u"192.168.0.0"_s), 16);
}

} // namespace Stevedore
