// The streaming Helm `index.yaml` reader, on the charts the test fixtures name and on one that
// no index has.

#include "engine/helmindex.h"

#include <QByteArray>
#include <QStringList>
#include <QUrl>

#include <cstddef>
#include <cstdint>

using namespace Stevedore;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QStringList charts{u"alpine"_s, u"nginx"_s, u"podinfo"_s, u"a"_s};
    static const QUrl repository(u"https://charts.example.org/stable"_s);
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    QString error;
    const std::optional<HelmIndex> index = HelmIndexReader::read(bytes, charts, repository, &error);
    if (!index && error.isEmpty())
        __builtin_trap(); // a failure must say why
    if (index) {
        for (auto it = index->entries.begin(); it != index->entries.end(); ++it) {
            // Only charts that were asked for are kept.
            if (!charts.contains(it.key()))
                __builtin_trap();
        }
    }
    return 0;
}
