#pragma once

#include "engine/availability.h"
#include "engine/pipeline.h"
#include "engine/promoter.h"
#include "engine/promotion.h"
#include "engine/verification.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace Stevedore {

/// What a stage has, for the graph: its current freight, its last promotion and its last
/// verification.
struct StageState
{
    QString stage;
    QList<Freight> freight; ///< one per origin
    /// When the stage got its newest current freight (invalid without freight).
    QDateTime freightSince;
    /// When that freight was verified in the stage (invalid: not verified there).
    QDateTime verifiedSince;
    std::optional<PromotionRecord> lastPromotion;
    /// The last verification run, with the measurements of its first metric only.
    std::optional<VerificationRun> lastVerification;
};

/// Which stages each freight is verified in and approved for (freight id -> stage names).
struct FreightMarks
{
    QHash<QString, QStringList> verified;
    QHash<QString, QStringList> approved;
};

/// Promotions for the GUI: dry runs, real runs, approvals and availability, each done on a
/// worker thread with its own connection to the pipeline's store, the results delivered as
/// signals on the thread the service lives on. The service never blocks its own thread.
class PromotionService : public QObject
{
    Q_OBJECT

public:
    explicit PromotionService(QObject *parent = nullptr);
    ~PromotionService() override;

    /// The pipeline promotions are for (the engine's latest snapshot of it).
    void setPipeline(const Pipeline &pipeline);
    const Pipeline &pipeline() const { return m_pipeline; }
    /// Checkouts come from the local cache only.
    void setOffline(bool offline) { m_offline = offline; }
    bool isPromoting() const { return m_running.load() > 0; }

public Q_SLOTS:
    /// A dry run: answered by previewReady() with the same @p ticket.
    void preview(int ticket, const QString &stage, const QString &freight);
    /// The real run; progress comes as stepChanged(), the end as promotionFinished().
    void promote(const QString &stage, const QString &freight, bool skipUnrunnable);
    /// Cancels the running promotion (effective until its push starts).
    void cancel();
    /// Where @p freight may go: answered by availabilityChecked().
    void checkAvailability(const QString &freight);
    void approve(const QString &freight, const QString &stage);
    /// What every stage has: answered by stagesChanged() and freightMarksChanged().
    void refreshStages();
    /// A stage's promotions, newest first, with their steps: answered by historyLoaded().
    void loadHistory(const QString &stage);

Q_SIGNALS:
    void previewReady(int ticket, const Stevedore::PromotionPreview &preview);
    void promotionStarted(const QString &stage, const QString &freight);
    void stepChanged(const Stevedore::StepResult &step);
    void promotionFinished(const Stevedore::PromotionOutcome &outcome);
    /// Stage -> verdict.
    void availabilityChecked(const QString &freight,
                             const QHash<QString, Stevedore::AvailabilityVerdict> &verdicts);
    void approved(const QString &freight, const QString &stage, const QString &error);
    void stagesChanged(const QList<Stevedore::StageState> &stages);
    void freightMarksChanged(const Stevedore::FreightMarks &marks);
    void historyLoaded(const QString &stage, const QList<Stevedore::PromotionRecord> &promotions);

private:
    /// Runs @p work on the pool with a store of its own; @p work gets the pipeline and store.
    void runWithStore(std::function<void(const Pipeline &, Store &)> work);

    Pipeline m_pipeline;
    bool m_offline = false;
    QThreadPool m_pool;
    std::atomic<int> m_running{0};
    std::shared_ptr<std::atomic<bool>> m_cancelled;
};

} // namespace Stevedore

Q_DECLARE_METATYPE(Stevedore::PromotionPreview)
Q_DECLARE_METATYPE(Stevedore::StepResult)
Q_DECLARE_METATYPE(Stevedore::PromotionOutcome)
Q_DECLARE_METATYPE(Stevedore::StageState)
Q_DECLARE_METATYPE(Stevedore::FreightMarks)
