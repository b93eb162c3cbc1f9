#pragma once

#include "engine/artifactdiscovery.h"
#include "engine/freight.h"
#include "engine/gitdiscovery.h"
#include "engine/pipeline.h"
#include "engine/promotion.h"
#include "engine/verification.h"
#include "engine/warehousestatus.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace Stevedore {

/// The local state of one pipeline: a SQLite database (WAL mode) under the state folder,
/// named after the pipeline's canonical path. Its schema is versioned and migrated forward on
/// open; a store written by a newer Stevedore is refused, never rewritten.
///
/// A Store belongs to the thread that opened it (a Qt SQL rule): the engine thread in the GUI,
/// the main thread in stevedorectl.
class Store
{
public:
    static constexpr int SchemaVersion = 5;

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    /// Opens, creating if needed, the store for the pipeline at @p pipelinePath (a folder or a
    /// file). Returns null and sets @p error when it cannot be opened or is too new.
    static std::unique_ptr<Store> open(const QString &pipelinePath, QString *error);
    /// The database file for a canonical pipeline path.
    static QString fileFor(const QString &canonicalPipelinePath);

    QString filePath() const { return m_filePath; }
    QString pipelinePath() const { return m_pipelinePath; }
    int schemaVersion() const;
    QSqlDatabase database() const;

    /// Records that the pipeline was loaded, with what it held; returns false on a write error.
    bool recordLoad(const Pipeline &pipeline, QString *error = nullptr);
    int loadCount() const;
    QString metaValue(const QString &key) const;

    // Discovery (storediscovery.cpp).

    /// How a subscription is known in the store: its name, or its kind and URL.
    static QString subscriptionKey(const Subscription &subscription);
    std::optional<GitWalkState> walkState(const QString &warehouse, const QString &key) const;
    /// Keeps a subscription's latest selection, and every commit in it that is new.
    bool saveDiscovery(const QString &warehouse, const QString &key, const QString &repoURL,
                       const GitWalkState &state, QString *error = nullptr);
    /// Keeps what an image or chart subscription selected.
    bool saveArtifacts(const QString &warehouse, const QString &key, const QString &repoURL,
                       const QList<DiscoveredImage> &images, const QList<DiscoveredChart> &charts,
                       QString *error = nullptr);
    /// The commits ever discovered for a subscription, newest first (Manual warehouses assemble
    /// freight from these).
    QList<DiscoveredCommit> discoveredCommits(const QString &warehouse, const QString &key) const;
    /// The images ever selected for a subscription: the latest poll's first, each poll's in
    /// the order it selected them (best first).
    QList<DiscoveredImage> discoveredImages(const QString &warehouse, const QString &key) const;
    /// The chart versions ever selected for a subscription, in the same order as images.
    QList<DiscoveredChart> discoveredCharts(const QString &warehouse, const QString &key) const;
    bool addFreight(const Freight &freight, QString *error = nullptr);
    /// Freight, newest first; of one warehouse, or all.
    QList<Freight> freight(const QString &warehouse = {}) const;
    /// By id, or by alias.
    std::optional<Freight> findFreight(const QString &idOrAlias) const;
    QSet<QString> freightAliases() const;
    bool saveWarehouseStatus(const WarehouseStatus &status);
    QList<WarehouseStatus> warehouseStatuses() const;

    // Promotions and what stages have (storepromotion.cpp).

    bool savePromotion(const PromotionRecord &promotion, QString *error = nullptr);
    /// Keeps one step's result (insert or replace) and the promotion's current step.
    bool saveStep(const QString &promotionId, int index, const StepResult &step,
                  QString *error = nullptr);
    std::optional<PromotionRecord> promotion(const QString &id) const;
    /// A stage's promotions, newest first (all stages when @p stage is empty).
    QList<PromotionRecord> promotions(const QString &stage = {}, int limit = 100) const;
    /// Marks every Running or Pending promotion whose process is gone as Errored, naming the
    /// step it died in; returns the ids it marked.
    QStringList markInterruptedPromotions(QString *error = nullptr);

    /// Records that @p stage now has @p freight (from its origin), by @p promotionId.
    bool setStageFreight(const QString &stage, const Freight &freight, const QString &promotionId,
                         const QDateTime &since, QString *error = nullptr);
    /// What @p stage has now: one freight per origin, by the last promotion of each origin.
    QList<StageFreight> currentFreight(const QString &stage) const;
    /// Everything @p stage has had, newest first.
    QList<StageFreight> stageHistory(const QString &stage) const;

    bool markVerified(const QString &freightId, const QString &stage, const QDateTime &when,
                      const QString &source, QString *error = nullptr);
    /// Stage -> when the freight was verified there.
    QHash<QString, QDateTime> verifiedIn(const QString &freightId) const;
    bool approve(const QString &freightId, const QString &stage, QString *error = nullptr);
    QSet<QString> approvedFor(const QString &freightId) const;

    /// Freight id -> the stages it is verified in (sorted), for every freight.
    QHash<QString, QStringList> allVerified() const;
    /// Freight id -> the stages it is approved for (sorted), for every freight.
    QHash<QString, QStringList> allApproved() const;
    /// `set-metadata` values on a Stage or a Freight, as JSON-compatible variants.
    bool setMetadata(const QString &kind, const QString &name, const QVariantMap &values,
                     QString *error = nullptr);
    QVariantMap metadata(const QString &kind, const QString &name) const;
    /// Every name with metadata of @p kind.
    QHash<QString, QVariantMap> allMetadata(const QString &kind) const;

    // Verification runs and their measurements (storeverification.cpp).

    /// Keeps a run and its metrics (definitions, counters, phases), insert or replace;
    /// measurements are added one at a time with addVerificationMeasurement().
    bool saveVerificationRun(const VerificationRun &run, QString *error = nullptr);
    bool addVerificationMeasurement(const QString &runId, int metricIndex, int sequence,
                                    const Measurement &measurement, QString *error = nullptr);
    /// A run with every measurement.
    std::optional<VerificationRun> verificationRun(const QString &id) const;
    /// A stage's runs, newest first, with their metrics but without measurements (all stages
    /// when @p stage is empty).
    QList<VerificationRun> verificationRuns(const QString &stage = {}, int limit = 50) const;
    /// Marks every Pending or Running run whose process is gone as Aborted; returns their ids.
    QStringList markInterruptedVerifications(QString *error = nullptr);

private:
    Store(QString connectionName, QString filePath, QString pipelinePath);
    /// The schema version, or -1 (with @p error set) when this is not a store or too new.
    int readableVersion(QString *error) const;
    bool migrate(QString *error);

    QString m_connectionName;
    QString m_filePath;
    QString m_pipelinePath;
};

} // namespace Stevedore
