#include "ui/historypanel.h"

#include "models/promotionhistorymodel.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stevedore {

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_details(new QPlainTextEdit(this))
    , m_model(new PromotionHistoryModel(this))
{
    m_tree->setObjectName(u"historyTree"_s);
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->setColumnWidth(PromotionHistoryModel::NameColumn, 170);
    m_tree->setColumnWidth(PromotionHistoryModel::PhaseColumn, 80);
    m_tree->setColumnWidth(PromotionHistoryModel::StartedColumn, 120);
    m_tree->setColumnWidth(PromotionHistoryModel::DurationColumn, 60);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &HistoryPanel::showCurrent);

    m_details->setObjectName(u"historyDetails"_s);
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select a promotion or a step to see its details."));

    m_title->setContentsMargins(6, 4, 6, 0);
    m_title->setWordWrap(true);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(splitter, 1);
    setStage({});
}

void HistoryPanel::setStage(const QString &stage)
{
    if (stage != m_stage) {
        m_model->setPromotions(stage, {});
        m_details->clear();
    }
    m_stage = stage;
    m_title->setText(stage.isEmpty() ? tr("Select a stage to see its promotions.")
                                     : tr("Promotions of <b>%1</b>").arg(stage.toHtmlEscaped()));
}

void HistoryPanel::setPromotions(const QString &stage, const QList<PromotionRecord> &promotions)
{
    if (stage != m_stage)
        return;
    // Keep the selection across reloads.
    const QModelIndex current = m_tree->currentIndex();
    const QString promotion = current.data(PromotionHistoryModel::PromotionIdRole).toString();
    const int step = current.data(PromotionHistoryModel::StepIndexRole).toInt();
    const bool wasExpanded =
        current.isValid() &&
        m_tree->isExpanded(current.parent().isValid() ? current.parent() : current);
    m_model->setPromotions(stage, promotions);
    m_title->setText(
        promotions.isEmpty()
            ? tr("<b>%1</b> has had no promotions.").arg(stage.toHtmlEscaped())
            : tr("Promotions of <b>%1</b> (%2)").arg(stage.toHtmlEscaped()).arg(promotions.size()));
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex top = m_model->index(row, 0);
        if (top.data(PromotionHistoryModel::PromotionIdRole).toString() != promotion)
            continue;
        if (wasExpanded)
            m_tree->expand(top);
        m_tree->setCurrentIndex(
            step >= 0 && step < m_model->rowCount(top) ? m_model->index(step, 0, top) : top);
        return;
    }
    // Nothing was selected: the newest promotion, with its steps open.
    if (m_model->rowCount() > 0) {
        const QModelIndex newest = m_model->index(0, 0);
        m_tree->expand(newest);
        m_tree->setCurrentIndex(newest);
    }
}

void HistoryPanel::setFreightAliases(const QHash<QString, QString> &aliases)
{
    m_model->setFreightAliases(aliases);
    showCurrent();
}

void HistoryPanel::showCurrent()
{
    m_details->setPlainText(
        m_tree->currentIndex().data(PromotionHistoryModel::DetailsRole).toString());
}

} // namespace Stevedore
