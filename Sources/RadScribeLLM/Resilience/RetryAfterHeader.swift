import Foundation

/// Reads the HTTP `Retry-After` header (RFC 9110 §10.2.3): a number of seconds or an HTTP date.
///
/// All three date forms HTTP recipients must accept are read: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the
/// obsolete RFC 850 form (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`). Seconds may
/// carry a decimal fraction, as some LLM gateways send. Delays beyond ``longestDelay`` are clamped to it; whether a
/// delay fits is the deadline's decision (see ``RetryPolicy``).
public enum RetryAfterHeader {
    /// The longest delay returned (about 31 years); longer values are clamped to it.
    public static let longestDelay = Duration.seconds(maximumSeconds)
    private static let maximumSeconds: Int64 = 999_999_999

    /// The delay the header value asks for, measured from `now`.
    ///
    /// - Parameters:
    ///   - value: The header's value, surrounding whitespace allowed.
    ///   - now: The current wall-clock time, to turn an HTTP date into a delay.
    /// - Returns: The delay; zero for a date in the past (retry now); `nil` when the value is neither form.
    public static func delay(from value: some StringProtocol, now: Date) -> Duration? {
        var bytes = ArraySlice(value.utf8)
        while let first = bytes.first, RetryAfterDateScanner.isSpace(first) { bytes.removeFirst() }
        while let last = bytes.last, RetryAfterDateScanner.isSpace(last) { bytes.removeLast() }
        guard let first = bytes.first else { return nil }
        if RetryAfterDateScanner.isDigit(first) { return seconds(in: bytes) }
        guard let date = RetryAfterDateScanner.secondsSince1970(bytes) else { return nil }
        let delay = Duration.seconds(date) - .seconds(now.timeIntervalSince1970)
        return min(max(delay, .zero), longestDelay)
    }

    /// `1*DIGIT [ "." 1*DIGIT ]`; digits past nanoseconds are ignored.
    private static func seconds(in bytes: ArraySlice<UInt8>) -> Duration? {
        let point = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.endIndex
        let whole = bytes[..<point]
        let fraction = bytes[point...].dropFirst()
        guard whole.allSatisfy(RetryAfterDateScanner.isDigit), fraction.allSatisfy(RetryAfterDateScanner.isDigit) else { return nil }
        guard point == bytes.endIndex || !fraction.isEmpty else { return nil }
        let significant = whole.drop { $0 == UInt8(ascii: "0") }
        guard significant.count <= 9 else { return longestDelay }
        let seconds = significant.reduce(Int64(0)) { $0 * 10 + Int64($1 - UInt8(ascii: "0")) }
        var nanoseconds: Int64 = 0
        for position in 0..<9 {
            let digit = position < fraction.count ? Int64(fraction[fraction.startIndex + position] - UInt8(ascii: "0")) : 0
            nanoseconds = nanoseconds * 10 + digit
        }
        return min(.seconds(seconds) + .nanoseconds(nanoseconds), longestDelay)
    }
}

/// A hand-written reader for the three HTTP date forms; every date is in GMT.
private struct RetryAfterDateScanner {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private let bytes: ArraySlice<UInt8>
    private var index: Int

    private init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    /// The date as seconds since 1970-01-01 00:00:00 GMT, or `nil` unless `bytes` is exactly one HTTP date.
    static func secondsSince1970(_ bytes: ArraySlice<UInt8>) -> Int64? {
        var scanner = RetryAfterDateScanner(bytes)
        return scanner.scanDate()
    }

    private mutating func scanDate() -> Int64? {
        guard skipLetters() >= 3 else { return nil }  // day name, not checked against the date
        return accept(UInt8(ascii: ",")) ? scanIMFOrRFC850() : scanAsctime()
    }

    /// After the comma: `06 Nov 1994 08:49:37 GMT` or `06-Nov-94 08:49:37 GMT`.
    private mutating func scanIMFOrRFC850() -> Int64? {
        guard skipSpaces(), let day = number(digits: 1...2), let separator = next(),
            separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-"), let month = monthName(), accept(separator)
        else { return nil }
        let year: Int
        if separator == UInt8(ascii: " ") {
            guard let fullYear = number(digits: 4...4) else { return nil }
            year = fullYear
        } else {
            // RFC 850 two-digit years: 70–99 are 19xx, 00–69 are 20xx.
            guard let shortYear = number(digits: 2...2) else { return nil }
            year = shortYear + (shortYear >= 70 ? 1900 : 2000)
        }
        guard skipSpaces(), let time = timeOfDay(), skipSpaces(), zoneIsGMT(), index == bytes.endIndex else { return nil }
        return Self.secondsSince1970(year: year, month: month, day: day, time: time)
    }

    /// After the day name: `Nov  6 08:49:37 1994`.
    private mutating func scanAsctime() -> Int64? {
        guard skipSpaces(), let month = monthName(), skipSpaces(), let day = number(digits: 1...2), skipSpaces(),
            let time = timeOfDay(), skipSpaces(), let year = number(digits: 4...4), index == bytes.endIndex
        else { return nil }
        return Self.secondsSince1970(year: year, month: month, day: day, time: time)
    }

    // MARK: - Pieces

    /// `HH:MM:SS` as seconds since midnight; a leap second (60) is allowed.
    private mutating func timeOfDay() -> Int? {
        guard let hour = number(digits: 2...2), hour < 24, accept(UInt8(ascii: ":")),
            let minute = number(digits: 2...2), minute < 60, accept(UInt8(ascii: ":")),
            let second = number(digits: 2...2), second <= 60
        else { return nil }
        return hour * 3600 + minute * 60 + second
    }

    /// A month's three-letter name in any case, as 1…12.
    private mutating func monthName() -> Int? {
        let start = index
        guard skipLetters() == 3 else { return nil }
        let name = String(decoding: bytes[start..<index].map { $0 | 0x20 }, as: UTF8.self)
        return Self.months.firstIndex(of: name).map { $0 + 1 }
    }

    private mutating func zoneIsGMT() -> Bool {
        let start = index
        guard skipLetters() == 3 else { return false }
        let zone = String(decoding: bytes[start..<index].map { $0 | 0x20 }, as: UTF8.self)
        return zone == "gmt" || zone == "utc"
    }

    /// A decimal number of exactly as many digits as `digits` allows, not followed by another digit.
    private mutating func number(digits: ClosedRange<Int>) -> Int? {
        var value = 0
        var count = 0
        while index < bytes.endIndex, Self.isDigit(bytes[index]) {
            guard count < digits.upperBound else { return nil }
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            count += 1
            index += 1
        }
        return digits.contains(count) ? value : nil
    }

    private mutating func next() -> UInt8? {
        guard index < bytes.endIndex else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    private mutating func accept(_ byte: UInt8) -> Bool {
        guard index < bytes.endIndex, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Skips ASCII letters; returns how many.
    private mutating func skipLetters() -> Int {
        let start = index
        while index < bytes.endIndex, (bytes[index] | 0x20) >= UInt8(ascii: "a"), (bytes[index] | 0x20) <= UInt8(ascii: "z") {
            index += 1
        }
        return index - start
    }

    /// Skips one or more spaces; `false` if there was none (asctime pads single-digit days with a second space).
    private mutating func skipSpaces() -> Bool {
        let start = index
        while accept(UInt8(ascii: " ")) {}
        return index > start
    }

    /// Whether `byte` is an ASCII digit.
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Whether `byte` is optional whitespace (space or tab).
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// Seconds since 1970 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func secondsSince1970(year: Int, month: Int, day: Int, time: Int) -> Int64? {
        guard (1...31).contains(day) else { return nil }
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Int64(days) * 86_400 + Int64(time)
    }
}
