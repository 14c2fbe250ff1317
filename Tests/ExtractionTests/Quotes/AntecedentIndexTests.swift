import DocumentModel
@testable import Extraction
import Testing

/// The index that answers "who was named last before here".
struct AntecedentIndexTests {
    private func index(_ positions: [(Int, Int)]) -> AntecedentIndex {
        AntecedentIndex(positions.enumerated().map { number, position in
            .init(position: TextPosition(paragraph: position.0, offset: position.1), speaker: Quote.Speaker(name: "P\(number)", kind: .person))
        })
    }

    /// Nothing before the first mention.
    @Test func nothingBeforeTheFirst() {
        var index = self.index([(1, 0)])
        #expect(index.last(before: TextPosition(paragraph: 0, offset: 5)) == nil)
        #expect(index.last(before: TextPosition(paragraph: 1, offset: 0)) == nil)
    }

    /// Questions in reading order and out of it get the same answers.
    @Test func answersInAndOutOfOrder() {
        var index = self.index([(0, 4), (0, 30), (2, 0)])
        #expect(index.last(before: TextPosition(paragraph: 0, offset: 10))?.speaker.name == "P0")
        #expect(index.last(before: TextPosition(paragraph: 3, offset: 0))?.speaker.name == "P2")
        #expect(index.last(before: TextPosition(paragraph: 1, offset: 0))?.speaker.name == "P1")
        #expect(index.last(before: TextPosition(paragraph: 0, offset: 5))?.speaker.name == "P0")
    }

    /// Questions in reading order cost one comparison per mention passed plus one each.
    @Test func forwardQuestionsCostLinearWork() {
        var index = self.index((0..<1000).map { ($0, 0) })
        for paragraph in 0..<1000 { _ = index.last(before: TextPosition(paragraph: paragraph, offset: 1)) }
        #expect(index.comparisons <= 2000)
    }
}
