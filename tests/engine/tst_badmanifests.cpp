#include <QTest>

class TestBadmanifests : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestBadmanifests)
#include "tst_badmanifests.moc"
