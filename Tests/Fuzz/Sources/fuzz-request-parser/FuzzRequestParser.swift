// libFuzzer target: the incremental HTTP/1.1 request parser.
//
// The input is a byte stream as a client might send it (one or several pipelined requests).
// It is fed to `RequestParser` whole, in two and three pieces at positions taken from its
// first bytes, and (when short) one byte at a time, with the default limits and with small
// ones; `next()` is drained after every append until it needs more bytes or throws.
//
// Invariants checked (a violation traps, which libFuzzer reports as a crash):
//   - however the stream is split, the same requests come out, followed by the same outcome
//     (waiting for more bytes, or the same error, up to errors that share a status: a 431 for
//     too many fields can show as a 431 for too many bytes when the section arrives in pieces);
//   - a parser that threw keeps throwing the same error;
//   - every request respects the limits: body, field count (trailers included), request line;
//   - an HTTP/1.1 request has exactly one Host; none has both Content-Length and Transfer-Encoding;
//   - a Content-Length request's body has exactly that many bytes.
import HTTPServer

/// What draining a parser over a whole stream produced.
private struct Outcome: Equatable {
    var requests: [Request] = []
    /// The error the stream ended with, or `nil` if the parser was waiting for more bytes.
    var error: HTTPParseError?
    /// How many times `.continueExpected` came back (depends on the split; not compared).
    var continues = 0

    static func == (lhs: Outcome, rhs: Outcome) -> Bool {
        lhs.requests == rhs.requests && lhs.error.map(errorClass) == rhs.error.map(errorClass)
    }
}

/// Errors that mean the same answer to the client compare equal.
private func errorClass(_ error: HTTPParseError) -> String {
    switch error {
    case .headerSectionTooLarge, .tooManyHeaderFields: return "431"
    default: return String(describing: error)
    }
}

private func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        print("INVARIANT VIOLATED: \(message())")
        fatalError(message())
    }
}

/// Parses `data` fed in pieces ending at `cuts` (ascending offsets; the end is implied).
private func parse(_ data: UnsafeRawBufferPointer, cuts: [Int], limits: ParserLimits, useRawAppend: Bool) -> Outcome {
    var parser = RequestParser(limits: limits)
    var outcome = Outcome()
    var from = 0
    for to in cuts + [data.count] where to >= from {
        let piece = UnsafeRawBufferPointer(rebasing: data[from..<to])
        if useRawAppend { parser.append(piece) } else { parser.append(contentsOf: piece) }
        from = to
        drain: while true {
            do {
                switch try parser.next() {
                case .needMoreBytes: break drain
                case .continueExpected: outcome.continues += 1
                case .request(let request):
                    validate(request, limits: limits)
                    outcome.requests.append(request)
                }
            } catch {
                // Poisoned: the same error again, whatever comes next.
                for _ in 0..<2 {
                    do {
                        _ = try parser.next()
                        check(false, "a failed parser returned a result after \(error)")
                    } catch let again {
                        check(again == error, "a failed parser threw \(again) after \(error)")
                    }
                    parser.append(contentsOf: [0x47, 0x0D, 0x0A])
                }
                check(parser.hasPartialRequest, "a failed parser claims to be idle")
                outcome.error = error
                return outcome
            }
        }
    }
    return outcome
}

private func validate(_ request: Request, limits: ParserLimits) {
    check(request.body.count <= limits.maxBodyBytes, "body of \(request.body.count) bytes over the limit \(limits.maxBodyBytes)")
    check(request.headers.count + request.trailers.count <= limits.maxHeaderFields,
          "\(request.headers.count) fields + \(request.trailers.count) trailers over the limit \(limits.maxHeaderFields)")
    check(request.target.utf8.count <= limits.maxRequestLineBytes, "target longer than the request line limit")
    check(!request.target.isEmpty, "empty target")
    if request.version == .http1_1 {
        check(request.headers.values(for: "Host").count == 1, "HTTP/1.1 request with \(request.headers.values(for: "Host").count) Host fields")
    }
    let lengths = request.headers.values(for: "Content-Length")
    let codings = request.headers.values(for: "Transfer-Encoding")
    check(lengths.isEmpty || codings.isEmpty, "both Content-Length and Transfer-Encoding accepted")
    for element in lengths.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        let digits = element.drop(while: blank).reversed().drop(while: blank).reversed()
        check(Int(String(digits)) == request.body.count, "Content-Length \(lengths) but a body of \(request.body.count) bytes")
    }
    if codings.isEmpty {
        check(request.trailers.count == 0, "trailers without a chunked body")
    } else {
        check(request.version == .http1_1, "Transfer-Encoding accepted on HTTP/1.0")
    }
    check(request.path.utf8.contains(0) == false, "NUL in the decoded path")
}

private let smallLimits = ParserLimits(maxRequestLineBytes: 64, maxHeaderBytes: 160, maxHeaderFields: 6, maxBodyBytes: 48)

private func run(_ data: UnsafeRawBufferPointer, limits: ParserLimits) {
    let whole = parse(data, cuts: [], limits: limits, useRawAppend: true)
    let size = data.count
    guard size > 0 else { return }
    // One cut at a position taken from the first byte.
    let cut = Int(data[0]) % (size + 1)
    let two = parse(data, cuts: [cut], limits: limits, useRawAppend: false)
    check(two == whole, "split at \(cut) gives \(two) but whole gives \(whole)")
    // Two cuts from the first two bytes (scaled, so long inputs are cut past 255 too).
    if size > 1 {
        let first = Int(data[0]) * size / 256
        let second = first + Int(data[1]) * (size - first) / 256
        let three = parse(data, cuts: [first, second], limits: limits, useRawAppend: true)
        check(three == whole, "split at \(first), \(second) gives \(three) but whole gives \(whole)")
    }
    // Byte at a time, for inputs short enough to keep the target fast.
    if size <= 2048 {
        let bytewise = parse(data, cuts: Array(1..<size), limits: limits, useRawAppend: false)
        check(bytewise == whole, "byte at a time gives \(bytewise) but whole gives \(whole)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    run(bytes, limits: ParserLimits())
    run(bytes, limits: smallLimits)
    return 0
}
