import Corpus
import DocumentModel
import HTTPServer
import Store

/// The `Idempotency-Key` request header: a client's name for one logical request, so that a
/// retry (after a timeout, say) gets the first attempt's result instead of a second document.
///
/// The key is 1 to 255 visible ASCII characters, optionally in double quotes (the IETF draft
/// writes it as a structured-field string). The stamp's fingerprint covers the media type and
/// body, so reusing a key for a different request is refused rather than answered wrongly.
enum IdempotencyKey {
    /// The header's name.
    static let header = "Idempotency-Key"
    /// Longest key.
    static let maxLength = 255

    /// The stamp for a request, or `nil` when it has no key.
    ///
    /// - Throws: `.invalidHeader` for an empty, over-long or non-ASCII key.
    static func stamp(of request: Request, mediaType: String) throws(APIError) -> IdempotencyStamp? {
        guard var key = request.headers[Self.header] else { return nil }
        if key.count >= 2, key.hasPrefix("\""), key.hasSuffix("\"") { key = String(key.dropFirst().dropLast()) }
        guard (1...Self.maxLength).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw .invalidHeader(name: Self.header, rule: "must be 1 to \(Self.maxLength) visible ASCII characters")
        }
        var hasher = FNV1a64()
        hasher.combine(Array(mediaType.utf8))
        hasher.combine([0])
        hasher.combine(request.body)
        return IdempotencyStamp(key: key, fingerprint: hasher.value)
    }
}

/// The 64-bit FNV-1a hash: stable across processes (unlike `Hasher`), so fingerprints stored
/// in the journal still match after a restart.
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ bytes: [UInt8]) {
        for byte in bytes {
            self.value ^= UInt64(byte)
            self.value &*= 0x0000_0100_0000_01B3
        }
    }
}
