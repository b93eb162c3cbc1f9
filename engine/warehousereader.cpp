#include "engine/re2syntax.h"
#include "engine/resourcereaders_p.h"
#include "engine/semver.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <vector>

namespace Stevedore {

namespace {

const QStringList commitStrategies{QStringLiteral("NewestFromBranch"), QStringLiteral("SemVer"),
                                   QStringLiteral("Lexical"), QStringLiteral("NewestTag")};
const QStringList imageStrategies{QStringLiteral("SemVer"), QStringLiteral("Lexical"),
                                  QStringLiteral("Digest"), QStringLiteral("NewestBuild")};

template<typename Enum>
Enum enumAt(const QStringList &names, const QString &name, Enum fallback)
{
    const qsizetype index = names.indexOf(name);
    return index < 0 ? fallback : Enum(index);
}

void checkConstraint(MapReader &reader, const char *key, const QString &constraint)
{
    QString error;
    if (!constraint.isEmpty() && !SemverConstraint::parse(constraint, &error))
        reader.error(reader.value(key),
                     QStringLiteral("invalid semver constraint \"%1\": %2").arg(constraint, error));
}

bool isGitURL(const QString &url)
{
    static const QRegularExpression scp(QStringLiteral("^[\\w.-]+@[\\w.-]+:.+$"));
    if (scp.match(url).hasMatch())
        return true;
    const QUrl parsed(url, QUrl::StrictMode);
    static const QStringList schemes{QStringLiteral("http"), QStringLiteral("https"),
                                     QStringLiteral("ssh"), QStringLiteral("git"),
                                     QStringLiteral("file")};
    if (!parsed.isValid() || !schemes.contains(parsed.scheme()))
        return false;
    return parsed.scheme() == u"file" ? !parsed.path().isEmpty() : !parsed.host().isEmpty();
}

bool isImageRepository(const QString &url)
{
    // Kargo's CRD pattern: an optional registry host (with port), then path components; no tag.
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\w+([\\.-]\\w+)*(:[\\d]+)?/)?(\\w+([\\.-]\\w+)*)(/\\w+([\\.-]\\w+)*)*$"));
    return pattern.match(url).hasMatch();
}

void readPathFilters(MapReader &reader, const char *key, QStringList &into)
{
    const auto paths = reader.stringList(key);
    if (!paths)
        return;
    const YAML::Node list = reader.value(key);
    int index = 0;
    for (auto it = list.begin(); it != list.end(); ++it, ++index) {
        const QString filter = paths->value(index);
        for (const QLatin1String prefix : {QLatin1String("regex:"), QLatin1String("regexp:")}) {
            if (!filter.startsWith(prefix))
                continue;
            const QString pattern = filter.mid(prefix.size());
            QString re2Error;
            if (checkRe2Syntax(pattern, &re2Error))
                continue;
            const QRegularExpression re(pattern);
            reader.error(*it, QStringLiteral("invalid regular expression in path filter: %1")
                                  .arg(re.isValid() ? re2Error : re.errorString()));
        }
        if (filter.startsWith(u"glob:") && filter.size() == 5)
            reader.error(*it, QStringLiteral("empty glob pattern in path filter"));
    }
    into = *paths;
}

void readGit(MapReader &r, Subscription &subscription)
{
    GitSubscription &git = subscription.git;
    if (const auto url = r.string("repoURL", MapReader::Required)) {
        git.repoURL = *url;
        if (!isGitURL(*url))
            r.error(r.value("repoURL"),
                    QStringLiteral("\"%1\" is not a git URL; use https://, ssh://, git://, "
                                   "file:// or user@host:path")
                        .arg(*url));
        else if (url->startsWith(u"file://") || url->startsWith(u"git://"))
            r.context().report(Problem::Severity::Note, r.value("repoURL").Mark(),
                               QStringLiteral("Kargo itself only accepts https://, ssh:// and "
                                              "user@host:path git URLs; this one works in "
                                              "Stevedore only"));
    }
    if (const auto strategy = r.enumeration("commitSelectionStrategy", commitStrategies))
        git.commitSelectionStrategy =
            enumAt(commitStrategies, *strategy, CommitSelectionStrategy::NewestFromBranch);
    if (const auto branch = r.string("branch")) {
        static const QRegularExpression pattern(
            QStringLiteral("^[a-zA-Z0-9]([a-zA-Z0-9._\\/-]*[a-zA-Z0-9_-])?$"));
        if (!branch->isEmpty() && (branch->size() > 255 || !pattern.match(*branch).hasMatch()))
            r.error(r.value("branch"),
                    QStringLiteral("\"%1\" is not a valid branch name").arg(*branch));
        git.branch = *branch;
    }
    git.semverConstraint = r.string("semverConstraint").value_or(QString());
    checkConstraint(r, "semverConstraint", git.semverConstraint);
    git.allowTagsRegexes = r.regexList("allowTagsRegexes").value_or(QStringList());
    git.ignoreTagsRegexes = r.regexList("ignoreTagsRegexes").value_or(QStringList());
    r.removed("allowTags", QStringLiteral("write the pattern as a list under "
                                          "\"allowTagsRegexes\""));
    r.removed("ignoreTags", QStringLiteral("write the patterns as a list under "
                                           "\"ignoreTagsRegexes\""));
    readPathFilters(r, "includePaths", git.includePaths);
    readPathFilters(r, "excludePaths", git.excludePaths);
    git.expressionFilter = r.string("expressionFilter").value_or(QString());
    git.discoveryLimit = int(r.integer("discoveryLimit", 1, 100).value_or(20));
    git.strictSemvers = r.boolean("strictSemvers").value_or(true);
    git.insecureSkipTLSVerify = r.boolean("insecureSkipTLSVerify").value_or(false);
    if (const auto since = r.string("since")) {
        // RFC 3339 needs the date, the time and the offset from UTC; ISO 8601 makes the last
        // two optional.
        static const QRegularExpression rfc3339(QStringLiteral(
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"));
        git.since = QDateTime::fromString(*since, Qt::ISODateWithMs);
        if (!git.since.isValid() || !rfc3339.match(*since).hasMatch())
            r.error(r.value("since"), QStringLiteral("\"%1\" is not an RFC 3339 time such as "
                                                     "2025-01-31T12:00:00Z")
                                          .arg(*since));
        else if (git.commitSelectionStrategy != CommitSelectionStrategy::NewestFromBranch)
            r.error(r.key("since"), QStringLiteral("\"since\" only applies to the "
                                                   "NewestFromBranch strategy"));
    }
}

void readImage(MapReader &r, Subscription &subscription)
{
    ImageSubscription &image = subscription.image;
    if (const auto url = r.string("repoURL", MapReader::Required)) {
        image.repoURL = *url;
        if (!isImageRepository(*url))
            r.error(r.value("repoURL"),
                    QStringLiteral("\"%1\" is not an image repository; write it without a tag or "
                                   "digest, like ghcr.io/org/app")
                        .arg(*url));
    }
    if (const auto strategy = r.enumeration("imageSelectionStrategy", imageStrategies))
        image.imageSelectionStrategy =
            enumAt(imageStrategies, *strategy, ImageSelectionStrategy::SemVer);
    image.constraint = r.string("constraint").value_or(QString());
    if (image.imageSelectionStrategy == ImageSelectionStrategy::SemVer)
        checkConstraint(r, "constraint", image.constraint);
    if (image.imageSelectionStrategy == ImageSelectionStrategy::Digest &&
        image.constraint.isEmpty())
        r.error(r.has("constraint") ? r.key("constraint") : r.yaml(),
                QStringLiteral("the Digest strategy needs \"constraint\": the mutable tag to "
                               "follow, such as latest"));
    image.allowTagsRegexes = r.regexList("allowTagsRegexes").value_or(QStringList());
    image.ignoreTagsRegexes = r.regexList("ignoreTagsRegexes").value_or(QStringList());
    r.removed("allowTags", QStringLiteral("write the pattern as a list under "
                                          "\"allowTagsRegexes\""));
    r.removed("ignoreTags", QStringLiteral("write the patterns as a list under "
                                           "\"ignoreTagsRegexes\""));
    r.removed("semverConstraint", QStringLiteral("image subscriptions take the range in "
                                                 "\"constraint\""));
    image.expressionFilter = r.string("expressionFilter").value_or(QString());
    if (const auto platform = r.string("platform")) {
        static const QRegularExpression pattern(QStringLiteral("^(\\w+)/(\\w+)(/\\w+)?$"));
        if (!platform->isEmpty() && !pattern.match(*platform).hasMatch())
            r.error(r.value("platform"),
                    QStringLiteral("\"%1\" is not a platform; write os/arch, such as linux/amd64")
                        .arg(*platform));
        image.platform = *platform;
    }
    image.discoveryLimit = int(r.integer("discoveryLimit", 1, 100).value_or(20));
    image.strictSemvers = r.boolean("strictSemvers").value_or(true);
    image.cacheByTag = r.boolean("cacheByTag").value_or(false);
    image.insecureSkipTLSVerify = r.boolean("insecureSkipTLSVerify").value_or(false);
    r.deprecated("gitRepoURL", QStringLiteral("Kargo ignores it; link the source with a git "
                                              "subscription instead"));
}

void readChart(MapReader &r, Subscription &subscription)
{
    ChartSubscription &chart = subscription.chart;
    const auto url = r.string("repoURL", MapReader::Required);
    chart.name = r.string("name").value_or(QString());
    if (url) {
        chart.repoURL = *url;
        const bool oci = url->startsWith(u"oci://");
        const bool http = url->startsWith(u"http://") || url->startsWith(u"https://");
        if (!oci && !http)
            r.error(r.value("repoURL"),
                    QStringLiteral("\"%1\" is not a chart repository; use an http(s):// "
                                   "repository or an oci:// registry")
                        .arg(*url));
        else if (http && chart.name.isEmpty())
            r.error(r.has("name") ? r.key("name") : r.yaml(),
                    QStringLiteral("a chart from an http(s) repository needs \"name\""));
        else if (oci && !chart.name.isEmpty())
            r.error(r.value("name"),
                    QStringLiteral("an oci:// chart is named by its repoURL; leave \"name\" "
                                   "empty"));
    }
    chart.semverConstraint = r.string("semverConstraint").value_or(QString());
    checkConstraint(r, "semverConstraint", chart.semverConstraint);
    chart.discoveryLimit = int(r.integer("discoveryLimit", 1, 100).value_or(20));
}

} // namespace

void readWarehouseSpec(MapReader &spec, Warehouse &warehouse)
{
    if (const auto interval = spec.duration("interval"))
        warehouse.intervalMs = *interval;
    if (const auto policy = spec.enumeration(
            "freightCreationPolicy", {QStringLiteral("Automatic"), QStringLiteral("Manual")}))
        warehouse.freightCreationPolicy =
            *policy == u"Manual" ? FreightCreationPolicy::Manual : FreightCreationPolicy::Automatic;
    spec.accept({"shard", "freightCreationCriteria"});
    QSet<QString> names;
    spec.forEach(
        "subscriptions",
        [&](const YAML::Node &node, int) {
            MapReader entry(node, spec.context(), QStringLiteral("subscription"));
            if (!entry.isMap()) {
                entry.error(node, QStringLiteral("a subscription must be a mapping with one of "
                                                 "git, image or chart"));
                return;
            }
            Subscription subscription;
            subscription.location = spec.context().location(node);
            // In the order written, so that a second kind is the one reported.
            std::vector<const char *> written;
            for (auto it = node.begin(); it != node.end(); ++it) {
                for (const char *kind : {"git", "image", "chart"}) {
                    if (it->first.Scalar() == kind &&
                        std::find(written.begin(), written.end(), kind) == written.end())
                        written.push_back(kind);
                }
            }
            entry.accept({"git", "image", "chart"});
            int kinds = 0;
            for (const char *kind : written) {
                const YAML::Node body = entry.value(kind);
                if (++kinds > 1) {
                    entry.error(entry.key(kind),
                                QStringLiteral("a subscription has exactly one of git, image or "
                                               "chart"));
                    break;
                }
                const QString kindName = QString::fromUtf8(kind);
                MapReader reader(body, spec.context(), kindName + QStringLiteral(" subscription"));
                if (!reader.isMap()) {
                    reader.error(body.IsNull() ? entry.key(kind) : body,
                                 QStringLiteral("\"%1\" must be a mapping").arg(kindName));
                    continue;
                }
                // A chart's `name` is the chart's; git and image subscriptions may be named.
                if (kindName != u"chart")
                    subscription.name = reader.string("name").value_or(QString());
                if (kindName == u"git") {
                    subscription.kind = Subscription::Kind::Git;
                    readGit(reader, subscription);
                } else if (kindName == u"image") {
                    subscription.kind = Subscription::Kind::Image;
                    readImage(reader, subscription);
                } else {
                    subscription.kind = Subscription::Kind::Chart;
                    readChart(reader, subscription);
                }
                reader.finish();
                if (!subscription.name.isEmpty()) {
                    if (names.contains(subscription.name))
                        reader.error(reader.value("name"),
                                     QStringLiteral("another subscription of this warehouse is "
                                                    "already named \"%1\"")
                                         .arg(subscription.name));
                    names.insert(subscription.name);
                }
            }
            if (kinds == 0) {
                entry.error(node, QStringLiteral("a subscription needs one of git, image or "
                                                 "chart"));
                return;
            }
            entry.finish();
            warehouse.subscriptions.append(subscription);
        },
        MapReader::Required);
}

} // namespace Stevedore
