#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace Stevedore {

/// Human-friendly names for freight, `adjective-animal` (e.g. `brave-otter`), as Kargo gives
/// every piece of freight; unique within a project. Stevedore uses its own word lists.
class FreightAlias
{
public:
    /// An alias not in @p taken. The same @p seed and @p taken always give the same alias.
    /// Random candidates are tried first; if too many are taken, the first candidate gets a
    /// number, `brave-otter-2`.
    static QString generate(const QSet<QString> &taken, quint64 seed);

    static QStringList adjectives();
    static QStringList animals();
};

} // namespace Stevedore
