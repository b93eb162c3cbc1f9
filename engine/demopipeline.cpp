#include "engine/demopipeline.h"

#include "engine/gitrepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QUrl>

namespace Stevedore {

namespace {

const QLatin1String marker(".stevedore-demo");

QByteArray resource(const QString &name)
{
    QFile file(QStringLiteral(":/demo/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

struct Release
{
    const char *tag; ///< empty for a commit without a release
    const char *message;
    int daysAgo;
};

QMap<QString, QByteArray> appFiles(const QString &version, int revision)
{
    QMap<QString, QByteArray> files;
    files.insert(QStringLiteral("README.md"),
                 "# demo-app\n\nA tiny web service used by Stevedore's demo pipeline.\n");
    files.insert(QStringLiteral("VERSION"), version.toUtf8() + '\n');
    files.insert(QStringLiteral("src/server.py"),
                 "import http.server\n\nREVISION = " + QByteArray::number(revision) +
                     "\n\n\nclass Handler(http.server.BaseHTTPRequestHandler):\n"
                     "    def do_GET(self):\n"
                     "        self.send_response(200)\n"
                     "        self.end_headers()\n"
                     "        self.wfile.write(b\"ok\\n\")\n");
    return files;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool createAppRepository(const QString &path, QString *firstCommit, QString *error)
{
    GitError gitError;
    auto repo = GitRepository::initBare(path, &gitError);
    if (!repo || !repo->setHead(QStringLiteral("main"), &gitError))
        return fail(error, gitError.message);
    static const Release releases[] = {
        {"v1.0.0", "Serve a health endpoint", 12},
        {"", "Document the local set-up", 10},
        {"v1.1.0", "Add request logging", 8},
        {"v1.1.1", "Fix a timeout on slow clients", 5},
        {"v2.0.0-rc.1", "Preview: new configuration format", 3},
        {"v1.2.0", "Add a readiness probe", 1},
    };
    const QDateTime now = QDateTime::currentDateTime();
    int revision = 0;
    QString version = QStringLiteral("1.0.0");
    for (const Release &release : releases) {
        const QString tag = QString::fromLatin1(release.tag);
        if (!tag.isEmpty())
            version = tag.mid(1);
        const GitIdentity author{QStringLiteral("Demo Developer"),
                                 QStringLiteral("developer@demo.invalid"),
                                 now.addDays(-release.daysAgo)};
        const auto commit = repo->commitTree(QStringLiteral("main"), appFiles(version, ++revision),
                                             QString::fromLatin1(release.message), author,
                                             &gitError);
        if (!commit)
            return fail(error, gitError.message);
        if (revision == 1)
            *firstCommit = *commit;
        if (!tag.isEmpty() &&
            !repo->createTag(tag, *commit, QStringLiteral("Release ") + tag, author, &gitError))
            return fail(error, gitError.message);
    }
    return true;
}

bool createGitOpsRepository(const QString &path, const QString &appCommit, QString *error)
{
    GitError gitError;
    auto repo = GitRepository::initBare(path, &gitError);
    if (!repo || !repo->setHead(QStringLiteral("main"), &gitError))
        return fail(error, gitError.message);
    const QByteArray values = resource(QStringLiteral("values.yaml"));
    QMap<QString, QByteArray> files;
    files.insert(QStringLiteral("README.md"),
                 "# demo-gitops\n\nDesired state of the demo app, one folder per stage.\n");
    const std::pair<const char *, const char *> stages[] = {
        {"dev", "1"}, {"staging", "2"}, {"prod", "3"}};
    for (const auto &[stage, replicas] : stages) {
        QByteArray content = values;
        content.replace("@STAGE@", stage).replace("@REPLICAS@", replicas);
        content.replace("@COMMIT@", appCommit.toLatin1());
        files.insert(QStringLiteral("env/%1/values.yaml").arg(QLatin1String(stage)), content);
    }
    const GitIdentity author{QStringLiteral("Demo Operator"),
                             QStringLiteral("operator@demo.invalid"),
                             QDateTime::currentDateTime().addDays(-12)};
    if (!repo->commitTree(QStringLiteral("main"), files,
                          QStringLiteral("Deploy demo-app v1.0.0 everywhere"), author, &gitError))
        return fail(error, gitError.message);
    return true;
}

bool writeManifests(const QString &dir, const QString &appURL, const QString &gitopsURL,
                    QString *error)
{
    if (!QDir().mkpath(dir))
        return fail(error, QStringLiteral("cannot create %1").arg(dir));
    for (const char *name :
         {"project.yaml", "warehouse.yaml", "promotiontask.yaml", "stages.yaml", "analysis.yaml"}) {
        QByteArray text = resource(QString::fromLatin1(name));
        if (text.isEmpty())
            return fail(error, QStringLiteral("the demo manifest %1 is missing from this build")
                                   .arg(QLatin1String(name)));
        text.replace("@APP_REPO@", appURL.toUtf8()).replace("@GITOPS_REPO@", gitopsURL.toUtf8());
        QFile file(dir + u'/' + QLatin1String(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            return fail(error, QStringLiteral("cannot write %1: %2")
                                   .arg(file.fileName(), file.errorString()));
    }
    QFile stamp(dir + u'/' + marker);
    if (!stamp.open(QIODevice::WriteOnly))
        return fail(error, stamp.errorString());
    stamp.write("1\n");
    return true;
}

} // namespace

QString DemoPipeline::ensure(const QString &dir, QString *error)
{
    const QString target = QDir(dir).absolutePath();
    const QString manifests = target + QStringLiteral("/pipeline");
    if (QFileInfo::exists(manifests + u'/' + marker))
        return manifests;
    if (QFileInfo::exists(target)) {
        fail(error, QStringLiteral("%1 exists but does not hold Stevedore's demo; move it away "
                                   "to have the demo created again")
                        .arg(target));
        return {};
    }
    const QString parent = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(parent)) {
        fail(error, QStringLiteral("cannot create %1").arg(parent));
        return {};
    }
    QTemporaryDir scratch(parent + QStringLiteral("/.demo-XXXXXX"));
    if (!scratch.isValid()) {
        fail(error, scratch.errorString());
        return {};
    }
    // The URLs name the final location: the scratch folder is renamed into place at the end.
    const QString appURL = QUrl::fromLocalFile(target + QStringLiteral("/app.git")).toString();
    const QString gitopsURL =
        QUrl::fromLocalFile(target + QStringLiteral("/gitops.git")).toString();
    QString firstCommit;
    if (!createAppRepository(scratch.filePath(QStringLiteral("app.git")), &firstCommit, error) ||
        !createGitOpsRepository(scratch.filePath(QStringLiteral("gitops.git")), firstCommit,
                                error) ||
        !writeManifests(scratch.filePath(QStringLiteral("pipeline")), appURL, gitopsURL, error))
        return {};
    if (!QDir().rename(scratch.path(), target)) {
        // Another process may have finished the same demo first.
        if (QFileInfo::exists(manifests + u'/' + marker))
            return manifests;
        fail(error, QStringLiteral("cannot move the demo into %1").arg(target));
        return {};
    }
    scratch.setAutoRemove(false);
    return manifests;
}

} // namespace Stevedore
