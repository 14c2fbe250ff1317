@preconcurrency import Glibc

/// Gives the C heap's free pages back to the system.
///
/// glibc keeps memory that was freed inside its heap for later allocations, so after a
/// start-up that builds large temporary structures the resident size stays at the peak.
/// `malloc_trim` releases those pages. Glibc's Swift module does not import `malloc.h`, so the
/// function is looked up by name; where the C library has none, this does nothing.
enum HeapTrim {
    private typealias MallocTrim = @convention(c) (Int) -> Int32

    /// Releases the heap's free pages (`malloc_trim(0)`).
    static func returnFreedMemory() {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    }
}
