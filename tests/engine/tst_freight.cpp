#include <QTest>

class TestFreight : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestFreight)
#include "tst_freight.moc"
