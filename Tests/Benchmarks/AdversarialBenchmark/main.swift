import BenchmarkCorpus
import Extraction
import Foundation

// The worst case of ingestion: CPU time per shape of hostile text, at growing sizes.
//   swift run -c release ingest-adversarial [max-bytes=1048576] [shape ...]
// For each shape in AdversarialText (or those named), ingests texts of 64 KiB, 256 KiB and
// `max-bytes`, and prints CPU seconds and seconds per MiB. The last line is the worst case at
// the largest size; the budget is 1 s per MiB.

/// The command line, without the program name.
let arguments = Array(CommandLine.arguments.dropFirst())
/// The largest text, in bytes.
let maxBytes = arguments.first.flatMap { Int($0) } ?? 1 << 20
/// The shapes to run.
let shapes = arguments.count > 1 ? arguments.dropFirst().compactMap(AdversarialText.Shape.init(rawValue:)) : AdversarialText.Shape.allCases
/// The sizes to run, smallest first.
let sizes = Set([64 << 10, 256 << 10, maxBytes].filter { $0 <= maxBytes }).sorted()

/// CPU time this process has used, in seconds.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The ingestor under test.
let ingestor = Ingestor()
_ = try? ingestor.ingest(text: "Warm up\n\nThe lexicons load once, before the clock starts.", id: "warm-up")

print("shape                     bytes    cpu s    s/MiB  outcome")
/// The largest cost per MiB at the largest size, and its shape.
var worst: (perMiB: Double, shape: String) = (0, "")
for shape in shapes {
    for size in sizes {
        let text = AdversarialText.make(shape, bytes: size)
        let bytes = text.utf8.count
        let start = cpuSeconds()
        let outcome: String
        do {
            let document = try ingestor.ingest(text: text, id: "adversarial")
            outcome = "\(document.paragraphs.count) paragraphs, \(document.entities.count) entities, \(document.quotes.count) quotes"
        } catch {
            outcome = "rejected: \(error)"
        }
        let seconds = cpuSeconds() - start
        let perMiB = seconds / (Double(bytes) / 1_048_576)
        let name = shape.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)
        print(name + String(format: " %8d %8.3f %8.3f  ", bytes, seconds, perMiB) + outcome)
        if size == sizes.last, perMiB > worst.perMiB { worst = (perMiB, shape.rawValue) }
    }
}
print(String(format: "worst case at %d bytes: %.3f s per MiB", maxBytes, worst.perMiB) + " (\(worst.shape))")
