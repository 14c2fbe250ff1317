/// The rule that decided what a capitalised name is, kept with each mention so that a
/// reviewer (or a test) can see why `Voltara` became an organization.
enum ClassificationRule: String, Sendable, CaseIterable {
    /// The gazetteer knows the words as a country, city or region (`Sulawesi`, `DPRK`).
    case gazetteer
    /// A place word ends the name (`Gulf of Riga`, `Red Sea`).
    case placeWord
    /// An organization or outlet word ends the name (`Human Rights Council`, `Kotak Securities`, `Sky News`).
    case organizationWord
    /// A capitalised `The` in mid-sentence starts a title (`The Verge`, `The New York Times`).
    case capitalisedArticle
    /// A city's name followed by a plural names a team (`Cleveland Browns`).
    case placeNamedTeam
    /// Written in capitals, or a known agency tag (`NATO`, `Reuters`).
    case acronym
    /// A lower-case noun beside the name says its kind (`operator De Lijn`, `Kessaro province`).
    case neighbourNoun
    /// After `in`, `from`, `near`… with no sign of a person (`off Skarvik`).
    case placePreposition
    /// Listed after a place (`in Brenvik, Tollsund and Keld`).
    case listAfterPlace
    /// A courtesy title or office precedes it (`Mr.`, `President`, `leader`).
    case title
    /// A one-word name before a noun for a time in office (`the Voss administration`): a leader.
    case leaderInOffice
    /// Its first word is a known given name (`Tom Glocer`).
    case givenName
    /// An attribution verb beside it (`X said`, `said X`, `X, who`).
    case attribution
    /// An apposition describes it (`X, chief executive of …`, `X, a former combatant`).
    case apposition
    /// A one-word name with a company's attributes beside it (`Voltara's CEO`, `shares of
    /// Voltara`, `Voltara users`), or elsewhere in the story under the same name.
    case companyContext
    /// A one-word name, no surname, that is the singular subject of a clause (`Voltara is
    /// rolling out`): a company's when it is inside a sentence or the story names it again.
    case companySubject
    /// Two or three words ending in a known surname, the first never written in lower case in
    /// the story (`Eyamba Sowers`): a person whose given name no list holds.
    case surname
    /// Listed after an organization (`Marvel Entertainment, Voltara and Brightline`).
    case listAfterOrganization
    /// Listed before an organization (`Voltara and Brightline Grid`).
    case listBeforeOrganization
    /// Listed beside a person named in full (`Kofi Mensah and Ana Lima`).
    case listWithPerson
    /// Written before an office and its holder (`Voltara CEO Ana Lima`): the office's employer.
    case employerBeforeTitle
    /// A capital inside the word, as brands are spelt (`SoftBank`, `GiveWell`).
    case innerCapital
    /// A one-word name the story repeats in mid-sentence and never writes in lower case.
    case recurringName
    /// Named as a media contact, or the city of one.
    case contact
    /// A name with nothing yet to say what it is: kept only if it joins a fuller name.
    case unconfirmedName
    /// A legislature's bare word inside a sentence (`the Senate voted`).
    case legislature
    /// A bare organization word (`the Commission`): kept only if a fuller name is known.
    case bareOrganizationWord

    /// Whether a mention typed by this rule stands only by joining a fuller name.
    var isWeak: Bool {
        switch self {
        case .unconfirmedName, .bareOrganizationWord: return true
        case .gazetteer, .placeWord, .organizationWord, .capitalisedArticle, .placeNamedTeam, .acronym, .neighbourNoun,
            .placePreposition, .listAfterPlace, .title, .givenName, .attribution, .apposition, .innerCapital, .recurringName,
            .contact, .companyContext, .companySubject, .legislature, .listAfterOrganization, .listBeforeOrganization, .listWithPerson, .surname,
            .employerBeforeTitle, .leaderInOffice:
            return false
        }
    }
}
