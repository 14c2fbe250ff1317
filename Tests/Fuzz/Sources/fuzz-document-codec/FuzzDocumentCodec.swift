// libFuzzer target: a stored document's bytes, as the journal, the snapshot, the seed cache
// and the replication feed (base64) carry them (`IngestedDocument(documentBytes:)`).
//
// Any bytes may come from a damaged disk or a hostile peer: decoding must throw or succeed,
// never trap, and never reserve memory the bytes could not fill.
//
// Invariant checked (a violation traps): a document that decodes encodes to bytes that
// decode to the same document.
import DocumentModel
import Store

private func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        print("INVARIANT VIOLATED: \(message())")
        fatalError(message())
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let decoded = try? IngestedDocument(documentBytes: bytes, extractorVersion: 1) else { return 0 }
    let again = try? IngestedDocument(documentBytes: decoded.documentBytes, extractorVersion: 1)
    check(again == decoded, "a decoded document does not survive encoding: \(decoded.document.id)")
    return 0
}
