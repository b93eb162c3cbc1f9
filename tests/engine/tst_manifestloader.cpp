#include <QTest>

class TestManifestloader : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestManifestloader)
#include "tst_manifestloader.moc"
