import RadScribeCore

/// The side a concept mention is stated for.
struct MentionSide: Sendable, Hashable {
    /// The side, `nil` for none.
    var side: Laterality?
    /// Whether the side was taken from words beyond the mention's own statement.
    var isInferred: Bool

    /// No side.
    static let unsided = MentionSide(side: nil, isInferred: false)

    /// A side read from the mention's own statement.
    static func stated(_ side: Laterality?) -> MentionSide {
        MentionSide(side: side, isInferred: false)
    }

    /// A side taken from around the mention; `nil` stays no side.
    static func inferred(_ side: Laterality?) -> MentionSide {
        MentionSide(side: side, isInferred: side != nil)
    }
}
