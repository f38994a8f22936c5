import RadScribeCore

/// One token of a text: a run of letters, a run of digits or a single symbol.
///
/// Words carry a folded key (lower-case, `ä → ae`, `ö → oe`, `ü → ue`, `ß → ss`) so that every lookup is one
/// dictionary access; the original spelling stays in the text and is reached through the offsets.
struct Token: Sendable {
    /// What the token is made of.
    enum Kind: UInt8, Sendable {
        /// Letters (and combining marks).
        case word
        /// ASCII digits.
        case number
        /// One punctuation or other non-letter, non-digit scalar.
        case symbol
    }

    /// What the token is made of.
    let kind: Kind
    /// The folded matching key: lower-case letters with umlauts and ß spelled out, the digits, or the symbol.
    let key: String
    /// The first UTF-8 code unit of the token in the text.
    var utf8Start: Int
    /// One past the last UTF-8 code unit of the token in the text.
    var utf8End: Int
    /// The first UTF-16 code unit of the token in the text.
    var utf16Start: Int
    /// One past the last UTF-16 code unit of the token in the text.
    var utf16End: Int
    /// Whether every letter of a word is upper-case ("PTX", "US").
    var isAllUppercase: Bool
    /// Whether a word starts with an upper-case letter.
    var startsUppercase: Bool
    /// Whether whitespace separates this token from the previous one.
    var spaceBefore: Bool
    /// Whether a line break separates this token from the previous one.
    var lineBreakBefore: Bool
    /// The FNV-1a hash of ``key``, by which tries look the key up without hashing it again.
    let keyHash: UInt64
    /// Hyphens and full stops inside a sentence do not separate the words of a term or trigger:
    /// "Pleura-Erguss" matches "Pleura Erguss", "V. a." matches "V.a.".
    let isTransparent: Bool

    /// Creates a token; its key hash and transparency are derived from `kind` and `key`.
    init(
        kind: Kind,
        key: String,
        utf8Start: Int,
        utf8End: Int,
        utf16Start: Int,
        utf16End: Int,
        isAllUppercase: Bool,
        startsUppercase: Bool,
        spaceBefore: Bool,
        lineBreakBefore: Bool
    ) {
        self.kind = kind
        self.key = key
        self.utf8Start = utf8Start
        self.utf8End = utf8End
        self.utf16Start = utf16Start
        self.utf16End = utf16End
        self.isAllUppercase = isAllUppercase
        self.startsUppercase = startsUppercase
        self.spaceBefore = spaceBefore
        self.lineBreakBefore = lineBreakBefore
        self.keyHash = Self.keyHash(of: key)
        self.isTransparent = kind == .symbol && (key == "-" || key == ".")
    }

    /// The FNV-1a hash of a key's UTF-8 bytes.
    static func keyHash(of key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// Whether the token is a word or a number.
    var isWordOrNumber: Bool { kind != .symbol }
}

/// A text with its tokens; converts token ranges back into string ranges and spans.
struct TokenizedText: Sendable {
    /// The text the tokens point into.
    let text: String
    /// The tokens in text order.
    let tokens: [Token]

    /// Tokenises all of `text`.
    init(_ text: String) {
        self.text = text
        self.tokens = Tokenizer.tokens(of: text, utf8Range: 0..<text.utf8.count, utf16Start: 0)
    }

    /// Tokenises `range` of `text`; offsets stay relative to the start of `text`.
    init(_ text: String, range: Range<String.Index>) {
        self.text = text
        let utf8 = text.utf8
        let lower = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
        let upper = utf8.distance(from: utf8.startIndex, to: range.upperBound)
        let utf16Start = text.utf16.distance(from: text.startIndex, to: range.lowerBound)
        self.tokens = Tokenizer.tokens(of: text, utf8Range: lower..<upper, utf16Start: utf16Start)
    }

    /// The string index at a UTF-8 offset (constant time for native strings).
    func index(utf8Offset: Int) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: utf8Offset)
    }

    /// The string range covered by `tokenRange` (which must not be empty).
    func range(of tokenRange: Range<Int>) -> Range<String.Index> {
        index(utf8Offset: tokens[tokenRange.lowerBound].utf8Start)..<index(utf8Offset: tokens[tokenRange.upperBound - 1].utf8End)
    }

    /// The span covered by `tokenRange` (which must not be empty).
    func span(of tokenRange: Range<Int>) -> TextSpan {
        TextSpan(start: tokens[tokenRange.lowerBound].utf16Start, end: tokens[tokenRange.upperBound - 1].utf16End)
    }

    /// The text covered by `tokenRange` (which must not be empty).
    func string(of tokenRange: Range<Int>) -> String {
        String(text[range(of: tokenRange)])
    }

    /// The original spelling of one token.
    func original(_ tokenIndex: Int) -> Substring {
        text[range(of: tokenIndex..<(tokenIndex + 1))]
    }

    /// The tokens whose start lies in `span`: the token range of a section body.
    func tokenRange(of span: TextSpan) -> Range<Int> {
        firstToken(startingAtOrAfter: span.start)..<firstToken(startingAtOrAfter: span.end)
    }

    private func firstToken(startingAtOrAfter utf16Offset: Int) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].utf16Start < utf16Offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
