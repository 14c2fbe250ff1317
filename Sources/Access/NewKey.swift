/// A freshly made API key: the secret a client will send, shown once, and the key file line
/// that declares it.
public struct NewKey: Sendable {
    /// What every secret starts with, so a leaked key is easy to recognise and to scan for.
    public static let prefix = "dsk_"
    /// Random bytes in a secret: 256 bits.
    public static let randomByteCount = 32

    /// The secret, `dsk_` and 64 hexadecimal digits.
    public let secret: String
    /// The key as the server will know it.
    public let key: APIKey

    /// A new key named `name` with `scopes`, its secret drawn from `generator`
    /// (`SystemRandomNumberGenerator`, the operating system's cryptographic source, by default).
    public init(name: String, scopes: Set<AccessScope>, generator: inout some RandomNumberGenerator) {
        let random = (0..<Self.randomByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        self.secret = Self.prefix + Hex.encode(random)
        self.key = APIKey(name: name, scopes: scopes, digest: SHA256.digest(of: Array(self.secret.utf8)))
    }

    /// A new key from the operating system's cryptographic random source.
    public init(name: String, scopes: Set<AccessScope>) {
        var generator = SystemRandomNumberGenerator()
        self.init(name: name, scopes: scopes, generator: &generator)
    }
}
