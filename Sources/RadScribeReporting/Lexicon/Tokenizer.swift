/// Splits text into word, number and symbol tokens in one pass over its UTF-8 bytes.
///
/// Letters and digits never share a token ("L4" → `l`, `4`; "4x3cm" → `4`, `x`, `3`, `cm`), every other
/// non-space scalar is a token of its own, and words get a folded key: lower-case, `ä/ö/ü → ae/oe/ue`,
/// `ß → ss` (also for decomposed umlauts). Hyphen and apostrophe look-alikes are folded to `-` and `'`.
enum Tokenizer {
    /// Tokenises `utf8Range` of `text`; `utf16Start` is the UTF-16 offset of the range's start.
    static func tokens(of text: String, utf8Range: Range<Int>, utf16Start: Int) -> [Token] {
        if let tokens = text.utf8.withContiguousStorageIfAvailable({ scan($0, range: utf8Range, utf16Start: utf16Start) }) {
            return tokens
        }
        var contiguous = text
        contiguous.makeContiguousUTF8()
        return contiguous.utf8.withContiguousStorageIfAvailable { scan($0, range: utf8Range, utf16Start: utf16Start) } ?? []
    }

    /// The matching keys of a phrase, without the transparent hyphens and full stops: how terms and triggers are stored.
    static func keys(of phrase: String) -> [String] {
        tokens(of: phrase, utf8Range: 0..<phrase.utf8.count, utf16Start: 0).filter { !$0.isTransparent }.map(\.key)
    }

    // MARK: - Scanning

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, utf16Start: Int) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(range.count / 5)
        var keyBytes: [UInt8] = []
        keyBytes.reserveCapacity(64)
        var position = range.lowerBound
        var utf16 = utf16Start
        var spaceBefore = false
        var lineBreakBefore = false
        while position < range.upperBound {
            let scalar = decode(bytes, at: position, end: range.upperBound)
            let character = classify(scalar.value)
            switch character {
            case .space, .lineBreak:
                spaceBefore = true
                if character == .lineBreak { lineBreakBefore = true }
                position += scalar.length
                utf16 += scalar.utf16Length
                continue
            case .digit:
                let start = position
                let startUTF16 = utf16
                while position < range.upperBound, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                    position += 1
                    utf16 += 1
                }
                let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                tokens.append(
                    Token(
                        kind: .number,
                        key: key,
                        utf8Start: start,
                        utf8End: position,
                        utf16Start: startUTF16,
                        utf16End: utf16,
                        isAllUppercase: false,
                        startsUppercase: false,
                        spaceBefore: spaceBefore,
                        lineBreakBefore: lineBreakBefore
                    )
                )
            case .letter, .mark:
                let start = position
                let startUTF16 = utf16
                keyBytes.removeAll(keepingCapacity: true)
                var allUppercase = true
                var firstUppercase: Bool?
                var current = scalar
                var currentClass = character
                while true {
                    if currentClass == .letter {
                        let upper = fold(current.value, into: &keyBytes)
                        if firstUppercase == nil { firstUppercase = upper }
                        if !upper { allUppercase = false }
                    } else if current.value == 0x308, let last = keyBytes.last, last == 0x61 || last == 0x6F || last == 0x75 {
                        keyBytes.append(0x65)  // decomposed umlaut: a + ◌̈ → ae
                    }
                    position += current.length
                    utf16 += current.utf16Length
                    guard position < range.upperBound else { break }
                    current = decode(bytes, at: position, end: range.upperBound)
                    currentClass = classify(current.value)
                    guard currentClass == .letter || currentClass == .mark else { break }
                }
                tokens.append(
                    Token(
                        kind: .word,
                        key: String(decoding: keyBytes, as: UTF8.self),
                        utf8Start: start,
                        utf8End: position,
                        utf16Start: startUTF16,
                        utf16End: utf16,
                        isAllUppercase: allUppercase && firstUppercase != nil,
                        startsUppercase: firstUppercase ?? false,
                        spaceBefore: spaceBefore,
                        lineBreakBefore: lineBreakBefore
                    )
                )
            case .symbol:
                tokens.append(
                    Token(
                        kind: .symbol,
                        key: symbolKey(scalar.value, bytes: bytes, at: position, length: scalar.length),
                        utf8Start: position,
                        utf8End: position + scalar.length,
                        utf16Start: utf16,
                        utf16End: utf16 + scalar.utf16Length,
                        isAllUppercase: false,
                        startsUppercase: false,
                        spaceBefore: spaceBefore,
                        lineBreakBefore: lineBreakBefore
                    )
                )
                position += scalar.length
                utf16 += scalar.utf16Length
            }
            spaceBefore = false
            lineBreakBefore = false
        }
        return tokens
    }

    private struct DecodedScalar {
        var value: UInt32
        var length: Int
        var utf16Length: Int { value > 0xFFFF ? 2 : 1 }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int, end: Int) -> DecodedScalar {
        let lead = UInt32(bytes[position])
        if lead < 0x80 { return DecodedScalar(value: lead, length: 1) }
        func continuation(_ offset: Int) -> UInt32 {
            position + offset < end ? UInt32(bytes[position + offset]) & 0x3F : 0
        }
        if lead < 0xE0 { return DecodedScalar(value: (lead & 0x1F) << 6 | continuation(1), length: 2) }
        if lead < 0xF0 { return DecodedScalar(value: (lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), length: 3) }
        return DecodedScalar(value: (lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), length: 4)
    }

    private enum CharacterClass {
        case space, lineBreak, digit, letter, mark, symbol
    }

    private static func classify(_ value: UInt32) -> CharacterClass {
        switch value {
        case 0x0A, 0x0D, 0x2028, 0x2029: return .lineBreak
        case 0x09, 0x0B, 0x0C, 0x20, 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return .space
        case 0x30...0x39: return .digit
        case 0x41...0x5A, 0x61...0x7A: return .letter
        case 0x00...0x7F: return .symbol
        case 0xD7, 0xF7: return .symbol
        case 0xC0...0x24F: return .letter
        case 0x300...0x36F: return .mark
        default:
            guard let scalar = Unicode.Scalar(value) else { return .symbol }
            return scalar.properties.isAlphabetic ? .letter : .symbol
        }
    }

    /// Appends the folded form of a letter; returns whether the letter was upper-case.
    private static func fold(_ value: UInt32, into key: inout [UInt8]) -> Bool {
        switch value {
        case 0x61...0x7A:
            key.append(UInt8(value))
            return false
        case 0x41...0x5A:
            key.append(UInt8(value + 0x20))
            return true
        case 0xE4, 0xC4:
            key.append(contentsOf: [0x61, 0x65])
            return value == 0xC4
        case 0xF6, 0xD6:
            key.append(contentsOf: [0x6F, 0x65])
            return value == 0xD6
        case 0xFC, 0xDC:
            key.append(contentsOf: [0x75, 0x65])
            return value == 0xDC
        case 0xDF:
            key.append(contentsOf: [0x73, 0x73])
            return false
        case 0x1E9E:
            key.append(contentsOf: [0x73, 0x73])
            return true
        default:
            guard let scalar = Unicode.Scalar(value) else { return false }
            key.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            return scalar.properties.isUppercase
        }
    }

    private static let asciiSymbolKeys: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    private static func symbolKey(_ value: UInt32, bytes: UnsafeBufferPointer<UInt8>, at position: Int, length: Int) -> String {
        switch value {
        case 0..<128: return asciiSymbolKeys[Int(value)]
        case 0x2010, 0x2011, 0x2212, 0xAD: return "-"
        case 0x2018, 0x2019, 0xB4, 0x2032: return "'"
        case 0x201C, 0x201D, 0x201E, 0xAB, 0xBB: return "\""
        default: return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<(position + length)]), as: UTF8.self)
        }
    }
}
