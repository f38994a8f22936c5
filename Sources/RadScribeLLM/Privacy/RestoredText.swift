/// An LLM answer with the originals put back in place of the placeholders.
public struct RestoredText: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The answer with every known placeholder replaced by its original.
    public var text: String
    /// Placeholder-like text that the pseudonymised text does not know, as written and in order of first appearance;
    /// the LLM invented or mangled it, so the part of the answer that holds it should be rejected.
    public var unknownPlaceholders: [String]

    /// Creates a restored text.
    public init(text: String, unknownPlaceholders: [String]) {
        self.text = text
        self.unknownPlaceholders = unknownPlaceholders
    }

    /// The number of unknown placeholders; never the text.
    public var description: String { "RestoredText(\(unknownPlaceholders.count) unknown placeholders)" }

    /// The number of unknown placeholders; never the text.
    public var debugDescription: String { description }
}
