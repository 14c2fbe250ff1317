import Dispatch

/// One client connection: reads requests, answers them in order, and closes cleanly.
///
/// A read source delivers bytes to a `RequestParser`; each complete request is answered by
/// the responder and its response appended to one output buffer, so pipelined requests are
/// answered strictly in order and several responses can leave in one `send`. When the socket
/// will not take more, a write source resumes the flush; when too much output is queued,
/// reading pauses until it drains (back-pressure).
///
/// A deferred reply (`Reply.deferred`) holds back the requests pipelined after it, and
/// reading, until it completes. A streamed reply (`Reply.stream`) turns the connection into
/// a one-way feed: input is discarded (only the peer's close is watched for), each piece
/// the producer sends is framed as a chunk, and the connection closes when the stream ends.
///
/// Closing is "lingering": after the last response, the write side is shut down and input
/// discarded until the peer closes or `lingerTimeout` passes, so that unread request bytes
/// do not make the kernel reset the connection before the client has read the response.
///
/// - Note: `@unchecked Sendable` because all mutable state is confined to `worker.queue`;
///   every entry point checks it with `dispatchPrecondition`.
final class Connection: @unchecked Sendable {
    private enum Phase {
        /// Reading and answering requests.
        case open
        /// A closing response is queued; no more requests are read.
        case closingAfterFlush
        /// A streamed body is being sent; input is discarded.
        case streaming
        /// Output is done and the write side shut down; waiting for the peer to close.
        case lingering
        /// The sources are cancelled.
        case closed
    }

    /// Most reads per readiness event, so that one fast sender cannot hold the worker.
    private static let readsPerEvent = 16

    private let socket: Socket
    /// Strong on purpose: the worker outlives its connections, and an `unowned` reference would
    /// cost an atomic check on every access in the hot path.
    private let worker: Worker
    /// The peer's address.
    let remoteAddress: String
    /// Whether it was accepted above the connection limit, for probes only.
    private let isReserved: Bool
    /// When the current request's body began (its head ended), for the body timeout; `nil`
    /// while no body is being read.
    private var bodyStartedAt: UInt64?
    /// The body bytes this connection has counted in `ServerContext.bodyBytesInFlight`.
    private var countedBodyBytes = 0
    private var parser: RequestParser
    private let readSource: DispatchSourceRead
    private var writeSource: DispatchSourceWrite?
    private var isWriteSourceSuspended = false
    private var isReadPaused = false
    private var phase = Phase.open
    private var peerClosed = false
    private var hasServedRequest = false
    private var pendingCancellations = 0
    private var output: [UInt8] = []
    /// A deferred reply is outstanding: later requests wait, and reading is paused.
    private var awaitingReply = false
    /// The streamed response in progress, while `phase` is `.streaming`.
    private var activeStream: ActiveStream?
    private var outputSent = 0
    /// When the current request (or, before the first, the connection) started, for the header timeout.
    private var requestStartedAt: UInt64
    /// When the sweep should act on this connection, on the monotonic clock.
    private(set) var deadline: UInt64

    init(socket: Socket, worker: Worker, remoteAddress: String, isReserved: Bool) {
        self.socket = socket
        self.worker = worker
        self.remoteAddress = remoteAddress
        self.isReserved = isReserved
        self.parser = RequestParser(limits: worker.context.configuration.limits)
        self.readSource = DispatchSource.makeReadSource(fileDescriptor: socket.descriptor, queue: worker.queue)
        self.requestStartedAt = System.monotonicNanoseconds()
        self.deadline = self.requestStartedAt + worker.context.configuration.headerTimeout.nanoseconds
    }

    deinit {
        precondition(self.phase == .closed && self.pendingCancellations == 0, "connection dropped with its socket open")
    }

    /// A streamed response being sent, and what its access-log line will say.
    private struct ActiveStream {
        let stream: ResponseStream
        let isChunked: Bool
        var logEntry: AccessLogEntry
        let startedAt: UInt64
    }

    private var configuration: ServerConfiguration { self.worker.context.configuration }
    private var pendingOutput: Int { self.output.count - self.outputSent }

    /// Begins reading. Runs on the worker's queue.
    func start() {
        dispatchPrecondition(condition: .onQueue(self.worker.queue))
        // Strong captures: the cycle connection → source → handler → connection is broken in
        // `sourceCancelled`, which clears the handlers once the sources are cancelled.
        self.readSource.setEventHandler { [self] in self.readable() }
        self.readSource.setCancelHandler { [self] in self.sourceCancelled() }
        self.pendingCancellations += 1
        self.readSource.activate()
    }

    /// Shutdown has begun: close now if idle, otherwise after the response in progress; a
    /// stream is ended cleanly.
    func drain() {
        dispatchPrecondition(condition: .onQueue(self.worker.queue))
        if self.phase == .streaming { self.endStream() }
        guard self.phase == .open else { return }
        // Bytes the read source has not delivered yet are a request in flight, not idleness:
        // read them before deciding.
        if !self.isReadPaused { self.readable() }
        if self.phase == .open && !self.parser.hasPartialRequest && self.pendingOutput == 0 && !self.awaitingReply {
            self.close()
        }
        // Otherwise the next response goes out with `Connection: close` (the server is draining).
    }

    /// Called by the sweep when `deadline` has passed.
    func deadlinePassed() {
        dispatchPrecondition(condition: .onQueue(self.worker.queue))
        switch self.phase {
        case .open where self.parser.isReadingHead && self.parser.hasPartialRequest && self.pendingOutput == 0:
            self.answer(failure: .headerTimeout)
            self.flush()
        case .open where self.bodyStartedAt != nil && self.pendingOutput == 0:
            self.answer(failure: .bodyTimeout)
            self.flush()
        case .open, .closingAfterFlush, .streaming, .lingering:
            self.close()
        case .closed:
            break
        }
    }

    // MARK: Reading

    private func readable() {
        dispatchPrecondition(condition: .onQueue(self.worker.queue))
        for _ in 0..<Self.readsPerEvent {
            guard self.phase != .closed, self.readOnce() else { return }
        }
    }

    /// Reads what the socket has and acts on it.
    ///
    /// - Returns: whether to read again in this event: only when a request is still partial.
    ///   Bytes and a reset can arrive together, and Dispatch then reports the descriptor once
    ///   and never again, so the reset is seen only by reading on; a complete request needs no
    ///   second read, since writing its response meets the reset.
    private func readOnce() -> Bool {
        let buffer = self.worker.readBuffer
        let result: IOResult
        do {
            result = try self.socket.read(into: buffer)
        } catch {
            self.close()  // ECONNRESET and the like: the peer is gone.
            return false
        }
        switch result {
        case .wouldBlock:
            return false
        case .endOfFile:
            self.peerDidClose()
            return false
        case .bytes(let count):
            guard self.phase == .open else { return false }  // lingering or closing: discard
            if !self.parser.hasPartialRequest { self.requestStartedAt = System.monotonicNanoseconds() }
            self.parser.append(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            self.processInput()
            return self.phase == .open && !self.isReadPaused && self.parser.hasPartialRequest
        }
    }

    private func peerDidClose() {
        self.peerClosed = true
        // The read source is level-triggered: at end of file it would fire forever.
        self.pauseReading()
        if self.phase == .streaming {
            self.close()  // nobody is left to read the stream
        } else if self.awaitingReply {
            // A half-closed client still gets the reply it is owed.
            if self.phase == .open { self.phase = .closingAfterFlush }
        } else if self.pendingOutput == 0 || self.phase == .lingering {
            self.close()
        } else if self.phase == .open {
            self.phase = .closingAfterFlush
        }
    }

    /// Answers every complete request in the parser, in order, then flushes.
    private func processInput() {
        while self.phase == .open && !self.awaitingReply && self.pendingOutput < self.configuration.outputHighWaterMark {
            let result: ParseResult
            do {
                result = try self.parser.next()
            } catch {
                self.answer(failure: .malformed(error))
                break
            }
            switch result {
            case .needMoreBytes:
                self.accountBodyBytes()
                self.refreshDeadline()
                self.flush()
                return
            case .continueExpected:
                self.output.append(contentsOf: ResponseWriter.continueMessage)
            case .request(var request):
                request.remoteAddress = self.remoteAddress
                self.bodyStartedAt = nil
                if self.isReserved && !self.worker.context.configuration.probePaths.contains(request.path) {
                    self.answer(failure: .connectionLimit)
                    break
                }
                self.answer(request)
            }
        }
        if self.phase == .open { self.pauseReading() }  // over the high-water mark, or awaiting a reply
        self.accountBodyBytes()
        self.refreshDeadline()
        self.flush()
    }

    /// Brings this connection's share of the server's budget for bodies in flight up to
    /// date, and answers 503 when a growing body takes the total past it.
    private func accountBodyBytes() {
        let buffered = self.phase == .open ? self.parser.bufferedBodyBytes : 0
        let change = buffered - self.countedBodyBytes
        guard change != 0 else { return }
        self.countedBodyBytes = buffered
        let total = self.worker.context.bodyBytesInFlight.add(change, ordering: .relaxed).newValue
        if change > 0 && total > self.configuration.maxBodyBytesInFlight {
            self.answer(failure: .bodyMemoryBudget)
            self.worker.context.bodyBytesInFlight.subtract(self.countedBodyBytes, ordering: .relaxed)
            self.countedBodyBytes = 0
        }
    }

    private func answer(_ request: Request) {
        let started = System.monotonicNanoseconds()
        switch self.worker.context.responder.respond(to: request) {
        case .response(let response):
            self.send(response, for: request, started: started)
        case .deferred(let pending):
            self.awaitingReply = true  // processInput stops, pauses reading and clears the deadline
            let queue = self.worker.queue
            pending.whenComplete { [self] response in
                queue.async { self.deferredReplyArrived(response, for: request, started: started) }
            }
        case .stream(let head, let stream):
            self.beginStream(head, stream, for: request, started: started)
        }
    }

    private func deferredReplyArrived(_ response: Response, for request: Request, started: UInt64) {
        dispatchPrecondition(condition: .onQueue(self.worker.queue))
        self.awaitingReply = false
        switch self.phase {
        case .open:
            self.send(response, for: request, started: started)
            if !self.peerClosed { self.resumeReading() }
            self.processInput()  // requests pipelined behind this one, then the flush
        case .closingAfterFlush:
            self.send(response, for: request, started: started)
            self.flush()
        case .streaming, .lingering, .closed:
            break  // the connection was closed meanwhile (reset, or the drain deadline)
        }
    }

    /// Queues a complete response to `request` and logs it.
    private func send(_ response: Response, for request: Request, started: UInt64) {
        let keepAlive = request.isKeepAlive && !response.closesConnection && !self.worker.context.isDraining && !self.peerClosed
        let directive: ResponseWriter.ConnectionDirective =
            !keepAlive ? .close : (request.version == .http1_0 ? .keepAlive : .none)
        let omitBody = request.method == .head
        ResponseWriter.append(
            response, omitBody: omitBody, connection: directive, date: self.worker.dateHeader(),
            serverName: self.worker.context.serverNameBytes, to: &self.output)
        self.hasServedRequest = true
        if !keepAlive { self.phase = .closingAfterFlush }
        self.worker.context.logger.access(
            self.logEntry(
                for: request, response: response, bodyBytes: omitBody || response.status.forbidsContent ? 0 : response.body.count,
                started: started))
    }

    private func logEntry(for request: Request, response: Response, bodyBytes: Int, started: UInt64) -> AccessLogEntry {
        AccessLogEntry(
            remoteAddress: self.remoteAddress, method: request.method.rawValue, target: request.target,
            status: response.status.code, bodyBytes: bodyBytes,
            durationMicroseconds: Int((System.monotonicNanoseconds() - started) / 1000),
            requestID: response.headers["X-Request-Id"], keyName: response.accessKeyName)
    }

    // MARK: Streaming

    private func beginStream(_ head: Response, _ stream: ResponseStream, for request: Request, started: UInt64) {
        guard request.method != .head else {
            stream.terminate()
            var headers = head.headers
            headers.add("Transfer-Encoding", "chunked")
            self.send(Response(status: head.status, headers: headers), for: request, started: started)
            return
        }
        // HTTP/1.0 has no chunked coding: the body ends when the connection closes.
        let isChunked = request.version != .http1_0
        ResponseWriter.appendHead(
            head, framing: isChunked ? .chunked : .closeDelimited, connection: .close, date: self.worker.dateHeader(),
            serverName: self.worker.context.serverNameBytes, to: &self.output)
        self.hasServedRequest = true
        self.phase = .streaming
        self.activeStream = ActiveStream(
            stream: stream, isChunked: isChunked, logEntry: self.logEntry(for: request, response: head, bodyBytes: 0, started: started),
            startedAt: started)
        self.resumeReading()  // to notice the peer's close
        let queue = self.worker.queue
        stream.attach(queue: queue) { [self] event in self.streamEvent(event) }
        self.flush()
        self.refreshDeadline()
    }

    private func streamEvent(_ event: ResponseStream.Event) {
        dispatchPrecondition(condition: .onQueue(self.worker.queue))
        guard self.phase == .streaming, self.activeStream != nil else { return }
        switch event {
        case .bytes(let bytes):
            let limit = self.activeStream!.stream.bufferLimit ?? self.configuration.streamBufferLimit
            guard self.pendingOutput + bytes.count <= limit else {
                self.worker.context.logger.notice(
                    "closing a stream to \(self.remoteAddress): \(self.pendingOutput) bytes unread (limit \(limit))")
                self.close()
                return
            }
            let wasIdle = self.pendingOutput == 0
            if self.activeStream!.isChunked {
                ResponseWriter.appendChunk(bytes, to: &self.output)
            } else {
                self.output.append(contentsOf: bytes)
            }
            self.activeStream!.logEntry.bodyBytes += bytes.count
            self.flush()
            if wasIdle { self.refreshDeadline() }  // a write stalled since earlier keeps its deadline
        case .finish:
            self.endStream()
        case .abort:
            self.worker.context.logger.notice("closing a stream to \(self.remoteAddress): ended by its producer with \(self.pendingOutput) bytes unwritten")
            self.close()
        }
    }

    /// Ends the stream cleanly: the last chunk, then the connection closes.
    private func endStream() {
        guard self.phase == .streaming, let active = self.activeStream else { return }
        if active.isChunked { self.output.append(contentsOf: ResponseWriter.lastChunk) }
        self.phase = .closingAfterFlush
        self.finishStream()
        self.refreshDeadline()
        self.flush()
    }

    /// Tells the producer the stream is over and writes its access-log line.
    private func finishStream() {
        guard var active = self.activeStream else { return }
        self.activeStream = nil
        active.stream.terminate()
        active.logEntry.durationMicroseconds = Int((System.monotonicNanoseconds() - active.startedAt) / 1000)
        self.worker.context.logger.access(active.logEntry)
    }

    private func answer(failure: RequestFailure) {
        let response = self.worker.context.responder.respond(to: failure)
        ResponseWriter.append(
            response, omitBody: false, connection: .close, date: self.worker.dateHeader(),
            serverName: self.worker.context.serverNameBytes, to: &self.output)
        self.phase = .closingAfterFlush
        self.worker.context.logger.access(
            AccessLogEntry(
                remoteAddress: self.remoteAddress, method: "-", target: "-", status: response.status.code,
                bodyBytes: response.body.count, durationMicroseconds: 0, requestID: response.headers["X-Request-Id"]))
    }

    // MARK: Writing

    private func flush() {
        while self.outputSent < self.output.count {
            let result: IOResult
            do {
                result = try self.output.withUnsafeBytes { all throws(SystemCallError) in
                    try self.socket.write(UnsafeRawBufferPointer(rebasing: all[self.outputSent...]))
                }
            } catch {
                self.close()  // EPIPE / ECONNRESET: the peer is gone.
                return
            }
            switch result {
            case .bytes(let count):
                self.outputSent += count
            case .wouldBlock, .endOfFile:
                self.awaitWritable()
                return
            }
        }
        self.outputDrained()
    }

    private func outputDrained() {
        // Keep a modest buffer for the next response; let a huge one go.
        if self.output.capacity > 256 * 1024 {
            self.output = []
        } else {
            self.output.removeAll(keepingCapacity: true)
        }
        self.outputSent = 0
        if let source = self.writeSource, !self.isWriteSourceSuspended {
            source.suspend()
            self.isWriteSourceSuspended = true
        }
        switch self.phase {
        case .open:
            if self.isReadPaused && !self.peerClosed && !self.awaitingReply {
                self.resumeReading()
                self.processInput()  // requests may already be buffered in the parser
            }
        case .closingAfterFlush:
            if !self.awaitingReply { self.beginLingering() }
        case .streaming:
            self.activeStream?.stream.drained()
        case .lingering, .closed:
            break
        }
    }

    private func awaitWritable() {
        if let source = self.writeSource {
            if self.isWriteSourceSuspended {
                source.resume()
                self.isWriteSourceSuspended = false
            }
            return
        }
        let source = DispatchSource.makeWriteSource(fileDescriptor: self.socket.descriptor, queue: self.worker.queue)
        source.setEventHandler { [self] in
            guard self.phase != .closed else { return }
            self.flush()
            self.refreshDeadline()
        }
        source.setCancelHandler { [self] in self.sourceCancelled() }
        self.pendingCancellations += 1
        self.writeSource = source
        source.activate()
    }

    // MARK: Closing

    private func beginLingering() {
        self.phase = .lingering
        self.socket.shutdownWrite()
        if self.peerClosed {
            self.close()
            return
        }
        self.resumeReading()
        self.deadline = System.monotonicNanoseconds() + self.configuration.lingerTimeout.nanoseconds
    }

    /// Cancels the sources; the last cancel handler closes the socket. Idempotent.
    func close() {
        dispatchPrecondition(condition: .onQueue(self.worker.queue))
        guard self.phase != .closed else { return }
        self.phase = .closed
        self.worker.context.bodyBytesInFlight.subtract(self.countedBodyBytes, ordering: .relaxed)
        self.countedBodyBytes = 0
        self.finishStream()
        // A suspended source never runs its cancel handler: resume before cancelling.
        self.resumeReading()
        self.readSource.cancel()
        if let source = self.writeSource {
            if self.isWriteSourceSuspended {
                source.resume()
                self.isWriteSourceSuspended = false
            }
            source.cancel()
        }
    }

    private func sourceCancelled() {
        dispatchPrecondition(condition: .onQueue(self.worker.queue))
        self.pendingCancellations -= 1
        guard self.pendingCancellations == 0 else { return }
        self.socket.close()
        // Break the source → handler → connection cycles. (The cancel handler, running now,
        // is released by Dispatch once it returns.)
        self.readSource.setEventHandler(handler: nil)
        self.writeSource?.setEventHandler(handler: nil)
        self.worker.connectionDidClose(self)
    }

    private func pauseReading() {
        guard !self.isReadPaused else { return }
        self.readSource.suspend()
        self.isReadPaused = true
    }

    private func resumeReading() {
        guard self.isReadPaused else { return }
        self.readSource.resume()
        self.isReadPaused = false
    }

    /// Header timeout while a head is arriving (or before the first request); body timeout,
    /// from the end of the head, while its body is; none while a deferred reply is
    /// outstanding or a stream has nothing unsent; idle timeout otherwise.
    private func refreshDeadline() {
        guard self.phase == .open || self.phase == .closingAfterFlush || self.phase == .streaming else { return }
        let now = System.monotonicNanoseconds()
        if self.bodyStartedAt == nil && self.phase == .open && !self.parser.isReadingHead { self.bodyStartedAt = now }
        if self.awaitingReply || (self.phase == .streaming && self.pendingOutput == 0) {
            self.deadline = .max
            return
        }
        if self.phase == .open && self.pendingOutput == 0, let bodyStartedAt = self.bodyStartedAt {
            self.deadline = bodyStartedAt + self.configuration.bodyTimeout.nanoseconds
            return
        }
        let waitingForHead = self.phase == .open && self.pendingOutput == 0 && self.parser.isReadingHead
            && (self.parser.hasPartialRequest || !self.hasServedRequest)
        self.deadline = waitingForHead
            ? self.requestStartedAt + self.configuration.headerTimeout.nanoseconds
            : now + self.configuration.idleTimeout.nanoseconds
    }
}
