#include "ui/promotiontext.h"

namespace Stevedore {

QString PromotionText::phase(PromotionPhase phase)
{
    switch (phase) {
    case PromotionPhase::Pending:
        return tr("pending");
    case PromotionPhase::Running:
        return tr("running");
    case PromotionPhase::Succeeded:
        return tr("succeeded");
    case PromotionPhase::Failed:
        return tr("failed");
    case PromotionPhase::Errored:
        return tr("errored");
    case PromotionPhase::Aborted:
        return tr("was aborted");
    }
    return {};
}

} // namespace Stevedore
