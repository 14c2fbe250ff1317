@testable import DocumentModel
import Testing

/// `CalendarDate`: validation, `YYYY-MM-DD` parsing, order and description.
struct CalendarDateTests {
    @Test(arguments: [
        (2018, 10, 25), (2024, 2, 29), (2000, 2, 29), (2018, 4, 30), (2018, 12, 31), (2018, 1, 31), (1, 1, 1),
        (9999, 12, 31),
    ])
    func acceptsRealDays(_ year: Int, _ month: Int, _ day: Int) throws {
        let date = try #require(CalendarDate(year: year, month: month, day: day))
        #expect((date.year, date.month, date.day) == (year, month, day))
    }

    @Test(arguments: [
        (2018, 2, 29), (1900, 2, 29), (2100, 2, 29), (2018, 2, 30), (2018, 4, 31), (2018, 6, 31), (2018, 9, 31),
        (2018, 11, 31), (2018, 1, 32), (2018, 1, 0), (2018, 0, 10), (2018, 13, 1), (0, 1, 1), (10000, 1, 1),
        (2018, -1, 1),
    ])
    func rejectsDaysThatDoNotExist(_ year: Int, _ month: Int, _ day: Int) {
        #expect(CalendarDate(year: year, month: month, day: day) == nil)
    }

    @Test func parsesYearMonthDay() throws {
        let date = try #require(CalendarDate(parsing: "2018-10-25"))
        #expect(date == CalendarDate(year: 2018, month: 10, day: 25))
    }

    @Test func parsesSubstring() {
        let line = "on 2018-04-25 in Geneva"
        let start = line.index(line.startIndex, offsetBy: 3)
        let end = line.index(start, offsetBy: 10)
        #expect(CalendarDate(parsing: line[start..<end]) == CalendarDate(year: 2018, month: 4, day: 25))
    }

    @Test(arguments: [
        "2018-1-01", "2018-01-1", "18-01-01", "2018/01/01", "2018-01-01 ", " 2018-01-01", "2018-01-0a", "+018-01-01",
        "2018-02-30", "2018-04-31", "", "2018-01-01T00:00", "２０１８-01-01", "2018—01-01", "-018-01-01", "0000-01-01",
    ])
    func rejectsMalformedText(_ text: String) {
        #expect(CalendarDate(parsing: text) == nil)
    }

    @Test(arguments: ["2018-10-25", "2018-03-07", "2000-02-29", "9999-12-31", "0999-12-31", "0001-01-01"])
    func descriptionRoundTripsParsedText(_ text: String) throws {
        #expect(try #require(CalendarDate(parsing: text)).description == text)
    }

    @Test func descriptionPadsMonthAndDay() throws {
        #expect(try #require(CalendarDate(year: 2018, month: 3, day: 7)).description == "2018-03-07")
    }

    @Test func ordersByYearThenMonthThenDay() throws {
        let texts = ["2018-10-25", "2017-12-31", "2018-01-31", "2018-10-24", "2018-02-01"]
        let dates = try texts.map { try #require(CalendarDate(parsing: $0)) }
        #expect(dates.sorted().map(\.description) == ["2017-12-31", "2018-01-31", "2018-02-01", "2018-10-24", "2018-10-25"])
    }

    @Test func equalDatesAreNotLess() throws {
        let date = try #require(CalendarDate(parsing: "2018-10-25"))
        #expect(!(date < date))
        #expect(date <= date)
    }
}
