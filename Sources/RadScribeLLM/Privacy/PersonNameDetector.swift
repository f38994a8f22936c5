/// Finds names of persons after a cue, then every other mention of the words of those names.
///
/// Cues are honorifics and titles ("Herr", "Frau", "Hr.", "Fr.", "Mr", "Mrs", "Ms", "Miss", "Dr.", "Prof.",
/// "Dr. med. dent."), roles ("Patient", "Patientin", "Pat.", "Zuweiser", "referring physician", "gez.", "geb." for a
/// maiden name) and labels that need a colon ("Name:", "Nachname:", "Radiologe:"). A name is one to three capitalised
/// words with particles and initials ("Hans-Peter von der Heide", "J. R. Smith") and may be written "Nachname, Vorname"
/// when a label, a line end, punctuation or a birth date ends it. German capitalises every noun, so words listed in
/// ``PHIVocabulary/nonNames`` ("Befund", "Zustand", "Mitte") never start a name. In caseless text (raw speech
/// recognition) only honorifics not preceded by an article and colon labels count, and any word that is not a listed
/// non-name can be a name.
struct PersonNameDetector: Sendable {
    private static let casedHonorifics = PHICueTable<Void>(
        [
            "Herr", "Herrn", "Frau", "Hr.", "Hr", "Fr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx.", "Dr.", "Dr",
            "Dres.", "Prof.", "Prof", "Priv.-Doz.", "Doktor", "Professor",
        ],
        value: (),
        matchesCase: true
    )

    /// Without capitals "ms" (multiple sclerosis), "hr" (heart rate) and "miss" are ordinary words, so they are no cue.
    private static let caselessHonorifics = PHICueTable<Void>(
        ["herr", "herrn", "frau", "dr.", "dr", "doktor", "doctor", "prof.", "prof", "professor", "mister", "mr.", "mrs", "mrs."],
        value: ()
    )

    /// Roles and labels; the value says whether the cue counts only with a colon after it.
    private static let roles = PHICueTable<Bool>(
        [
            "patient", "patientin", "pat.", "zuweiser", "zuweiserin", "überweiser", "überweiserin", "einweiser", "einweiserin",
            "zuweisender arzt", "zuweisende ärztin", "überweisender arzt", "überweisende ärztin", "referring physician",
            "referring doctor", "referring clinician", "referred by", "requested by", "gez.", "dictated by", "signed by",
            "befundet von", "diktiert von", "geb.", "geborene", "née", "nee", "patient name", "patientenname",
            "name of patient", "patient's name",
        ].map { ($0, false) }
            + [
                "name", "vorname", "nachname", "familienname", "first name", "last name", "surname", "given name", "arzt",
                "ärztin", "physician", "radiologe", "radiologin", "radiologist", "befunder", "befunderin", "angehörige",
                "angehöriger", "kontaktperson", "contact", "next of kin",
            ].map { ($0, true) }
    )

    /// Lower-case abbreviations of academic degrees after "Dr." ("Dr. med. dent.", "Dr. rer. nat.", "Prof. h. c.").
    private static let degrees: PHIWordSet = [
        "med", "dent", "rer", "nat", "phil", "habil", "univ", "vet", "jur", "h", "c", "sc", "oec", "pol", "biol", "ing",
    ]

    private static let particles: PHIWordSet = [
        "von", "van", "vom", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le", "zu", "zur", "ten", "ter",
        "bin", "ibn", "al", "el",
    ]

    /// Words before "frau" or "herr" that make it a noun ("eine 45-jährige frau mit …"), not an honorific.
    private static let articles: PHIWordSet = [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen", "eines", "diese", "dieser",
        "jede", "jeder", "unsere", "unserer", "junge", "junger", "ältere", "älterer", "the", "a", "this", "our",
    ]

    /// Symbols and words that may end "Nachname, Vorname" outside a label.
    private static let boundarySymbols: PHIWordSet = [",", ";", ".", "(", ")", ":", "/", "*"]
    private static let boundaryWords: PHIWordSet = ["geb", "geboren", "born", "dob", "jahrgang", "aged", "alter"]

    /// What may stand between a header name and the date or identifier after it.
    private static let headerSeparators: PHIWordSet = [",", "(", "*", "-", "–", "geb", ".", ":"]
    private static let maximumHeaderSeparators = 3

    private static let maximumNameWords = 3
    private static let maximumTitles = 6

    /// Claims every name after a cue, then every other mention of a word of those names.
    func detect(in text: PHITokenizedText, claims: inout PHIClaims) {
        var index = 0
        while index < text.count {
            if let end = headerNameEnd(at: index, in: text, claims: claims) {
                claims.claim(index..<end, as: .person)
                index = end
                continue
            }
            guard claims.isFree(index), let cue = cue(at: index, in: text) else {
                index += 1
                continue
            }
            let start = titlesEnd(from: cue.end, in: text)
            if let end = nameEnd(from: start, in: text, claims: claims, isLabel: cue.isLabel) {
                claims.claim(start..<end, as: .person)
                index = end
            } else {
                index = cue.end
            }
        }
        claimOtherMentions(in: text, claims: &claims)
    }

    // MARK: - Cues

    /// The index after a cue at `index`, and whether it is a label with a colon.
    private func cue(at index: Int, in text: PHITokenizedText) -> (end: Int, isLabel: Bool)? {
        if let end = honorificEnd(at: index, in: text) { return (end, false) }
        guard let role = Self.roles.match(at: index, in: text) else { return nil }
        if text.isSymbol(role.end, ":") { return (role.end + 1, true) }
        return role.value || text.isCaseless ? nil : (role.end, false)
    }

    private func honorificEnd(at index: Int, in text: PHITokenizedText) -> Int? {
        guard text.isCaseless else { return Self.casedHonorifics.match(at: index, in: text)?.end }
        guard let match = Self.caselessHonorifics.match(at: index, in: text) else { return nil }
        let isNoun = index > 0 && (Self.articles.contains(text[index - 1].key) || text[index - 1].key.hasSuffix("jährige"))
        return isNoun ? nil : match.end
    }

    /// The index after further honorifics and degrees: "Herr Prof. Dr. med. dent." is one cue.
    private func titlesEnd(from index: Int, in text: PHITokenizedText) -> Int {
        var end = index
        for _ in 0..<Self.maximumTitles {
            if let next = honorificEnd(at: end, in: text) {
                end = next
            } else if end < text.count, Self.degrees.contains(text[end].text), text.isSymbol(end + 1, "."), text.isGlued(end + 1) {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    // MARK: - Names

    /// The index after the name that starts at `start`; a single surname may be followed by ", Vorname".
    private func nameEnd(from start: Int, in text: PHITokenizedText, claims: PHIClaims, isLabel: Bool) -> Int? {
        guard let end = wordsEnd(from: start, in: text, claims: claims, isLabel: isLabel) else { return nil }
        let surnameOnly = (start..<end).filter { text.isNameLike($0, allowingAllCaps: isLabel) }.count == 1
        guard surnameOnly, text.isSymbol(end, ","), claims.isFree(end),
            let firstNamesEnd = wordsEnd(from: end + 1, in: text, claims: claims, isLabel: isLabel),
            isLabel || isBoundary(firstNamesEnd, in: text, claims: claims)
        else { return end }
        return firstNamesEnd
    }

    /// The index after one to three name words from `start`, with particles and initials between them.
    private func wordsEnd(from start: Int, in text: PHITokenizedText, claims: PHIClaims, isLabel: Bool) -> Int? {
        var index = start
        var words = 0
        var end: Int?
        while words < Self.maximumNameWords, claims.isFree(index), index == start || !text[index].lineBreakBefore {
            if text.isNameLike(index, allowingAllCaps: isLabel) {
                words += 1
                index += 1
                end = index
            } else if isInitial(index, in: text), text.isNameLike(index + 2, allowingAllCaps: isLabel) || isInitial(index + 2, in: text) {
                index += 2
            } else if Self.particles.contains(text[index].key), !text[index].startsUppercase || words == 0 {
                index += 1
            } else {
                break
            }
        }
        return end
    }

    /// The index after "Nachname, Vorname" at the start of a line when a date or identifier found before follows it, as
    /// in a patient header: "Mustermann, Max, 01.01.1970", "MÜLLER, Hans (*01.01.1970)".
    private func headerNameEnd(at index: Int, in text: PHITokenizedText, claims: PHIClaims) -> Int? {
        guard index == 0 || text[index].lineBreakBefore, claims.isFree(index),
            wordsEnd(from: index, in: text, claims: claims, isLabel: true) == index + 1, text.isSymbol(index + 1, ","),
            let end = wordsEnd(from: index + 2, in: text, claims: claims, isLabel: true)
        else { return nil }
        var next = end
        while next < end + Self.maximumHeaderSeparators, claims.isFree(next), Self.headerSeparators.contains(text[next].key) {
            next += 1
        }
        return claims.isClaimed(next) ? end : nil
    }

    /// Whether the token at `index` is an initial: a capital letter and a dot ("J.").
    private func isInitial(_ index: Int, in text: PHITokenizedText) -> Bool {
        guard index < text.count, text[index].kind == .word, text[index].text.unicodeScalars.count == 1 else { return false }
        return (text[index].startsUppercase || text.isCaseless) && text.isSymbol(index + 1, ".") && text.isGlued(index + 1)
    }

    /// Whether "Nachname, Vorname" may end before `index`: at a line or text end, punctuation, a number, a birth cue or
    /// PHI found before.
    private func isBoundary(_ index: Int, in text: PHITokenizedText, claims: PHIClaims) -> Bool {
        guard index < text.count else { return true }
        let token = text[index]
        return token.lineBreakBefore || claims.isClaimed(index) || token.kind == .number
            || (token.kind == .symbol && Self.boundarySymbols.contains(token.text)) || Self.boundaryWords.contains(token.key)
    }

    // MARK: - Other mentions

    /// Claims every free mention of a word of a name found after a cue ("Herr Müller … Müller berichtet"), in capitals
    /// too.
    private func claimOtherMentions(in text: PHITokenizedText, claims: inout PHIClaims) {
        var known: [String] = []
        for span in claims.spans where span.kind == .person {
            for index in span.tokens where text.isNameLike(index, allowingAllCaps: true) {
                known.append(text[index].text)
                known.append(text[index].text.uppercased())
            }
        }
        guard !known.isEmpty else { return }
        let words = PHIWordSet(known)
        func isKnown(_ index: Int) -> Bool {
            claims.isFree(index) && text[index].kind == .word && words.contains(text[index].text)
        }
        var index = 0
        while index < text.count {
            guard isKnown(index) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < text.count, isKnown(end) { end += 1 }
            claims.claim(index..<end, as: .person)
            index = end
        }
    }
}
