// Verification runs in the store: a run with its metrics and measurements comes back as it
// was saved (NaN and ±Inf included), runs are listed newest first per stage, and runs left
// Running by a process that is gone are marked Aborted.

#include "engine/statepaths.h"
#include "engine/store.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Stevedore;

namespace {

VerificationRun sampleRun(const QString &id, const QString &stage, const QDateTime &started)
{
    VerificationRun run;
    run.id = id;
    run.stage = stage;
    run.freightIds = {u"f1"_s, u"f2"_s};
    run.templates = {u"success-rate"_s, u"loadgen"_s};
    run.startedAt = started;
    run.phase = AnalysisPhase::Running;
    run.args = {{u"namespace"_s, u"web"_s}, {u"token"_s, u"*****"_s}};
    MetricResult rate;
    rate.name = u"success-rate"_s;
    rate.templateName = u"success-rate"_s;
    rate.provider = u"prometheus"_s;
    rate.address = u"http://prometheus:9090"_s;
    rate.url = u"http://127.0.0.1:9090"_s;
    rate.query = u"sum(rate(x[1m]))"_s;
    rate.successCondition = u"result[0] >= 0.95"_s;
    rate.interval = u"5s"_s;
    rate.count = 4;
    rate.failureLimit = 2;
    rate.phase = AnalysisPhase::Running;
    MetricResult job;
    job.name = u"load-gen"_s;
    job.provider = u"job"_s;
    job.runnable = false;
    job.message = u"not runnable here"_s;
    job.phase = AnalysisPhase::Inconclusive;
    run.metrics = {rate, job};
    return run;
}

} // namespace

class TestStoreVerification : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        StatePaths::setOverride(m_dir.filePath(u"state"_s));
        QFile pipeline(m_dir.filePath(u"pipeline.yaml"_s));
        QVERIFY(pipeline.open(QIODevice::WriteOnly));
    }

    void roundTrip()
    {
        QString error;
        const auto store = Store::open(m_dir.filePath(u"pipeline.yaml"_s), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->schemaVersion(), 5);
        const QDateTime started = QDateTime::currentDateTimeUtc().addSecs(-60);
        VerificationRun run = sampleRun(u"run-1"_s, u"prod"_s, started);
        QVERIFY2(store->saveVerificationRun(run, &error), qPrintable(error));

        Measurement first;
        first.startedAt = started.addSecs(1);
        first.finishedAt = started.addSecs(2);
        first.phase = AnalysisPhase::Successful;
        first.values = {0.97, std::numeric_limits<double>::quiet_NaN(),
                        std::numeric_limits<double>::infinity(),
                        -std::numeric_limits<double>::infinity()};
        Measurement second;
        second.startedAt = started.addSecs(7);
        second.finishedAt = started.addSecs(8);
        second.phase = AnalysisPhase::Error;
        second.message = u"Prometheus answered 400 bad_data: parse error"_s;
        Measurement scalar;
        scalar.startedAt = started.addSecs(12);
        scalar.finishedAt = started.addSecs(12);
        scalar.phase = AnalysisPhase::Failed;
        scalar.values = {0.5};
        scalar.scalar = true;
        QVERIFY(store->addVerificationMeasurement(u"run-1"_s, 0, 0, first, &error));
        QVERIFY(store->addVerificationMeasurement(u"run-1"_s, 0, 1, second, &error));
        QVERIFY(store->addVerificationMeasurement(u"run-1"_s, 0, 2, scalar, &error));

        run.phase = AnalysisPhase::Failed;
        run.message = u"Metric \"success-rate\" assessed Failed"_s;
        run.finishedAt = started.addSecs(13);
        run.metrics[0].phase = AnalysisPhase::Failed;
        run.metrics[0].failed = 3;
        run.metrics[0].measured = 4;
        QVERIFY(store->saveVerificationRun(run, &error));

        const std::optional<VerificationRun> loaded = store->verificationRun(u"run-1"_s);
        QVERIFY(loaded);
        QCOMPARE(loaded->stage, u"prod"_s);
        QCOMPARE(loaded->freightIds, run.freightIds);
        QCOMPARE(loaded->templates, run.templates);
        QCOMPARE(loaded->startedAt, started);
        QCOMPARE(loaded->finishedAt, run.finishedAt);
        QCOMPARE(toString(loaded->phase), u"Failed"_s);
        QCOMPARE(loaded->message, run.message);
        QCOMPARE(loaded->args, run.args);
        QCOMPARE(loaded->metrics.size(), 2);
        const MetricResult &rate = loaded->metrics.at(0);
        QCOMPARE(rate.url, u"http://127.0.0.1:9090"_s);
        QCOMPARE(rate.query, u"sum(rate(x[1m]))"_s);
        QCOMPARE(rate.successCondition, u"result[0] >= 0.95"_s);
        QCOMPARE(rate.count, 4);
        QCOMPARE(rate.failureLimit, 2);
        QCOMPARE(rate.failed, 3);
        QCOMPARE(rate.measurements.size(), 3);
        const Measurement &back = rate.measurements.at(0);
        QCOMPARE(back.values.size(), 4);
        QCOMPARE(back.values.at(0), 0.97);
        QVERIFY(std::isnan(back.values.at(1)));
        QVERIFY(std::isinf(back.values.at(2)) && back.values.at(2) > 0);
        QVERIFY(std::isinf(back.values.at(3)) && back.values.at(3) < 0);
        QCOMPARE(back.valueText(), u"[0.97,NaN,+Inf,-Inf]"_s);
        QCOMPARE(back.startedAt, first.startedAt);
        QCOMPARE(rate.measurements.at(1).message, second.message);
        QVERIFY(rate.measurements.at(1).values.isEmpty());
        QVERIFY(rate.measurements.at(2).scalar);
        QCOMPARE(rate.measurements.at(2).valueText(), u"0.5"_s);
        const MetricResult &job = loaded->metrics.at(1);
        QVERIFY(!job.runnable);
        QCOMPARE(job.provider, u"job"_s);
        QVERIFY(job.measurements.isEmpty());

        // Listed per stage, newest first, without measurements.
        QVERIFY(store->saveVerificationRun(sampleRun(u"run-2"_s, u"prod"_s, started.addSecs(30))));
        QVERIFY(store->saveVerificationRun(sampleRun(u"run-3"_s, u"dev"_s, started.addSecs(40))));
        const QList<VerificationRun> prod = store->verificationRuns(u"prod"_s);
        QCOMPARE(prod.size(), 2);
        QCOMPARE(prod.at(0).id, u"run-2"_s);
        QCOMPARE(prod.at(1).id, u"run-1"_s);
        QCOMPARE(prod.at(1).metrics.size(), 2);
        QVERIFY(prod.at(1).metrics.at(0).measurements.isEmpty());
        QCOMPARE(store->verificationRuns().size(), 3);
    }

    void interruptedRunsAreAborted()
    {
        QString error;
        const auto store = Store::open(m_dir.filePath(u"pipeline.yaml"_s), &error);
        QVERIFY(store);
        // A process that has exited: its PID is free (or at least not that process).
        QProcess finished;
        finished.start(u"true"_s, QStringList());
        QVERIFY(finished.waitForStarted());
        VerificationRun gone = sampleRun(u"gone"_s, u"qa"_s, QDateTime::currentDateTimeUtc());
        gone.pid = finished.processId();
        QVERIFY(finished.waitForFinished());
        QVERIFY(gone.pid > 0);
        VerificationRun mine = sampleRun(u"mine"_s, u"qa"_s, QDateTime::currentDateTimeUtc());
        mine.pid = QCoreApplication::applicationPid();
        QVERIFY(store->saveVerificationRun(gone) && store->saveVerificationRun(mine));
        // run-2 and run-3 of roundTrip() were left Running without a process, too.
        const QStringList marked = store->markInterruptedVerifications(&error);
        QVERIFY2(marked.contains(u"gone"_s) && !marked.contains(u"mine"_s),
                 qPrintable(marked.join(u' ')));
        QCOMPARE(toString(store->verificationRun(u"gone"_s)->phase), u"Aborted"_s);
        // Its metric that was still running ended with it; the one decided before keeps that.
        QCOMPARE(toString(store->verificationRun(u"gone"_s)->metrics.at(0).phase), u"Aborted"_s);
        QCOMPARE(toString(store->verificationRun(u"gone"_s)->metrics.at(1).phase),
                 u"Inconclusive"_s);
        QVERIFY(store->verificationRun(u"gone"_s)->finishedAt.isValid());
        QCOMPARE(toString(store->verificationRun(u"mine"_s)->phase), u"Running"_s);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestStoreVerification)

#include "tst_storeverification.moc"
