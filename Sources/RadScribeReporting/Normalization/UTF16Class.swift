/// Character classes on single UTF-16 code units, tuned for German and English dictation.
enum UTF16Class {
    static func isDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }

    static func isLineBreak(_ unit: UInt16) -> Bool {
        unit == 0x0A || unit == 0x0D || unit == 0x85 || unit == 0x2028 || unit == 0x2029
    }

    static func isWhitespace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Letters, combining marks and the superscripts and micro sign used in units ("cm²", "µm").
    static func isLetter(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x41...0x5A, 0x61...0x7A, 0xB2, 0xB3, 0xB5, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x1FFF: true
        case 0x2C00...0x2DFF, 0x3040...0xD7FF, 0xF900...0xFDFF, 0xFE70...0xFEFE, 0xFF21...0xFF3A, 0xFF41...0xFF5A: true
        default: false
        }
    }

    /// Characters that stay inside a word when letters follow: hyphen and apostrophes.
    static func isWordJoiner(_ unit: UInt16) -> Bool { unit == 0x2D || unit == 0x27 || unit == 0x2019 }

    static func isUppercase(_ unit: UInt16) -> Bool {
        (unit >= 0x41 && unit <= 0x5A) || (unit >= 0xC0 && unit <= 0xDE && unit != 0xD7)
    }

    static func lowercased(_ unit: UInt16) -> UInt16 { isUppercase(unit) ? unit + 0x20 : unit }

    /// The capital of an ASCII or Latin-1 lower-case letter, or `nil` (also for "ß", which has no one-letter capital here).
    static func capitalized(_ unit: UInt16) -> UInt16? {
        if (unit >= 0x61 && unit <= 0x7A) || (unit >= 0xE0 && unit <= 0xFE && unit != 0xF7) { return unit - 0x20 }
        return nil
    }

    /// "ä", "ö" or "ü" for an ASCII "a", "o" or "u" followed by a combining diaeresis.
    static func umlaut(of byte: UInt8) -> UInt16? {
        switch byte {
        case 0x61: 0xE4
        case 0x6F: 0xF6
        case 0x75: 0xFC
        default: nil
        }
    }
}
