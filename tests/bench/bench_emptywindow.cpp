// The baseline of bench_graph's start-up figure: an empty Qt window that prints, on
// CLOCK_MONOTONIC in milliseconds, when its first paint finished, and quits.
//
//   DISPLAY=:N ./tests/bench/bench_emptywindow

#include <QApplication>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <time.h>

namespace {

class Window : public QWidget
{
protected:
    void paintEvent(QPaintEvent *event) override
    {
        QWidget::paintEvent(event);
        if (m_painted)
            return;
        m_painted = true;
        timespec now{};
        clock_gettime(CLOCK_MONOTONIC, &now);
        std::printf("%.3f\n", double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6);
        std::fflush(stdout);
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    }

private:
    bool m_painted = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Window window;
    window.resize(1200, 760);
    window.show();
    return QApplication::exec();
}
