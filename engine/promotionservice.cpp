#include "engine/promotionservice.h"

#include "engine/store.h"

namespace Stevedore {

PromotionService::PromotionService(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<PromotionPreview>();
    qRegisterMetaType<StepResult>();
    qRegisterMetaType<PromotionOutcome>();
    qRegisterMetaType<StageState>();
    qRegisterMetaType<FreightMarks>();
    qRegisterMetaType<QList<PromotionRecord>>();
    // Dry runs and availability checks must not wait behind a long promotion.
    m_pool.setMaxThreadCount(3);
}

PromotionService::~PromotionService()
{
    cancel();
    m_pool.waitForDone();
}

void PromotionService::setPipeline(const Pipeline &pipeline)
{
    m_pipeline = pipeline;
}

void PromotionService::runWithStore(std::function<void(const Pipeline &, Store &)> work)
{
    const Pipeline pipeline = m_pipeline;
    if (pipeline.rootPath.isEmpty())
        return;
    m_pool.start([pipeline, work = std::move(work)] {
        QString error;
        // A connection of this worker's own: a Store belongs to the thread that opened it.
        const std::unique_ptr<Store> store = Store::open(pipeline.rootPath, &error);
        if (!store)
            return;
        work(pipeline, *store);
    });
}

void PromotionService::preview(int ticket, const QString &stage, const QString &freight)
{
    const bool offline = m_offline;
    runWithStore([this, ticket, stage, freight, offline](const Pipeline &pipeline, Store &store) {
        PromotionRequest request;
        request.stage = stage;
        request.freight = freight;
        request.offline = offline;
        const PromotionPreview preview = Promoter::dryRun(pipeline, store, request);
        QMetaObject::invokeMethod(
            this, [this, ticket, preview] { Q_EMIT previewReady(ticket, preview); },
            Qt::QueuedConnection);
    });
}

void PromotionService::promote(const QString &stage, const QString &freight, bool skipUnrunnable)
{
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    const auto cancelled = m_cancelled;
    const bool offline = m_offline;
    ++m_running;
    Q_EMIT promotionStarted(stage, freight);
    runWithStore([=, this](const Pipeline &pipeline, Store &store) {
        PromotionRequest request{stage, freight, skipUnrunnable, offline};
        const PromotionOutcome outcome =
            Promoter::promote(pipeline, store, request, cancelled, [this](const StepResult &step) {
                QMetaObject::invokeMethod(
                    this, [this, step] { Q_EMIT stepChanged(step); }, Qt::QueuedConnection);
            });
        QMetaObject::invokeMethod(
            this,
            [this, outcome] {
                --m_running;
                Q_EMIT promotionFinished(outcome);
                refreshStages();
            },
            Qt::QueuedConnection);
    });
}

void PromotionService::cancel()
{
    if (m_cancelled)
        m_cancelled->store(true);
}

void PromotionService::checkAvailability(const QString &freight)
{
    runWithStore([this, freight](const Pipeline &pipeline, Store &store) {
        QHash<QString, AvailabilityVerdict> verdicts;
        const std::optional<Freight> found = store.findFreight(freight);
        if (!found)
            return;
        for (const Stage &stage : pipeline.stages)
            verdicts.insert(stage.name, Availability::check(pipeline, store, stage.name, *found));
        QMetaObject::invokeMethod(
            this, [this, freight, verdicts] { Q_EMIT availabilityChecked(freight, verdicts); },
            Qt::QueuedConnection);
    });
}

void PromotionService::approve(const QString &freight, const QString &stage)
{
    runWithStore([this, freight, stage](const Pipeline &, Store &store) {
        QString error;
        store.approve(freight, stage, &error);
        QMetaObject::invokeMethod(
            this, [this, freight, stage, error] { Q_EMIT approved(freight, stage, error); },
            Qt::QueuedConnection);
    });
}

void PromotionService::refreshStages()
{
    runWithStore([this](const Pipeline &pipeline, Store &store) {
        Promoter::recover(store);
        QList<StageState> states;
        for (const Stage &stage : pipeline.stages) {
            StageState state;
            state.stage = stage.name;
            for (const StageFreight &current : store.currentFreight(stage.name)) {
                if (const std::optional<Freight> freight = store.findFreight(current.freightId))
                    state.freight.append(*freight);
                if (!state.freightSince.isValid() || current.since > state.freightSince) {
                    state.freightSince = current.since;
                    state.verifiedSince = store.verifiedIn(current.freightId).value(stage.name);
                }
            }
            const QList<PromotionRecord> last = store.promotions(stage.name, 1);
            if (!last.isEmpty())
                state.lastPromotion = last.first();
            if (!stage.verification.isEmpty()) {
                const QList<VerificationRun> runs = store.verificationRuns(stage.name, 1);
                if (!runs.isEmpty()) {
                    // The graph draws the first metric only: the others' measurements stay in
                    // the store, out of the signal.
                    std::optional<VerificationRun> run = store.verificationRun(runs.first().id);
                    if (run) {
                        if (run->metrics.size() > 1)
                            run->metrics.resize(1);
                        state.lastVerification = std::move(*run);
                    }
                }
            }
            states.append(state);
        }
        const FreightMarks marks{store.allVerified(), store.allApproved()};
        QMetaObject::invokeMethod(
            this,
            [this, states, marks] {
                Q_EMIT stagesChanged(states);
                Q_EMIT freightMarksChanged(marks);
            },
            Qt::QueuedConnection);
    });
}

void PromotionService::loadHistory(const QString &stage)
{
    runWithStore([this, stage](const Pipeline &, Store &store) {
        const QList<PromotionRecord> promotions = store.promotions(stage);
        QMetaObject::invokeMethod(
            this, [this, stage, promotions] { Q_EMIT historyLoaded(stage, promotions); },
            Qt::QueuedConnection);
    });
}

} // namespace Stevedore
