import Foundation
import RadScribeCore

// TEMPORARY STUB while the components are written; replaced by the real pipeline.
public struct ReportEngine: Sendable {
    public static let version = "0.1.0"
    public let fallbackLanguage: Language
    public init(fallbackLanguage: Language = .de) { self.fallbackLanguage = fallbackLanguage }
    public func structure(_ text: String, language: LanguageSelection, context: ReportContext = ReportContext()) throws(ReportingError) -> StructuredReport {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw ReportingError(.emptyText) }
        let lang: Language
        switch language { case .fixed(let l): lang = l; case .auto: lang = fallbackLanguage }
        return StructuredReport(language: lang, languageSource: .requested, originalText: text, text: text, normalization: [],
            sections: [ReportSection(kind: .findings, title: "Befund", header: nil, headerSpan: nil, text: text, span: TextSpan(start: 0, end: text.utf16.count))],
            classification: Classification(examType: .general, confidence: 1, scores: [], selection: .single, agents: [.general]),
            findings: [], examData: ExamData(), warnings: [], provenance: Provenance(engine: "rule-based", engineVersion: Self.version, lexiconVersion: "0"))
    }
}
