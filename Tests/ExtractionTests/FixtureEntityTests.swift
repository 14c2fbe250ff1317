import DocumentModel
@testable import Extraction
import Testing

/// The fixtures' people, organizations and places: each found with its type and the forms
/// it is named by, and nothing else.
struct FixtureEntityTests {
    /// One entity an editor expects.
    private struct Expected {
        let name: String
        let kind: String
        let aliases: [String]
        let isBeyondRules: Bool

        init(_ json: [String: Any]) {
            self.name = json["name"] as? String ?? ""
            self.kind = json["type"] as? String ?? ""
            self.aliases = json["aliases"] as? [String] ?? []
            self.isBeyondRules = json["beyond_rules"] != nil
        }

        var forms: [String] { [self.name] + self.aliases }
    }

    /// Names compared folded, without a leading apostrophe (’Mamello) and after NFC.
    private static func key(_ name: String) -> String {
        String(TextFolding.fold(name.precomposedStringWithCanonicalMapping).drop { $0 == "'" })
    }

    private static func expected(_ fixture: FixtureDocument) -> [Expected] {
        (fixture.expected["entities"] as? [[String: Any]] ?? []).map(Expected.init)
    }

    /// The extracted entity named by one of the expected entity's forms.
    private static func match(_ expected: Expected, in entities: [Entity]) -> Entity? {
        let keys = Set(expected.forms.map(Self.key))
        return entities.first { entity in !keys.isDisjoint(with: ([entity.name] + entity.aliases).map(Self.key)) }
    }

    @Test(arguments: FixtureDocument.names)
    func findsEachEntityWithItsType(_ name: String) throws {
        let fixture = try FixtureDocument(name: name)
        let entities = try fixture.ingest().entities
        for expected in Self.expected(fixture) where !expected.isBeyondRules {
            guard let entity = Self.match(expected, in: entities) else {
                Issue.record("\(name): no entity '\(expected.name)'")
                continue
            }
            #expect(entity.kind.rawValue == expected.kind, "\(name): type of '\(expected.name)'")
        }
    }

    /// Every form the text uses for an entity is one entity's name or alias, never a second entity.
    @Test(arguments: FixtureDocument.names)
    func mergesEachEntitysForms(_ name: String) throws {
        let fixture = try FixtureDocument(name: name)
        let entities = try fixture.ingest().entities
        for expected in Self.expected(fixture) where !expected.isBeyondRules {
            guard let entity = Self.match(expected, in: entities) else { continue }  // reported by the test above
            let forms = Set(([entity.name] + entity.aliases).map(Self.key))
            for alias in expected.aliases {
                #expect(forms.contains(Self.key(alias)), "\(name): '\(alias)' is not an alias of '\(entity.name)'")
            }
        }
    }

    @Test(arguments: FixtureDocument.names)
    func findsNoOtherEntities(_ name: String) throws {
        let fixture = try FixtureDocument(name: name)
        let expected = Self.expected(fixture)
        for entity in try fixture.ingest().entities {
            #expect(expected.contains { Self.match($0, in: [entity]) != nil }, "\(name): unexpected \(entity.kind) '\(entity.name)'")
        }
    }

    /// Each mention's offsets (in Unicode scalars) select its text in its paragraph.
    @Test(arguments: FixtureDocument.names)
    func offsetsSelectTheMention(_ name: String) throws {
        let document = try FixtureDocument(name: name).ingest()
        for mention in document.entities.flatMap(\.mentions) {
            let scalars = Array(document.paragraphs[mention.paragraph].text.unicodeScalars)
            #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
        }
    }
}
