#include "engine/manifestloader.h"
#include "models/problemmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Stevedore;

class TestProblemModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelIsConsistent()
    {
        ProblemModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Pipeline pipeline =
            ManifestLoader::load(QStringLiteral(STEVEDORE_FIXTURES_DIR "/active-active"));
        model.setProblems(pipeline.problems);
        QCOMPARE(model.rowCount(), pipeline.problems.size());
        model.setProblems({});
        QCOMPARE(model.rowCount(), 0);
    }

    void rolesCarryTheLocation()
    {
        ProblemModel model;
        model.setProblems({{Problem::Severity::Warning,
                            {QStringLiteral("dir/stages.yaml"), 12, 7},
                            QStringLiteral("unknown field \"x\"")},
                           {Problem::Severity::Error,
                            {QStringLiteral("dir/warehouse.yaml"), 3, 1},
                            QStringLiteral("bad")}});
        const QModelIndex first = model.index(0, ProblemModel::LocationColumn);
        QCOMPARE(first.data().toString(), QStringLiteral("stages.yaml:12:7"));
        QCOMPARE(first.data(ProblemModel::FileRole).toString(), QStringLiteral("dir/stages.yaml"));
        QCOMPARE(first.data(ProblemModel::LineRole).toInt(), 12);
        QCOMPARE(first.data(ProblemModel::ColumnRole).toInt(), 7);
        QCOMPARE(first.data(ProblemModel::SeverityRole).toInt(), int(Problem::Severity::Warning));
        QCOMPARE(model.index(0, ProblemModel::SeverityColumn).data().toString(),
                 QStringLiteral("Warning"));
        QCOMPARE(model.index(1, ProblemModel::MessageColumn).data().toString(),
                 QStringLiteral("bad"));
        QCOMPARE(first.data(Qt::ToolTipRole).toString(),
                 QStringLiteral("dir/stages.yaml:12:7: warning: unknown field \"x\""));
        QCOMPARE(model.count(Problem::Severity::Error), 1);
        QCOMPARE(model.count(Problem::Severity::Note), 0);
    }
};

QTEST_MAIN(TestProblemModel)
#include "tst_problemmodel.moc"
