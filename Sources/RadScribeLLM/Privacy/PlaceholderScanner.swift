/// Finds placeholder-like text in an LLM answer and reads the placeholder each one means.
enum PlaceholderScanner {
    /// A piece of an answer that is or looks like a placeholder.
    struct Candidate {
        /// Its UTF-8 byte range, brackets and escapes included.
        var range: Range<Int>
        /// The placeholder it means, normalised to `PERSON_1`; `nil` when it has no number.
        var key: String?
    }

    /// The placeholder prefixes of all PHI kinds.
    private static let prefixes = Set(PHIKind.allCases.map(\.placeholderPrefix))

    /// Words in capitals that an LLM writes as a slot in place of a placeholder it lost: `[NAME]`, `[DATUM]`.
    private static let inventedWords: PHIWordSet = [
        "NAME", "NAMEN", "PATIENT", "PATIENTIN", "PATIENT_NAME", "DATUM", "GEBURTSDATUM", "ADRESSE", "ANSCHRIFT",
        "TELEFON", "TELEFONNUMMER", "TEL", "FAX", "NUMMER", "PID", "MRN", "BIRTHDATE", "BIRTH_DATE", "DATE_OF_BIRTH",
        "TELEPHONE", "E_MAIL", "MAIL", "STREET", "CITY", "STADT", "ORT", "DOCTOR", "ARZT", "REDACTED", "REMOVED",
        "PLACEHOLDER", "PLATZHALTER",
    ]

    /// The most bytes between the brackets of a placeholder.
    private static let maximumContent = 40

    /// The normalised key of a placeholder this module wrote (`[PERSON_1]` → `PERSON_1`).
    static func key(ofPlaceholder placeholder: String) -> String? {
        let bytes = Array(placeholder.utf8)
        return bracketed(at: 0, in: bytes)?.key
    }

    /// The placeholder-like pieces of `bytes` in text order, bracketed or bare.
    static func candidates(in bytes: [UInt8]) -> [Candidate] {
        var result: [Candidate] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "["), let candidate = bracketed(at: index, in: bytes) {
                result.append(candidate)
                index = candidate.range.upperBound
            } else if isUppercase(bytes[index]), index == 0 || !isWordByte(bytes[index - 1]) {
                let (candidate, end) = bare(at: index, in: bytes)
                if let candidate { result.append(candidate) }
                index = end
            } else {
                index += 1
            }
        }
        return result
    }

    // MARK: - Bracketed

    /// A placeholder-like bracket at `start`: a known prefix with or without a number, or capitals with an underscore.
    private static func bracketed(at start: Int, in bytes: [UInt8]) -> Candidate? {
        var close = start + 1
        while close < bytes.count, close - start <= maximumContent, bytes[close] != UInt8(ascii: "]") {
            guard bytes[close] != UInt8(ascii: "["), bytes[close] != UInt8(ascii: "\n") else { return nil }
            close += 1
        }
        guard close < bytes.count, bytes[close] == UInt8(ascii: "]") else { return nil }
        let content = bytes[(start + 1)..<close]
        guard let (prefix, digits) = parts(of: content) else { return nil }
        let capitals = !content.contains { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
        let invented = capitals && (inventedWords.contains(prefix) || (content.contains(UInt8(ascii: "_")) && !prefix.isEmpty))
        guard prefixes.contains(prefix) || invented else { return nil }
        let escaped = start > 0 && bytes[start - 1] == UInt8(ascii: "\\")
        return Candidate(range: (escaped ? start - 1 : start)..<(close + 1), key: key(prefix: prefix, digits: digits))
    }

    /// The words of a bracket's content in capitals, joined by underscores, and the number after them:
    /// ` Person 1 ` → (`PERSON`, `1`); `nil` when anything but letters, a number at the end and separators is in it.
    private static func parts(of content: ArraySlice<UInt8>) -> (prefix: String, digits: String)? {
        var words: [String] = []
        var word = ""
        var digits = ""
        var numberEnded = false
        for byte in content {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits.isEmpty else { return nil }
                word.append(Character(Unicode.Scalar(byte & 0xDF)))
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard !numberEnded else { return nil }
                digits.append(Character(Unicode.Scalar(byte)))
            case UInt8(ascii: " "), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "\\"):
                numberEnded = !digits.isEmpty
                if !word.isEmpty { words.append(word) }
                word = ""
            default:
                return nil
            }
        }
        if !word.isEmpty { words.append(word) }
        return (words.joined(separator: "_"), digits)
    }

    // MARK: - Bare

    /// An exact placeholder without brackets at `start` (`PERSON_1`), and the index to go on from.
    private static func bare(at start: Int, in bytes: [UInt8]) -> (Candidate?, Int) {
        var index = start
        while index < bytes.count, isUppercase(bytes[index]) { index += 1 }
        let prefix = String(decoding: bytes[start..<index], as: UTF8.self)
        guard prefixes.contains(prefix), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "_"), isDigit(bytes[index + 1]) else {
            return (nil, index)
        }
        var end = index + 1
        while end < bytes.count, isDigit(bytes[end]) { end += 1 }
        guard end == bytes.count || !isWordByte(bytes[end]) else { return (nil, end) }
        let digits = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        return (Candidate(range: start..<end, key: key(prefix: prefix, digits: digits)), end)
    }

    // MARK: - Helpers

    private static func key(prefix: String, digits: String) -> String? {
        guard let number = Int(digits) else { return nil }
        return "\(prefix)_\(number)"
    }

    private static func isUppercase(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// Letters, digits, underscores and any non-ASCII byte (a letter such as "ä" in UTF-8).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        isUppercase(byte) || isDigit(byte) || byte >= 0x80 || byte == UInt8(ascii: "_")
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }
}
