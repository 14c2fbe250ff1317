import DocumentModel
@testable import Extraction
import Testing

/// The rules that type a name by its neighbours in a sentence: an office and its holder after
/// it, a plural verb, the items of a list beside it (names invented).
struct EntityNeighbourRuleTests {
    private func entities(_ body: String) throws -> [Entity] {
        try Ingestor().ingest(text: "Headline for the test\n\n" + body, id: "t").entities
    }

    private func kinds(of name: String, in body: String) throws -> Set<Entity.Kind> {
        Set(try self.entities(body).filter { $0.name == name }.map(\.kind))
    }

    /// A name before a lower-case office and its holder is the employer: a team before a
    /// player's position, a company before a spokesperson.
    @Test(arguments: [
        ("Redwood Rangers quarterback Tomas Vellard threw for two touchdowns.", "Redwood Rangers", "Tomas Vellard"),
        ("The save came from Marlow Athletic keeper Dario Fenskow in the last minute.", "Marlow Athletic", "Dario Fenskow"),
        ("Quorivel spokesperson Ana Lindqvar declined to comment on the figures.", "Quorivel", "Ana Lindqvar"),
    ])
    func nameBeforeAnOfficeAndItsHolderIsTheEmployer(body: String, employer: String, holder: String) throws {
        #expect(try self.kinds(of: employer, in: body) == [.organization])
        #expect(try self.kinds(of: holder, in: body) == [.person])
    }

    /// A one-word name taking a plural verb is a body of people, a team or a company, even
    /// when it is also a given name.
    @Test(arguments: [
        ("Castlebray have signed the striker for a record fee.", "Castlebray"),
        ("The fee, which Marla were happy to pay, is a club record.", "Marla"),
    ])
    func oneWordNameWithAPluralVerbIsABodyOfPeople(body: String, name: String) throws {
        #expect(try self.kinds(of: name, in: body) == [.organization])
    }

    /// After an auxiliary a plural verb is a bare infinitive, and after a pronoun, a question
    /// word or a demonym it is just a verb: neither says anything of the name.
    @Test(arguments: [
        ("Did Ondrea have a choice in the matter at all?", "Ondrea"),
        ("They’ll have two batteries to choose from.", "They’ll"),
        ("Why are the trains late again this winter?", "Why"),
        ("Talks between Vossland and Chinese leader Ana Lindqvar stalled.", "Chinese"),
    ])
    func pluralVerbOrOfficeAfterAFunctionWordSaysNothing(body: String, name: String) throws {
        #expect(try !self.kinds(of: name, in: body).contains(.organization))
    }

    /// A town's police and residents make its name a place's.
    @Test(arguments: ["Tarnwick police said the road would stay closed.", "The fire was reported by a Tarnwick resident at dawn."])
    func townsPoliceAndResidentsMakeAPlace(body: String) throws {
        #expect(try self.kinds(of: "Tarnwick", in: body) == [.location])
    }

    /// After an office, a place's name and one more word are a person's name.
    @Test func officeBeforeAPlaceNamedPersonMakesAPerson() throws {
        #expect(try self.kinds(of: "Georgia Vantongeren", in: "The bill was opposed by Senator Georgia Vantongeren on Monday.") == [.person])
    }

    /// A name listed beside a person named in full is a person's, before or after it.
    @Test(arguments: [
        "The prize went to Senator Ana Lindqvar and Kwabe Ossendrin for the report.",
        "The studio was founded by Kwabe Ossendrin and Ana Lindqvar in a garage.",
    ])
    func nameListedBesideAPersonIsAPerson(body: String) throws {
        #expect(try self.kinds(of: "Kwabe Ossendrin", in: body) == [.person])
    }

    /// A name listed before or after an organization is one.
    @Test(arguments: [
        ("Screens are made by Voltrix and Brightline Holdings in two plants.", "Voltrix"),
        ("The agency picked Brightline Holdings and Tessaly Orbit for the second round.", "Tessaly Orbit"),
        ("The agency picked Tessaly Orbit, Brightline Holdings and Corvane Marine Group.", "Tessaly Orbit"),
    ])
    func nameListedBesideAnOrganizationIsOne(body: String, name: String) throws {
        #expect(try self.kinds(of: name, in: body) == [.organization])
    }

    /// A one-word name that owns a business, runs servers or offers accounts, or that has bought
    /// one, is a company's.
    @Test(arguments: [
        ("The retail site is owned by Zentarra and sells mostly clothes.", "Zentarra"),
        ("On Monday, Quorix's servers went down for six hours.", "Quorix"),
        ("Rivals such as Quorix's forthcoming consumer savings accounts worry the banks.", "Quorix"),
        ("Quorix has bought a small maker of payment terminals.", "Quorix"),
        ("Sellers are now active across Quorix's various platforms.", "Quorix"),
    ])
    func ownershipAndServersMakeACompany(body: String, name: String) throws {
        #expect(try self.kinds(of: name, in: body) == [.organization])
    }

    /// A team named for its city names the city too.
    @Test func teamNamedForItsCityNamesTheCity() throws {
        let entities = try self.entities("The win over the Leeds Harriers came late on Saturday.")
        #expect(entities.first { $0.name == "Leeds Harriers" }?.kind == .organization)
        #expect(entities.first { $0.name == "Leeds" }?.kind == .location)
    }
}
