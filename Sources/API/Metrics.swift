import Locking

/// Request counters and latency histograms, exposed at `GET /metrics` in the Prometheus text
/// format (version 0.0.4).
///
/// Requests are labelled by method and route template (`GET`, `/v1/documents/{id}`), never by
/// raw path, so the number of series stays bounded whatever clients send: a path no route
/// matches counts as `unmatched`, a request the server could not read as `unreadable` (method `-`).
///
/// - Note: The counters live behind one mutex, taken once per request for a few dictionary
///   updates; gauges are read when `/metrics` is rendered.
final class Metrics: Sendable {
    /// The route label of a path no route matches.
    static let unmatchedRoute = "unmatched"
    /// The route label of a request the server could not read.
    static let unreadableRoute = "unreadable"
    /// Histogram bucket upper bounds, in seconds.
    static let buckets: [Double] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1]

    private struct Histogram {
        var counts = [Int](repeating: 0, count: Metrics.buckets.count)
        var sum = 0.0
        var count = 0

        mutating func record(_ seconds: Double, bucket: Int?) {
            if let bucket { self.counts[bucket] += 1 }
            self.sum += seconds
            self.count += 1
        }
    }

    /// A series' method and route labels.
    private struct Series: Hashable, Comparable {
        let method: String
        let route: String

        static func < (lhs: Series, rhs: Series) -> Bool {
            (lhs.route, lhs.method) < (rhs.route, rhs.method)
        }

        var labels: String {
            "method=\"\(Metrics.escaped(self.method))\",route=\"\(Metrics.escaped(self.route))\""
        }
    }

    private struct Counters {
        var requests: [Series: [Int: Int]] = [:]
        var latency: [Series: Histogram] = [:]
    }

    private let counters = Locked(Counters())
    /// Reads the open-connection count; set once the server exists.
    private let openConnections = Locked<(@Sendable () -> Int)?>(nil)

    /// Counts one answered request.
    ///
    /// - Parameters:
    ///   - method: its method, or `-` when the request could not be read.
    ///   - route: its route template, or `unmatched` / `unreadable`.
    ///   - status: the response's status code.
    ///   - seconds: the time it took.
    func record(method: String, route: String, status: Int, seconds: Double) {
        let bucket = Self.buckets.firstIndex { seconds <= $0 }
        let series = Series(method: method, route: route)
        self.counters.withLock { counters in
            counters.requests[series, default: [:]][status, default: 0] += 1
            // In place: copying the histogram out and back copied its counts on every request.
            counters.latency[series, default: Histogram()].record(seconds, bucket: bucket)
        }
    }

    /// Where the open-connection gauge reads from.
    func observeOpenConnections(_ read: @escaping @Sendable () -> Int) {
        self.openConnections.withLock { $0 = read }
    }

    /// The exposition: counters, histograms (cumulative buckets), and the gauges given.
    func render(gauges: [(name: String, help: String, value: Int)]) -> String {
        let counters = self.counters.withLock { $0 }
        var lines: [String] = []
        lines.append("# HELP dossier_http_requests_total HTTP requests answered, by method, route template and status.")
        lines.append("# TYPE dossier_http_requests_total counter")
        for series in counters.requests.keys.sorted() {
            for (status, count) in counters.requests[series, default: [:]].sorted(by: { $0.key < $1.key }) {
                lines.append("dossier_http_requests_total{\(series.labels),status=\"\(status)\"} \(count)")
            }
        }
        lines.append(
            "# HELP dossier_http_request_duration_seconds Time from a request's arrival at the API to its response, by method and route template.")
        lines.append("# TYPE dossier_http_request_duration_seconds histogram")
        for series in counters.latency.keys.sorted() {
            let histogram = counters.latency[series] ?? Histogram()
            let label = series.labels
            var cumulative = 0
            for (bound, count) in zip(Self.buckets, histogram.counts) {
                cumulative += count
                lines.append("dossier_http_request_duration_seconds_bucket{\(label),le=\"\(bound)\"} \(cumulative)")
            }
            lines.append("dossier_http_request_duration_seconds_bucket{\(label),le=\"+Inf\"} \(histogram.count)")
            lines.append("dossier_http_request_duration_seconds_sum{\(label)} \(histogram.sum)")
            lines.append("dossier_http_request_duration_seconds_count{\(label)} \(histogram.count)")
        }
        let open = self.openConnections.withLock { $0 }?() ?? 0
        for gauge in [("dossier_open_connections", "Connections open now.", open)] + gauges.map({ ($0.name, $0.help, $0.value) }) {
            lines.append("# HELP \(gauge.0) \(gauge.1)")
            lines.append("# TYPE \(gauge.0) gauge")
            lines.append("\(gauge.0) \(gauge.2)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A label value with `\`, `"` and line feeds escaped, as the format requires.
    fileprivate static func escaped(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
