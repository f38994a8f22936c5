/// One piece of PHI that a placeholder stands for.
///
/// The description names only the placeholder and the kind, never the original, so an entity that ends up in a log
/// message or an error leaks nothing.
public struct PHIEntity: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The placeholder in the pseudonymised text, brackets included: `[PERSON_1]`.
    public var placeholder: String
    /// The text it replaced, exactly as written.
    public var original: String
    /// What kind of PHI it is.
    public var kind: PHIKind

    /// Creates an entity.
    public init(placeholder: String, original: String, kind: PHIKind) {
        self.placeholder = placeholder
        self.original = original
        self.kind = kind
    }

    /// The placeholder and the kind; never the original.
    public var description: String { "\(placeholder) (\(kind.rawValue))" }

    /// The placeholder and the kind; never the original.
    public var debugDescription: String { description }
}
