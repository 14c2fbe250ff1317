import TestSupport

/// A city a story can be filed from or mention.
public struct Place: Sendable, Hashable {
    /// The city's usual English name, e.g. `Nairobi`.
    public let city: String
    /// The country it is in, e.g. `Kenya`.
    public let country: String
    /// The international dialling prefix of that country, e.g. `+254`.
    public let dialingCode: String
}

/// The people, places, organisations and publishers a generated corpus draws on.
///
/// People are first + last name combinations; organisations combine a topic, a place or a
/// synthetic word with an organisation noun. Both pools are fixed by the seed, and stories draw
/// from them with Zipf-like frequencies, so a few names recur across many documents (as the
/// newsmakers of a real corpus do) while most appear rarely.
public struct Cast: Sendable {
    /// Every person's full name (`Amina Okafor`), most newsworthy first.
    public let people: [String]
    /// Every organisation's name (`Ministry of Water`), most newsworthy first.
    public let organizations: [String]
    /// The cities, in a fixed order.
    public let places: [Place]
    /// The entity id of every person, organisation and city: the slug of its name.
    public let entityIDs: [String: String]

    /// News agencies: the sources of wire stories and features.
    public static let agencies = ["Reuters", "AFP", "AP", "dpa", "EFE", "Xinhua", "Bloomberg"]
    /// Press-release distributors: the sources of press releases.
    public static let releaseWires = ["PR Newswire", "Business Wire", "GlobeNewswire"]
    /// Every source a document can have (ten values).
    public static var sources: [String] { Self.agencies + Self.releaseWires }

    /// Subjects ministries, councils and headlines are about.
    public static let topics = ["Water", "Health", "Finance", "Energy", "Transport", "Education", "Agriculture", "Fisheries",
        "Housing", "Trade", "Justice", "Defence", "Labour", "Culture", "Tourism", "Environment", "Forests", "Mining",
        "Telecommunications", "Interior", "Foreign Affairs", "Planning", "Science", "Youth", "Sport", "Migration"]

    /// First names, from many languages.
    static let firstNames = ["Amina", "Jonas", "Priya", "Mateo", "Ingrid", "Kwame", "Lucía", "Hiroshi", "Olga", "Tariq",
        "Chloé", "Dmitri", "Nia", "Søren", "Mei", "Rafael", "Fatima", "Lars", "Ananya", "Diego", "Astrid", "Kofi", "Elena",
        "Kenji", "Irina", "Omar", "Margaux", "Pavel", "Zanele", "Mikkel", "Ling", "Tomás", "Aisha", "Henrik", "Kavya",
        "Joaquín", "Sigrid", "Yaw", "Sofía", "Takeshi", "Natalia", "Yusuf", "Camille", "Sergei", "Thandiwe", "Anders",
        "Xiu", "Andrés", "Leila", "Björn", "Meera", "Pablo", "Freya", "Ama", "Isabel", "Daichi", "Katarzyna", "Hassan",
        "Élise", "Viktor", "Nomvula", "Emil", "Jia", "Carmen", "Zainab", "Magnus", "Rohan", "Valentina", "Kaito",
        "Agnieszka", "Karim", "Amélie", "Bogdan", "Lerato", "Oskar", "Hui", "Gabriel", "Nadia", "Erik", "Sunita",
        "Martina", "Ren", "Ewa", "Samir", "Inès", "Nikolai", "Chiamaka", "Johan", "Yan", "Lorenzo", "Salma", "Ola",
        "Deepak", "Beatriz", "Sota", "Zofia", "Mustafa", "Léa", "Yuri", "Adaeze", "Per", "Wei", "Marco", "Rania"]
    /// Last names, from many languages.
    static let lastNames = ["Okafor", "Lindqvist", "Raman", "Ferreira", "Haugen", "Mensah", "Ortega", "Tanaka", "Petrova",
        "Haddad", "Moreau", "Volkov", "Achieng", "Nørgaard", "Lin", "Duarte", "Abubakar", "Johansson", "Iyer", "Castillo",
        "Berg", "Boateng", "Ionescu", "Sato", "Kuznetsova", "Farouk", "Dubois", "Novak", "Dlamini", "Christensen", "Zhang",
        "Álvarez", "Bello", "Andersen", "Nair", "Ruiz", "Solberg", "Asante", "Gómez", "Yamamoto", "Sokolova", "Demir",
        "Lefèvre", "Ivanov", "Nkosi", "Larsen", "Wang", "Herrera", "Karimi", "Eriksson", "Menon", "Navarro", "Dahl",
        "Owusu", "Marín", "Nakamura", "Kowalska", "Hussein", "Girard", "Popescu", "Mokoena", "Holm", "Chen", "Vargas",
        "Abdullah", "Nilsson", "Pillai", "Romero", "Strand", "Adjei", "Fuentes", "Kobayashi", "Wiśniewska", "Saleh",
        "Fontaine", "Horvat", "Ndlovu", "Pedersen", "Liu", "Silva", "Rahman", "Lund", "Kapoor", "Morales", "Bakken",
        "Osei", "Navas", "Watanabe", "Zielińska", "Aziz", "Rousseau", "Kovač", "Zulu", "Jensen", "Huang", "Pereira",
        "Qureshi", "Sandberg", "Reddy", "Jiménez", "Lie", "Appiah", "Cortés", "Suzuki", "Lewandowska", "Mansour",
        "Mercier", "Babić", "Khumalo", "Madsen", "Zhou", "Costa", "Siddiqui", "Forsberg", "Rao", "Torres", "Eide",
        "Darko", "Reyes", "Ito", "Kamińska", "Nasser", "Lambert", "Marković", "Mahlangu", "Olsen", "Xu", "Almeida",
        "Chaudhry", "Holmberg", "Das", "Flores", "Aas", "Quaye", "Medina", "Kato", "Wójcik", "Khalil", "Bonnet",
        "Petrović", "Sithole", "Thomsen", "Sun", "Carvalho", "Malik", "Wallin", "Bose", "Rivera", "Nygaard", "Tetteh"]
    /// Capitals and other cities that appear in datelines.
    static let cities: [Place] = [
        ("Geneva", "Switzerland", "+41"), ("Nairobi", "Kenya", "+254"), ("Seoul", "South Korea", "+82"),
        ("Brussels", "Belgium", "+32"), ("Lima", "Peru", "+51"), ("Jakarta", "Indonesia", "+62"), ("Accra", "Ghana", "+233"),
        ("Oslo", "Norway", "+47"), ("Hanoi", "Vietnam", "+84"), ("Quito", "Ecuador", "+593"), ("Tunis", "Tunisia", "+216"),
        ("Manila", "Philippines", "+63"), ("Lagos", "Nigeria", "+234"), ("Cairo", "Egypt", "+20"), ("Bogotá", "Colombia", "+57"),
        ("Santiago", "Chile", "+56"), ("Madrid", "Spain", "+34"), ("Lisbon", "Portugal", "+351"), ("Paris", "France", "+33"),
        ("Berlin", "Germany", "+49"), ("Warsaw", "Poland", "+48"), ("Kyiv", "Ukraine", "+380"), ("Ankara", "Turkey", "+90"),
        ("Tehran", "Iran", "+98"), ("Baghdad", "Iraq", "+964"), ("Amman", "Jordan", "+962"), ("Beirut", "Lebanon", "+961"),
        ("Riyadh", "Saudi Arabia", "+966"), ("Doha", "Qatar", "+974"), ("Dubai", "United Arab Emirates", "+971"),
        ("Karachi", "Pakistan", "+92"), ("New Delhi", "India", "+91"), ("Mumbai", "India", "+91"), ("Dhaka", "Bangladesh", "+880"),
        ("Colombo", "Sri Lanka", "+94"), ("Kathmandu", "Nepal", "+977"), ("Bangkok", "Thailand", "+66"),
        ("Kuala Lumpur", "Malaysia", "+60"), ("Singapore", "Singapore", "+65"), ("Beijing", "China", "+86"),
        ("Shanghai", "China", "+86"), ("Tokyo", "Japan", "+81"), ("Sydney", "Australia", "+61"), ("Wellington", "New Zealand", "+64"),
        ("Ottawa", "Canada", "+1"), ("Washington", "United States", "+1"), ("Mexico City", "Mexico", "+52"),
        ("Havana", "Cuba", "+53"), ("Caracas", "Venezuela", "+58"), ("Brasília", "Brazil", "+55"), ("São Paulo", "Brazil", "+55"),
        ("Buenos Aires", "Argentina", "+54"), ("Montevideo", "Uruguay", "+598"), ("La Paz", "Bolivia", "+591"),
        ("Addis Ababa", "Ethiopia", "+251"), ("Kampala", "Uganda", "+256"), ("Kigali", "Rwanda", "+250"),
        ("Dar es Salaam", "Tanzania", "+255"), ("Lusaka", "Zambia", "+260"), ("Harare", "Zimbabwe", "+263"),
        ("Johannesburg", "South Africa", "+27"), ("Dakar", "Senegal", "+221"), ("Bamako", "Mali", "+223"),
        ("Abuja", "Nigeria", "+234"), ("Khartoum", "Sudan", "+249"), ("Tripoli", "Libya", "+218"), ("Rabat", "Morocco", "+212"),
        ("Algiers", "Algeria", "+213"), ("Athens", "Greece", "+30"), ("Rome", "Italy", "+39"), ("Vienna", "Austria", "+43"),
        ("Prague", "Czech Republic", "+420"), ("Budapest", "Hungary", "+36"), ("Bucharest", "Romania", "+40"),
        ("Sofia", "Bulgaria", "+359"), ("Belgrade", "Serbia", "+381"), ("Zagreb", "Croatia", "+385"), ("Stockholm", "Sweden", "+46"),
        ("Copenhagen", "Denmark", "+45"), ("Helsinki", "Finland", "+358"), ("Reykjavík", "Iceland", "+354"),
        ("Dublin", "Ireland", "+353"), ("London", "United Kingdom", "+44"), ("Amsterdam", "Netherlands", "+31"),
        ("Tbilisi", "Georgia", "+995"), ("Yerevan", "Armenia", "+374"), ("Baku", "Azerbaijan", "+994"),
        ("Tashkent", "Uzbekistan", "+998"), ("Almaty", "Kazakhstan", "+7"), ("Ulaanbaatar", "Mongolia", "+976"),
    ].map { Place(city: $0.0, country: $0.1, dialingCode: $0.2) }

    /// Nouns that head organisation names.
    static let organizationNouns = ["Authority", "Council", "Institute", "Foundation", "Agency", "Commission", "Union",
        "Bank", "Group", "Association", "Alliance", "Trust", "Board", "Corporation", "Network", "Federation"]

    /// Draws the pools from `vocabulary` and `seed`: `peopleCount` people, `organizationCount`
    /// organisations.
    public init(vocabulary: Vocabulary, seed: UInt64, peopleCount: Int = 5_000, organizationCount: Int = 400) {
        var random = SplitMix64(seed: seed ^ 0xCA57)
        var people: [String] = []
        var seenPeople = Set<String>()
        let possiblePeople = Self.firstNames.count * Self.lastNames.count
        while people.count < min(peopleCount, possiblePeople) {
            let name = "\(Self.firstNames.randomElement(using: &random)!) \(Self.lastNames.randomElement(using: &random)!)"
            if seenPeople.insert(name).inserted { people.append(name) }
        }
        var organizations: [String] = []
        var seenOrganizations = Set<String>()
        while organizations.count < organizationCount {
            let noun = Self.organizationNouns.randomElement(using: &random)!
            let name: String
            switch random.next() % 4 {
            case 0: name = "Ministry of \(Self.topics.randomElement(using: &random)!)"
            case 1: name = "\(Self.cities.randomElement(using: &random)!.city) \(Self.topics.randomElement(using: &random)!) \(noun)"
            case 2: name = "National \(Self.topics.randomElement(using: &random)!) \(noun)"
            default:
                let word = vocabulary.words[vocabulary.realWordCount + Int(random.next() % 3_000)]
                name = "\(word.prefix(1).uppercased())\(word.dropFirst()) \(noun)"
            }
            if seenOrganizations.insert(name).inserted { organizations.append(name) }
        }
        self.people = people
        self.organizations = organizations
        self.places = Self.cities
        self.entityIDs = Dictionary((people + organizations + Self.cities.map(\.city)).map { ($0, slug($0)) }, uniquingKeysWith: { first, _ in first })
    }
}
