/// One change that dictation normalisation made, reversible to its source.
///
/// Normalisation turns spoken forms into written ones ("drei Komma fünf Zentimeter" → "3,5 cm") and executes dictation
/// commands ("Punkt" → ".", "scratch that" removes the preceding phrase). Each edit records what it replaced in the
/// original text and what it produced in the normalised text, so every output character can be traced to its source.
public struct NormalizationEdit: Sendable, Codable, Hashable {
    /// The rule that made the edit (for example `number`, `unit`, `spinal_level`, `punctuation`, `command.scratch_that`, `capitalization`).
    public var rule: String
    /// The span in the original text that was replaced.
    public var source: TextSpan
    /// The span in the normalised text that replaced it (empty when the edit removed text).
    public var output: TextSpan
    /// The original words.
    public var sourceText: String
    /// What they became.
    public var outputText: String

    /// Creates an edit.
    public init(rule: String, source: TextSpan, output: TextSpan, sourceText: String, outputText: String) {
        self.rule = rule
        self.source = source
        self.output = output
        self.sourceText = sourceText
        self.outputText = outputText
    }
}
