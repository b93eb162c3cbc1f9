#include "app/cli/verifycommands.h"

#include "app/cli/cliutil.h"
#include "engine/analysisrunner.h"
#include "engine/manifestloader.h"
#include "engine/store.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Stevedore::Cli {

namespace {

/// The self-pipe through which SIGINT and SIGTERM reach the event loop: a signal handler may
/// only write(2); the loop reads the byte and aborts the run there.
int signalPipe[2] = {-1, -1};

extern "C" void onSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

/// Installs the handlers for the life of this object and restores the old ones after.
class SignalGuard
{
public:
    SignalGuard()
    {
        if (::pipe(signalPipe) != 0)
            return;
        ::fcntl(signalPipe[1], F_SETFL, O_NONBLOCK);
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &action, &m_oldInt);
        ::sigaction(SIGTERM, &action, &m_oldTerm);
        m_installed = true;
    }
    ~SignalGuard()
    {
        if (!m_installed)
            return;
        ::sigaction(SIGINT, &m_oldInt, nullptr);
        ::sigaction(SIGTERM, &m_oldTerm, nullptr);
        ::close(signalPipe[0]);
        ::close(signalPipe[1]);
        signalPipe[0] = signalPipe[1] = -1;
    }
    SignalGuard(const SignalGuard &) = delete;
    SignalGuard &operator=(const SignalGuard &) = delete;

    int readFd() const { return m_installed ? signalPipe[0] : -1; }

private:
    struct sigaction m_oldInt = {};
    struct sigaction m_oldTerm = {};
    bool m_installed = false;
};

QString localTime(const QDateTime &when)
{
    return when.toLocalTime().toString(u"HH:mm:ss"_s);
}

void printMeasurement(const MetricResult &metric, int number, const Measurement &measurement,
                      QTextStream &out)
{
    QString detail = measurement.valueText();
    if (measurement.phase == AnalysisPhase::Error)
        detail = measurement.message;
    else if (!measurement.message.isEmpty())
        detail += u"  ("_s + measurement.message + u')';
    out << localTime(measurement.finishedAt) << "  " << metric.name.leftJustified(24) << " #"
        << QString::number(number).leftJustified(4) << toString(measurement.phase).leftJustified(13)
        << detail << '\n';
    out.flush();
}

QString jsonLine(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

int verify(const CommandLine &line, Streams io)
{
    int exitCode = Success;
    if (!checkOptions(line, {u"stage"_s, u"json"_s}, io, &exitCode))
        return exitCode;
    if (line.positional.size() != 1)
        return usage(io, line.positional.isEmpty() ? u"verify: missing PATH"_s
                                                   : u"verify: takes one PATH"_s);
    const QString stageName = line.value(u"stage"_s);
    if (stageName.isEmpty())
        return usage(io, u"verify: --stage NAME is required"_s);
    const bool json = line.has(u"json"_s);
    AnalysisRunner::Options options;
    options.planner.addresses = PrometheusAddresses::fromUserSettings();
    for (const QString &mapping : line.prometheus) {
        QString error;
        if (!options.planner.addresses.add(mapping, &error))
            return usage(io, u"--prometheus "_s + error);
    }
    if (!checkPaths(line.positional, io, &exitCode))
        return exitCode;

    const Pipeline pipeline = ManifestLoader::load(line.positional.first());
    const Stage *stage = pipeline.stage(stageName);
    if (!stage)
        return usage(io,
                     u"verify: no stage \"%1\" in %2"_s.arg(stageName, line.positional.first()));
    if (stage->verification.isEmpty())
        return usage(io, u"verify: stage \"%1\" has no verification (no analysisTemplates)"_s.arg(
                             stageName));
    // Errors in the files that define the stage or its templates stop the verification;
    // errors elsewhere (a warehouse, another stage) are shown and do not.
    QSet<QString> files{stage->location.file};
    for (const AnalysisTemplateReference &ref : stage->verification.analysisTemplates) {
        if (const AnalysisTemplate *analysisTemplate =
                pipeline.analysisTemplate(ref.name, ref.kind))
            files.insert(analysisTemplate->location.file);
    }
    bool errors = false;
    for (const Problem &problem : std::as_const(pipeline.problems)) {
        if (problem.severity != Problem::Severity::Error)
            continue;
        io.err << problem.toString() << '\n';
        errors = errors || files.contains(problem.location.file);
    }
    if (errors) {
        io.err << "stevedorectl: verify: the stage or its analysis templates have errors; fix "
                  "them first\n";
        return Failure;
    }
    int openCode = Success;
    const std::unique_ptr<Store> store = openStore(line.positional.first(), io, &openCode);
    if (!store)
        return openCode;
    store->markInterruptedVerifications();
    QStringList freight;
    QStringList freightNames;
    for (const StageFreight &current : store->currentFreight(stageName)) {
        freight.append(current.freightId);
        const std::optional<Freight> found = store->findFreight(current.freightId);
        freightNames.append(found ? u"%1 (%2)"_s.arg(found->alias, current.freightId.left(7))
                                  : current.freightId.left(7));
    }
    if (!json) {
        if (freight.isEmpty())
            io.out << "Stage " << stageName
                   << " has no freight yet: running its analysis without freight; nothing will "
                      "be marked verified.\n";
        else
            io.out << "Verifying freight " << freightNames.join(u", "_s) << " in stage "
                   << stageName << ".\n";
        io.out.flush();
    }

    options.store = store.get();
    AnalysisRunner runner(pipeline, stageName, freight, options);
    QEventLoop loop;
    int signal = 0;
    SignalGuard guard;
    std::unique_ptr<QSocketNotifier> notifier;
    if (guard.readFd() >= 0) {
        notifier = std::make_unique<QSocketNotifier>(guard.readFd(), QSocketNotifier::Read);
        QObject::connect(notifier.get(), &QSocketNotifier::activated, &loop, [&] {
            char byte = 0;
            if (::read(guard.readFd(), &byte, 1) == 1 && signal == 0) {
                signal = byte;
                runner.abort();
            }
        });
    }
    bool planned = false;
    QObject::connect(&runner, &AnalysisRunner::runChanged, &loop, [&](const VerificationRun &run) {
        // Once the metrics are known: say which of them cannot run here.
        if (planned || run.metrics.isEmpty())
            return;
        planned = true;
        for (const MetricResult &metric : run.metrics) {
            if (metric.runnable)
                continue;
            if (json)
                io.out << jsonLine({{u"event"_s, u"notRunnable"_s},
                                    {u"metric"_s, metric.name},
                                    {u"provider"_s, metric.provider},
                                    {u"message"_s, metric.message}})
                       << '\n';
            else
                io.out << metric.name << " (" << metric.provider << "): " << metric.message << '\n';
        }
        io.out.flush();
    });
    QObject::connect(
        &runner, &AnalysisRunner::measured, &loop, [&](const VerificationRun &run, int index) {
            const MetricResult &metric = run.metrics.at(index);
            const Measurement &measurement = metric.measurements.constLast();
            if (json) {
                const QJsonObject all = run.toJson();
                const QJsonObject m = all.value(u"metrics"_s).toArray().at(index).toObject();
                io.out << jsonLine(
                              {{u"event"_s, u"measurement"_s},
                               {u"metric"_s, metric.name},
                               {u"number"_s, int(metric.measurements.size())},
                               {u"measurement"_s, m.value(u"measurements"_s).toArray().last()}})
                       << '\n';
                io.out.flush();
            } else {
                printMeasurement(metric, int(metric.measurements.size()), measurement, io.out);
            }
        });
    QObject::connect(&runner, &AnalysisRunner::finished, &loop, &QEventLoop::quit);
    runner.start();
    if (!runner.isFinished())
        loop.exec();

    const VerificationRun &run = runner.run();
    if (json) {
        io.out << jsonLine({{u"event"_s, u"verdict"_s}, {u"run"_s, run.toJson()}}) << '\n';
    } else {
        io.out << "\nVerdict: " << toString(run.phase);
        if (!run.message.isEmpty())
            io.out << ": " << run.message;
        io.out << '\n';
        if (run.phase == AnalysisPhase::Successful && !freight.isEmpty())
            io.out << "Freight " << freightNames.join(u", "_s) << " is now verified in "
                   << stageName << ".\n";
    }
    io.out.flush();
    if (signal == SIGINT)
        return Interrupted;
    if (signal != 0)
        return 128 + signal;
    return run.phase == AnalysisPhase::Successful ? Success : Failure;
}

} // namespace Stevedore::Cli
