import Foundation
import Glibc

/// Timing helpers for the benchmark.
enum Measurement {
    /// Seconds since an arbitrary fixed point, from the monotonic clock.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Runs `body` and returns its result and how long it took, in seconds.
    static func timed<T>(_ body: () throws -> T) rethrows -> (result: T, seconds: Double) {
        let start = self.now()
        let result = try body()
        return (result, self.now() - start)
    }
}

/// Summary statistics of latency samples.
struct LatencySummary {
    /// How many samples.
    let count: Int
    /// The median, in milliseconds.
    let p50: Double
    /// The 99th percentile, in milliseconds.
    let p99: Double
    /// The mean, in milliseconds.
    let mean: Double
    /// The slowest sample, in milliseconds.
    let slowest: Double

    /// Summarises samples given in seconds (nearest-rank percentiles).
    init(seconds samples: [Double]) {
        let sorted = samples.sorted().map { $0 * 1000 }
        /// The nearest-rank `p`th percentile of `sorted`.
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return .nan }
            let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
            return sorted[min(sorted.count - 1, max(0, rank - 1))]
        }
        self.count = sorted.count
        self.p50 = percentile(50)
        self.p99 = percentile(99)
        self.mean = sorted.isEmpty ? .nan : sorted.reduce(0, +) / Double(sorted.count)
        self.slowest = sorted.last ?? .nan
    }
}

/// `value` with `digits` decimals.
func format(_ value: Double, _ digits: Int = 2) -> String {
    String(format: "%.\(digits)f", value)
}

/// Bytes as MiB with one decimal.
func mebibytes(_ bytes: Int) -> String {
    format(Double(bytes) / 1_048_576, 1) + " MiB"
}
