import RadScribeCore

/// When the sides stated for a concept agree with the sides dictated for it.
///
/// For an asserted or suspected concept a side narrows the statement: a side-less mention is backed by any dictated
/// side, a sided one only by the same side (bilateral also by left and right dictated apart). For a negated concept
/// it is the other way round: "kein Pneumothorax" says more than "kein Pneumothorax rechts", so a side-less negation is
/// backed only by a side-less or bilateral one, while a negation for one side is backed by any negation covering it.
/// An inferred side (``MentionSide/isInferred``) counts as that side or none, on either side of the comparison.
enum SideRules {
    /// Whether an LLM mention with `side` and `assertion` is backed by the dictated mentions of the same concept and
    /// assertion, whose sides are `dictated`.
    static func isBacked(_ side: MentionSide, assertion: Assertion, by dictated: [MentionSide]) -> Bool {
        let sides = possibleSides(of: dictated)
        if assertion == .absent {
            if sides.contains(where: { $0 == nil }) || covers(sides, .bilateral) { return true }
            return side.side.map { covers(sides, $0) } ?? false
        }
        guard let stated = side.side else { return !dictated.isEmpty }
        return covers(sides, stated) || (side.isInferred && sides.contains(where: { $0 == nil }))
    }

    /// Whether the LLM's mentions of a concept, with sides `proposed`, keep a dictated mention with `side` and
    /// `assertion`. A negation narrowed to one side still counts as kept: it is weaker, not wrong.
    static func keeps(_ side: MentionSide, assertion: Assertion, in proposed: [MentionSide]) -> Bool {
        guard !proposed.isEmpty else { return false }
        guard assertion != .absent, !side.isInferred, let stated = side.side else { return true }
        let sides = possibleSides(of: proposed)
        return covers(sides, stated) || (stated != .bilateral && sides.contains(.bilateral))
    }

    /// One side for several: `bilateral` when both sides are among them, `nil` when none is.
    static func combined(_ sides: [Laterality?]) -> Laterality? {
        var result: Laterality?
        for case let side? in sides {
            guard let current = result else {
                result = side
                continue
            }
            if current != side { return .bilateral }
        }
        return result
    }

    /// The sides the mentions may mean: their sides, and none for each inferred one.
    private static func possibleSides(of mentions: [MentionSide]) -> [Laterality?] {
        mentions.map(\.side) + mentions.filter(\.isInferred).map { _ in nil }
    }

    /// Whether `sides` state `side`: as such, or bilateral as left and right.
    private static func covers(_ sides: [Laterality?], _ side: Laterality) -> Bool {
        sides.contains(side) || (side == .bilateral && sides.contains(.left) && sides.contains(.right))
    }
}
