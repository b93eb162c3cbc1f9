#pragma once

#include "engine/promotion.h"

#include <QCoreApplication>

namespace Stevedore {

/// Promotion phases as sentences say them, translated ("failed", "errored", ...).
class PromotionText
{
    Q_DECLARE_TR_FUNCTIONS(PromotionText)

public:
    static QString phase(PromotionPhase phase);
};

} // namespace Stevedore
