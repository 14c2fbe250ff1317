/// A press contact named in a release: who to call, where, in which languages.
public struct Contact: Sendable, Hashable {
    /// The person's name as written.
    public let name: String
    /// The city the contact is based in, when the text says.
    public let city: String?
    /// Languages the contact speaks, in the order given.
    public let languages: [String]
    /// Phone numbers, as written and in E.164.
    public let phones: [PhoneNumber]
    /// The e-mail address, when the text has a real one.
    public let email: String?
    /// Whether the scrape replaced the address with a placeholder such as `[email protected]`.
    public let isEmailRedacted: Bool

    /// Makes a contact.
    public init(name: String, city: String?, languages: [String], phones: [PhoneNumber], email: String?, isEmailRedacted: Bool) {
        self.name = name
        self.city = city
        self.languages = languages
        self.phones = phones
        self.email = email
        self.isEmailRedacted = isEmailRedacted
    }
}

/// A phone number as written and, when its country is known, in E.164 (`+41794445515`).
public struct PhoneNumber: Sendable, Hashable {
    /// The number exactly as written.
    public let written: String
    /// `+` and digits, or `nil` when the country could not be told.
    public let e164: String?

    /// Makes a phone number.
    public init(written: String, e164: String?) {
        self.written = written
        self.e164 = e164
    }
}
