#pragma once

// Private to engine/: libyaml does not leave the engine's .cpp files; this header names none of
// its types.

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>

#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace Stevedore {

/// A pull parser over libyaml's event (streaming) API, for documents too large to hold as a
/// tree: the caller asks for one event at a time and skips whole subtrees it does not need, so
/// memory stays bounded whatever the input's size. Aliases are expanded transparently (anchored
/// nodes are kept up to a fixed budget); errors carry the source name and 1-based line and
/// column. JSON input is read as YAML, with JSON's UTF-16 surrogate-pair escapes, which libyaml
/// rejects, rewritten on the fly.
class YamlEventReader
{
public:
    enum class Type
    {
        None,
        StreamStart,
        StreamEnd,
        DocumentStart,
        DocumentEnd,
        SequenceStart,
        SequenceEnd,
        MappingStart,
        MappingEnd,
        Scalar,
    };

    /// 1-based.
    struct Mark
    {
        qint64 line = 0;
        qint64 column = 0;
    };

    /// The current event. The views stay valid until the next call of next() or skip().
    struct Event
    {
        Type type = Type::None;
        Mark mark;
        QByteArrayView value; ///< a scalar's text (UTF-8)
        bool plain = false;   ///< a scalar written plain and untagged, so YAML's typing applies

        bool isScalar() const { return type == Type::Scalar; }
        /// A plain empty, `~` or `null` scalar (YAML's null), as a missing value is written.
        bool isNull() const;
        QString text() const { return QString::fromUtf8(value); }
    };

    /// Reads from @p input, which must stay open while this object is used; @p sourceName
    /// prefixes every error.
    YamlEventReader(QIODevice &input, QString sourceName);
    ~YamlEventReader();
    YamlEventReader(const YamlEventReader &) = delete;
    YamlEventReader &operator=(const YamlEventReader &) = delete;

    /// Moves to the next event, expanding aliases. False at a syntax, input or alias error:
    /// then error() says what and where, and every later call fails too.
    bool next();
    /// When the current event starts a mapping or sequence, consumes everything up to and
    /// including its end without looking at it (aliases inside are not expanded). Otherwise
    /// does nothing.
    bool skip();

    const Event &event() const { return m_event; }
    /// A human-readable name of the current event's kind: "a mapping", "a sequence", ...
    QString describe() const;

    /// Records an error at @p mark ("<source>:<line>:<column>: <message>") and returns false.
    bool fail(const Mark &mark, const QString &message);
    /// "<source>:<line>:<column>: <message>", for warnings.
    QString positioned(const Mark &mark, const QString &message) const;
    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    const QString &sourceName() const { return m_sourceName; }

private:
    struct StoredEvent
    {
        Type type = Type::None;
        Mark mark;
        QByteArray value;
        bool plain = false;
        bool alias = false; ///< an alias to expand when replayed; value is the anchor's name
    };
    using Events = std::vector<StoredEvent>;

    struct Anchor
    {
        std::shared_ptr<const Events> events; ///< null while being recorded, or when too large
        Mark mark;
        bool complete = false;
    };

    struct Recording
    {
        QByteArray name;
        std::shared_ptr<Events> events;
        int depth = 0;
    };

    struct ReplayFrame
    {
        std::shared_ptr<const Events> events;
        std::size_t position = 0;
    };

    class Input;
    class Parser;

    /// One event from the replay stack or from libyaml, aliases not expanded; libyaml's events
    /// also feed the recordings of anchored nodes.
    bool pull(bool *isAlias);
    bool pullFromLibyaml(bool *isAlias);
    bool expandAlias();
    void record(const StoredEvent &event, const QByteArray &anchor);
    bool libyamlFailed();

    QString m_sourceName;
    std::unique_ptr<Input> m_input;
    std::unique_ptr<Parser> m_parser;
    Event m_event;
    QByteArray m_aliasName; ///< of the alias just pulled
    std::vector<ReplayFrame> m_replay;
    std::vector<Recording> m_recordings;
    QHash<QByteArray, Anchor> m_anchors;
    qint64 m_recordedBytes = 0;
    qint64 m_replayedEvents = 0;
    QString m_error;
};

} // namespace Stevedore
