#include "app/cli/discovercommands.h"

#include "app/cli/cliutil.h"
#include "engine/discoveryscheduler.h"
#include "engine/manifestloader.h"
#include "engine/statepaths.h"
#include "engine/store.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>

namespace Stevedore::Cli {

namespace {

void printFreight(const Freight &freight, QTextStream &out)
{
    out << freight.alias << "  " << freight.id << "  " << freight.origin.name << "  "
        << freight.discoveredAt.toUTC().toString(Qt::ISODate) << '\n';
    for (const FreightCommit &commit : freight.commits) {
        out << "    commit " << commit.repoURL << ' ' << commit.id.left(12);
        if (!commit.tag.isEmpty())
            out << " (" << commit.tag << ')';
        else if (!commit.branch.isEmpty())
            out << " (" << commit.branch << ')';
        if (!commit.message.isEmpty())
            out << "  " << commit.message;
        out << '\n';
    }
    for (const FreightImage &image : freight.images)
        out << "    image " << image.repoURL << ':' << image.tag << '@' << image.digest << '\n';
    for (const FreightChart &chart : freight.charts)
        out << "    chart " << chart.repoURL << ' ' << chart.name << ' ' << chart.version << '\n';
}

void printJson(const QList<Freight> &list, QTextStream &out)
{
    QJsonArray array;
    for (const Freight &freight : list)
        array.append(freight.toJson());
    out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

/// Loads the pipeline and opens its store; reports on stderr and returns false on failure.
bool openPipeline(const QString &path, Streams io, Pipeline *pipeline,
                  std::unique_ptr<Store> *store, int *exitCode)
{
    // Discovery only needs the warehouses: a mistake elsewhere (a stage, a task) is reported
    // but does not stop it, as the GUI keeps polling a pipeline with errors.
    *pipeline = ManifestLoader::load(path);
    for (const Problem &problem : std::as_const(pipeline->problems)) {
        if (problem.severity == Problem::Severity::Error)
            io.err << problem.toString() << '\n';
    }
    *store = openStore(path, io, exitCode);
    return *store != nullptr;
}

} // namespace

int discover(const CommandLine &line, Streams io)
{
    int exitCode = Success;
    if (!checkOptions(line, {QStringLiteral("warehouse"), QStringLiteral("json")}, io, &exitCode))
        return exitCode;
    // An empty name (say, an unset shell variable) must not quietly mean every warehouse.
    if (line.has(QStringLiteral("warehouse")) && line.value(QStringLiteral("warehouse")).isEmpty())
        return usage(io, QStringLiteral("discover: option --warehouse needs a value"));
    if (line.positional.size() != 1)
        return usage(io, line.positional.isEmpty() ? QStringLiteral("discover: missing PATH")
                                                   : QStringLiteral("discover: takes one PATH"));
    if (!checkPaths(line.positional, io, &exitCode))
        return exitCode;
    // A usage error, found before the store is opened (and created).
    DiscoveryScheduler::Settings settings = DiscoveryScheduler::Settings::fromUserSettings();
    settings.pollOnTimer = false;
    for (const QString &mirror : line.mirrors) {
        if (!settings.addMirror(mirror))
            return usage(io, QStringLiteral("--mirror \"%1\": write HOST=URL, e.g. "
                                            "ghcr.io=http://127.0.0.1:5000")
                                 .arg(mirror));
    }
    Pipeline pipeline;
    std::unique_ptr<Store> store;
    if (!openPipeline(line.positional.first(), io, &pipeline, &store, &exitCode))
        return exitCode;

    QStringList warehouses;
    const QString only = line.value(QStringLiteral("warehouse"));
    for (const Warehouse &warehouse : std::as_const(pipeline.warehouses)) {
        if (only.isEmpty() || warehouse.name == only)
            warehouses.append(warehouse.name);
    }
    if (warehouses.isEmpty())
        return usage(io, QStringLiteral("discover: no warehouse \"%1\" in %2")
                             .arg(only, line.positional.first()));

    DiscoveryScheduler scheduler(store.get(), StatePaths::cacheDir(), settings);
    scheduler.setPipeline(pipeline);
    QEventLoop loop;
    int remaining = int(warehouses.size());
    bool failed = false;
    QObject::connect(&scheduler, &DiscoveryScheduler::pollFinished, &loop,
                     [&](const QString &warehouse, const QStringList &errors) {
                         for (const QString &error : errors)
                             io.err << warehouse << '/' << error << '\n';
                         io.err.flush();
                         failed = failed || !errors.isEmpty();
                         if (--remaining == 0)
                             loop.quit();
                     });
    for (const QString &warehouse : std::as_const(warehouses))
        scheduler.refresh(warehouse);
    if (remaining > 0)
        loop.exec();

    // Per warehouse, the freight of its newest selection: new or already stored.
    QList<Freight> newest;
    for (const QString &warehouse : std::as_const(warehouses)) {
        if (const auto found = store->findFreight(scheduler.latestFreight(warehouse)))
            newest.append(*found);
    }
    if (line.has(QStringLiteral("json"))) {
        printJson(newest, io.out);
    } else {
        for (const Freight &freight : std::as_const(newest))
            printFreight(freight, io.out);
    }
    return failed ? Failure : Success;
}

int freight(const CommandLine &line, Streams io)
{
    int exitCode = Success;
    if (!checkOptions(line, {QStringLiteral("json")}, io, &exitCode))
        return exitCode;
    if (line.positional.size() != 1)
        return usage(io, line.positional.isEmpty() ? QStringLiteral("freight: missing PATH")
                                                   : QStringLiteral("freight: takes one PATH"));
    if (!checkPaths(line.positional, io, &exitCode))
        return exitCode;
    const std::unique_ptr<Store> store = openStore(line.positional.first(), io, &exitCode);
    if (!store)
        return exitCode;
    const QList<Freight> list = store->freight();
    if (line.has(QStringLiteral("json"))) {
        printJson(list, io.out);
    } else {
        for (const Freight &f : list)
            printFreight(f, io.out);
    }
    return Success;
}

} // namespace Stevedore::Cli
