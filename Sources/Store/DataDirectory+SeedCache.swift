import Glibc

extension DataDirectory {
    /// The seed cache's file name.
    static let seedCacheFile = "seeds.cache"

    /// The seeds folder's documents as the last start left them; empty when there is no cache
    /// or it cannot be read (it is rebuilt, never trusted past its checksums).
    public func readSeedCache() -> SeedCache {
        guard let file = try? FileDescriptor.openIfExists(self.path + "/" + Self.seedCacheFile, O_RDONLY) else { return SeedCache() }
        defer { file.close() }
        return (try? file.readAll()).map(SeedCache.init(bytes:)) ?? SeedCache()
    }

    /// Replaces the seed cache, atomically: a crash leaves the old one or the new one.
    ///
    /// - Throws: `StoreError.io` when it cannot be written (start-up goes on without it).
    public func writeSeedCache(_ cache: SeedCache) throws(StoreError) {
        let path = self.path + "/" + Self.seedCacheFile
        let temporary = try FileSystem.writeTemporaryFile(path + ".tmp") { file throws(StoreError) in try file.write(cache.bytes, at: 0) }
        defer { temporary.close() }
        try FileSystem.rename(temporary.path, to: path)
        try FileSystem.syncDirectory(self.path)
    }
}
