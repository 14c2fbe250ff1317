/// What an operator configures about the API, as opposed to the server under it.
public struct APIOptions: Sendable {
    /// The origins browsers may call the API from (`https://desk.example`), or `["*"]` for any.
    public var allowedOrigins: [String]
    /// The OpenAPI document served at `GET /openapi.yaml`, or `nil` when there is none.
    public var openAPIDocument: [UInt8]?

    /// Options with any origin allowed and no OpenAPI document.
    public init(allowedOrigins: [String] = ["*"], openAPIDocument: [UInt8]? = nil) {
        self.allowedOrigins = allowedOrigins
        self.openAPIDocument = openAPIDocument
    }
}
