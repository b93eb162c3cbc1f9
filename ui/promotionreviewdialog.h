#pragma once

#include "engine/promoter.h"
#include "engine/promotion.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace Stevedore {

class DiffView;
class FreightComparisonView;

/// The promotion review: what promoting a freight to a stage will do (the plan with each
/// step's resolved config, the exact diff of the GitOps repository, the commit messages, the
/// identity the commits are made as, the branch), and then its live progress. Nothing is
/// pushed before the user presses Promote; a dry run fills the dialog first.
class PromotionReviewDialog : public QDialog
{
    Q_OBJECT

public:
    PromotionReviewDialog(const QString &stage, const Freight &freight, QWidget *parent = nullptr);

    QString stage() const { return m_stage; }
    QString freightId() const { return m_freight.id; }
    /// Whether the user chose to run without the steps that cannot run here.
    bool skipUnrunnable() const;
    DiffView *diffView() const { return m_diff; }
    /// The stage's current freight compared with the incoming one.
    FreightComparisonView *comparisonView() const { return m_comparison; }
    /// Whether Promote can be pressed now.
    bool canPromote() const;
    /// Stops the promotion from starting while @p reason is set (no network: it could not
    /// push); the dry run's review stays. Promotions that push nothing are not held back.
    void setNetworkUnavailable(const QString &reason);
    /// Where the Promote button is on the screen (for automation).
    QRect promoteButtonGeometry() const;
    /// Where the Cancel (later Close) button is on the screen (for automation).
    QRect closeButtonGeometry() const;

public Q_SLOTS:
    void setPreview(const Stevedore::PromotionPreview &preview);
    void setStep(const Stevedore::StepResult &step);
    void setFinished(const Stevedore::PromotionOutcome &outcome);

Q_SIGNALS:
    void promoteRequested(const QString &stage, const QString &freightId, bool skipUnrunnable);
    void cancelRequested();

private:
    void updatePromoteButton();
    void showSteps(const PromotionPlan &plan, const QList<StepResult> &results);

    QString m_stage;
    Freight m_freight;
    PromotionPreview m_preview;
    bool m_hasPreview = false;
    bool m_running = false;
    bool m_pushStarted = false;
    QString m_networkUnavailable;
    QLabel *m_summary;
    QLabel *m_status;
    QProgressBar *m_busy;
    QTabWidget *m_tabs;
    DiffView *m_diff;
    FreightComparisonView *m_comparison;
    QTreeWidget *m_steps;
    QPlainTextEdit *m_messages;
    QCheckBox *m_skip;
    QPushButton *m_promote;
    QPushButton *m_cancel;
};

} // namespace Stevedore
