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

    /// A given name inside a run starts a second name: the office glued before it is no person.
    @Test func givenNameAfterAnOfficeStartsThePerson() throws {
        let entities = try self.entities("The rules were announced on Monday by Secretary of State Daniel Orvek in a short statement.")
        #expect(entities.first { $0.name == "Daniel Orvek" }?.kind == .person)
        #expect(!entities.contains { $0.name.hasPrefix("State") })
    }

    /// A one-word name with a company's attributes beside it is an organization, and stays one
    /// where the story writes it after a preposition of place.
    @Test(arguments: [
        "Shares of Brivora fell 4% after the results were published on Tuesday.",
        "Brivora users complained on Tuesday that the service was down for hours.",
        "Brivora launched a cheaper tablet on Tuesday to win back schools.",
    ])
    func companyContextMakesAnOrganization(body: String) throws {
        let entities = try self.entities(body + "\n\nThe complaints spread across Brivora within a day, engineers said.")
        #expect(entities.filter { $0.name == "Brivora" }.map(\.kind) == [.organization])
    }

    /// A company named like a town is an organization when its context says so.
    @Test func companyNamedLikeATownIsAnOrganization() throws {
        #expect(try self.kind(of: "Eindhoven", in: "Eindhoven shares rose 3% in early trading on Friday, brokers said.") == .organization)
        #expect(try self.kind(of: "Eindhoven", in: "Trains to Eindhoven were cancelled on Friday after the storm.") == .location)
    }

    /// A capitalised common word opening a sentence is no company.
    @Test func sentenceOpeningCommonWordIsNoCompany() throws {
        let entities = try self.entities("Small investors bought shares in the fund on Monday, and small traders followed them.")
        #expect(!entities.contains { $0.name == "Small" })
    }

    /// One-word names listed after an organization are organizations; a demonym stays an adjective.
    @Test func namesListedAfterAnOrganizationAreOrganizations() throws {
        let entities = try self.entities("The group bought Harrow Studios, Quenby and Lintrel last year to serve American viewers.")
        for name in ["Quenby", "Lintrel"] {
            #expect(entities.first { $0.name == name }?.kind == .organization, "\(name)")
        }
        #expect(!entities.contains { $0.name == "American" })
    }

    /// A two-word name ending in a known surname the story also writes alone is a person; a
    /// place-like name whose last word is a surname is not, when that word is never alone.
    @Test func surnameEndedNameIsAPerson() throws {
        let body = "Kwabeno Okafor opened the bakery in May.\n\n\"It was a hard year,\" Okafor said of the opening."
        #expect(try self.kind(of: "Kwabeno Okafor", in: body) == .person)
        #expect(try self.kind(of: "Marrow Williams", in: "The concert moved to Marrow Williams in June after the flood.") == nil)
    }

    /// Initials spell a place, and a sentence opener before a place is no part of it.
    @Test func initialsAndOpenersBeforeAPlace() throws {
        let entities = try self.entities("Sales in the U.S. rose in May.\n\nRemember Nebraska’s long drought? It ended in June.")
        #expect(entities.first { $0.name == "United States" }?.kind == .location)
        #expect(entities.first { $0.name == "Nebraska" }?.kind == .location)
    }

    /// A one-word name opening a clause as its subject is a company's when the clause calls it
    /// `its`, or (not a surname) when it is the singular subject inside a sentence or named
    /// again; a person's pronoun, a plural subject or a sentence's subject named once says
    /// nothing of the kind.
    @Test func subjectOfAClauseIsACompany() throws {
        #expect(try self.kind(of: "Quorvane", in: "Analysts expect that Quorvane is rolling out a new tablet in March.") == .organization)
        #expect(try self.entities("Floodwater has washed away the only road to the valley, officials said.").isEmpty)
        #expect(try self.kind(of: "Hale", in: "Hale will display its first electric van at the show this week.") == .organization)
        #expect(try self.kind(of: "Quorvane", in: "Quorvane is back where he was in the polls last spring.") == nil)
        #expect(try self.entities("Farmers will sell more grain this year, traders expect.").isEmpty)
    }

    /// A name written before an office and its holder's name is the holder's employer.
    @Test func nameBeforeAnOfficeAndItsHolderIsTheEmployer() throws {
        let entities = try self.entities("Quorvane-Tel CEO Marek Odalys is stepping down in May, the board said.")
        #expect(entities.first { $0.name == "Quorvane-Tel" }?.kind == .organization)
        #expect(entities.first { $0.name == "Marek Odalys" }?.kind == .person)
    }

    /// A company's noun after a name of two or three words makes it a company's too.
    @Test func companyNounAfterAFewWordsMakesACompany() throws {
        #expect(try self.kind(of: "Brenlow Depot", in: "Brenlow Depot shares fell 4% after the retailer cut its forecast.") == .organization)
    }

    /// A one-word name before `administration` is a leader, and joins the story's other
    /// mentions of that name.
    @Test func leaderBeforeAdministrationIsAPerson() throws {
        let entities = try self.entities("Critics of the Vandemar administration spoke on Monday.\n\nLater Vandemar rejected the plan.")
        #expect(entities.filter { $0.name == "Vandemar" }.map(\.kind) == [.person])
    }

    /// Common nouns' and time zones' abbreviations in capitals name nothing.
    @Test func commonAbbreviationsAreNoEntities() throws {
        let entities = try self.entities("The TV ad ran at 9 a.m. ET, and its COO praised the PR team.")
        #expect(entities.isEmpty)
    }

    /// A lower-case title's `to`/`of` complement ends the office: the name after it is its holder.
    @Test func nameAfterAnOfficeAndItsPlaceIsItsHolder() throws {
        #expect(try self.kind(of: "Wen Taoling", in: "China's ambassador to Britain Wen Taoling has warned of unrest.") == .person)
    }

    /// A demonym before a place word is part of the place's name; a planet is a place.
    @Test func demonymBeforePlaceWordAndPlanetsArePlaces() throws {
        #expect(try self.kind(of: "Tibetan Plateau", in: "Herders crossed the Tibetan Plateau in winter.") == .location)
        #expect(try self.kind(of: "Jupiter", in: "The probe reached Jupiter's moons in July.") == .location)
    }

    /// A name written twice in a row, short then in full, is two mentions, not one long name.
    @Test func nameRepeatedInFullIsTwoMentions() {
        let names = EntityStages.mentions(in: "Gov. Dalia Marsh Dalia Ann Marsh spoke on Friday.").map(\.name)
        #expect(names == ["Dalia Marsh", "Dalia Ann Marsh"])
    }

    /// A legislature's bare word inside a sentence names it; `House` ends an institution's name.
    @Test func legislatureNamedByItsBareWord() throws {
        let entities = try self.entities("The bill now goes to the Senate, and aides at the White House expect a vote in May.")
        #expect(entities.first { $0.name == "Senate" }?.kind == .organization)
        #expect(entities.first { $0.name == "White House" }?.kind == .organization)
    }

    /// The name after an occupation and `at` is the employer's.
    @Test func employerAfterAnOccupationAndAt() throws {
        #expect(try self.kind(of: "Brask Tabor", in: "Ilse Marrow, equity strategist at Brask Tabor, expects a rebound.") == .organization)
    }
}
