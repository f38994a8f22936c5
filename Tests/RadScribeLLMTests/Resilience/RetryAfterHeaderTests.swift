import Foundation
import RadScribeLLM
import Testing

@Suite("Retry-After header")
struct RetryAfterHeaderTests {
    /// Sun, 06 Nov 1994 08:49:37 GMT, the date in RFC 9110's examples.
    let now = Date(timeIntervalSince1970: 784_111_777)

    func delay(_ value: String, now: Date? = nil) -> Duration? {
        RetryAfterHeader.delay(from: value, now: now ?? self.now)
    }

    // MARK: - Seconds

    @Test func readsDelaySeconds() {
        #expect(delay("120") == .seconds(120))
        #expect(delay("0") == .zero)
        #expect(delay(" 5\t") == .seconds(5))
        #expect(delay("007") == .seconds(7))
    }

    @Test func readsFractionalSecondsAsSomeGatewaysSendThem() {
        #expect(delay("1.5") == .milliseconds(1500))
        #expect(delay("0.020") == .milliseconds(20))
    }

    @Test func clampsAbsurdlyLongDelays() {
        #expect(delay("99999999999999999999999") == RetryAfterHeader.longestDelay)
        #expect(delay("1000000000") == RetryAfterHeader.longestDelay)
        #expect(delay("999999999") == .seconds(999_999_999))
    }

    @Test func rejectsValuesThatAreNeitherSecondsNorADate() {
        for value in ["", "  ", "soon", "-5", "5s", "1.", ".5", "1e3", "1.2.3", "12 0"] {
            #expect(delay(value) == nil, "\(value)")
        }
    }

    // MARK: - HTTP dates

    @Test func readsAllThreeHTTPDateForms() {
        #expect(delay("Sun, 06 Nov 1994 08:51:07 GMT") == .seconds(90))
        #expect(delay("Sunday, 06-Nov-94 08:51:07 GMT") == .seconds(90))
        #expect(delay("Sun Nov  6 08:51:07 1994") == .seconds(90))
    }

    @Test func readsNamesInAnyCase() {
        #expect(delay("SUN, 06 NOV 1994 08:51:07 gmt") == .seconds(90))
    }

    @Test func aDateInThePastMeansRetryNow() {
        #expect(delay("Sun, 06 Nov 1994 08:49:36 GMT") == .zero)
        #expect(delay("Thu, 01 Jan 1970 00:00:00 GMT") == .zero)
    }

    @Test func measuresFromAFractionalNow() {
        let halfASecondLater = now.addingTimeInterval(0.5)
        #expect(delay("Sun, 06 Nov 1994 08:51:07 GMT", now: halfASecondLater) == .milliseconds(89_500))
    }

    @Test func countsCalendarDaysAcrossMonthsAndLeapYears() {
        let leapDayEve = Date(timeIntervalSince1970: 1_709_121_600)  // Wed, 28 Feb 2024 12:00:00 GMT
        #expect(delay("Fri, 01 Mar 2024 12:00:00 GMT", now: leapDayEve) == .seconds(2 * 86_400))
        let november = Date(timeIntervalSince1970: 1_764_093_000)  // Tue, 25 Nov 2025 17:50:00 GMT
        #expect(delay("Thu, 01 Jan 2026 00:00:00 GMT", now: november) == .seconds(36 * 86_400 + 6 * 3600 + 10 * 60))
        #expect(delay("Friday, 31-Dec-27 23:59:59 GMT", now: november) == .seconds(66_204_599))  // 2027, not 1927
    }

    @Test func clampsDatesFarInTheFuture() {
        #expect(delay("Fri, 31 Dec 9999 23:59:59 GMT") == RetryAfterHeader.longestDelay)
    }

    @Test func rejectsMalformedDates() {
        let malformed = [
            "Sun, 06 Nov 1994 08:51:07 CET",
            "Sun, 06 Nov 1994 08:51:07",
            "Sun, 32 Nov 1994 08:51:07 GMT",
            "Sun, 06 Foo 1994 08:51:07 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:60:00 GMT",
            "Sun, 06 Nov 94 08:51:07 GMT",
            "Sun, 06-Nov-1994 08:51:07 GMT",
            "Sun, 06 Nov 1994 08:51:07 GMT extra",
            "Sun, 006 Nov 1994 08:51:07 GMT",
            "Sun Nov  6 08:51:07",
            "Nov 6 1994",
            "Sun,",
        ]
        for value in malformed {
            #expect(delay(value) == nil, "\(value)")
        }
    }
}
