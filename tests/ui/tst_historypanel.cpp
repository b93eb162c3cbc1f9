// A stage's promotion history: the model under QAbstractItemModelTester, the details it
// gives for promotions and steps, the panel keeping its selection across reloads, and the
// promotion service reading it from a real store.

#include "engine/promotionservice.h"
#include "engine/statepaths.h"
#include "engine/store.h"
#include "models/promotionhistorymodel.h"
#include "ui/historypanel.h"

#include <QAbstractItemModelTester>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

const QDateTime start = QDateTime(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC);

StepResult step(const QString &alias, const QString &uses, StepStatus status, int seconds)
{
    StepResult result;
    result.alias = alias;
    result.uses = uses;
    result.status = status;
    result.startedAt = start;
    result.finishedAt = start.addSecs(seconds);
    result.config = {{u"path"_s, u"./out"_s}};
    result.log = {u"cloned main at 1a2b3c4"_s};
    result.attempts = 1;
    return result;
}

PromotionRecord promotion(const QString &id, PromotionPhase phase, int minutesAgo)
{
    PromotionRecord record;
    record.id = id;
    record.stage = u"dev"_s;
    record.freightId = u"f-"_s + id;
    record.phase = phase;
    record.createdAt = start.addSecs(-60 * minutesAgo);
    record.startedAt = record.createdAt;
    record.finishedAt = record.createdAt.addMSecs(1500);
    record.message = phase == PromotionPhase::Succeeded ? QString() : u"push rejected\nin full"_s;
    record.steps = {
        step(u"clone"_s, u"git-clone"_s, StepStatus::Succeeded, 1),
        step(u"step-1"_s, u"git-push"_s,
             phase == PromotionPhase::Succeeded ? StepStatus::Succeeded : StepStatus::Failed, 75)};
    if (phase == PromotionPhase::Succeeded)
        record.landed = {{u"https://example.com/gitops.git"_s, u"main"_s, u"abcdef1"_s, {}}};
    return record;
}

} // namespace

class TestHistoryPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelHasPromotionsWithTheirSteps()
    {
        PromotionHistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPromotions(u"dev"_s, {promotion(u"p2"_s, PromotionPhase::Failed, 1),
                                       promotion(u"p1"_s, PromotionPhase::Succeeded, 10)});
        model.setFreightAliases({{u"f-p1"_s, u"brave-otter"_s}});
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex failed = model.index(0, 0);
        const QModelIndex succeeded = model.index(1, 0);
        QCOMPARE(model.rowCount(failed), 2);
        QCOMPARE(succeeded.data().toString(), u"brave-otter"_s);
        QCOMPARE(failed.data().toString(), u"f-p2"_s); // no alias known: the id
        QCOMPARE(model.index(0, PromotionHistoryModel::PhaseColumn).data().toString(), u"Failed"_s);
        QCOMPARE(model.index(0, PromotionHistoryModel::MessageColumn).data().toString(),
                 u"push rejected"_s);
        QCOMPARE(model.index(0, PromotionHistoryModel::DurationColumn).data().toString(), u"1 s"_s);
        const QModelIndex push = model.index(1, 0, failed);
        QCOMPARE(push.data().toString(), u"step-1 (git-push)"_s);
        QCOMPARE(model.index(1, PromotionHistoryModel::DurationColumn, failed).data().toString(),
                 u"1 min 15 s"_s);
        QCOMPARE(push.data(PromotionHistoryModel::StepIndexRole).toInt(), 1);
        QCOMPARE(push.parent(), failed);
        QCOMPARE(model.promotionAt(push)->id, u"p2"_s);
        QCOMPARE(model.index(0, 0, failed).data().toString(), u"clone (git-clone)"_s);

        const QString stepDetails = push.data(PromotionHistoryModel::DetailsRole).toString();
        QVERIFY(stepDetails.contains(u"\"path\": \"./out\""_s));
        QVERIFY(stepDetails.contains(u"cloned main at 1a2b3c4"_s));
        const QString landed = succeeded.data(PromotionHistoryModel::DetailsRole).toString();
        QVERIFY(landed.contains(u"https://example.com/gitops.git main abcdef1"_s));
        QVERIFY(landed.contains(u"brave-otter (f-p1)"_s));
    }

    void panelKeepsTheSelectionAcrossReloads()
    {
        HistoryPanel panel;
        panel.setStage(u"dev"_s);
        const QList<PromotionRecord> history{promotion(u"p2"_s, PromotionPhase::Failed, 1),
                                             promotion(u"p1"_s, PromotionPhase::Succeeded, 10)};
        panel.setPromotions(u"dev"_s, history);
        // The newest is selected first, its steps shown.
        QCOMPARE(
            panel.tree()->currentIndex().data(PromotionHistoryModel::PromotionIdRole).toString(),
            u"p2"_s);
        QVERIFY(panel.details()->toPlainText().contains(u"Promotion p2"_s));
        const QModelIndex older = panel.model()->index(1, 0);
        panel.tree()->expand(older);
        panel.tree()->setCurrentIndex(panel.model()->index(0, 0, older));
        QVERIFY(panel.details()->toPlainText().startsWith(u"clone \u2014 Succeeded"_s));
        // A new promotion arrives: the selected step stays selected.
        panel.setPromotions(u"dev"_s,
                            QList<PromotionRecord>{promotion(u"p3"_s, PromotionPhase::Running, 0)} +
                                history);
        const QModelIndex current = panel.tree()->currentIndex();
        QCOMPARE(current.data(PromotionHistoryModel::PromotionIdRole).toString(), u"p1"_s);
        QCOMPARE(current.data(PromotionHistoryModel::StepIndexRole).toInt(), 0);
        // Another stage's answer arriving late is ignored.
        panel.setPromotions(u"prod"_s, {});
        QCOMPARE(panel.model()->rowCount(), 3);
        panel.setStage(u"prod"_s);
        QCOMPARE(panel.model()->rowCount(), 0);
    }

    void serviceReadsTheStore()
    {
        QTemporaryDir state;
        StatePaths::setOverride(state.path());
        const QString pipelineDir = state.filePath(u"pipeline"_s);
        QVERIFY(QDir().mkpath(pipelineDir));
        {
            QString error;
            const std::unique_ptr<Store> store = Store::open(pipelineDir, &error);
            QVERIFY2(store, qPrintable(error));
            for (const PromotionRecord &record : {promotion(u"p1"_s, PromotionPhase::Succeeded, 10),
                                                  promotion(u"p2"_s, PromotionPhase::Failed, 1)}) {
                QVERIFY2(store->savePromotion(record, &error), qPrintable(error));
                for (int i = 0; i < record.steps.size(); ++i)
                    QVERIFY2(store->saveStep(record.id, i, record.steps.at(i), &error),
                             qPrintable(error));
            }
            // Every stage's, as `stevedorectl history` without --stage lists them.
            QCOMPARE(store->promotions().size(), 2);
            QCOMPARE(store->promotions(u"prod"_s).size(), 0);
        }
        PromotionService service;
        Pipeline pipeline;
        pipeline.rootPath = pipelineDir;
        service.setPipeline(pipeline);
        QSignalSpy loaded(&service, &PromotionService::historyLoaded);
        service.loadHistory(u"dev"_s);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().at(0).toString(), u"dev"_s);
        const auto history = loaded.first().at(1).value<QList<PromotionRecord>>();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.first().id, u"p2"_s);
        QCOMPARE(history.first().steps.size(), 2);
        QCOMPARE(history.first().steps.at(1).uses, u"git-push"_s);
    }
};

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
