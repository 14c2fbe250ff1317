/// The service's name and version, as `GET /`, the `Server` header and `--version` report them.
public enum ServiceInfo {
    /// The product name.
    public static let name = "Dossier"
    /// The semantic version of this build.
    public static let version = "0.1.0"
}
