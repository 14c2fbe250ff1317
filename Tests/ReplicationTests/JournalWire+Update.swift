import Corpus
import DocumentModel
import Replication
import Store

extension JournalWire {
    /// The bytes of the lines that carry `update`, as a writer sends them.
    static func encode(_ update: ReplicationUpdate) -> [UInt8] {
        self.lines(of: update).flatMap(self.encode)
    }
}
