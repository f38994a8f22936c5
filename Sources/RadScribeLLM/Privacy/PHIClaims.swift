/// A run of tokens that a detector found to be PHI.
struct PHISpan: Sendable {
    /// The tokens, as indices into the tokenised text.
    var tokens: Range<Int>
    /// What they are.
    var kind: PHIKind
}

/// The spans detected so far; each token belongs to at most one.
///
/// Detectors run in order of confidence and claim tokens, so a date inside "geb. 12.03.1960" is a birth date before the
/// phone detector sees its digits, and a later detector never splits an earlier span.
struct PHIClaims: Sendable {
    /// The spans in the order they were claimed.
    private(set) var spans: [PHISpan] = []
    private var claimed: [Bool]

    /// Creates an empty set for a text of `tokenCount` tokens.
    init(tokenCount: Int) {
        claimed = Array(repeating: false, count: tokenCount)
    }

    /// Whether the token at `index` exists and is not claimed yet.
    func isFree(_ index: Int) -> Bool {
        index >= 0 && index < claimed.count && !claimed[index]
    }

    /// Whether the token at `index` exists and is claimed.
    func isClaimed(_ index: Int) -> Bool {
        index >= 0 && index < claimed.count && claimed[index]
    }

    /// Claims `tokens` as `kind` when none of them is claimed yet; returns whether it did.
    @discardableResult
    mutating func claim(_ tokens: Range<Int>, as kind: PHIKind) -> Bool {
        guard !tokens.isEmpty, tokens.allSatisfy({ isFree($0) }) else { return false }
        for index in tokens { claimed[index] = true }
        spans.append(PHISpan(tokens: tokens, kind: kind))
        return true
    }
}
