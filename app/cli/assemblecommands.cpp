#include "app/cli/assemblecommands.h"

#include "app/cli/cliutil.h"
#include "app/cli/promotecommands.h"
#include "engine/freightassembler.h"
#include "engine/freightcomparison.h"
#include "engine/manifestloader.h"
#include "engine/statepaths.h"
#include "engine/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Stevedore::Cli {

namespace {

QString date(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
}

void printCandidates(const QList<SubscriptionCandidates> &list, QTextStream &out)
{
    for (const SubscriptionCandidates &candidates : list) {
        out << Subscription::kindName(candidates.kind) << ' ' << candidates.label();
        if (!candidates.name.isEmpty())
            out << " (" << candidates.repoURL << ')';
        out << '\n';
        if (candidates.isEmpty())
            out << "    nothing discovered yet\n";
        for (const DiscoveredCommit &commit : candidates.commits) {
            out << "    " << commit.id.left(12) << "  " << date(commit.committedAt);
            if (!commit.tag.isEmpty())
                out << "  " << commit.tag;
            out << "  " << commit.subject << '\n';
        }
        for (const DiscoveredImage &image : candidates.images) {
            out << "    " << image.tag << "  " << image.digest;
            if (image.createdAt.isValid())
                out << "  " << date(image.createdAt);
            out << '\n';
        }
        for (const DiscoveredChart &chart : candidates.charts)
            out << "    " << chart.version << '\n';
    }
}

QJsonArray candidatesJson(const QList<SubscriptionCandidates> &list)
{
    QJsonArray array;
    for (const SubscriptionCandidates &candidates : list) {
        QJsonArray items;
        for (const DiscoveredCommit &commit : candidates.commits)
            items.append(QJsonObject{{u"id"_s, commit.id},
                                     {u"tag"_s, commit.tag},
                                     {u"branch"_s, commit.branch},
                                     {u"subject"_s, commit.subject},
                                     {u"author"_s, commit.author},
                                     {u"committedAt"_s, date(commit.committedAt)}});
        for (const DiscoveredImage &image : candidates.images)
            items.append(QJsonObject{{u"tag"_s, image.tag},
                                     {u"digest"_s, image.digest},
                                     {u"createdAt"_s, date(image.createdAt)}});
        for (const DiscoveredChart &chart : candidates.charts)
            items.append(QJsonObject{{u"name"_s, chart.name}, {u"version"_s, chart.version}});
        QJsonObject object{{u"kind"_s, Subscription::kindName(candidates.kind)},
                           {u"repoURL"_s, candidates.repoURL},
                           {u"candidates"_s, items}};
        if (!candidates.name.isEmpty())
            object.insert(u"name"_s, candidates.name);
        array.append(object);
    }
    return array;
}

/// `[SUBSCRIPTION=]VALUE`: split at the last `=`, which neither commit ids, tags, digests nor
/// versions contain.
AssemblyPick pick(Subscription::Kind kind, const QString &argument)
{
    AssemblyPick result;
    result.kind = kind;
    const qsizetype eq = argument.lastIndexOf(u'=');
    if (eq >= 0) {
        result.subscription = argument.left(eq);
        result.value = argument.mid(eq + 1);
    } else {
        result.value = argument;
    }
    return result;
}

void printFreightLine(const Freight &freight, QTextStream &out)
{
    out << freight.alias << "  " << freight.id << "  " << freight.origin.name << '\n';
    for (const FreightCommit &commit : freight.commits) {
        out << "    commit " << commit.repoURL << ' ' << commit.id.left(12);
        if (!commit.tag.isEmpty())
            out << " (" << commit.tag << ')';
        if (!commit.message.isEmpty())
            out << "  " << commit.message;
        out << '\n';
    }
    for (const FreightImage &image : freight.images)
        out << "    image " << image.repoURL << ':' << image.tag << '@' << image.digest << '\n';
    for (const FreightChart &chart : freight.charts)
        out << "    chart " << chart.repoURL << ' ' << chart.name << ' ' << chart.version << '\n';
}

QString changeKind(ArtifactChange::Kind kind)
{
    switch (kind) {
    case ArtifactChange::Kind::Commit:
        return u"commit"_s;
    case ArtifactChange::Kind::Image:
        return u"image"_s;
    case ArtifactChange::Kind::Chart:
        return u"chart"_s;
    }
    return {};
}

void printComparison(const FreightComparison &comparison, QTextStream &out)
{
    out << "Freight " << comparison.from.alias << " -> " << comparison.to.alias << " (warehouse "
        << comparison.to.origin.name << ")\n\n";
    for (const ArtifactChange &change : comparison.artifacts) {
        out << (change.changed() ? "* " : "  ") << changeKind(change.kind).leftJustified(7)
            << change.label() << "\n        " << (change.from.isEmpty() ? u"(none)"_s : change.from)
            << " -> " << (change.to.isEmpty() ? u"(none)"_s : change.to)
            << (change.changed() ? "" : "  (unchanged)") << '\n';
    }
    for (const CommitLog &log : comparison.logs) {
        if (log.state == CommitLog::State::Unchanged)
            continue;
        out << "\nCommits in "
            << (log.subscription.isEmpty() ? log.repoURL
                                           : log.subscription + u" ("_s + log.repoURL + u')')
            << ": " << log.message;
        if (log.state == CommitLog::State::NotCached ||
            log.state == CommitLog::State::MissingCommit) {
            out << '\n';
            continue;
        }
        out << " (" << log.commits.size() << (log.truncated ? "+" : "") << ")\n";
        for (const CommitLogEntry &entry : log.commits)
            out << "    " << entry.id.left(12) << "  " << date(entry.when) << "  " << entry.author
                << "  " << entry.subject << '\n';
    }
}

} // namespace

int assemble(const CommandLine &line, Streams io)
{
    int exitCode = Success;
    if (!checkOptions(line,
                      {u"warehouse"_s, u"commit"_s, u"image"_s, u"chart"_s, u"list"_s, u"json"_s},
                      io, &exitCode))
        return exitCode;
    if (line.positional.size() != 1)
        return usage(io, line.positional.isEmpty() ? u"assemble: missing PATH"_s
                                                   : u"assemble: takes one PATH"_s);
    const QString warehouseName = line.value(u"warehouse"_s);
    if (warehouseName.isEmpty())
        return usage(io, u"assemble: --warehouse NAME is required"_s);
    const bool list = line.has(u"list"_s);
    QList<AssemblyPick> picks;
    for (const QString &value : line.values(u"commit"_s))
        picks.append(pick(Subscription::Kind::Git, value));
    for (const QString &value : line.values(u"image"_s))
        picks.append(pick(Subscription::Kind::Image, value));
    for (const QString &value : line.values(u"chart"_s))
        picks.append(pick(Subscription::Kind::Chart, value));
    if (list && !picks.isEmpty())
        return usage(io, u"assemble: --list takes no --commit, --image or --chart"_s);
    if (!list && picks.isEmpty())
        return usage(io, u"assemble: pick at least one --commit, --image or --chart (or --list)"_s);
    if (!checkPaths(line.positional, io, &exitCode))
        return exitCode;

    const Pipeline pipeline = ManifestLoader::load(line.positional.first());
    const Warehouse *warehouse = pipeline.warehouse(warehouseName);
    if (!warehouse) {
        io.err << "stevedorectl: no warehouse \"" << warehouseName << "\" in "
               << line.positional.first() << '\n';
        return Refused;
    }
    const std::unique_ptr<Store> store = openStore(line.positional.first(), io, &exitCode);
    if (!store)
        return exitCode;
    const bool json = line.has(u"json"_s);

    if (list) {
        const QList<SubscriptionCandidates> candidates =
            FreightAssembler::candidates(*warehouse, *store);
        if (json)
            io.out << QString::fromUtf8(
                QJsonDocument(candidatesJson(candidates)).toJson(QJsonDocument::Indented));
        else
            printCandidates(candidates, io.out);
        return Success;
    }

    const AssemblyResult result =
        FreightAssembler::assemble(pipeline, *store, warehouseName, picks);
    switch (result.outcome) {
    case AssemblyResult::Outcome::Refused:
        io.err << "stevedorectl: " << result.error << '\n';
        return Refused;
    case AssemblyResult::Outcome::Failed:
        io.err << "stevedorectl: " << result.error << '\n';
        return Failure;
    case AssemblyResult::Outcome::Created:
    case AssemblyResult::Outcome::Existing:
        break;
    }
    const bool created = result.outcome == AssemblyResult::Outcome::Created;
    if (json) {
        QJsonObject object = result.freight.toJson();
        object.insert(u"created"_s, created);
        io.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    } else {
        io.out << (created ? "Assembled new freight " : "Already stored as freight ")
               << result.freight.alias << '\n';
        printFreightLine(result.freight, io.out);
    }
    return Success;
}

int compare(const CommandLine &line, Streams io)
{
    int exitCode = Success;
    if (!checkOptions(line, {u"json"_s}, io, &exitCode))
        return exitCode;
    if (line.positional.size() != 3)
        return usage(io, u"compare: takes PATH FREIGHT_A FREIGHT_B"_s);
    if (!checkPaths({line.positional.first()}, io, &exitCode))
        return exitCode;
    const std::unique_ptr<Store> store = openStore(line.positional.first(), io, &exitCode);
    if (!store)
        return exitCode;
    std::optional<Freight> freight[2];
    for (int i = 0; i < 2; ++i) {
        freight[i] = store->findFreight(line.positional.at(i + 1));
        if (!freight[i]) {
            io.err << "stevedorectl: no freight \"" << line.positional.at(i + 1)
                   << "\" in the store\n";
            return Refused;
        }
    }
    const FreightComparison comparison =
        FreightComparison::compare(*freight[0], *freight[1], StatePaths::cacheDir());
    if (!comparison.ok) {
        io.err << "stevedorectl: " << comparison.error << '\n';
        return Refused;
    }
    if (line.has(u"json"_s))
        io.out << QString::fromUtf8(
            QJsonDocument(comparison.toJson()).toJson(QJsonDocument::Indented));
    else
        printComparison(comparison, io.out);
    return Success;
}

} // namespace Stevedore::Cli
