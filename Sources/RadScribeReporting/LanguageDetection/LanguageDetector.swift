import RadScribeCore

/// Tells German from English dictation by function words, radiology vocabulary, suffixes and umlauts.
///
/// Built for dictated text as a speech engine writes it (lower-case, little punctuation, umlauts often
/// transliterated) as well as for typed reports. Each word of a bounded prefix votes: function words
/// ("der", "und", "kein" · "the", "and", "no") weigh most, radiology vocabulary ("Niere", "unauffällig" ·
/// "kidney", "unremarkable") and suffixes ("-ung", "-lich" · "-ed", "-ness") less; an umlaut or "ß" counts
/// for German. Tokens with digits ("L4", "12") and words found in both languages ("in", "Thorax") carry no
/// evidence, so "L4/5 12 mm" gives `nil`.
///
/// The scan reads UTF-8 bytes once, packs each word into two integers and looks it up in a table built once,
/// so it allocates nothing per word; it stops after ``maximumWords`` words.
public struct LanguageDetector: Sendable {
    /// How many words of the text are read at most; a report's language shows long before that.
    static let maximumWords = 100

    /// Creates a detector.
    public init() {}

    /// Returns the detected language, or `nil` when the text gives no evidence (caller then uses the configured default).
    ///
    /// A tie between the two languages also gives `nil`: the text does not decide it.
    public func detect(_ text: String) -> Language? {
        var text = text
        let score = text.withUTF8 { Self.score(of: $0) }
        if score > 0 { return .de }
        if score < 0 { return .en }
        return nil
    }

    /// The summed evidence of the text's first words: positive for German, negative for English.
    private static func score(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var word = DetectorWord()
        var score = 0
        var words = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"):
                word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                word.append(byte | 0x20)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                word.append(byte)
                word.hasDigit = true
            case 0xC3 where index < bytes.count:
                // Latin-1 letters: fold upper case (0x80…0x9E except ×) to lower case and note German letters.
                var next = bytes[index]
                index += 1
                if (0x80...0x9E).contains(next), next != 0x97 { next += 0x20 }
                if next == 0xA4 || next == 0xB6 || next == 0xBC || next == 0x9F { word.hasGermanLetter = true }
                word.append(0xC3)
                word.append(next)
            case 0xC2,
                0xE2 where index < bytes.count && bytes[index] <= 0x81:
                // No-break space, °, ±, µ, «» (U+0080…U+00BF) and dashes, quotes, ellipsis (U+2000…U+207F) separate words.
                index += byte == 0xC2 ? 1 : 2
                fallthrough
            case 0x00...0x7F:
                guard word.length > 0 else { continue }
                score += LanguageEvidence.score(of: word)
                word = DetectorWord()
                words += 1
                if words == maximumWords { return score }
            default:
                word.append(byte)
            }
        }
        if word.length > 0 { score += LanguageEvidence.score(of: word) }
        return score
    }
}

/// A word's lower-cased UTF-8 bytes packed into integers: the first 16 bytes as the lookup key, the last 8 for suffixes.
struct DetectorWord {
    /// The first 16 bytes, big-endian in two halves; words never contain a zero byte, so the packing is unambiguous.
    private(set) var key = DetectorWordKey(head: 0, tail: 0)
    /// The last up to 8 bytes, the final byte lowest.
    private(set) var suffix: UInt64 = 0
    /// The number of bytes.
    private(set) var length = 0
    /// Whether a digit occurred; such tokens ("L4", "3,5") carry no language evidence.
    var hasDigit = false
    /// Whether ä, ö, ü or ß occurred.
    var hasGermanLetter = false

    /// Adds one lower-cased byte.
    mutating func append(_ byte: UInt8) {
        if length < 8 {
            key.head = key.head << 8 | UInt64(byte)
        } else if length < 16 {
            key.tail = key.tail << 8 | UInt64(byte)
        }
        suffix = suffix << 8 | UInt64(byte)
        length += 1
    }

    /// Whether the word is longer than `suffix` by at least `minimumStem` bytes and ends with it.
    func hasSuffix(_ ending: DetectorSuffix) -> Bool {
        length >= ending.length + ending.minimumStem && suffix & ending.mask == ending.bytes
    }
}

/// The exact key of a word of up to 16 bytes.
struct DetectorWordKey: Hashable {
    var head: UInt64
    var tail: UInt64

    /// Packs `word` (lower case) the way ``DetectorWord`` packs bytes; `nil` for words longer than 16 bytes.
    init?(_ word: String) {
        var packed = DetectorWord()
        for byte in word.utf8 { packed.append(byte) }
        guard packed.length <= 16 else { return nil }
        self = packed.key
    }

    init(head: UInt64, tail: UInt64) {
        self.head = head
        self.tail = tail
    }
}

/// A word ending that counts as evidence, packed like ``DetectorWord/suffix``.
struct DetectorSuffix {
    let bytes: UInt64
    let mask: UInt64
    let length: Int
    /// How many bytes must precede the ending, so that short words ("ring", "bed") are not judged by it.
    let minimumStem: Int

    init(_ ending: String, minimumStem: Int = 2) {
        var bytes: UInt64 = 0
        for byte in ending.utf8 { bytes = bytes << 8 | UInt64(byte) }
        self.bytes = bytes
        self.length = ending.utf8.count
        self.mask = length >= 8 ? .max : (1 << UInt64(length * 8)) - 1
        self.minimumStem = minimumStem
    }
}
