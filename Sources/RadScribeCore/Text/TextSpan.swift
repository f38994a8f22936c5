/// A half-open range of a text, counted in UTF-16 code units.
///
/// UTF-16 offsets are what JavaScript string indices and Foundation's `NSRange` use, so a browser can
/// highlight a span without conversion. Which text a span refers to is stated where the span is used.
public struct TextSpan: Sendable, Codable, Hashable, Comparable {
    /// The first code unit of the span.
    public var start: Int
    /// One past the last code unit of the span.
    public var end: Int

    /// Creates a span; `end` must not be before `start`.
    public init(start: Int, end: Int) {
        precondition(start <= end, "TextSpan end before start")
        self.start = start
        self.end = end
    }

    /// Creates the span of `range` in `text`.
    public init(_ range: Range<String.Index>, in text: String) {
        let start = text.utf16.distance(from: text.startIndex, to: range.lowerBound)
        let length = text.utf16.distance(from: range.lowerBound, to: range.upperBound)
        self.init(start: start, end: start + length)
    }

    /// The number of UTF-16 code units covered.
    public var length: Int { end - start }

    /// The string range of this span in `text`, or `nil` when the span does not fit the text.
    public func range(in text: String) -> Range<String.Index>? {
        let utf16 = text.utf16
        guard start >= 0, end <= utf16.count,
            let lower = utf16.index(utf16.startIndex, offsetBy: start, limitedBy: utf16.endIndex),
            let upper = utf16.index(lower, offsetBy: length, limitedBy: utf16.endIndex)
        else { return nil }
        return lower..<upper
    }

    /// The covered text, or `nil` when the span does not fit `text`.
    public func substring(of text: String) -> Substring? {
        range(in: text).map { text[$0] }
    }

    /// Whether the two spans share at least one code unit.
    public func overlaps(_ other: TextSpan) -> Bool {
        start < other.end && other.start < end
    }

    /// Whether `other` lies completely inside this span.
    public func contains(_ other: TextSpan) -> Bool {
        start <= other.start && other.end <= end
    }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
