import Foundation
import HTTPClient

/// `dossier healthcheck`: whether the server on this machine answers `GET /healthz` with 200,
/// as the exit code a container health check reads.
enum HealthcheckCommand {
    /// Asks the server once, printing one line to stderr when it is unhealthy.
    ///
    /// - Returns: the exit code: 0 for a 200 answer; 1 for any other status, or no answer
    ///   (refused, timed out, malformed).
    static func run(_ options: HealthcheckOptions) -> Int32 {
        let endpoint = options.endpoint
        let reason: String
        do {
            let response = try HTTPClient.get(endpoint, timeout: ServeOptions.duration(seconds: options.timeout), maxBodyBytes: 64 * 1024)
            if response.status == 200 { return 0 }
            reason = "answered \(response.status)"
        } catch {
            reason = error.description
        }
        FileHandle.standardError.write(Data("unhealthy: GET \(endpoint): \(reason)\n".utf8))
        return 1
    }
}
