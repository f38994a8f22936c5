import Foundation
import RadScribeCore

/// The versioned prompt files (`Resources/Prompts/report-v1.*.md`) and how a report fills them.
///
/// The system prompt states the task, the rules (no added facts, negations, sides, numbers and categories kept,
/// placeholders copied) and the JSON answer format; the user message carries the rule-based exam type, the specialised
/// agent's extracted data, the rule-based sections and the dictation. A new prompt wording is a new version: files are
/// never edited in place, so a stored report's `prompt_version` always names the text that produced it.
public struct ReportPrompt: Sendable {
    /// The version of the prompt files in use.
    public static let version = "report-v1"

    private let system: [Language: String]
    private let user: [Language: String]

    /// Loads the bundled prompt files.
    public static func bundled() throws -> ReportPrompt {
        func load(_ name: String) throws -> String {
            guard let url = Bundle.module.url(forResource: name, withExtension: "md", subdirectory: "Prompts") else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Prompts/\(name).md"])
            }
            return try String(contentsOf: url, encoding: .utf8)
        }
        var system: [Language: String] = [:]
        var user: [Language: String] = [:]
        for language in Language.allCases {
            system[language] = try load("\(version).system.\(language.rawValue)")
            user[language] = try load("\(version).user.\(language.rawValue)")
        }
        return ReportPrompt(system: system, user: user)
    }

    /// The system prompt and the user message for `report` (the user message still holds the dictation as it is;
    /// the caller pseudonymises it for providers that must not see PHI).
    public func messages(for report: StructuredReport) -> (system: String, user: String) {
        let encoder = ReportJSON.makeEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let examData = (try? encoder.encode(report.examData)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let sections = report.sections
            .filter { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            .map { "[\($0.kind.rawValue)] \($0.text)" }
            .joined(separator: "\n")
        let values = [
            "exam_type": report.classification.examType.rawValue,
            "confidence": String(format: "%.2f", report.classification.confidence),
            "exam_data": examData,
            "sections": sections,
            "dictation": report.text,
        ]
        return (system[report.language] ?? "", Self.fill(user[report.language] ?? "", with: values))
    }

    /// `template` with each `{{name}}` replaced by its value, in one pass: a value that itself contains `{{…}}` (a
    /// dictation can) is copied as it is, never expanded.
    static func fill(_ template: String, with values: [String: String]) -> String {
        var result = ""
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = String(rest[open.upperBound..<close.lowerBound])
            result += values[name] ?? "{{\(name)}}"
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// The JSON schema of the answer: one string per canonical section.
    public static let answerSchema: JSONValue = .object([
        "type": .string("object"),
        "properties": .object(
            Dictionary(uniqueKeysWithValues: SectionKind.canonicalOrder.map { ($0.rawValue, JSONValue.object(["type": .string("string")])) })
        ),
        "required": .array(SectionKind.canonicalOrder.map { .string($0.rawValue) }),
        "additionalProperties": .bool(false),
    ])
}
