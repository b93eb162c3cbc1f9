#include "engine/helmindex.h"

#include "engine/yamleventreader_p.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QSet>

// What Helm does with an index (helm.sh/helm/v3 pkg/repo/index.go loadIndex): an empty file and
// a missing apiVersion are errors, the apiVersion's value is not checked, null entries and
// entries that fail validation are skipped with a warning. Kargo (pkg/helm/chart) reads only
// the versions of the one chart it needs. Both read any YAML or JSON.

namespace Stevedore {

using namespace Qt::StringLiterals;

namespace {

using Type = YamlEventReader::Type;
using Mark = YamlEventReader::Mark;

// Merge keys inside merged mappings inside ...; real indexes use none.
constexpr int maxMergeDepth = 8;

/// The fields of one version mapping that were given; merge keys (`<<`) fill the gaps.
struct Fields
{
    std::optional<QString> version;
    std::optional<QString> appVersion;
    std::optional<QString> digest;
    std::optional<QString> created;
    std::optional<QStringList> urls;

    void fillFrom(const Fields &other)
    {
        if (!version)
            version = other.version;
        if (!appVersion)
            appVersion = other.appVersion;
        if (!digest)
            digest = other.digest;
        if (!created)
            created = other.created;
        if (!urls)
            urls = other.urls;
    }
};

/// Go's time.Time reads RFC 3339 only: a date, a time and a zone.
QDateTime parseTimestamp(const QString &text)
{
    static const QRegularExpression zone(u"(?:[Zz]|[+-]\\d\\d:\\d\\d)$"_s);
    if (!text.contains(u'T') && !text.contains(u't'))
        return {};
    if (!zone.match(text).hasMatch())
        return {};
    return QDateTime::fromString(text.toUpper(), Qt::ISODateWithMs);
}

class IndexParser
{
public:
    IndexParser(YamlEventReader &reader, const QStringList &charts, const QUrl &repositoryURL)
        : m_reader(reader)
        , m_wanted(charts.begin(), charts.end())
        , m_repositoryURL(repositoryURL)
    {}

    bool parse(HelmIndex *index)
    {
        m_index = index;
        if (!next() || !next())
            return false;
        if (event().type == Type::StreamEnd)
            return empty();
        if (!next())
            return false;
        if (event().isNull())
            return empty();
        if (event().type != Type::MappingStart)
            return m_reader.fail(event().mark,
                                 u"not a Helm repository index: expected a mapping with "
                                 u"\"apiVersion\" and \"entries\", found %1"_s.arg(describe()));
        const Mark rootMark = event().mark;
        if (!parseRoot())
            return false;
        // Like Helm, read the first document only; say so when there are more.
        if (!next() || !next())
            return false;
        if (event().type == Type::DocumentStart)
            warn(event().mark, u"ignoring the YAML documents after the first"_s);

        if (m_index->apiVersion.isEmpty())
            return m_reader.fail(m_apiVersionMark ? *m_apiVersionMark : rootMark,
                                 u"no API version specified: a Helm repository index needs "
                                 u"\"apiVersion: v1\""_s);
        if (m_index->apiVersion != u"v1")
            warn(*m_apiVersionMark, u"apiVersion is \"%1\", not \"v1\"; reading it as v1, as "
                                    u"Helm does"_s.arg(m_index->apiVersion));
        return true;
    }

private:
    const YamlEventReader::Event &event() const { return m_reader.event(); }
    QString describe() const { return m_reader.describe(); }
    bool next() { return m_reader.next(); }

    void warn(const Mark &mark, const QString &message)
    {
        m_index->warnings.append(m_reader.positioned(mark, message));
    }

    bool empty()
    {
        if (!m_reader.failed())
            m_reader.fail(event().mark, u"the index is empty (Helm: empty index.yaml file)"_s);
        return false;
    }

    bool parseRoot()
    {
        QSet<QByteArray> seen;
        for (;;) {
            if (!next())
                return false;
            if (event().type == Type::MappingEnd)
                return true;
            if (!event().isScalar()) {
                if (!m_reader.skip() || !next() || !m_reader.skip())
                    return false;
                continue;
            }
            const QByteArray key = event().value.toByteArray();
            if (seen.contains(key))
                return m_reader.fail(event().mark, u"duplicate key \"%1\""_s.arg(event().text()));
            seen.insert(key);
            if (!next())
                return false;
            if (key == "apiVersion") {
                m_apiVersionMark = event().mark;
                std::optional<QString> apiVersion;
                if (!readString(u"apiVersion"_s, &apiVersion))
                    return false;
                m_index->apiVersion = apiVersion.value_or(QString());
            } else if (key == "generated") {
                std::optional<QString> generated;
                const Mark mark = event().mark;
                if (!readString(u"generated"_s, &generated))
                    return false;
                if (generated) {
                    m_index->generated = parseTimestamp(*generated);
                    if (!m_index->generated.isValid())
                        warn(mark, u"\"generated\" is not an RFC 3339 time: %1"_s.arg(*generated));
                }
            } else if (key == "entries") {
                if (!parseEntries())
                    return false;
            } else if (!m_reader.skip()) {
                return false;
            }
        }
    }

    bool parseEntries()
    {
        if (event().isNull())
            return true;
        if (event().type != Type::MappingStart)
            return m_reader.fail(event().mark,
                                 u"\"entries\" must be a mapping from chart names "
                                 u"to lists of chart versions, not %1"_s.arg(describe()));
        QSet<QByteArray> seen;
        for (;;) {
            if (!next())
                return false;
            if (event().type == Type::MappingEnd)
                return true;
            if (!event().isScalar())
                return m_reader.fail(
                    event().mark,
                    u"chart names in \"entries\" must be strings, not %1"_s.arg(describe()));
            const QByteArray key = event().value.toByteArray();
            if (seen.contains(key))
                return m_reader.fail(
                    event().mark,
                    u"chart \"%1\" is listed twice in \"entries\""_s.arg(event().text()));
            seen.insert(key);
            const QString name = QString::fromUtf8(key);
            if (!next())
                return false;
            if (m_wanted.contains(name)) {
                if (!parseChart(name))
                    return false;
            } else if (!m_reader.skip()) {
                return false;
            }
        }
    }

    bool parseChart(const QString &name)
    {
        QList<HelmChartVersion> &versions = m_index->entries[name];
        if (event().isNull())
            return true;
        if (event().type != Type::SequenceStart)
            return m_reader.fail(event().mark,
                                 u"chart \"%1\" must list its versions as a sequence, not %2"_s.arg(
                                     name, describe()));
        for (;;) {
            if (!next())
                return false;
            if (event().type == Type::SequenceEnd)
                return true;
            const Mark mark = event().mark;
            if (event().isNull()) {
                warn(mark, u"skipping an empty entry of chart \"%1\""_s.arg(name));
                continue;
            }
            if (event().type != Type::MappingStart)
                return m_reader.fail(mark, u"each version of chart \"%1\" must be a mapping, "
                                           u"not %2"_s.arg(name, describe()));
            Fields fields;
            if (!parseVersionMapping(&fields, 0))
                return false;
            if (!fields.version || fields.version->isEmpty()) {
                warn(mark, u"skipping a version of chart \"%1\" without \"version\""_s.arg(name));
                continue;
            }
            versions.append(makeVersion(fields, mark));
        }
    }

    HelmChartVersion makeVersion(const Fields &fields, const Mark &mark)
    {
        HelmChartVersion version;
        version.version = *fields.version;
        version.appVersion = fields.appVersion.value_or(QString());
        version.digest = fields.digest.value_or(QString());
        if (fields.created && !fields.created->isEmpty()) {
            version.created = parseTimestamp(*fields.created);
            if (!version.created.isValid())
                warn(mark, u"version %1: \"created\" is not an RFC 3339 time: %2"_s.arg(
                               version.version, *fields.created));
        }
        for (const QString &url : fields.urls.value_or(QStringList()))
            version.urls.append(HelmIndexReader::resolveChartURL(m_repositoryURL, url));
        return version;
    }

    // The current event starts the mapping.
    bool parseVersionMapping(Fields *fields, int mergeDepth)
    {
        Fields merged;
        QSet<QByteArray> seen;
        for (;;) {
            if (!next())
                return false;
            if (event().type == Type::MappingEnd)
                break;
            if (!event().isScalar()) {
                if (!m_reader.skip() || !next() || !m_reader.skip())
                    return false;
                continue;
            }
            const QByteArray key = event().value.toByteArray();
            const bool mergeKey = key == "<<" && event().plain;
            if (seen.contains(key))
                return m_reader.fail(event().mark, u"duplicate key \"%1\""_s.arg(event().text()));
            seen.insert(key);
            if (!next())
                return false;
            bool ok = true;
            if (mergeKey)
                ok = parseMerge(&merged, mergeDepth);
            else if (key == "version")
                ok = readString(u"version"_s, &fields->version);
            else if (key == "appVersion")
                ok = readString(u"appVersion"_s, &fields->appVersion);
            else if (key == "digest")
                ok = readString(u"digest"_s, &fields->digest);
            else if (key == "created")
                ok = readString(u"created"_s, &fields->created);
            else if (key == "urls")
                ok = readStrings(u"urls"_s, &fields->urls);
            else
                ok = m_reader.skip();
            if (!ok)
                return false;
        }
        // Keys given in the mapping itself win over merged ones, wherever they stand.
        fields->fillFrom(merged);
        return true;
    }

    // `<<: mapping` or `<<: [mapping, ...]`, usually aliases; earlier mappings win.
    bool parseMerge(Fields *merged, int mergeDepth)
    {
        if (mergeDepth >= maxMergeDepth)
            return m_reader.fail(event().mark, u"merge keys nested too deep"_s);
        if (event().type == Type::MappingStart) {
            Fields fields;
            if (!parseVersionMapping(&fields, mergeDepth + 1))
                return false;
            merged->fillFrom(fields);
            return true;
        }
        if (event().type != Type::SequenceStart)
            return m_reader.fail(event().mark, u"the merge key << needs a mapping or a list of "
                                               u"mappings, not %1"_s.arg(describe()));
        for (;;) {
            if (!next())
                return false;
            if (event().type == Type::SequenceEnd)
                return true;
            if (event().type != Type::MappingStart)
                return m_reader.fail(event().mark,
                                     u"the merge key << needs a mapping or a list "
                                     u"of mappings, not a list of %1"_s.arg(describe()));
            Fields fields;
            if (!parseVersionMapping(&fields, mergeDepth + 1))
                return false;
            merged->fillFrom(fields);
        }
    }

    // A null leaves @p out as it was.
    bool readString(const QString &key, std::optional<QString> *out)
    {
        if (event().isNull())
            return true;
        if (!event().isScalar())
            return m_reader.fail(event().mark,
                                 u"\"%1\" must be a string, not %2"_s.arg(key, describe()));
        *out = event().text();
        return true;
    }

    bool readStrings(const QString &key, std::optional<QStringList> *out)
    {
        if (event().isNull())
            return true;
        if (event().type != Type::SequenceStart)
            return m_reader.fail(
                event().mark, u"\"%1\" must be a list of strings, not %2"_s.arg(key, describe()));
        QStringList values;
        for (;;) {
            if (!next())
                return false;
            if (event().type == Type::SequenceEnd)
                break;
            if (event().isNull())
                continue;
            if (!event().isScalar())
                return m_reader.fail(event().mark, u"\"%1\" must be a list of strings, not a "
                                                   u"list of %2"_s.arg(key, describe()));
            values.append(event().text());
        }
        *out = values;
        return true;
    }

    YamlEventReader &m_reader;
    QSet<QString> m_wanted;
    QUrl m_repositoryURL;
    HelmIndex *m_index = nullptr;
    std::optional<Mark> m_apiVersionMark;
};

} // namespace

std::optional<HelmIndex> HelmIndexReader::read(QIODevice &input, const QStringList &charts,
                                               const QUrl &repositoryURL, QString *error,
                                               const QString &sourceName)
{
    YamlEventReader reader(input, sourceName.isEmpty() ? u"index.yaml"_s : sourceName);
    HelmIndex index;
    IndexParser parser(reader, charts, repositoryURL);
    if (reader.failed() || !parser.parse(&index)) {
        if (error)
            *error = reader.error();
        return std::nullopt;
    }
    if (error)
        error->clear();
    return index;
}

std::optional<HelmIndex> HelmIndexReader::read(const QByteArray &data, const QStringList &charts,
                                               const QUrl &repositoryURL, QString *error,
                                               const QString &sourceName)
{
    QByteArray copy = data; // shares, does not copy: QBuffer needs a non-const array
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return read(buffer, charts, repositoryURL, error, sourceName);
}

QUrl HelmIndexReader::resolveChartURL(const QUrl &repositoryURL, const QString &url)
{
    const QUrl chartURL(url);
    if (!chartURL.isRelative() || repositoryURL.isEmpty())
        return chartURL;
    // As Helm's ChartDownloader: the repository URL is a folder, and its query (which may
    // carry a token) goes with the download.
    QUrl base = repositoryURL;
    if (!base.path().endsWith(u'/'))
        base.setPath(base.path() + u'/');
    QUrl resolved = base.resolved(chartURL);
    if (repositoryURL.hasQuery())
        resolved.setQuery(repositoryURL.query());
    return resolved;
}

} // namespace Stevedore
