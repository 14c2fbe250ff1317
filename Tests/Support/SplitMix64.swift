/// A tiny deterministic random number generator (SplitMix64) for property-style tests.
///
/// A fixed seed gives the same sequence on every run and platform, so a failing case can be
/// reproduced from the seed alone; `SystemRandomNumberGenerator` would not allow that.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// Makes a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        self.state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }
}
