import RadScribeCore

/// Finds measurements: a number with a unit ("3,5 cm", "12.5 mm", "150 ml", "55 %", "35 HU", "-80 HE") or up to
/// three dimensions ("4 x 3 cm", "4x3x2cm", "1,2 x 0,8 cm", "4 cm x 3 cm").
///
/// Decimal comma and decimal point are both read. A number without a unit is no measurement ("BI-RADS 4",
/// "Segment 7", "L4/5"), and neither is a number glued to a word ("T2", "Th12"). Lengths in mm, cm and m are also
/// given in millimetres. Of a range ("3-4 cm") only the number next to the unit is read.
public struct MeasurementParser: Sendable {
    /// Creates a parser.
    public init() {}

    /// The measurements in `range` of `text`, in text order.
    public func measurements(in text: String, range: Range<String.Index>) -> [Measurement] {
        let tokenized = TokenizedText(text, range: range)
        return measurements(in: tokenized, range: 0..<tokenized.tokens.count)
    }

    /// The measurements in `range` of a tokenised text.
    func measurements(in text: TokenizedText, range: Range<Int>) -> [Measurement] {
        var result: [Measurement] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard text.tokens[index].kind != .word, let (measurement, end) = measurement(at: index, in: text, limit: range.upperBound) else {
                index += 1
                continue
            }
            result.append(measurement)
            index = end
        }
        return result
    }

    // MARK: - Parsing

    private struct Quantity {
        var value: Double
        var unit: MeasurementUnit?
        var end: Int
    }

    private static let dimensionSeparators: Set<String> = ["x", "×", "*"]

    /// The measurement starting at `start` and the index after it.
    private func measurement(at start: Int, in text: TokenizedText, limit: Int) -> (Measurement, Int)? {
        let tokens = text.tokens
        let gluedToWord = start > 0 && !tokens[start].spaceBefore && tokens[start - 1].kind == .word
        guard !gluedToWord, let first = quantity(at: start, in: tokens, limit: limit) else { return nil }
        var quantities = [first]
        while quantities.count < 3, let separator = quantities.last.map(\.end), separator < limit,
            tokens[separator].kind != .number, Self.dimensionSeparators.contains(tokens[separator].key),
            let next = quantity(at: separator + 1, in: tokens, limit: limit)
        {
            quantities.append(next)
        }
        guard let lastMeasured = quantities.lastIndex(where: { $0.unit != nil }), let unit = quantities[lastMeasured].unit else { return nil }
        let measured = quantities[...lastMeasured]
        guard measured.allSatisfy({ $0.unit == nil || $0.unit?.symbol == unit.symbol }) else { return nil }
        let values = measured.map(\.value)
        let tokenRange = start..<measured[lastMeasured].end
        let measurement = Measurement(
            values: values,
            unit: unit.symbol,
            millimeters: unit.millimetersPerUnit.map { factor in values.map { ($0 * factor * 1e6).rounded() / 1e6 } },
            text: text.string(of: tokenRange),
            span: text.span(of: tokenRange)
        )
        return (measurement, tokenRange.upperBound)
    }

    /// A number (with sign and decimals) at `start`, with the unit right after it if there is one.
    private func quantity(at start: Int, in tokens: [Token], limit: Int) -> Quantity? {
        var index = start
        var sign = 1.0
        if tokens[index].key == "-", index + 1 < limit, tokens[index + 1].kind == .number, !tokens[index + 1].spaceBefore,
            tokens[index].spaceBefore || index == 0 || tokens[index - 1].kind == .symbol
        {
            sign = -1
            index += 1
        }
        guard tokens[index].kind == .number else { return nil }
        var literal = tokens[index].key
        index += 1
        if index + 1 < limit, tokens[index].key == "." || tokens[index].key == ",", !tokens[index].spaceBefore,
            tokens[index + 1].kind == .number, !tokens[index + 1].spaceBefore
        {
            literal += "." + tokens[index + 1].key
            index += 2
        }
        guard let value = Double(literal) else { return nil }
        guard let (unit, end) = unit(at: index, in: tokens, limit: limit) else { return Quantity(value: sign * value, unit: nil, end: index) }
        return Quantity(value: sign * value, unit: unit, end: end)
    }

    /// The unit at `index` ("cm", "mm Hg", "cm²", "cm/s"), with the index after it.
    private func unit(at index: Int, in tokens: [Token], limit: Int) -> (MeasurementUnit, Int)? {
        guard index < limit, tokens[index].kind != .number, var unit = MeasurementUnit.byKey[tokens[index].key] else { return nil }
        var end = index + 1
        func glued(_ position: Int) -> Token? {
            position < limit && !tokens[position].spaceBefore ? tokens[position] : nil
        }
        if unit.symbol == "mm", end < limit, tokens[end].key == "hg" {
            return (MeasurementUnit.millimetresOfMercury, end + 1)
        }
        if unit.millimetersPerUnit != nil, let power = glued(end).flatMap({ MeasurementUnit.powers[$0.key] }) {
            unit = unit.raised(to: power)
            end += 1
        }
        if glued(end)?.key == "/", var denominator = glued(end + 1).flatMap({ MeasurementUnit.denominators[$0.key] }) {
            end += 2
            if let power = glued(end).flatMap({ MeasurementUnit.powers[$0.key] }) {
                denominator += power
                end += 1
            }
            unit = unit.per(denominator)
        }
        return (unit, end)
    }
}
