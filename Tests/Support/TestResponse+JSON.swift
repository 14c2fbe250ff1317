import Foundation

extension TestResponse {
    /// The body parsed with `JSONSerialization` as a JSON object.
    ///
    /// ```swift
    /// let problem = try response.jsonObject()
    /// #expect(problem["status"] as? Int == 404)
    /// ```
    ///
    /// - Returns: the object's members.
    /// - Throws: `JSONSerialization`'s error for invalid JSON, or
    ///   `TestClientError.malformedResponse` when the top level is not an object.
    public func jsonObject() throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(self.body))
        guard let object = value as? [String: Any] else {
            throw TestClientError.malformedResponse("the body is JSON but not an object: \(self.bodyText.prefix(80))")
        }
        return object
    }
}
