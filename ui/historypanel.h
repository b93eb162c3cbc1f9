#pragma once

#include "engine/promotion.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTreeView;

namespace Stevedore {

class PromotionHistoryModel;

/// The promotions of the selected stage, newest first, each with its steps; the selected
/// promotion's or step's details (resolved config, outputs, log, what landed) below.
class HistoryPanel : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryPanel(QWidget *parent = nullptr);

    /// Shows that @p stage's history is on its way (or nothing, for an empty name).
    void setStage(const QString &stage);
    QString stage() const { return m_stage; }
    void setPromotions(const QString &stage, const QList<PromotionRecord> &promotions);
    void setFreightAliases(const QHash<QString, QString> &aliases);

    PromotionHistoryModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QPlainTextEdit *details() const { return m_details; }

private:
    void showCurrent();

    QString m_stage;
    QLabel *m_title;
    QTreeView *m_tree;
    QPlainTextEdit *m_details;
    PromotionHistoryModel *m_model;
};

} // namespace Stevedore
