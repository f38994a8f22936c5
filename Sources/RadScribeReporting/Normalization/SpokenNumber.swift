/// The value of one spoken number word.
struct SpokenNumber: Sendable, Hashable {
    /// How a number word combines with its neighbours.
    enum Kind: Sendable {
        /// A value that is added ("drei", "twenty", "zweihundertfünfzig").
        case cardinal
        /// "hundert"/"hundred": multiplies the digit before it.
        case hundred
        /// "tausend"/"thousand": multiplies the group before it.
        case thousand
    }

    var value: Int
    var kind: Kind = .cardinal
    /// Whether a half follows the value ("dreieinhalb" = 3.5).
    var hasHalf = false
    /// Whether the word doubles as an indefinite article ("ein", "eine", "one"): such words alone never count as a quantity cue.
    var isArticleLike = false
}

/// Combines consecutive number words into one value: "two hundred and fifty", "one thousand two hundred",
/// "twenty three", "zwei hundert fünfzig".
///
/// A word joins only where written numbers allow it: a cardinal fills the open slot left by the words before
/// ("twenty" leaves 1–9 open, "hundred" 1–99, "thousand" 1–999, "three" nothing), "hundred" multiplies a single
/// digit and "thousand" a group below 1000. So "vier fünf" stays two numbers, which the spinal-level rule needs.
struct SpokenNumberAccumulator {
    private var thousands = 0
    private var group = 0
    private var openSlot = Int.max
    private var lastWasDigit = false
    private(set) var lastWasMultiplier = false
    private(set) var hasHalf = false

    /// The value so far.
    var value: Int { thousands + group }

    /// Adds `number` when it continues the value; returns `false` (and changes nothing) when it starts a new number.
    mutating func add(_ number: SpokenNumber) -> Bool {
        let isEmpty = openSlot == Int.max
        guard !hasHalf else { return false }
        switch number.kind {
        case .cardinal:
            if isEmpty {
                thousands = number.value / 1000 * 1000
                group = number.value % 1000
            } else {
                guard number.value > 0, number.value < 1000, number.value <= openSlot else { return false }
                group += number.value
            }
            openSlot = Self.openSlot(after: number.value)
            lastWasDigit = number.value >= 1 && number.value <= 9 && (isEmpty || group == number.value)
            lastWasMultiplier = false
        case .hundred:
            if isEmpty {
                group = 100
            } else {
                guard lastWasDigit else { return false }
                group *= 100
            }
            openSlot = 99
            lastWasDigit = false
            lastWasMultiplier = true
        case .thousand:
            if isEmpty {
                thousands = 1000
            } else {
                guard thousands == 0, group >= 1 else { return false }
                thousands = group * 1000
                group = 0
            }
            openSlot = 999
            lastWasDigit = false
            lastWasMultiplier = true
        }
        hasHalf = number.hasHalf
        return true
    }

    /// Marks the value as followed by "and a half".
    mutating func addHalf() {
        hasHalf = true
    }

    private static func openSlot(after value: Int) -> Int {
        if value == 0 { return 0 }
        if value % 1000 == 0 { return 999 }
        if value % 100 == 0 { return 99 }
        if value % 100 >= 20 && value % 10 == 0 { return 9 }
        return 0
    }
}
