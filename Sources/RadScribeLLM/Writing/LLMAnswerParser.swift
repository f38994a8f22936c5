import Foundation
import RadScribeCore

/// Reads the sections out of a model's JSON answer.
enum LLMAnswerParser {
    /// The section texts of an answer, or `nil` when it is not a JSON object of strings keyed by section.
    ///
    /// Tolerates what models commonly wrap JSON in: a Markdown code fence, or prose before and after the object.
    /// Unknown keys are ignored; `null` counts as an empty section; anything else (a number, an object) makes the
    /// whole answer malformed, as does an object without a single known section.
    static func sections(from answer: String) -> [SectionKind: String]? {
        guard let open = answer.firstIndex(of: "{"), let close = answer.lastIndex(of: "}"), open < close else { return nil }
        guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: Data(answer[open...close].utf8)) else { return nil }
        var sections: [SectionKind: String] = [:]
        for kind in SectionKind.canonicalOrder {
            switch object[kind.rawValue] {
            case .string(let text): sections[kind] = text.trimmingCharacters(in: .whitespacesAndNewlines)
            case .null, nil: continue
            default: return nil
            }
        }
        return sections.isEmpty ? nil : sections
    }
}
