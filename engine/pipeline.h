#pragma once

#include "engine/problem.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace Stevedore {

enum class CommitSelectionStrategy
{
    NewestFromBranch,
    SemVer,
    Lexical,
    NewestTag
};
enum class ImageSelectionStrategy
{
    SemVer,
    Lexical,
    Digest,
    NewestBuild
};
enum class FreightCreationPolicy
{
    Automatic,
    Manual
};
enum class AvailabilityStrategy
{
    OneOf,
    All
};
enum class AutoPromotionSelectionPolicy
{
    NewestFreight,
    MatchUpstream
};

/// A Warehouse subscription to a git repository.
struct GitSubscription
{
    QString repoURL;
    CommitSelectionStrategy commitSelectionStrategy = CommitSelectionStrategy::NewestFromBranch;
    QString branch;
    QString semverConstraint;
    QStringList allowTagsRegexes;
    QStringList ignoreTagsRegexes;
    QStringList includePaths;
    QStringList excludePaths;
    QString expressionFilter;
    QDateTime since;
    int discoveryLimit = 20;
    bool strictSemvers = true;
    bool insecureSkipTLSVerify = false;
};

/// A Warehouse subscription to a container image repository.
struct ImageSubscription
{
    QString repoURL;
    ImageSelectionStrategy imageSelectionStrategy = ImageSelectionStrategy::SemVer;
    QString constraint;
    QStringList allowTagsRegexes;
    QStringList ignoreTagsRegexes;
    QString expressionFilter;
    QString platform;
    int discoveryLimit = 20;
    bool strictSemvers = true;
    bool cacheByTag = false;
    bool insecureSkipTLSVerify = false;
};

/// A Warehouse subscription to a Helm chart, in a classic repository or an OCI registry.
struct ChartSubscription
{
    QString repoURL;
    QString name;
    QString semverConstraint;
    int discoveryLimit = 20;
};

/// One entry of a Warehouse's `subscriptions`: exactly one of git, image or chart.
struct Subscription
{
    enum class Kind
    {
        Git,
        Image,
        Chart
    };

    Kind kind = Kind::Git;
    QString name; ///< the optional subscription name
    GitSubscription git;
    ImageSubscription image;
    ChartSubscription chart;
    SourceLocation location;

    QString repoURL() const;
    QString kindName() const;
    /// `git`, `image` or `chart`.
    static QString kindName(Kind kind);
};

/// A source of artifacts that bundles what it discovers into freight.
struct Warehouse
{
    QString name;
    QString namespaceName;
    qint64 intervalMs = 5 * 60 * 1000;
    FreightCreationPolicy freightCreationPolicy = FreightCreationPolicy::Automatic;
    QList<Subscription> subscriptions;
    SourceLocation location; ///< where metadata.name is
};

struct FreightOrigin
{
    QString kind = QStringLiteral("Warehouse");
    QString name;
    friend bool operator==(const FreightOrigin &, const FreightOrigin &) = default;
};

/// What freight a Stage asks for and where it may come from.
struct RequestedFreight
{
    FreightOrigin origin;
    bool direct = false;
    QStringList upstreamStages;
    QList<SourceLocation> upstreamLocations; ///< one per upstream stage
    qint64 requiredSoakTimeMs = 0;
    AvailabilityStrategy availabilityStrategy = AvailabilityStrategy::OneOf;
    AutoPromotionSelectionPolicy selectionPolicy = AutoPromotionSelectionPolicy::NewestFreight;
    SourceLocation location;
};

/// A `name`/`value` pair as promotion templates, tasks and analysis arguments use them.
struct NamedValue
{
    QString name;
    QString value;
    bool hasValue = false;
    /// An AnalysisTemplate argument's `valueFrom.secretKeyRef`: the secret and the key in it.
    QString secretName;
    QString secretKey;
    /// Any other `valueFrom` (`fieldRef`, `podTemplateHashValue`): what it names, which only a
    /// cluster can resolve.
    QString valueFromOther;
};

/// One promotion step: a `uses:` step or a `task:` reference.
struct PromotionStep
{
    QString uses;      ///< empty for a task reference
    QString taskName;  ///< set for a task reference
    QString taskKind;  ///< PromotionTask or ClusterPromotionTask
    QString alias;     ///< `as`
    QString condition; ///< `if`
    bool continueOnError = false;
    std::optional<int> retryErrorThreshold;
    qint64 retryTimeoutMs = 0;
    QList<NamedValue> vars;
    QVariantMap config;
    SourceLocation location;

    bool isTask() const { return !taskName.isEmpty(); }
};

struct PromotionTemplate
{
    QList<NamedValue> vars;
    QList<PromotionStep> steps;
};

struct AnalysisTemplateReference
{
    QString name;
    QString kind = QStringLiteral("AnalysisTemplate");
    SourceLocation location;
};

struct Verification
{
    QList<AnalysisTemplateReference> analysisTemplates;
    QList<NamedValue> args;

    bool isEmpty() const { return analysisTemplates.isEmpty(); }
};

/// A promotion target: where freight goes, how it gets there, and how it is verified.
struct Stage
{
    QString name;
    QString namespaceName;
    QString color; ///< the `kargo.akuity.io/color` annotation, empty when unset
    QString shard;
    QList<RequestedFreight> requestedFreight;
    PromotionTemplate promotionTemplate;
    Verification verification;
    SourceLocation location;

    /// A stage without promotion steps only passes freight on (Kargo's control-flow stage).
    bool isControlFlow() const { return promotionTemplate.steps.isEmpty(); }
};

/// A reusable list of promotion steps (PromotionTask or ClusterPromotionTask).
struct PromotionTask
{
    QString name;
    QString kind = QStringLiteral("PromotionTask");
    QList<NamedValue> vars;
    QList<PromotionStep> steps;
    SourceLocation location;
};

struct AnalysisMetric
{
    QString name;
    QString interval;
    QString initialDelay;
    QString count;
    QString successCondition;
    QString failureCondition;
    QString failureLimit;
    QString inconclusiveLimit;
    QString consecutiveErrorLimit;
    QString consecutiveSuccessLimit;
    QString providerName; ///< e.g. `prometheus`, `job`, `web`
    QVariantMap provider; ///< the chosen provider's configuration
    SourceLocation location;
};

/// An Argo Rollouts AnalysisTemplate or ClusterAnalysisTemplate used for verification.
struct AnalysisTemplate
{
    QString name;
    QString kind = QStringLiteral("AnalysisTemplate");
    QList<NamedValue> args;
    QList<AnalysisMetric> metrics;
    SourceLocation location;
};

/// A whole pipeline as loaded from manifests: every resource, every problem found, and the
/// text of every file read, so that views can show sources without touching the disk.
struct Pipeline
{
    QString rootPath;    ///< canonical path of the folder or file that was opened
    QString displayPath; ///< the path as the user gave it
    QString projectName;
    QList<Warehouse> warehouses;
    QList<Stage> stages;
    QList<PromotionTask> tasks;
    QList<AnalysisTemplate> analysisTemplates;
    Problems problems;
    QHash<QString, QString> sources; ///< display file path -> file text
    int resourceCount = 0;           ///< Kargo and Argo Rollouts resources loaded

    const Warehouse *warehouse(const QString &name) const;
    const Stage *stage(const QString &name) const;
    const PromotionTask *task(const QString &name, const QString &kind = {}) const;
    const AnalysisTemplate *analysisTemplate(const QString &name, const QString &kind = {}) const;
    bool hasErrors() const;
    /// Stages that list @p stage as an upstream source.
    QStringList downstreamStages(const QString &stage) const;
};

QString toString(CommitSelectionStrategy strategy);
QString toString(ImageSelectionStrategy strategy);
QString toString(FreightCreationPolicy policy);
QString toString(AvailabilityStrategy strategy);

} // namespace Stevedore

Q_DECLARE_METATYPE(Stevedore::Pipeline)
