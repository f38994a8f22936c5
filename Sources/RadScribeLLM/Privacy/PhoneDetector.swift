/// Finds telephone, fax and pager numbers.
///
/// After a cue ("Tel.", "Fax:", "Rückruf unter", "phone") any run of three or more digits in phone notation counts.
/// Without a cue the number must look like one: international (`+49 221 4785-0`), a German area code
/// (`0221 / 478 56 78`, `030-1234567`), a bracketed area code (`(555) 123-4567`) or `555-123-4567`, with seven or
/// more digits; a group that a unit follows ("… 12 mm") ends the number.
struct PhoneDetector: Sendable {
    private static let cues = PHICueTable<Void>(
        [
            "tel", "tel.", "telefon", "telefonnr.", "telefonnummer", "tel.-nr.", "tel.nr.", "tel. nr.", "fax", "fax.",
            "telefax", "faxnummer", "fax-nr.", "mobil", "mobilnummer", "handy", "handynummer", "mob.", "durchwahl", "pieper",
            "piepser", "rückruf", "rückrufnummer", "erreichbar unter", "phone", "phone number", "telephone",
            "mobile", "cell phone", "pager", "bleep", "ext.", "call back",
        ],
        value: ()
    )

    private static let fillers: PHIWordSet = [":", ".", "nr", "no", "number", "unter", "at", "on", "#"]
    private static let separators: PHIWordSet = ["-", "/", ".", "(", ")"]

    /// The most digits a phone number has (E.164).
    private static let maximumDigits = 15
    /// The fewest digits of a phone number after a cue, which may be an in-house extension.
    private static let cuedDigits = 3
    /// The fewest digits of a phone number without a cue.
    private static let uncuedDigits = 7

    /// Claims every phone number in `text`.
    func detect(in text: PHITokenizedText, claims: inout PHIClaims) {
        var index = 0
        while index < text.count {
            guard claims.isFree(index), let cue = Self.cues.match(at: index, in: text) else {
                index += 1
                continue
            }
            var start = cue.end
            while start < cue.end + 2, start < text.count, Self.fillers.contains(text[start].key) { start += 1 }
            if let end = number(at: start, in: text, claims: claims, minimumDigits: Self.cuedDigits) {
                claims.claim(start..<end, as: .phone)
                index = end
            } else {
                index = cue.end
            }
        }
        index = 0
        while index < text.count {
            if claims.isFree(index), looksLikePhone(at: index, in: text),
                let end = number(at: index, in: text, claims: claims, minimumDigits: Self.uncuedDigits)
            {
                claims.claim(index..<end, as: .phone)
                index = end
            } else {
                index += 1
            }
        }
    }

    /// Whether an uncued phone number may start at `index`.
    private func looksLikePhone(at index: Int, in text: PHITokenizedText) -> Bool {
        let token = text[index]
        if index > 0, text.isGlued(index), text[index - 1].kind != .symbol || text[index - 1].text == "," { return false }
        switch token.kind {
        case .symbol where token.text == "+" || token.text == "(":
            return text.isGlued(index + 1) && text.isNumber(index + 1, digits: 1...5)
        case .number where token.text.hasPrefix("0") && (3...5).contains(token.digitCount):
            return true
        case .number where token.digitCount == 3:
            return text.isSymbol(index + 1, "-") && text.isGlued(index + 1) && text.isNumber(index + 2, digits: 3...3)
                && text.isSymbol(index + 3, "-") && text.isNumber(index + 4, digits: 4...4)
        default:
            return false
        }
    }

    /// The index after a phone number in phone notation that starts at `start` and has at least `minimumDigits` digits:
    /// digit groups separated by whitespace or one of `- / . ( )`, on one line.
    private func number(at start: Int, in text: PHITokenizedText, claims: PHIClaims, minimumDigits: Int) -> Int? {
        var index = start
        if text.isSymbol(index, "+") || text.isSymbol(index, "(") { index += 1 }
        var digits = 0
        var end: Int?
        while index < text.count, claims.isFree(index), text[index].kind == .number, !text.isUnitWord(index + 1),
            digits + text[index].digitCount <= Self.maximumDigits
        {
            digits += text[index].digitCount
            index += 1
            if text.isSymbol(index, ")"), claims.isFree(index) { index += 1 }
            end = index
            if index < text.count, text[index].kind == .symbol, Self.separators.contains(text[index].text), claims.isFree(index) {
                index += 1
            }
            // A dot between groups is part of the number only when no space follows it ("0221.478", not "4711. 2").
            guard index < text.count, !text[index].lineBreakBefore, !text.isSymbol(index - 1, ".") || text.isGlued(index) else { break }
        }
        guard let end, digits >= minimumDigits else { return nil }
        return end
    }
}
