import Glibc
import Store
import Testing

/// What a client is told of a failed write: what failed and why, never where on the server.
struct StoreErrorDescriptionTests {
    static let errors: [StoreError] = [
        .cannotCreateDirectory(path: "/srv/dossier/data", errno: EACCES),
        .locked(path: "/srv/dossier/data"),
        .io(operation: "fsync", path: "/srv/dossier/data/journal", errno: ENOSPC),
        .corrupt(file: "/srv/dossier/data/journal", offset: 42, reason: "bad checksum"),
        .unsupportedVersion(file: "/srv/dossier/data/journal", version: 9),
    ]

    @Test(arguments: Self.errors)
    func clientDescriptionNamesNoPath(_ error: StoreError) {
        #expect(!error.clientDescription.contains("/srv"))
        #expect(!WriteError.storage(error).clientDescription.contains("/srv"))
        #expect(error.description.contains("/srv"), "the operator's description keeps the path")
    }

    @Test func diskFullSaysSoAndThatNothingWasStored() {
        let detail = WriteError.storage(.io(operation: "fsync", path: "/srv/x/journal", errno: ENOSPC)).clientDescription
        #expect(detail.contains("No space left on device"))
        #expect(detail.contains("nothing was stored"))
    }

    @Test func otherWriteErrorsAreUnchanged() {
        #expect(WriteError.idTaken("a").clientDescription == WriteError.idTaken("a").description)
    }
}
