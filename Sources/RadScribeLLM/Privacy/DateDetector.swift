/// Finds calendar dates, and dates of birth where a birth cue comes first.
///
/// Numeric forms: `12.03.2024`, `12.3.24`, `12. 3. 2024`, `2024-03-12`, `12/03/2024`, `03/12/2024`, `12-03-2024`,
/// month and year (`03/2024`, `3.2024`) and, after "am", "vom", "seit" or "bis", a day without year (`vom 12.03.`).
/// Written months: `12. März 2024`, `12 March 2024`, `12th March`, `March 12, 2024`, `März 2024`. Day and month are range
/// checked; a year alone is no date, except as a birth year after a birth cue ("geb. 1960", "born in 1960").
struct DateDetector: Sendable {
    private static let birthCues = PHICueTable<Void>(
        [
            "geb.", "geb", "geb. am", "geboren", "geboren am", "geburtsdatum", "geb.-datum", "geb.-dat.", "geburtstag",
            "jahrgang", "dob", "d.o.b.", "date of birth", "birth date", "birthdate", "born", "born on", "born in", "*",
        ],
        value: ()
    )

    private static let yearlessCues: PHIWordSet = ["am", "vom", "seit", "bis", "ab", "zum"]

    private static let months: PHIWordSet = [
        "januar", "jänner", "january", "jan", "februar", "february", "feb", "märz", "march", "mär", "mar", "april",
        "apr", "mai", "may", "juni", "june", "jun", "juli", "july", "jul", "august", "aug", "september", "sept",
        "sep", "oktober", "october", "okt", "oct", "november", "nov", "dezember", "december", "dez", "dec",
    ]

    private static let ordinalSuffixes: PHIWordSet = ["st", "nd", "rd", "th"]

    /// Claims every date in `text`; one right after a birth cue is a birth date.
    func detect(in text: PHITokenizedText, claims: inout PHIClaims) {
        var index = 0
        while index < text.count {
            if claims.isFree(index), let cue = Self.birthCues.match(at: index, in: text) {
                let start = text.isSymbol(cue.end, ":") ? cue.end + 1 : cue.end
                if let end = date(at: start, in: text) ?? birthYear(at: start, in: text), claims.claim(start..<end, as: .birthDate) {
                    index = end
                    continue
                }
            }
            if claims.isFree(index), let end = date(at: index, in: text), claims.claim(index..<end, as: .date) {
                index = end
                continue
            }
            index += 1
        }
    }

    /// The index after the date that starts at `index`.
    private func date(at index: Int, in text: PHITokenizedText) -> Int? {
        guard index < text.count else { return nil }
        switch text[index].kind {
        case .number: return numericDate(at: index, in: text) ?? dayFirstDate(at: index, in: text)
        case .word: return monthFirstDate(at: index, in: text)
        case .symbol: return nil
        }
    }

    private func birthYear(at index: Int, in text: PHITokenizedText) -> Int? {
        isYear(index, in: text) ? index + 1 : nil
    }

    // MARK: - Numeric dates

    private func numericDate(at index: Int, in text: PHITokenizedText) -> Int? {
        guard !(index > 0 && text.isGlued(index) && text[index - 1].kind != .symbol) else { return nil }
        if text.isNumber(index, digits: 4...4) {
            guard isYear(index, in: text), let separator = separator(after: index, in: text),
                let monthEnd = number(after: index + 1, in: text, of: 1...12), text.isSymbol(monthEnd, separator),
                let dayEnd = number(after: monthEnd, in: text, of: 1...31)
            else { return nil }
            return dayEnd
        }
        guard text.isNumber(index, digits: 1...2), let first = text.value(index), let separator = separator(after: index, in: text)
        else { return nil }
        if (1...12).contains(first), separator != "-", text.isGlued(index + 2), isYear(index + 2, in: text) {
            return index + 3
        }
        guard let secondEnd = number(after: index + 1, in: text, of: 1...31), let second = text.value(secondEnd - 1) else { return nil }
        let dayFirst = (1...31).contains(first) && (1...12).contains(second)
        let monthFirst = separator == "/" && (1...12).contains(first) && (1...31).contains(second)
        if dayFirst || monthFirst, text.isSymbol(secondEnd, separator), text.isGlued(secondEnd),
            spacing(at: secondEnd + 1, in: text, separator: separator),
            text.isNumber(secondEnd + 1, digits: 2...2) || isYear(secondEnd + 1, in: text)
        {
            return secondEnd + 2
        }
        let yearless = separator == "." && dayFirst && text.isSymbol(secondEnd, ".") && text.isGlued(secondEnd)
        if yearless, index > 0, Self.yearlessCues.contains(text[index - 1].key) {
            return secondEnd
        }
        return nil
    }

    /// The separator symbol glued after the number at `index`: `.`, `/` or `-`.
    private func separator(after index: Int, in text: PHITokenizedText) -> String? {
        guard text.isGlued(index + 1) else { return nil }
        return [".", "/", "-"].first { text.isSymbol(index + 1, $0) }
    }

    /// The index after a 1- or 2-digit number in `range` that follows the separator at `index - 1`.
    private func number(after separatorIndex: Int, in text: PHITokenizedText, of range: ClosedRange<Int>) -> Int? {
        let index = separatorIndex + 1
        guard text.isNumber(index, digits: 1...2), spacing(at: index, in: text, separator: text[separatorIndex].text),
            let value = text.value(index), range.contains(value)
        else { return nil }
        return index + 1
    }

    /// Numeric date parts are glued, except that a space may follow a dot ("12. 3. 2024").
    private func spacing(at index: Int, in text: PHITokenizedText, separator: String) -> Bool {
        text.isGlued(index) || (separator == "." && index < text.count && !text[index].lineBreakBefore)
    }

    private func isYear(_ index: Int, in text: PHITokenizedText) -> Bool {
        guard text.isNumber(index, digits: 4...4), let year = text.value(index) else { return false }
        return (1900...2099).contains(year)
    }

    // MARK: - Dates with a written month

    /// `12. März 2024`, `12 March`, `12th of March 2024`.
    private func dayFirstDate(at index: Int, in text: PHITokenizedText) -> Int? {
        guard text.isNumber(index, digits: 1...2), let day = text.value(index), (1...31).contains(day) else { return nil }
        var next = index + 1
        if text.isGlued(next), text.isSymbol(next, ".") || Self.ordinalSuffixes.contains(text[next].key) { next += 1 }
        if next < text.count, text[next].key == "of" { next += 1 }
        guard let monthEnd = month(at: next, in: text) else { return nil }
        return isYear(monthEnd, in: text) ? monthEnd + 1 : monthEnd
    }

    /// `March 12, 2024`, `March 12th`, `März 2024`. "May" needs a year, being also a modal verb.
    private func monthFirstDate(at index: Int, in text: PHITokenizedText) -> Int? {
        guard let monthEnd = month(at: index, in: text) else { return nil }
        if isYear(monthEnd, in: text) { return monthEnd + 1 }
        guard text.isNumber(monthEnd, digits: 1...2), let day = text.value(monthEnd), (1...31).contains(day),
            !text.isUnit(monthEnd + 1)
        else { return nil }
        var end = monthEnd + 1
        if text.isGlued(end), end < text.count, Self.ordinalSuffixes.contains(text[end].key) { end += 1 }
        let yearStart = text.isSymbol(end, ",") ? end + 1 : end
        if isYear(yearStart, in: text) { return yearStart + 1 }
        return text[index].key == "may" ? nil : end
    }

    /// The index after a capitalised month name or abbreviation (with its dot) at `index`.
    private func month(at index: Int, in text: PHITokenizedText) -> Int? {
        guard index < text.count, text[index].kind == .word, Self.months.contains(text[index].key),
            text[index].startsUppercase || text.isCaseless
        else { return nil }
        return text.isSymbol(index + 1, ".") && text.isGlued(index + 1) && text[index].text.count <= 4 ? index + 2 : index + 1
    }
}
