import HTTPServer
import TestSupport
import Testing

/// Responses larger than the socket buffers, to clients that read slowly: the write source
/// and the output high-water mark must deliver every byte, in order.
@Suite(.timeLimit(.minutes(1)))
struct ConnectionBackPressureTests {
    /// A 4 MiB response to a client with a 4 KiB receive buffer reading 1 KiB at a time
    /// arrives complete and intact, and the connection is still usable afterwards.
    @Test func deliversLargeResponseToSlowReader() throws {
        let size = 4 * 1024 * 1024
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient(receiveBufferSize: 4096)
        client.readChunkSize = 1024

        try client.send(RawRequest.get("\(ServerTestResponder.largePath)?bytes=\(size)"))
        let response = try client.readResponse()

        #expect(response.statusCode == 200)
        #expect(response["Content-Length"] == String(size))
        #expect(response.body.count == size)
        #expect(response.body == ServerTestResponder.pattern(count: size))

        try client.send(RawRequest.get("/after-large"))
        #expect(try client.readResponse()["X-Echo-Path"] == "/after-large")
    }

    /// Pipelined requests whose responses exceed the output high-water mark are answered in
    /// order once the client drains them: reading pauses and resumes without losing requests.
    @Test func resumesPipelinedRequestsAfterOutputDrains() throws {
        var configuration = ServerConfiguration.testing
        configuration.outputHighWaterMark = 64 * 1024
        let server = try TestServer.started(configuration: configuration, responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient(receiveBufferSize: 8192)
        let sizes = [300_000, 200_001, 150_000]

        try client.send(
            sizes.map { RawRequest.get("\(ServerTestResponder.largePath)?bytes=\($0)") }.joined()
                + RawRequest.make("POST", "/tail", body: "last"))

        for size in sizes {
            let response = try client.readResponse()
            #expect(response.statusCode == 200)
            #expect(response.body == ServerTestResponder.pattern(count: size))
        }
        let tail = try client.readResponse()
        #expect(tail["X-Echo-Path"] == "/tail")
        #expect(tail.bodyText == "last")
    }
}
