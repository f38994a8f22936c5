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

/// Fast conversions between `String` and UTF-16 code units; the standard library's generic UTF-16 paths are
/// an order of magnitude slower than these plain loops over contiguous UTF-8.
enum UTF16Transcoding {
    /// The UTF-16 code units of `text`.
    static func codeUnits(of text: String) -> [UInt16] {
        var text = text
        return text.withUTF8 { bytes in
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let lead = UInt32(bytes[index])
                if lead < 0x80 {
                    units.append(UInt16(lead))
                    index += 1
                } else if lead < 0xE0 {
                    units.append(UInt16(((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F)))
                    index += 2
                } else if lead < 0xF0 {
                    let scalar = ((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6) | (UInt32(bytes[index + 2]) & 0x3F)
                    units.append(UInt16(scalar))
                    index += 3
                } else {
                    let scalar =
                        ((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12) | ((UInt32(bytes[index + 2]) & 0x3F) << 6)
                        | (UInt32(bytes[index + 3]) & 0x3F)
                    units.append(UInt16(0xD800 + ((scalar - 0x10000) >> 10)))
                    units.append(UInt16(0xDC00 + ((scalar - 0x10000) & 0x3FF)))
                    index += 4
                }
            }
            return units
        }
    }

    /// The string of `units`, which must not split a surrogate pair.
    static func string(from units: ArraySlice<UInt16>) -> String {
        String(unsafeUninitializedCapacity: units.count * 3) { buffer in
            var count = 0
            var index = units.startIndex
            while index < units.endIndex {
                let unit = UInt32(units[index])
                index += 1
                if unit < 0x80 {
                    buffer[count] = UInt8(unit)
                    count += 1
                } else if unit < 0x800 {
                    buffer[count] = UInt8(0xC0 | (unit >> 6))
                    buffer[count + 1] = UInt8(0x80 | (unit & 0x3F))
                    count += 2
                } else if unit >= 0xD800, unit < 0xDC00, index < units.endIndex {
                    let scalar = 0x10000 + ((unit - 0xD800) << 10) + (UInt32(units[index]) - 0xDC00)
                    index += 1
                    buffer[count] = UInt8(0xF0 | (scalar >> 18))
                    buffer[count + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                    buffer[count + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    buffer[count + 3] = UInt8(0x80 | (scalar & 0x3F))
                    count += 4
                } else {
                    buffer[count] = UInt8(0xE0 | (unit >> 12))
                    buffer[count + 1] = UInt8(0x80 | ((unit >> 6) & 0x3F))
                    buffer[count + 2] = UInt8(0x80 | (unit & 0x3F))
                    count += 3
                }
            }
            return count
        }
    }
}
