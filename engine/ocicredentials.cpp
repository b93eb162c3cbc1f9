#include "engine/ocicredentials.h"

#include "engine/keychain.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

/// Docker config keys are URLs or hosts; Docker Hub goes by several names.
QString canonicalRegistry(QString key)
{
    key = key.trimmed().toLower();
    for (const QString &scheme : {u"https://"_s, u"http://"_s}) {
        if (key.startsWith(scheme))
            key = key.mid(scheme.size());
    }
    if (const qsizetype slash = key.indexOf(u'/'); slash >= 0)
        key = key.left(slash);
    if (key == u"index.docker.io" || key == u"registry-1.docker.io")
        return u"docker.io"_s;
    return key;
}

} // namespace

OciCredentials::Result OciCredentials::find(const QString &registry,
                                            const OciClientOptions &options)
{
    Result result;
    if (options.credential) {
        result.credential = options.credential;
        result.source = u"the credential given"_s;
        return result;
    }
    if (options.useKeychain) {
        QString error;
        if (auto credential = Keychain::readRegistryCredential(registry, &error)) {
            result.credential = std::move(credential);
            result.source = u"the keychain"_s;
            return result;
        }
        if (!error.isEmpty())
            result.notes.append(error);
    }
    if (options.useDockerConfig) {
        const QString path = dockerConfigPath(options);
        QFile file(path);
        if (file.exists()) {
            if (!file.open(QIODevice::ReadOnly)) {
                result.notes.append(u"cannot read %1: %2"_s.arg(path, file.errorString()));
            } else if (file.size() > 4 * 1024 * 1024) {
                result.notes.append(u"%1 is larger than 4 MiB; not read"_s.arg(path));
            } else {
                QString note;
                if (auto credential = fromDockerConfig(file.readAll(), registry, &note)) {
                    result.credential = std::move(credential);
                    result.source = path;
                    return result;
                }
                if (!note.isEmpty())
                    result.notes.append(path + u": "_s + note);
            }
        }
    }
    return result;
}

std::optional<Credential> OciCredentials::fromDockerConfig(const QByteArray &json,
                                                           const QString &registry, QString *note)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        if (note)
            *note = u"not a JSON object (%1)"_s.arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject config = document.object();
    const QString wanted = canonicalRegistry(registry);
    const QJsonObject auths = config.value(u"auths"_s).toObject();
    for (auto it = auths.begin(); it != auths.end(); ++it) {
        if (canonicalRegistry(it.key()) != wanted)
            continue;
        const QJsonObject entry = it.value().toObject();
        const QString auth = entry.value(u"auth"_s).toString();
        if (!auth.isEmpty()) {
            const QByteArray decoded = QByteArray::fromBase64(auth.toLatin1());
            const qsizetype colon = decoded.indexOf(':');
            if (colon > 0)
                return Credential{QString::fromUtf8(decoded.left(colon)),
                                  QString::fromUtf8(decoded.mid(colon + 1))};
            if (note)
                *note = u"the \"auth\" entry for %1 is not base64 of user:password"_s.arg(it.key());
            return std::nullopt;
        }
        if (entry.value(u"password"_s).isString())
            return Credential{entry.value(u"username"_s).toString(),
                              entry.value(u"password"_s).toString()};
        if (entry.contains(u"identitytoken"_s) && note)
            *note = u"the entry for %1 holds an identity token, which Stevedore does not "
                    u"use"_s.arg(it.key());
    }
    if (note && note->isEmpty()) {
        const QJsonObject helpers = config.value(u"credHelpers"_s).toObject();
        for (auto it = helpers.begin(); it != helpers.end(); ++it) {
            if (canonicalRegistry(it.key()) == wanted) {
                *note = u"credentials for %1 are kept by the credential helper "
                        u"docker-credential-%2, which Stevedore does not run"_s.arg(
                            registry, it.value().toString());
                return std::nullopt;
            }
        }
        if (const QString store = config.value(u"credsStore"_s).toString(); !store.isEmpty())
            *note = u"credentials may be kept by the credential store docker-credential-%1, "
                    u"which Stevedore does not run"_s.arg(store);
    }
    return std::nullopt;
}

QString OciCredentials::dockerConfigPath(const OciClientOptions &options)
{
    if (!options.dockerConfigPath.isEmpty())
        return options.dockerConfigPath;
    if (const QString dir = qEnvironmentVariable("DOCKER_CONFIG"); !dir.isEmpty())
        return QDir(dir).filePath(u"config.json"_s);
    return QDir::home().filePath(u".docker/config.json"_s);
}

} // namespace Stevedore
