/// A text whose PHI a ``Pseudonymizer`` replaced with placeholders, and the originals to put back.
///
/// The description shows only counts, never the text or the originals, so a value that slips into a log leaks nothing.
public struct PseudonymizedText: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The text with placeholders; the only form that may leave the machine.
    public var text: String
    /// One entity per placeholder, in order of first appearance. For tests and audit counts; never log the originals.
    public var entities: [PHIEntity]

    /// Creates a pseudonymised text.
    public init(text: String, entities: [PHIEntity]) {
        self.text = text
        self.entities = entities
    }

    /// Puts the originals back into an LLM answer to ``text``.
    ///
    /// Besides the exact placeholders it accepts what LLMs commonly make of them while the meaning stays unambiguous:
    /// another case (`[Person_1]`), spaces inside the brackets (`[ PERSON_1 ]`), a space or hyphen for the underscore
    /// or none at all (`[PERSON 1]`, `[PERSON-1]`, `[PERSON1]`), a leading zero (`[PERSON_01]`), Markdown escapes
    /// (`\[PERSON\_1\]`) and the exact form without brackets (`PERSON_1`). Anything placeholder-like that this text does
    /// not know stays as it is and is reported: a known kind with an unknown number (`[PERSON_7]`, `[DATE_1]` when
    /// there was no date), a kind without a number (`[PERSON]`) or a bracketed capitalised word with an underscore
    /// (`[PATIENT_NAME]`). Bracketed medical text such as `[BI-RADS 4]` or `[sic]` is not placeholder-like.
    ///
    /// Restore each decoded text field of a structured answer, not the raw JSON: an original may hold a character
    /// that JSON escapes.
    ///
    /// - Parameter answer: The LLM's answer, or one field of it.
    /// - Returns: The answer with the originals, and the placeholders it could not restore; a caller should reject the
    ///   part of the answer that holds one.
    public func restore(_ answer: String) -> RestoredText {
        var originals: [String: String] = [:]
        for entity in entities {
            if let key = PlaceholderScanner.key(ofPlaceholder: entity.placeholder) { originals[key] = entity.original }
        }
        let bytes = Array(answer.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var unknown: [String] = []
        var copied = 0
        for candidate in PlaceholderScanner.candidates(in: bytes) {
            if let key = candidate.key, let original = originals[key] {
                output.append(contentsOf: bytes[copied..<candidate.range.lowerBound])
                output.append(contentsOf: original.utf8)
                copied = candidate.range.upperBound
            } else {
                let written = String(decoding: bytes[candidate.range], as: UTF8.self)
                if !unknown.contains(written) { unknown.append(written) }
            }
        }
        output.append(contentsOf: bytes[copied...])
        return RestoredText(text: String(decoding: output, as: UTF8.self), unknownPlaceholders: unknown)
    }

    /// The number of entities and characters; never the text.
    public var description: String { "PseudonymizedText(\(entities.count) entities, \(text.count) characters)" }

    /// The number of entities and characters; never the text.
    public var debugDescription: String { description }
}
