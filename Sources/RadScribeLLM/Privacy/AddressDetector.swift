/// Finds street addresses, postcodes and cities.
///
/// German: a street ending in -straße, -str., -weg, -allee, -platz, -gasse, -ring or -damm, or such a word after a
/// capitalised one ("Berliner Straße"), with a house number ("Hauptstraße 12a", "Am Ring 3-5"), and a five-digit
/// postcode with its city ("50667 Köln", "D-60311 Frankfurt am Main") after a street, a comma, a line start or
/// "in"/"wohnhaft"/"PLZ". English: a house number, one to three capitalised words and Street, St., Road, Rd., Avenue,
/// Ave., Lane, Drive, Boulevard, Way, Court, Place, Square or Terrace ("221B Baker Street"), with a city, state and
/// ZIP code or a UK postcode after a comma. A house number that a unit follows is a measurement ("Schatzki-Ring 2 cm").
struct AddressDetector: Sendable {
    private static let germanSuffixes: [[UInt8]] = ["straße", "strasse", "weg", "allee", "platz", "gasse", "ring", "damm"].map { Array($0.utf8) }
    private static let abbreviatedSuffix = Array("str".utf8)
    private static let englishSuffixes: PHIWordSet = [
        "street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "drive", "boulevard", "blvd", "way", "court", "place",
        "square", "terrace",
    ]
    private static let postcodeCues: PHIWordSet = ["in", "aus", "wohnhaft", "wohnort", "plz", "anschrift", "adresse", "address"]
    private static let cityParticles: PHIWordSet = ["am", "an", "der", "im", "ob", "bei", "vor", "upon", "on"]

    /// The most words of a street or city name.
    private static let maximumNameWords = 3

    /// Claims every address in `text`.
    func detect(in text: PHITokenizedText, claims: inout PHIClaims) {
        var index = 0
        while index < text.count {
            if claims.isFree(index),
                let range = germanStreet(at: index, in: text, claims: claims) ?? englishStreet(at: index, in: text, claims: claims)
                    ?? standalonePostcode(at: index, in: text, claims: claims),
                claims.claim(range, as: .address)
            {
                index = range.upperBound
            } else {
                index += 1
            }
        }
    }

    // MARK: - German

    private func germanStreet(at index: Int, in text: PHITokenizedText, claims: PHIClaims) -> Range<Int>? {
        let token = text[index]
        guard token.kind == .word, token.digitCount == 0 else { return nil }
        let abbreviated = Self.hasSuffix(token.key, Self.abbreviatedSuffix) && text.isSymbol(index + 1, ".") && text.isGlued(index + 1)
        guard abbreviated || Self.germanSuffixes.contains(where: { Self.hasSuffix(token.key, $0) }),
            token.startsUppercase || text.isCaseless
        else { return nil }
        let standalone = token.key == "str" || Self.germanSuffixes.contains { $0.elementsEqual(token.key.utf8) }
        var start = index
        if standalone {
            guard claims.isFree(index - 1), text.isNameLike(index - 1) || text[index - 1].key == "am" else { return nil }
            start = index - 1
        }
        guard let numberEnd = houseNumber(at: abbreviated ? index + 2 : index + 1, in: text, claims: claims) else { return nil }
        let cityStart = text.isSymbol(numberEnd, ",") ? numberEnd + 1 : numberEnd
        return start..<(postcodeAndCity(at: cityStart, in: text, claims: claims) ?? numberEnd)
    }

    /// Whether `key` ends with the UTF-8 bytes `suffix`; comparing the last byte first keeps the scan over every word
    /// cheap.
    private static func hasSuffix(_ key: String, _ suffix: [UInt8]) -> Bool {
        let utf8 = key.utf8
        return utf8.last == suffix.last && utf8.count >= suffix.count && utf8.suffix(suffix.count).elementsEqual(suffix)
    }

    /// The index after a house number at `index`: "12", "12a", "12-14", "12/1".
    private func houseNumber(at index: Int, in text: PHITokenizedText, claims: PHIClaims) -> Int? {
        guard text.isNumber(index, digits: 1...4), claims.isFree(index), text.value(index) != 0 else { return nil }
        var end = index + 1
        if text.isGlued(end), text[end].kind == .word, text[end].key.count == 1 { end += 1 }
        if text.isGlued(end), text.isSymbol(end, "-") || text.isSymbol(end, "/"), text.isGlued(end + 1), text.isNumber(end + 1, digits: 1...4) {
            end += 2
        }
        let decimal =
            text.isGlued(end) && (text.isSymbol(end, ".") || text.isSymbol(end, ",")) && text.isNumber(end + 1, digits: 1...9)
            && text.isGlued(end + 1)
        guard !decimal, !text.isUnit(end), (index..<end).allSatisfy(claims.isFree) else { return nil }
        return end
    }

    /// A postcode and city that no street precedes; it needs a line start, a comma, a colon, a "D-" prefix or a cue
    /// such as "wohnhaft in" before it.
    private func standalonePostcode(at index: Int, in text: PHITokenizedText, claims: PHIClaims) -> Range<Int>? {
        guard isCountryPrefixedPostcode(index, in: text) || (text.isNumber(index, digits: 5...5) && isPostcodeContext(index, in: text)),
            let end = postcodeAndCity(at: index, in: text, claims: claims)
        else { return nil }
        return index..<end
    }

    private func isPostcodeContext(_ index: Int, in text: PHITokenizedText) -> Bool {
        index == 0 || text[index].lineBreakBefore || text.isSymbol(index - 1, ",") || text.isSymbol(index - 1, ":")
            || Self.postcodeCues.contains(text[index - 1].key)
    }

    /// The index after a five-digit postcode (or "D-" and one, a single token) and its city at `index`.
    private func postcodeAndCity(at index: Int, in text: PHITokenizedText, claims: PHIClaims) -> Int? {
        guard text.isNumber(index, digits: 5...5) || isCountryPrefixedPostcode(index, in: text), claims.isFree(index) else { return nil }
        return cityEnd(at: index + 1, in: text, claims: claims)
    }

    /// Whether the token at `index` is "D-" and a five-digit postcode ("D-50667").
    private func isCountryPrefixedPostcode(_ index: Int, in text: PHITokenizedText) -> Bool {
        guard index < text.count else { return false }
        let token = text[index]
        return token.kind == .word && token.digitCount == 5 && token.text.count == 7 && token.text.hasPrefix("D-")
    }

    /// The index after a city name at `index`: "Köln", "Bad Homburg", "Frankfurt am Main", "Halle (Saale)".
    private func cityEnd(at index: Int, in text: PHITokenizedText, claims: PHIClaims) -> Int? {
        guard claims.isFree(index), text.isNameLike(index, allowingAllCaps: true) else { return nil }
        var end = index + 1
        var words = 1
        // Without capitals nothing tells a city's second word from the sentence that goes on.
        while words < (text.isCaseless ? 1 : Self.maximumNameWords) {
            var next = end
            while next < text.count, Self.cityParticles.contains(text[next].key), !text[next].startsUppercase { next += 1 }
            if text.isSymbol(next, "("), text.isNameLike(next + 1), text.isSymbol(next + 2, ")") {
                end = next + 3
                break
            }
            guard claims.isFree(next), text.isNameLike(next), !text[next].lineBreakBefore else { break }
            end = next + 1
            words += 1
        }
        return end
    }

    // MARK: - English

    private func englishStreet(at index: Int, in text: PHITokenizedText, claims: PHIClaims) -> Range<Int>? {
        guard text.isNumber(index, digits: 1...5), !(text.isGlued(index) && text[index - 1].kind == .symbol) else { return nil }
        var next = index + 1
        if text.isGlued(next), text[next].kind == .word, text[next].key.count == 1 { next += 1 }
        var words = 0
        while next < text.count, claims.isFree(next), !text[next].lineBreakBefore {
            if words > 0, Self.englishSuffixes.contains(text[next].key), text[next].startsUppercase || text.isCaseless {
                let suffixEnd = text.isSymbol(next + 1, ".") && text.isGlued(next + 1) ? next + 2 : next + 1
                return index..<(englishLocality(after: suffixEnd, in: text, claims: claims) ?? suffixEnd)
            }
            guard words < Self.maximumNameWords, text.isNameLike(next) else { return nil }
            words += 1
            next += 1
        }
        return nil
    }

    /// The index after ", City", ", City, ST 12345" or ", City NW1 6XE" that follows a street at `index`.
    private func englishLocality(after index: Int, in text: PHITokenizedText, claims: PHIClaims) -> Int? {
        guard text.isSymbol(index, ","), let city = cityEnd(at: index + 1, in: text, claims: claims) else { return nil }
        let next = text.isSymbol(city, ",") ? city + 1 : city
        guard next < text.count, claims.isFree(next), claims.isFree(next + 1) else { return city }
        let state = text[next].kind == .word && text[next].text.count == 2 && !text[next].hasLowercase
        if state, text.isNumber(next + 1, digits: 5...5) {
            let plusFour = text.isSymbol(next + 2, "-") && text.isGlued(next + 2) && text.isNumber(next + 3, digits: 4...4)
            return plusFour ? next + 4 : next + 2
        }
        let outward = text[next].kind == .word && (2...4).contains(text[next].text.count) && text[next].digitCount > 0 && !text[next].hasLowercase
        if outward, text.isNumber(next + 1, digits: 1...1), text.isGlued(next + 2), text[next + 2].kind == .word, text[next + 2].text.count == 2,
            claims.isFree(next + 2)
        {
            return next + 3
        }
        return city
    }
}
