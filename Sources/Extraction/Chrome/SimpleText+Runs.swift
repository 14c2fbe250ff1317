extension SimpleText {
    /// The bytes `keep` maps to a byte, in order, with each run of bytes it drops (`nil`)
    /// between two kept ones written as one space, and none before the first or after the
    /// last: written straight into the string, which is never longer than the bytes.
    ///
    /// - Precondition: the bytes written make valid UTF-8.
    static func joiningRuns(of bytes: UnsafeBufferPointer<UInt8>, keep: (UInt8) -> UInt8?) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { joined in
            var length = 0
            var pendingSpace = false
            for byte in bytes {
                guard let kept = keep(byte) else {
                    pendingSpace = length > 0
                    continue
                }
                if pendingSpace {
                    joined[length] = UInt8(ascii: " ")
                    length += 1
                    pendingSpace = false
                }
                joined[length] = kept
                length += 1
            }
            return length
        }
    }
}
