/// The report's sections as an LLM rewrote them, section by section checked against the dictation.
///
/// A section whose LLM text adds, drops or changes a fact (or is malformed) keeps the rule-based text; ``sections``
/// says for each where its text came from and, when the LLM's was rejected, why.
public struct ReportRewrite: Sendable, Codable, Hashable {
    /// The provider that answered (`openai`, `anthropic`, `gemini`, or a configured local name).
    public var provider: String
    /// The model that answered, as the provider names it.
    public var model: String
    /// The version of the prompt files used.
    public var promptVersion: String
    /// Whether the dictation was pseudonymised before it was sent.
    public var pseudonymized: Bool
    /// The sections in report order.
    public var sections: [RewrittenSection]

    /// Creates a rewrite.
    public init(provider: String, model: String, promptVersion: String, pseudonymized: Bool, sections: [RewrittenSection]) {
        self.provider = provider
        self.model = model
        self.promptVersion = promptVersion
        self.pseudonymized = pseudonymized
        self.sections = sections
    }
}

/// One section of a ``ReportRewrite``.
public struct RewrittenSection: Sendable, Codable, Hashable {
    /// Which section.
    public var kind: SectionKind
    /// The section text to show and sign.
    public var text: String
    /// Who wrote ``text``.
    public var source: SectionSource
    /// Why the LLM's text was not used (machine-readable reasons); empty when it was.
    public var rejections: [String]

    /// Creates a section.
    public init(kind: SectionKind, text: String, source: SectionSource, rejections: [String] = []) {
        self.kind = kind
        self.text = text
        self.source = source
        self.rejections = rejections
    }
}

/// Who wrote a section's text.
public enum SectionSource: String, Sendable, Codable, Hashable {
    /// The LLM, and its text passed every check against the dictation.
    case llm
    /// The rule-based engine (no LLM text, or the LLM's was rejected).
    case rules
}
