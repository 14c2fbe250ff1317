import DocumentModel
@testable import Extraction
import Testing

/// The entity rules one by one, on sentences written for them (names invented).
struct EntityRuleTests {
    private func entities(_ body: String) throws -> [Entity] {
        try Ingestor().ingest(text: "Headline for the test\n\n" + body, id: "t").entities
    }

    private func kind(of name: String, in body: String) throws -> Entity.Kind? {
        try self.entities(body).first { $0.name == name }?.kind
    }

    /// A lower-case noun beside an unknown name says what it names.
    @Test(arguments: [
        ("The carmaker Voltara said sales fell in March.", "Voltara", Entity.Kind.organization),
        ("Teleborg, the state-owned broadcaster, said it would appeal.", "Teleborg", .organization),
        ("The island's parliament, the Løgting, voted on Thursday to raise the levy.", "Løgting", .organization),
        ("Floods cut the only road into Kessaro province for a week.", "Kessaro", .location),
        ("Aid reached the region of Tamberlo after the rains stopped.", "Tamberlo", .location),
        ("Shops in the centre of Valmora closed early on Friday.", "Valmora", .location),
        ("Ferries were halted off Skarvik as the storm passed.", "Skarvik", .location),
    ])
    func neighbouringNounSaysWhatANameIs(body: String, name: String, kind: Entity.Kind) throws {
        #expect(try self.kind(of: name, in: body) == kind)
    }

    /// Names listed after a place are places, however the list is joined.
    @Test func namesListedAfterAPlaceArePlaces() throws {
        let entities = try self.entities("Clinics will open in Brenvik, Tollsund, Marrow Heath and Keld from next year.")
        for name in ["Brenvik", "Tollsund", "Marrow Heath", "Keld"] {
            #expect(entities.first { $0.name == name }?.kind == .location, "\(name)")
        }
    }

    /// A person in apposition after a place is not one more place of a list.
    @Test func personAfterAPlaceIsNoListItem() throws {
        let body = "The envoy to Portugal, Ana Sousa Lima, has warned of delays.\n\n\"We are out of time,\" Sousa Lima said."
        let entities = try self.entities(body)
        let envoy = try #require(entities.first { $0.name == "Ana Sousa Lima" })
        #expect(envoy.kind == .person)
        #expect(envoy.aliases == ["Sousa Lima"])
    }

    /// Spanish double surnames: the first surname alone is the same person.
    @Test func firstOfTwoSurnamesJoinsThePerson() throws {
        let entities = try self.entities("Director Inés Carrasco Vidal opened the site.\n\nCarrasco said the work would take a year.")
        #expect(entities.filter { $0.kind == .person }.map(\.name) == ["Inés Carrasco Vidal"])
        #expect(entities.first?.aliases == ["Carrasco"])
    }

    /// A shortened organization name joins the fuller one; a mission keeps its country.
    @Test func shortenedOrganizationNamesJoinTheFullName() throws {
        let body = """
            The Federal Transport Directorate and the UN Assistance Mission in Afghanistan signed the plan.

            The Directorate said the Assistance Mission would pay for the survey.
            """
        let entities = try self.entities(body)
        let directorate = try #require(entities.first { $0.name == "Federal Transport Directorate" })
        #expect(directorate.aliases == ["Directorate"])
        let mission = try #require(entities.first { $0.name == "UN Assistance Mission in Afghanistan" })
        #expect(mission.kind == .organization)
        #expect(mission.aliases == ["Assistance Mission"])
        #expect(!entities.contains { $0.name == "Afghanistan" })
    }

    /// A bare organization word with no fuller name in the story names nothing.
    @Test func bareOrganizationWordAloneIsNoEntity() throws {
        #expect(try self.entities("The Commission said it would publish the figures.").isEmpty)
    }

    /// An acronym with a possessive is still an acronym.
    @Test func possessiveAcronymIsTheOrganization() throws {
        let union = try #require(try self.entities("Money will come from the EU’s research programme.").first)
        #expect(union.name == "European Union")
        #expect(union.aliases == ["EU’s"] || union.aliases == ["EU"])
    }

    /// Regions and natural features come from the gazetteer under their usual name.
    @Test func gazetteerKnowsRegionsAndFeatures() throws {
        let entities = try self.entities("Trawlers from the Baltic fished in the Mediterranean and off Sulawesi.")
        #expect(Set(entities.filter { $0.kind == .location }.map(\.name)).isSuperset(of: ["Mediterranean", "Sulawesi"]))
    }

    /// Media contacts are people, and their cities places, mentioned in the contacts section.
    @Test func mediaContactsArePeopleAndTheirCitiesPlaces() throws {
        let text = """
            Headline for the test

            The agency published its annual report on Monday.

            Media contacts

            In Cardiff (English, Welsh): Jo Ellison, +44 29 2018 0000, jo.ellison@example.org
            """
        let document = try Ingestor().ingest(text: text, id: "t")
        let person = try #require(document.entities.first { $0.name == "Jo Ellison" })
        #expect(person.kind == .person)
        #expect(person.mentions.allSatisfy { document.paragraphs[$0.paragraph].section == .contacts })
        #expect(document.entities.first { $0.name == "Cardiff" }?.kind == .location)
    }

    /// A press release with no masthead is published by the organization it signs off with.
    @Test(arguments: [("Harbour Safety Authority", "Harbour Safety Authority"), ("UNICEF Regional Office", "UNICEF")])
    func pressReleaseSignOffNamesThePublisher(signOff: String, source: String) throws {
        let text = """
            For immediate release

            New ferry inspections start in spring

            Inspectors will check every passenger ferry before the summer timetable begins, the port said.

            \(signOff)

            Media contacts

            In Cardiff (English): Jo Ellison, +44 29 2018 0000, jo.ellison@example.org
            """
        let document = try Ingestor().ingest(text: text, id: "t")
        #expect(document.kind == .pressRelease)
        #expect(document.source == source)
    }
}
