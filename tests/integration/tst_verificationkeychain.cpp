// Verification with credentials from the keychain: a real Prometheus behind basic
// authentication (its own --web.config.file), and analysis arguments taken from
// `valueFrom.secretKeyRef`. Run without STEVEDORE_VERIFICATION_KEYCHAIN_SESSION, the test starts
// itself again inside a private D-Bus session with an unlocked GNOME Keyring in a temporary
// HOME, so the user's own keyring is never touched.

#include "engine/analysisrunner.h"
#include "engine/keychain.h"
#include "engine/manifestloader.h"
#include "engine/prometheusclient.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/secretservice.h"
#include "tests/support/testprometheus.h"

using namespace Qt::StringLiterals;
using namespace Stevedore;
using namespace Stevedore::Testing;

namespace {

const char sessionVariable[] = "STEVEDORE_VERIFICATION_KEYCHAIN_SESSION";
const QString user = u"alice"_s;
const QString password = u"pr0m-s3cret"_s;

} // namespace

class TestVerificationKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void refusedWithoutCredentials();
    void basicAuthenticationFromTheKeychain();
    void argumentFromASecret();
    void missingSecret();

private:
    Pipeline load(const QString &name, const QString &templateArgs, const QString &query);
    VerificationRun verify(const Pipeline &pipeline);

    TestPrometheus m_prometheus;
    QTemporaryDir m_scratch;
    QByteArray m_authorization;
};

void TestVerificationKeychain::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_scratch.isValid());
    QByteArray hash;
    QVERIFY(run(u"htpasswd"_s, {u"-nbBC"_s, u"10"_s, user, password}, &hash));
    const QString entry = QString::fromUtf8(hash).trimmed();
    QVERIFY(entry.startsWith(user + u':'));
    QVERIFY2(m_prometheus.start(
                 u"basic_auth_users:\n  %1: %2\n"_s.arg(user, entry.mid(user.size() + 1))),
             qPrintable(m_prometheus.log()));
    m_authorization = "Basic " + (user + u':' + password).toUtf8().toBase64();
    QVERIFY(m_prometheus.push(u"shop"_s, u"checkout_success_ratio{service=\"checkout\"} 0.99"_s));
    QVERIFY(m_prometheus.waitForValue(u"checkout_success_ratio{job=\"shop\"}"_s, u"0.99"_s, 15000,
                                      m_authorization));
}

void TestVerificationKeychain::cleanupTestCase()
{
    QString error;
    Keychain::remove(PrometheusClient::keychainAccount(QUrl(m_prometheus.url())), &error);
    Keychain::removeSecret(u"shop"_s, &error);
    m_prometheus.stop();
}

Pipeline TestVerificationKeychain::load(const QString &name, const QString &templateArgs,
                                        const QString &query)
{
    const QString dir = m_scratch.filePath(name);
    QDir().mkpath(dir);
    QFile file(dir + u"/pipeline.yaml"_s);
    if (file.open(QIODevice::WriteOnly))
        file.write(
            (u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: app\n"
             u"  namespace: k\nspec:\n  subscriptions:\n  - image:\n"
             u"      repoURL: ghcr.io/example/app\n---\n"
             u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: prod\n"
             u"  namespace: k\nspec:\n  requestedFreight:\n  - origin:\n      kind: Warehouse\n"
             u"      name: app\n    sources:\n      direct: true\n  verification:\n"
             u"    analysisTemplates:\n    - name: check\n---\n"
             u"apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata:\n"
             u"  name: check\n  namespace: k\nspec:\n"_s +
             (templateArgs.isEmpty() ? QString() : u"  args:\n"_s + templateArgs) +
             u"  metrics:\n  - name: success-rate\n    consecutiveErrorLimit: 0\n"
             u"    successCondition: result[0] >= 0.95\n    provider:\n      prometheus:\n"
             u"        address: %1\n        query: '%2'\n"_s.arg(m_prometheus.url(), query))
                .toUtf8());
    file.close();
    return ManifestLoader::load(dir);
}

VerificationRun TestVerificationKeychain::verify(const Pipeline &pipeline)
{
    AnalysisRunner::Options options;
    AnalysisRunner runner(pipeline, u"prod"_s, {}, options);
    QSignalSpy finished(&runner, &AnalysisRunner::finished);
    runner.start();
    finished.wait(30000);
    return runner.run();
}

void TestVerificationKeychain::refusedWithoutCredentials()
{
    const VerificationRun run =
        verify(load(u"refused"_s, {}, u"checkout_success_ratio{job=\"shop\"}"_s));
    QCOMPARE(toString(run.phase), u"Error"_s);
    const Measurement &measurement = run.metrics.first().measurements.first();
    // What to do about it, named exactly.
    const QString account = PrometheusClient::keychainAccount(QUrl(m_prometheus.url()));
    QCOMPARE(account, u"prometheus:"_s + m_prometheus.url());
    QVERIFY2(measurement.message.contains(u"answered 401") &&
                 measurement.message.contains(u"account \"%1\""_s.arg(account)),
             qPrintable(measurement.message));
}

void TestVerificationKeychain::basicAuthenticationFromTheKeychain()
{
    QString error;
    QVERIFY2(Keychain::writeCredential(PrometheusClient::keychainAccount(QUrl(m_prometheus.url())),
                                       {user, password}, &error),
             qPrintable(error));
    const VerificationRun run =
        verify(load(u"basic"_s, {}, u"checkout_success_ratio{job=\"shop\"}"_s));
    QCOMPARE(toString(run.phase), u"Successful"_s);
    QCOMPARE(run.metrics.first().measurements.first().values, QList<double>{0.99});
}

void TestVerificationKeychain::argumentFromASecret()
{
    QString error;
    // A regular expression, so that the secret is not also part of the metric's name.
    QVERIFY(Keychain::writeSecret(u"shop"_s, u"{\"service\": \"checko.t\"}"_s, &error));
    const VerificationRun run =
        verify(load(u"secret"_s,
                    u"  - name: service\n    valueFrom:\n      secretKeyRef:\n        name: shop\n"
                    u"        key: service\n"_s,
                    u"checkout_success_ratio{job=\"shop\",service=~\"{{args.service}}\"}"_s));
    QCOMPARE(toString(run.phase), u"Successful"_s);
    // The secret reached Prometheus, and nothing shown or stored holds it.
    QCOMPARE(run.metrics.first().measurements.first().values, QList<double>{0.99});
    QCOMPARE(run.metrics.first().query,
             u"checkout_success_ratio{job=\"shop\",service=~\"*****\"}"_s);
    QCOMPARE(run.args, (QList<QPair<QString, QString>>{{u"service"_s, u"*****"_s}}));
    QVERIFY(!QString::fromUtf8(QJsonDocument(run.toJson()).toJson()).contains(u"checko.t"));
}

void TestVerificationKeychain::missingSecret()
{
    const VerificationRun run = verify(
        load(u"missing"_s,
             u"  - name: service\n    valueFrom:\n      secretKeyRef:\n        name: absent\n"
             u"        key: service\n"_s,
             u"checkout_success_ratio{service=\"{{args.service}}\"}"_s));
    QCOMPARE(toString(run.phase), u"Error"_s);
    QVERIFY2(run.message.contains(u"secret \"absent\" is missing") &&
                 run.message.contains(u"account \"secret:absent\""),
             qPrintable(run.message));
    QVERIFY(run.metrics.first().measurements.isEmpty());
}

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet(sessionVariable))
        return Stevedore::Testing::runInPrivateSecretService(argc, argv, sessionVariable);
    QCoreApplication app(argc, argv);
    TestVerificationKeychain test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_verificationkeychain.moc"
