/// Cuts a byte stream into lines at each line feed, whatever the pieces it arrives in.
struct LineSplitter {
    /// The longest line accepted, in bytes.
    let maxLineBytes: Int
    private var buffer: [UInt8] = []
    /// Where to look for the next line feed: bytes before it have none.
    private var scanned = 0

    init(maxLineBytes: Int) {
        self.maxLineBytes = maxLineBytes
    }

    /// Adds bytes and returns the lines they complete, without their line feeds.
    ///
    /// - Throws: `FollowerError.lineTooLong` when a line grows past `maxLineBytes`.
    mutating func push(_ bytes: [UInt8]) throws(FollowerError) -> [ArraySlice<UInt8>] {
        self.buffer += bytes
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = 0
        while let end = self.buffer[self.scanned...].firstIndex(of: 0x0A) {
            lines.append(self.buffer[lineStart..<end])
            lineStart = end + 1
            self.scanned = lineStart
        }
        // The slices returned keep the old storage alive; the buffer keeps only the partial line.
        self.buffer.removeFirst(lineStart)
        self.scanned = self.buffer.count
        guard self.buffer.count <= self.maxLineBytes else { throw .lineTooLong(limit: self.maxLineBytes) }
        return lines
    }
}
