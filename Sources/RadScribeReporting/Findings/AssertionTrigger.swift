/// What a cue phrase found in a sentence does to the concepts around it (NegEx-style).
struct AssertionTrigger: Sendable, Hashable {
    /// The effect of the phrase.
    enum Effect: UInt8, Sendable {
        /// Negates the concepts in its scope: "kein", "no evidence of", "ausgeschlossen".
        case negation
        /// Hedges the concepts in its scope: "V. a.", "possible", "nicht auszuschließen".
        case uncertainty
        /// Looks like a negation but negates nothing: "nicht nur", "not only", "gram negative".
        case pseudo
        /// Negates a change ("keine Befundänderung", "no interval change"): a concept inside the phrase is absent,
        /// the concepts it speaks about are not.
        case negatedChange
        /// Ends every scope: "aber", "however", ";".
        case terminator
        /// Joins the last item of a list ("oder", "or", "noch", "nor"): a negation reaches across the commas before it.
        case listConjunction
        /// A comma: ends a scope unless a list conjunction follows it in the clause.
        case comma
    }

    /// Which way the scope of a trigger reaches.
    struct Direction: OptionSet, Sendable, Hashable {
        let rawValue: UInt8

        /// To the concepts after the trigger ("kein Erguss").
        static let forward = Direction(rawValue: 1)
        /// To the concepts before the trigger ("Erguss ausgeschlossen").
        static let backward = Direction(rawValue: 2)
        /// Both ways ("Pneumonie vs. Atelektase", "fraglicher Erguss", "Erguss fraglich").
        static let both: Direction = [.forward, .backward]
    }

    /// The effect of the phrase.
    var effect: Effect
    /// Which way its scope reaches (empty for terminators, conjunctions, commas and pseudo-triggers).
    var direction: Direction
    /// Whether the phrase is written with a final full stop ("V. a."), which then belongs to the cue in the text.
    var endsWithFullStop = false

    /// A negation that reaches forward.
    static let negationBefore = AssertionTrigger(effect: .negation, direction: .forward)
    /// A negation that reaches backward.
    static let negationAfter = AssertionTrigger(effect: .negation, direction: .backward)
    /// A negation that reaches both ways.
    static let negationAround = AssertionTrigger(effect: .negation, direction: .both)
    /// An uncertainty cue that reaches forward.
    static let uncertaintyBefore = AssertionTrigger(effect: .uncertainty, direction: .forward)
    /// An uncertainty cue that reaches backward.
    static let uncertaintyAfter = AssertionTrigger(effect: .uncertainty, direction: .backward)
    /// An uncertainty cue that reaches both ways.
    static let uncertaintyAround = AssertionTrigger(effect: .uncertainty, direction: .both)
    /// A phrase that negates nothing.
    static let pseudo = AssertionTrigger(effect: .pseudo, direction: [])
    /// A negated change.
    static let negatedChange = AssertionTrigger(effect: .negatedChange, direction: [])
    /// A scope terminator.
    static let terminator = AssertionTrigger(effect: .terminator, direction: [])
    /// A list conjunction.
    static let listConjunction = AssertionTrigger(effect: .listConjunction, direction: [])
}
