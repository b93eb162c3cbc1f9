// Credentials never leak: real work with real credentials, then a search for them everywhere
// Stevedore writes. A docker-registry with basic auth (credentials in the keychain), a GitOps
// repository over HTTPS with basic auth (lighttpd, credentials from a git credential helper), a
// keychain secret read by a promotion step's `secret()`, and Prometheus behind basic auth
// (credentials in the keychain), all on 127.0.0.1. The real stevedorectl discovers, dry-runs,
// promotes and verifies with every debug log category on; then neither the passwords nor the
// Authorization values made of them may appear in any file under the state folder (stores with
// their -wal and -shm files, caches, the .git/config of cached clones and scratch workspaces),
// in the settings file, or in anything stevedorectl or the app (offscreen, polling the registry)
// printed, even when stevedorectl is killed with SIGABRT mid-promotion. The dry-run plan shows
// the secret masked.
//
// Runs itself again inside a private D-Bus session with GNOME Keyring, as tst_keychain does.

#include "engine/keychain.h"
#include "engine/prometheusclient.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include "tests/support/secretservice.h"
#include "tests/support/testprometheus.h"
#include "tests/support/testregistry.h"
#include "tests/support/testservers.h"

using namespace Stevedore;
using namespace Stevedore::Testing;
using namespace Qt::StringLiterals;

namespace {

const char sessionVariable[] = "STEVEDORE_SECRETS_SESSION";
const QString gitPassword = u"git-Pa55-7f3k1q"_s;
const QString registryPassword = u"reg-Pa55-9x2m4w"_s;
const QString prometheusPassword = u"prom-Pa55-3v8n6z"_s;
const QString apiToken = u"api-T0ken-5r1c7y"_s;

struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QByteArray all() const { return out + err; }
};

QByteArray kustomization(const QString &image, const QString &tag)
{
    return u"apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
           "resources: []\nimages:\n- name: %1\n  newTag: %2\n"_s.arg(image, tag)
               .toUtf8();
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void realWorkWithRealCredentials();
    void dryRunPlanIsMasked();
    void crashOutputHasNoSecret();
    void guiOutputHasNoSecret();
    void nothingLeaked();
    void cleanupTestCase();

private:
    QString home() const { return m_dir.filePath(u"home"_s); }
    QString state() const { return m_dir.filePath(u"state"_s); }
    QProcessEnvironment environment() const;
    Result run(const QStringList &arguments);
    /// The secrets, and the Authorization values made of them, as they could appear.
    QList<QByteArray> forbidden() const;

    QTemporaryDir m_dir;
    std::unique_ptr<GitFixture> m_git;
    GitHttpsServer m_https;
    TestRegistry m_registry;
    TestPrometheus m_prometheus;
    QString m_gitops;
    QString m_pipeline;
    QString m_image;
    QString m_alias;
    QString m_storeFile;
    QByteArray m_everythingPrinted;
};

QProcessEnvironment TestSecrets::environment() const
{
    QProcessEnvironment env = isolatedEnvironment(home(), state());
    env.insert(u"GIT_SSL_CAINFO"_s, m_https.caFile());
    env.insert(u"SSL_CERT_FILE"_s, m_https.caFile());
    // The private Secret Service of this session, and every log category on.
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"));
    env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s);
    return env;
}

Result TestSecrets::run(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral(STEVEDORECTL_PATH), arguments);
    Result result;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    } else {
        result.exitCode = process.exitCode();
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    m_everythingPrinted += result.all();
    return result;
}

QList<QByteArray> TestSecrets::forbidden() const
{
    QList<QByteArray> values;
    for (const auto &[user, password] :
         {std::pair{u"alice"_s, gitPassword}, std::pair{u"bob"_s, registryPassword},
          std::pair{u"carol"_s, prometheusPassword}}) {
        values.append(password.toUtf8());
        values.append((user + u':' + password).toUtf8().toBase64());
        values.append(QUrl::toPercentEncoding(password));
    }
    values.append(apiToken.toUtf8());
    values.append(apiToken.toUtf8().toBase64());
    return values;
}

void TestSecrets::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet(sessionVariable),
             "runs only inside its private D-Bus session (started by main())");
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QDir().mkpath(home());
    qputenv("GIT_CONFIG_NOSYSTEM", "1");

    // GitOps over HTTPS with basic auth; the password comes from git's credential helper.
    const QString repos = m_dir.filePath(u"repos"_s);
    QDir().mkpath(repos);
    m_git = std::make_unique<GitFixture>(repos);
    const QString httpsDir = m_dir.filePath(u"https"_s);
    QDir().mkpath(httpsDir);
    QVERIFY(m_https.start(repos, httpsDir, u"alice"_s, gitPassword));
    const QString credentials = home() + u"/.git-credentials"_s;
    QVERIFY(writeFile(
        credentials,
        u"https://alice:%1@localhost:%2\n"_s.arg(gitPassword).arg(m_https.port()).toUtf8()));
    QVERIFY(writeFile(home() + u"/.gitconfig"_s,
                      u"[user]\n\tname = Rel Engineer\n\temail = rel@example.test\n"
                      "[credential]\n\thelper = store --file=%1\n"_s.arg(credentials)
                          .toUtf8()));

    // A registry with basic auth, one image pushed; its credentials in the keychain.
    QByteArray htpasswd;
    QVERIFY(Testing::run(u"htpasswd"_s, {u"-Bbn"_s, u"bob"_s, registryPassword}, &htpasswd));
    QVERIFY(writeFile(m_dir.filePath(u"htpasswd"_s), htpasswd));
    const QString storage = m_dir.filePath(u"registry"_s);
    QVERIFY(m_registry.start(m_dir.path(), storage, u"basic"_s,
                             u"auth:\n  htpasswd:\n    realm: stevedore-test\n    path: %1\n"_s.arg(
                                 m_dir.filePath(u"htpasswd"_s))));
    {
        TestRegistry pusher; // the same storage, anonymous, to push the image
        QVERIFY(pusher.start(m_dir.path(), storage, u"anonymous"_s));
        OciLayout layout(m_dir.filePath(u"layout"_s));
        const auto image = layout.image(OciPlatform{u"linux"_s, u"amd64"_s, {}},
                                        u"2024-01-01T00:00:00Z"_s, {}, {});
        QVERIFY(image);
        layout.tag(u"v1.2.0"_s, image->manifest);
        QVERIFY(layout.writeIndex());
        QVERIFY(pusher.push(layout, u"v1.2.0"_s, u"private/guestbook"_s));
    }
    m_image = m_registry.repository(u"private/guestbook"_s);
    QString error;
    QVERIFY2(
        Keychain::writeRegistryCredential(m_registry.host(), {u"bob"_s, registryPassword}, &error),
        qPrintable(error));
    QVERIFY2(Keychain::writeSecret(u"api"_s, u"{\"token\": \"%1\"}"_s.arg(apiToken), &error),
             qPrintable(error));

    // Prometheus behind basic auth; its credentials in the keychain.
    QByteArray hash;
    QVERIFY(
        Testing::run(u"htpasswd"_s, {u"-nbBC"_s, u"10"_s, u"carol"_s, prometheusPassword}, &hash));
    const QString entry = QString::fromUtf8(hash).trimmed();
    QVERIFY2(m_prometheus.start(u"basic_auth_users:\n  carol: %1\n"_s.arg(entry.mid(6))),
             qPrintable(m_prometheus.log()));
    const QByteArray authorization =
        "Basic " + (u"carol:"_s + prometheusPassword).toUtf8().toBase64();
    QVERIFY(m_prometheus.push(u"shop"_s, u"checkout_success_ratio 0.99"_s));
    QVERIFY(m_prometheus.waitForValue(u"checkout_success_ratio{job=\"shop\"}"_s, u"0.99"_s, 15000,
                                      authorization));
    QVERIFY2(Keychain::writeCredential(PrometheusClient::keychainAccount(QUrl(m_prometheus.url())),
                                       {u"carol"_s, prometheusPassword}, &error),
             qPrintable(error));

    m_gitops = m_git->createRepository(u"gitops"_s, 0);
    m_git->commit(m_gitops, u"env/dev/kustomization.yaml"_s,
                  QString::fromUtf8(kustomization(m_image, u"v1.0.0"_s)), u"Add dev"_s);
    m_pipeline = m_dir.filePath(u"pipeline"_s);
    QDir().mkpath(m_pipeline);
    QVERIFY(writeFile(
        m_pipeline + u"/pipeline.yaml"_s,
        (u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: guestbook\n"
         "  namespace: k\nspec:\n  subscriptions:\n  - image:\n      repoURL: %1\n---\n"
         "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: config\n"
         "  namespace: k\nspec:\n  subscriptions:\n  - git:\n      repoURL: %2\n"
         "      branch: main\n---\n"
         "apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: dev\n"
         "  namespace: k\nspec:\n  requestedFreight:\n  - origin:\n      kind: Warehouse\n"
         "      name: guestbook\n    sources:\n      direct: true\n"
         "  promotionTemplate:\n    spec:\n      steps:\n"
         "      - uses: git-clone\n        config:\n          repoURL: %2\n"
         "          checkout:\n          - branch: main\n            path: ./src\n"
         "      - uses: kustomize-set-image\n        as: update-image\n        config:\n"
         "          path: ./src/env/dev\n          images:\n          - image: %1\n"
         "            tag: ${{ imageFrom('%1').Tag }}\n"
         "      - uses: file-write\n        as: token\n        config:\n"
         "          path: ./out/token.txt\n"
         "          contents: \"token=${{ secret('api').token }}\"\n"
         "      - uses: git-commit\n        as: commit\n        config:\n          path: ./src\n"
         "          message: ${{ outputs['update-image'].commitMessage }}\n"
         "      - uses: git-push\n        config:\n          path: ./src\n"
         "  verification:\n    analysisTemplates:\n    - name: check\n---\n"
         "apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata:\n"
         "  name: check\n  namespace: k\nspec:\n  metrics:\n  - name: success-rate\n"
         "    successCondition: result[0] >= 0.95\n    provider:\n      prometheus:\n"
         "        address: %3\n        query: 'checkout_success_ratio{job=\"shop\"}'\n"_s)
            .arg(m_image, m_https.url(u"gitops.git"_s), m_prometheus.url())
            .toUtf8()));
}

void TestSecrets::realWorkWithRealCredentials()
{
    // Every credential is used for real: discovery reads the registry, the promotion clones
    // and pushes over HTTPS, writes the secret, and verification queries Prometheus.
    // Holding the store open here keeps its -wal and -shm files (the last connection to close
    // would fold them into the store and delete them), so they are searched too.
    const Result store = run({u"store"_s, m_pipeline});
    QCOMPARE(store.exitCode, 0);
    m_storeFile = QString::fromUtf8(store.out).trimmed();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"holder"_s);
        db.setDatabaseName(m_storeFile);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT count(*) FROM sqlite_master"_s));
    }
    const Result discovered = run({u"discover"_s, m_pipeline, u"--json"_s});
    QVERIFY2(discovered.exitCode == 0, discovered.all().constData());
    const QJsonArray freight = QJsonDocument::fromJson(discovered.out).array();
    QCOMPARE(freight.size(), 2);
    for (const QJsonValue &value : freight) {
        const QJsonObject object = value.toObject();
        if (object.value(u"origin"_s).toObject().value(u"name"_s).toString() != u"guestbook")
            continue;
        QCOMPARE(object.value(u"images"_s).toArray().first().toObject().value(u"tag"_s).toString(),
                 u"v1.2.0"_s);
        m_alias = object.value(u"alias"_s).toString();
    }
    QVERIFY(!m_alias.isEmpty());
    const Result promoted = run(
        {u"promote"_s, m_pipeline, u"--stage"_s, u"dev"_s, u"--freight"_s, m_alias, u"--yes"_s});
    QVERIFY2(promoted.exitCode == 0, promoted.all().constData());
    QByteArray pushed;
    QVERIFY(Testing::run(
        u"git"_s, {u"--git-dir"_s, m_gitops, u"show"_s, u"main:env/dev/kustomization.yaml"_s},
        &pushed, {}, GitFixture::environment(home())));
    QVERIFY2(pushed.contains("newTag: v1.2.0"), pushed.constData());
    const Result verified = run({u"verify"_s, m_pipeline, u"--stage"_s, u"dev"_s});
    QVERIFY2(verified.exitCode == 0, verified.all().constData());
    QVERIFY2(verified.out.contains("Successful"), verified.out.constData());
}

void TestSecrets::dryRunPlanIsMasked()
{
    const Result plan = run({u"promote"_s, m_pipeline, u"--stage"_s, u"dev"_s, u"--freight"_s,
                             m_alias, u"--dry-run"_s});
    QVERIFY2(plan.exitCode == 0, plan.all().constData());
    QVERIFY2(plan.out.contains("token=\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2"), plan.out.constData());
    QVERIFY(!plan.all().contains(apiToken.toUtf8()));
}

void TestSecrets::crashOutputHasNoSecret()
{
    // A process that dies on a signal mid-promotion prints what it prints; none of it secret.
    for (const int delay : {150, 400, 800}) {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setStandardInputFile(QProcess::nullDevice());
        process.start(QStringLiteral(STEVEDORECTL_PATH),
                      {u"promote"_s, m_pipeline, u"--stage"_s, u"dev"_s, u"--freight"_s, m_alias,
                       u"--dry-run"_s});
        QVERIFY(process.waitForStarted());
        if (!process.waitForFinished(delay) && process.processId() > 0)
            ::kill(pid_t(process.processId()), SIGABRT);
        process.waitForFinished(30000);
        m_everythingPrinted += process.readAll();
    }
    // What the killed dry runs' steps wrote to their workspaces (the secret, by file-write)
    // goes at the next start.
    QCOMPARE(run({u"history"_s, m_pipeline}).exitCode, 0);
}

void TestSecrets::guiOutputHasNoSecret()
{
    // The app opens the pipeline and polls its warehouses with the registry's credentials and
    // git's credential helper.
    const QString runtime = m_dir.filePath(u"runtime"_s);
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QProcessEnvironment env = environment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_RUNTIME_DIR"_s, runtime);
    const QString report = m_dir.filePath(u"layout.json"_s);
    // Polls show in the store: the git warehouse's last poll (the image one polls with it).
    const auto lastPoll = [] {
        QSqlQuery query(QSqlDatabase::database(u"holder"_s, false));
        query.exec(u"SELECT polled_at FROM subscription_state WHERE warehouse = 'config'"_s);
        return query.next() ? query.value(0).toString() : QString();
    };
    const QString before = lastPoll();
    QVERIFY(!before.isEmpty());
    QProcess gui;
    gui.setProcessEnvironment(env);
    gui.setProcessChannelMode(QProcess::MergedChannels);
    gui.start(QStringLiteral(STEVEDORE_GUI_PATH), {m_pipeline, u"--layout-report"_s, report});
    QVERIFY(gui.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(report), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(lastPoll() != before, 30000);
    gui.terminate();
    if (!gui.waitForFinished(10000)) {
        gui.kill();
        gui.waitForFinished();
    }
    const QByteArray printed = gui.readAll();
    QVERIFY(printed.size() > 1000); // the debug logs were on
    m_everythingPrinted += printed;
}

void TestSecrets::nothingLeaked()
{
    const QList<QByteArray> secrets = forbidden();
    const auto check = [&](const QByteArray &contents, const QString &where) {
        for (const QByteArray &secret : secrets)
            QVERIFY2(!contents.contains(secret),
                     qPrintable(u"%1 contains %2"_s.arg(where, QString::fromUtf8(secret))));
    };
    check(m_everythingPrinted, u"stevedorectl's output"_s);
    QVERIFY(m_everythingPrinted.size() > 1000); // the debug logs were on

    int files = 0;
    int gitConfigs = 0;
    int sqliteSidecars = 0;
    QDirIterator it(state(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        check(file.readAll(), QDir(state()).relativeFilePath(path));
        ++files;
        if (path.endsWith(u"/config"_s) &&
            (path.contains(u"/.git/"_s) || QFileInfo::exists(QFileInfo(path).path() + u"/HEAD"_s)))
            ++gitConfigs;
        if (path.endsWith(u"-wal"_s) || path.endsWith(u"-shm"_s))
            ++sqliteSidecars;
    }
    qInfo("searched %d files under the state folder (%d git configurations, %d -wal/-shm files) "
          "and %lld bytes of output",
          files, gitConfigs, sqliteSidecars, qint64(m_everythingPrinted.size()));
    QVERIFY(gitConfigs > 0);
    QVERIFY(QFileInfo::exists(m_storeFile + u"-wal"_s));
    QVERIFY(QFileInfo::exists(m_storeFile + u"-shm"_s));

    // Settings, wherever Qt put them under this HOME.
    QDirIterator settings(home() + u"/.config"_s, QDir::Files, QDirIterator::Subdirectories);
    while (settings.hasNext()) {
        const QString path = settings.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        check(file.readAll(), path);
    }
}

void TestSecrets::cleanupTestCase()
{
    QString error;
    Keychain::removeSecret(u"api"_s, &error);
    m_prometheus.stop();
    m_registry.stop();
    QSqlDatabase::database(u"holder"_s, false).close();
    QSqlDatabase::removeDatabase(u"holder"_s);
}

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet(sessionVariable))
        return Stevedore::Testing::runInPrivateSecretService(argc, argv, sessionVariable);
    QCoreApplication app(argc, argv);
    TestSecrets test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secrets.moc"
