/// What an operator configures about the API, as opposed to the server under it.
public struct APIOptions: Sendable {
    /// The origins browsers may call the API from (`https://desk.example`), or `["*"]` for any.
    public var allowedOrigins: [String]
    /// The OpenAPI document served at `GET /openapi.yaml`, or `nil` when there is none.
    public var openAPIDocument: [UInt8]?
    /// How often an event stream with nothing to say sends a comment line. Default 15 s.
    public var heartbeatInterval: Duration

    /// Options with any origin allowed, no OpenAPI document and a 15 s heartbeat.
    public init(allowedOrigins: [String] = ["*"], openAPIDocument: [UInt8]? = nil, heartbeatInterval: Duration = .seconds(15)) {
        self.allowedOrigins = allowedOrigins
        self.openAPIDocument = openAPIDocument
        self.heartbeatInterval = heartbeatInterval
    }
}
