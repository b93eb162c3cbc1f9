#include "engine/credential.h"

#include <QDebug>

namespace Stevedore {

QDebug operator<<(QDebug debug, const Credential &credential)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "Credential(username=" << credential.username
                    << ", password=" << (credential.password.isEmpty() ? "<empty>" : "<redacted>")
                    << ')';
    return debug;
}

} // namespace Stevedore
