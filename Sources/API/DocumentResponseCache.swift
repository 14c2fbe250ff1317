import DocumentModel
import HTTPServer
import Locking
import Serialization

/// The `GET /v1/documents/{id}` responses rendered lately, so that a document read often is
/// rendered once, and one never read costs no memory for its JSON.
///
/// An entry is found by id and kept only while it was made from the very document asked
/// about: a lookup compares the documents (`==`, which for the same stored value is a
/// comparison of a few fields and of array buffers), so a document replaced by a write is
/// rendered again, whichever version of the collection a request holds. Eviction is CLOCK
/// (second chance), bounded by the rendered bytes: O(1) amortised per insertion.
///
/// - Note: Its state is guarded by one mutex, held for a lookup or an insertion, never while
///   rendering.
final class DocumentResponseCache: Sendable {
    private struct Slot {
        let id: String
        let document: Document
        let response: Response
        var isReferenced: Bool
    }

    private struct State {
        var slotByID: [String: Int] = [:]
        var slots: [Slot?] = []
        /// The indices of the empty slots.
        var free: [Int] = []
        var hand = 0
        var bytes = 0
    }

    /// Most rendered bytes kept.
    let capacity: Int
    private let state = Locked(State())

    /// A cache holding up to `capacity` bytes of rendered documents.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The whole 200 response for `document`: the one rendered before for it, or a new one.
    func response(for document: Document) -> Response {
        if let cached = self.cached(document) { return cached }
        let response = Self.render(document)
        self.insert(response, for: document)
        return response
    }

    /// How many documents are rendered and kept, and their bytes.
    var usage: (documents: Int, bytes: Int) {
        self.state.withLock { ($0.slotByID.count, $0.bytes) }
    }

    private func cached(_ document: Document) -> Response? {
        self.state.withLock { state -> Response? in
            guard let index = state.slotByID[document.id], let slot = state.slots[index], slot.document == document else { return nil }
            state.slots[index]?.isReferenced = true
            return slot.response
        }
    }

    private func insert(_ response: Response, for document: Document) {
        let size = response.body.count
        guard size <= self.capacity else { return }
        self.state.withLock { state in
            if let index = state.slotByID[document.id] { Self.empty(index, in: &state) }
            while state.bytes + size > self.capacity { Self.evictOne(&state) }
            let slot = Slot(id: document.id, document: document, response: response, isReferenced: false)
            if let index = state.free.popLast() {
                state.slots[index] = slot
                state.slotByID[document.id] = index
            } else {
                state.slots.append(slot)
                state.slotByID[document.id] = state.slots.count - 1
            }
            state.bytes += size
        }
    }

    /// Frees the first slot the hand finds unreferenced since it last passed, clearing the
    /// marks it passes.
    private static func evictOne(_ state: inout State) {
        while true {
            if state.hand >= state.slots.count { state.hand = 0 }
            defer { state.hand += 1 }
            guard let slot = state.slots[state.hand] else { continue }
            if slot.isReferenced {
                state.slots[state.hand]?.isReferenced = false
                continue
            }
            Self.empty(state.hand, in: &state)
            return
        }
    }

    private static func empty(_ index: Int, in state: inout State) {
        guard let slot = state.slots[index] else { return }
        state.slotByID[slot.id] = nil
        state.bytes -= slot.response.body.count
        state.slots[index] = nil
        state.free.append(index)
    }

    /// A document's JSON and its whole 200 response.
    private static func render(_ document: Document) -> Response {
        let compact = JSONWriter.serialize(DocumentRepresentation.full(document))
        let headers = HeaderFields([
            ("Content-Type", "application/json"), ("Cache-Control", "no-cache"), ("ETag", EntityTag.make(for: compact)),
        ])
        return Response(headers: headers, body: compact)
    }
}
