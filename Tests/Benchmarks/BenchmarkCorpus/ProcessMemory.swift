import Foundation

/// The benchmark process's memory, from /proc/self/status.
public enum ProcessMemory {
    /// The resident set size in bytes (`VmRSS`), or 0 when /proc cannot be read.
    ///
    /// With `trimming`, freed heap pages are handed back to the system first (glibc's
    /// `malloc_trim`), so what is left is what the process holds, not what malloc keeps for later.
    public static func residentBytes(trimming: Bool = false) -> Int {
        if trimming { _ = self.mallocTrim?(0) }
        return self.status("VmRSS")
    }

    /// The largest resident set size so far, in bytes (`VmHWM`).
    public static func peakResidentBytes() -> Int {
        self.status("VmHWM")
    }

    /// A memory line of /proc/self/status (`VmRSS`, `VmHWM`) in bytes, or 0.
    private static func status(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes * 1024
    }

    /// glibc's `malloc_trim`, which the Glibc module does not export, looked up at run time.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
}
