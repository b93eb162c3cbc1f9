#include "engine/promotion.h"

using namespace Qt::StringLiterals;

namespace Stevedore {

QString toString(PromotionPhase phase)
{
    switch (phase) {
    case PromotionPhase::Pending:
        return u"Pending"_s;
    case PromotionPhase::Running:
        return u"Running"_s;
    case PromotionPhase::Succeeded:
        return u"Succeeded"_s;
    case PromotionPhase::Failed:
        return u"Failed"_s;
    case PromotionPhase::Errored:
        return u"Errored"_s;
    case PromotionPhase::Aborted:
        return u"Aborted"_s;
    }
    return {};
}

QString toString(StepStatus status)
{
    switch (status) {
    case StepStatus::Pending:
        return u"Pending"_s;
    case StepStatus::Running:
        return u"Running"_s;
    case StepStatus::Succeeded:
        return u"Succeeded"_s;
    case StepStatus::Failed:
        return u"Failed"_s;
    case StepStatus::Errored:
        return u"Errored"_s;
    case StepStatus::Aborted:
        return u"Aborted"_s;
    case StepStatus::Skipped:
        return u"Skipped"_s;
    }
    return {};
}

PromotionPhase promotionPhaseFromString(const QString &text)
{
    for (PromotionPhase phase :
         {PromotionPhase::Pending, PromotionPhase::Running, PromotionPhase::Succeeded,
          PromotionPhase::Failed, PromotionPhase::Errored, PromotionPhase::Aborted}) {
        if (toString(phase) == text)
            return phase;
    }
    return PromotionPhase::Errored;
}

StepStatus stepStatusFromString(const QString &text)
{
    for (StepStatus status :
         {StepStatus::Pending, StepStatus::Running, StepStatus::Succeeded, StepStatus::Failed,
          StepStatus::Errored, StepStatus::Aborted, StepStatus::Skipped}) {
        if (toString(status) == text)
            return status;
    }
    return StepStatus::Errored;
}

QList<const PlannedStep *> PromotionPlan::blockingSteps() const
{
    QList<const PlannedStep *> blocking;
    for (const PlannedStep &step : steps) {
        if (step.runnability == StepRunnability::NotRunnableHere &&
            step.condition != PlannedCondition::Skipped)
            blocking.append(&step);
    }
    return blocking;
}

} // namespace Stevedore
