/// A list read by position from an index: each element is made when read, so a page costs its
/// elements, not the list.
///
/// - Note: Immutable, and what it reads is immutable, hence `Sendable`.
public struct PositionalList<Element>: RandomAccessCollection, Sendable {
    private let size: Int
    private let element: @Sendable (Int) -> Element

    /// `count` elements, the one at a position made by `element`.
    init(count: Int, element: @escaping @Sendable (Int) -> Element) {
        self.size = count
        self.element = element
    }

    /// 0.
    public var startIndex: Int { 0 }
    /// The number of elements.
    public var endIndex: Int { self.size }

    /// The element at `position`.
    public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < self.size, "position \(position) out of range")
        return self.element(position)
    }
}
