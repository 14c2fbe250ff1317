import HTTPServer
import Testing
import TestSupport

/// The parser on arbitrary bytes: it returns requests or a parse error, never traps, and
/// decides the same however the bytes are split.
struct RequestParserPropertyTests {
    /// Random bytes biased towards HTTP's own tokens, so that inputs get past the first line.
    private static func input(_ generator: inout SplitMix64) -> [UInt8] {
        let pieces = [
            "GET ", "POST ", "/", "?a=%", "%41", " HTTP/1.1", "\r\n", "\n", "\r", "Host: x", "Content-Length: ",
            "Transfer-Encoding: chunked", "0", "5", "ff", ";ext", ":", " ", "\t", "\r\n\r\n", "Expect: 100-continue",
        ]
        var bytes: [UInt8] = []
        for _ in 0..<Int(generator.next() % 40) {
            if generator.next() % 3 == 0 {
                bytes.append(UInt8(truncatingIfNeeded: generator.next()))
            } else {
                bytes.append(contentsOf: pieces[Int(generator.next() % UInt64(pieces.count))].utf8)
            }
        }
        return bytes
    }

    /// What a parser makes of the bytes fed in the given chunk sizes: requests, then the error if any.
    private static func outcome(of bytes: [UInt8], chunk: Int) -> ([Request], HTTPParseError?) {
        var parser = RequestParser(limits: ParserLimits(maxRequestLineBytes: 64, maxHeaderBytes: 128, maxHeaderFields: 8, maxBodyBytes: 64))
        var requests: [Request] = []
        var start = 0
        while start < bytes.count {
            parser.append(contentsOf: bytes[start..<min(bytes.count, start + chunk)])
            start += chunk
            while true {
                do {
                    switch try parser.next() {
                    case .needMoreBytes: break
                    case .continueExpected: continue
                    case .request(let request):
                        requests.append(request)
                        continue
                    }
                } catch {
                    return (requests, error)
                }
                break
            }
        }
        return (requests, nil)
    }

    @Test func neverTrapsAndIgnoresHowBytesAreSplit() {
        var generator = SplitMix64(seed: 0xD055_1E12)
        for _ in 0..<3000 {
            let bytes = Self.input(&generator)
            let whole = Self.outcome(of: bytes, chunk: max(1, bytes.count))
            let trickled = Self.outcome(of: bytes, chunk: 1)
            #expect(whole.0 == trickled.0, "requests differ for \(bytes)")
            #expect(whole.1 == trickled.1, "errors differ for \(bytes)")
        }
    }
}
