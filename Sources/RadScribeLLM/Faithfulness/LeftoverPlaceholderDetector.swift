/// Recognises pseudonymisation placeholders left in an LLM answer: an upper-case name in square, angle or curly
/// brackets, such as `[PERSON_1]`, `<DATE_2>`, `{{PATIENT_ID}}` or `[NAME]`.
///
/// The name is ASCII upper-case letters, digits and underscores and starts with a letter; it is at least four
/// characters long, or three with a digit or underscore, so bracketed abbreviations of reports ("[MRT]", "[KM]") are
/// not taken for placeholders.
struct LeftoverPlaceholderDetector: Sendable {
    /// Whether `text` contains a placeholder.
    func containsPlaceholder(_ text: String) -> Bool {
        var closing: UInt8?
        var length = 0
        var hasDigitOrUnderscore = false
        for byte in text.utf8 {
            if let expected = closing {
                if byte == expected, length >= 4 || (length >= 3 && hasDigitOrUnderscore) { return true }
                let isLetter = byte >= 0x41 && byte <= 0x5A
                let isDigitOrUnderscore = (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
                if isLetter || (length > 0 && isDigitOrUnderscore) {
                    length += 1
                    hasDigitOrUnderscore = hasDigitOrUnderscore || isDigitOrUnderscore
                    continue
                }
                // Not a name after all; the byte may open the next one ("{{NAME}}", "[A[PERSON_1]").
                closing = nil
            }
            if let bracket = Self.closingBracket(of: byte) {
                closing = bracket
                length = 0
                hasDigitOrUnderscore = false
            }
        }
        return false
    }

    private static func closingBracket(of byte: UInt8) -> UInt8? {
        switch byte {
        case 0x5B: 0x5D  // [ ]
        case 0x3C: 0x3E  // < >
        case 0x7B: 0x7D  // { }
        default: nil
        }
    }
}
