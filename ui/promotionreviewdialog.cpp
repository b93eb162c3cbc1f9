#include "ui/promotionreviewdialog.h"

#include "models/freighttext.h"
#include "ui/diffview.h"
#include "ui/freightcomparisonview.h"
#include "ui/palettecolors.h"
#include "ui/promotiontext.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

QColor statusColor(StepStatus status)
{
    switch (status) {
    case StepStatus::Succeeded:
        return QColor(0x2e, 0xa0, 0x43);
    case StepStatus::Failed:
    case StepStatus::Errored:
    case StepStatus::Aborted:
        return QColor(0xcf, 0x22, 0x2e);
    case StepStatus::Running:
        return QColor(0x09, 0x69, 0xda);
    case StepStatus::Pending:
    case StepStatus::Skipped:
        break;
    }
    return {};
}

} // namespace

PromotionReviewDialog::PromotionReviewDialog(const QString &stage, const Freight &freight,
                                             QWidget *parent)
    : QDialog(parent)
    , m_stage(stage)
    , m_freight(freight)
    , m_summary(new QLabel(this))
    , m_status(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_tabs(new QTabWidget(this))
    , m_diff(new DiffView(this))
    , m_comparison(new FreightComparisonView(this))
    , m_steps(new QTreeWidget(this))
    , m_messages(new QPlainTextEdit(this))
    , m_skip(new QCheckBox(this))
{
    setObjectName(u"promotionReview"_s);
    setWindowTitle(tr("Promote %1 to %2").arg(freight.alias, stage));
    resize(980, 680);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("<b>%1</b> (%2) to <b>%3</b>")
                           .arg(freight.alias.toHtmlEscaped(),
                                FreightText::versions(freight).toHtmlEscaped(),
                                stage.toHtmlEscaped()));
    m_status->setWordWrap(true);
    m_status->setObjectName(u"reviewStatus"_s);
    m_status->setText(tr("Running the promotion's steps in a scratch workspace to show what it "
                         "will change\u2026"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);

    m_steps->setObjectName(u"reviewSteps"_s);
    m_steps->setHeaderLabels({tr("Step"), tr("Uses"), tr("Status")});
    m_steps->setRootIsDecorated(true);
    m_steps->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_messages->setReadOnly(true);
    m_messages->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->addTab(m_diff, tr("Changes"));
    m_tabs->addTab(m_steps, tr("Steps"));
    m_tabs->addTab(m_messages, tr("Commit message"));
    m_tabs->addTab(m_comparison, tr("Freight Changes"));
    m_tabs->setEnabled(false);

    m_skip->setObjectName(u"skipUnrunnable"_s);
    m_skip->setVisible(false);
    connect(m_skip, &QCheckBox::toggled, this, &PromotionReviewDialog::updatePromoteButton);

    auto *buttons = new QDialogButtonBox(this);
    m_promote = buttons->addButton(tr("&Promote"), QDialogButtonBox::AcceptRole);
    m_promote->setObjectName(u"promoteButton"_s);
    m_promote->setEnabled(false);
    m_cancel = buttons->addButton(QDialogButtonBox::Close);
    connect(m_promote, &QPushButton::clicked, this, [this] {
        m_running = true;
        m_promote->setEnabled(false);
        m_skip->setEnabled(false);
        m_cancel->setText(tr("Cancel"));
        m_busy->setVisible(true);
        m_status->setText(tr("Promoting\u2026"));
        m_tabs->setCurrentWidget(m_steps);
        showSteps(m_preview.plan, {});
        Q_EMIT promoteRequested(m_stage, m_freight.id, skipUnrunnable());
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_running && !m_pushStarted) {
            Q_EMIT cancelRequested();
            m_cancel->setEnabled(false);
            m_status->setText(tr("Cancelling\u2026"));
            return;
        }
        if (!m_running)
            reject();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_status);
    layout->addWidget(m_busy);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_skip);
    layout->addWidget(buttons);
}

bool PromotionReviewDialog::skipUnrunnable() const
{
    return !m_preview.unrunnable.isEmpty() && m_skip->isChecked();
}

void PromotionReviewDialog::showSteps(const PromotionPlan &plan, const QList<StepResult> &results)
{
    m_steps->clear();
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const PlannedStep &planned = plan.steps.at(i);
        const StepResult result = results.value(i);
        auto *item = new QTreeWidgetItem(m_steps);
        item->setText(0, planned.alias);
        item->setText(1, planned.step.uses);
        item->setData(0, Qt::UserRole, planned.alias);
        QString status = result.status == StepStatus::Pending ? QString() : toString(result.status);
        if (planned.runnability == StepRunnability::NotRunnableHere)
            status += (status.isEmpty() ? QString() : u" \u00b7 "_s) +
                      tr("not runnable here: %1").arg(planned.reason);
        else if (planned.condition == PlannedCondition::Skipped && status.isEmpty())
            status = tr("its condition is false");
        else if (!result.message.isEmpty())
            status += u": "_s + result.message;
        item->setText(2, status);
        if (const QColor color = statusColor(result.status); color.isValid())
            item->setForeground(2,
                                PaletteColors::readableOn(color, palette().color(QPalette::Base)));
        if (!result.config.isEmpty()) {
            auto *config = new QTreeWidgetItem(item);
            config->setText(0, tr("config"));
            config->setFirstColumnSpanned(true);
            config->setText(
                0, QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(result.config))
                                         .toJson(QJsonDocument::Compact)));
        }
        for (const QString &line : result.log) {
            auto *log = new QTreeWidgetItem(item);
            log->setText(0, line);
            log->setFirstColumnSpanned(true);
        }
    }
}

void PromotionReviewDialog::setPreview(const PromotionPreview &preview)
{
    m_preview = preview;
    m_hasPreview = true;
    m_busy->setVisible(false);
    m_tabs->setEnabled(true);
    if (!preview.started()) {
        m_status->setText(tr("This promotion cannot start: %1").arg(preview.errors.join(u"; "_s)));
        return;
    }
    m_diff->setChanges(preview.result.changes);
    showSteps(preview.plan, preview.result.steps);
    QStringList messages;
    QStringList targets;
    for (const RepositoryChange &change : preview.result.changes) {
        for (const QString &message : change.commitMessages)
            messages.append(u"# %1\n%2"_s.arg(change.path, message));
        targets.append(change.branch.isEmpty()
                           ? change.repoURL
                           : tr("%1, branch %2").arg(change.repoURL, change.branch));
    }
    m_messages->setPlainText(messages.join(u"\n\n"_s));

    const QString errorSpan = u"<span style='color:%1'>%2</span>"_s.arg(
        PaletteColors::text(PaletteColors::Role::Error, palette(),
                            palette().color(QPalette::Window))
            .name());
    QStringList lines;
    lines.append(tr("<b>%1</b> (%2) to <b>%3</b>")
                     .arg(m_freight.alias.toHtmlEscaped(),
                          FreightText::versions(m_freight).toHtmlEscaped(),
                          m_stage.toHtmlEscaped()));
    lines.append(
        preview.hasIdentity
            ? tr("Commits as %1").arg(preview.identity.toHtmlEscaped())
            : errorSpan.arg(tr("No git identity: %1").arg(preview.identity.toHtmlEscaped())));
    if (!targets.isEmpty())
        lines.append(tr("Into %1").arg(targets.join(u"; "_s).toHtmlEscaped()));
    lines.append(
        preview.availability.available
            ? tr("Available: %1").arg(preview.availability.reason.toHtmlEscaped())
            : errorSpan.arg(
                  tr("Not available: %1").arg(preview.availability.reason.toHtmlEscaped())));
    m_summary->setText(lines.join(u"<br>"_s));

    if (preview.result.phase != PromotionPhase::Succeeded)
        m_status->setText(
            tr("The dry run %1: %2")
                .arg(PromotionText::phase(preview.result.phase), preview.result.message));
    else if (!preview.result.stoppedBefore.isEmpty())
        m_status->setText(tr("The dry run stopped before %1: nothing has left this machine. "
                             "This is what the promotion will change.")
                              .arg(preview.result.stoppedBefore));
    else
        m_status->setText(tr("This is what the promotion will change."));

    if (!preview.unrunnable.isEmpty()) {
        QStringList names;
        for (const PlannedStep *step : preview.plan.blockingSteps())
            names.append(u"%1 (%2)"_s.arg(step->alias, step->step.uses));
        m_skip->setText(
            tr("Run without the steps that cannot run here: %1").arg(names.join(u", "_s)));
        m_skip->setVisible(true);
    }
    updatePromoteButton();
}

bool PromotionReviewDialog::canPromote() const
{
    return m_promote->isEnabled();
}

QRect PromotionReviewDialog::promoteButtonGeometry() const
{
    return QRect(m_promote->mapToGlobal(QPoint(0, 0)), m_promote->size());
}

QRect PromotionReviewDialog::closeButtonGeometry() const
{
    return QRect(m_cancel->mapToGlobal(QPoint(0, 0)), m_cancel->size());
}

void PromotionReviewDialog::setNetworkUnavailable(const QString &reason)
{
    m_networkUnavailable = reason;
    updatePromoteButton();
}

void PromotionReviewDialog::updatePromoteButton()
{
    const PromotionPreview &p = m_preview;
    const bool pushes =
        std::any_of(p.plan.steps.begin(), p.plan.steps.end(), [](const PlannedStep &step) {
            return step.runnability == StepRunnability::LeavesMachine &&
                   step.condition != PlannedCondition::Skipped;
        });
    const bool offline = pushes && !m_networkUnavailable.isEmpty();
    const bool ready = m_hasPreview && !m_running && p.started() &&
                       p.result.phase == PromotionPhase::Succeeded && p.availability.available &&
                       p.hasIdentity && (p.unrunnable.isEmpty() || m_skip->isChecked()) && !offline;
    m_promote->setEnabled(ready);
    m_promote->setToolTip(
        offline ? tr("%1: the promotion pushes to a remote repository.").arg(m_networkUnavailable)
                : QString());
    if (offline && !m_running && m_hasPreview && p.result.phase == PromotionPhase::Succeeded)
        m_status->setText(tr("%1. The review works from the local cache; promoting needs the "
                             "network to push.")
                              .arg(m_networkUnavailable));
}

void PromotionReviewDialog::setStep(const StepResult &step)
{
    if (!m_running)
        return;
    if (step.uses == u"git-push" && step.status == StepStatus::Running) {
        // Past this point what lands stays; cancelling could only leave it half-known.
        m_pushStarted = true;
        m_cancel->setEnabled(false);
    }
    for (int i = 0; i < m_steps->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_steps->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() != step.alias)
            continue;
        QString status = toString(step.status);
        if (!step.message.isEmpty())
            status += u": "_s + step.message;
        item->setText(2, status);
        if (const QColor color = statusColor(step.status); color.isValid())
            item->setForeground(2,
                                PaletteColors::readableOn(color, palette().color(QPalette::Base)));
        qDeleteAll(item->takeChildren());
        for (const QString &line : step.log) {
            auto *log = new QTreeWidgetItem(item);
            log->setText(0, line);
            log->setFirstColumnSpanned(true);
        }
        item->setExpanded(!step.log.isEmpty());
    }
}

void PromotionReviewDialog::setFinished(const PromotionOutcome &outcome)
{
    m_running = false;
    m_busy->setVisible(false);
    m_cancel->setEnabled(true);
    m_cancel->setText(tr("Close"));
    if (outcome.start == PromotionOutcome::Start::Refused) {
        m_status->setText(
            tr("The promotion did not start: %1").arg(outcome.refusals.join(u"; "_s)));
        return;
    }
    showSteps(outcome.plan, outcome.record.steps);
    m_status->setText(
        outcome.record.phase == PromotionPhase::Succeeded
            ? tr("Promoted: %1 is now in %2.").arg(m_freight.alias, m_stage)
            : tr("The promotion %1: %2")
                  .arg(PromotionText::phase(outcome.record.phase), outcome.record.message));
}

} // namespace Stevedore
