import Glibc

/// A value that only one thread at a time can reach: `withLock` holds a `pthread_mutex_t`
/// while its body reads or changes the value.
///
/// Why not the lock of the standard `Synchronization` module: on Linux, a contended lock goes
/// from one thread to the next through a priority-inheritance futex system call
/// (`FUTEX_LOCK_PI`), inside the kernel, where ThreadSanitizer does not see it; so every
/// contended section was reported as a data race. ThreadSanitizer intercepts
/// `pthread_mutex_lock` and `pthread_mutex_unlock`, and so sees this lock's ordering.
///
/// The call shape is that lock's `withLock`: the value goes in as `inout sending` and the result
/// comes out as `sending`, so a value that is not `Sendable` can be kept here too, and the
/// compiler checks that no part of it escapes the lock still shared with the caller.
///
/// - Note: `@unchecked Sendable`: `value` is read and written only inside `withLock`, with
///   the mutex held; the mutex itself is made for thread-shared use.
public final class Locked<Value>: @unchecked Sendable {
    /// The lock. Allocated apart rather than stored inline: a `pthread_mutex_t` must never
    /// move once initialised, and Swift does not promise a stored property a fixed address.
    @usableFromInline let mutex: UnsafeMutablePointer<pthread_mutex_t>
    /// What the lock guards; touched only while `mutex` is held.
    @usableFromInline var value: Value

    /// Makes a lock guarding `initialValue`.
    public init(_ initialValue: consuming sending Value) {
        self.value = initialValue
        self.mutex = .allocate(capacity: 1)
        self.mutex.initialize(to: pthread_mutex_t())
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        defer { pthread_mutexattr_destroy(&attributes) }
        #if DEBUG
        // Taking the lock again on the thread that holds it fails at once instead of hanging.
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ERRORCHECK))
        #endif
        Self.check(pthread_mutex_init(self.mutex, &attributes), "pthread_mutex_init")
    }

    deinit {
        Self.check(pthread_mutex_destroy(self.mutex), "pthread_mutex_destroy")
        self.mutex.deinitialize(count: 1)
        self.mutex.deallocate()
    }

    /// Runs `body` with the lock held and the value lent to it, and returns what it returns.
    ///
    /// The lock is released however `body` ends, by returning or by throwing. `body` must not
    /// call `withLock` on the same lock: that deadlocks (a debug build stops with an error).
    ///
    /// - Parameter body: reads or changes the value; keep it short, it blocks every other user.
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws.
    @inlinable
    public func withLock<Result, Failure: Error>(
        _ body: (inout sending Value) throws(Failure) -> sending Result
    ) throws(Failure) -> sending Result {
        Self.check(pthread_mutex_lock(self.mutex), "pthread_mutex_lock")
        defer { Self.check(pthread_mutex_unlock(self.mutex), "pthread_mutex_unlock") }
        return try body(&self.value)
    }

    /// Stops the process when a pthread call fails: every failure is a misuse of the lock.
    @usableFromInline
    static func check(_ result: Int32, _ call: StaticString) {
        precondition(result == 0, "\(call) failed with error \(result)")
    }
}
