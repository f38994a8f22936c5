/// A number inside a quantity: spoken words with their value, or written digits kept as written.
struct NumberPhrase {
    /// All tokens of the number, a spoken sign and decimals included.
    var tokens: Range<Int>
    /// The spoken value, or `nil` for written digits.
    var value: Int?
    /// The token of written digits.
    var writtenDigits: Int?
    /// Whether a spoken "minus" precedes the number.
    var isNegative = false
    var hasHalf = false
    var isArticleLike = false
    /// Whether the number is a whole number that decimal digits may follow.
    var isInteger = true
    /// Decimal digits after a spoken "Komma"/"point".
    var fraction: String?

    var canTakeFraction: Bool { isInteger && !hasHalf && fraction == nil }
}

/// Numbers joined by decimal, dimension and range separators, with units: "drei Komma fünf Zentimeter",
/// "4 by 3 centimeters", "zwei bis drei mm".
struct Quantity {
    /// One part of a quantity.
    enum Part {
        case number(NumberPhrase)
        case dimension(separator: Int)
        case range(separator: Int)
        case unit(SpokenUnit, tokens: Range<Int>)

        var tokens: Range<Int> {
            switch self {
            case .number(let number): number.tokens
            case .dimension(let separator), .range(let separator): separator..<(separator + 1)
            case .unit(_, let tokens): tokens
            }
        }
    }

    var parts: [Part]
    var hasUnit = false
    var hasDecimal = false
    /// Numbers joined as dimensions ("vier mal drei") or standing side by side ("vier fünf").
    var joinsNumbers = false
    /// Whether every number is an article-like word ("ein", "eine", "one").
    var onlyArticles: Bool

    /// Whether the quantity is one without looking at the word before it.
    var isQuantityOnItsOwn: Bool { hasUnit || hasDecimal || (joinsNumbers && !onlyArticles) }
}

extension DictationNormalizationPass {
    /// Writes the quantity that starts at `position` when there is one; returns the next token, or `nil`.
    ///
    /// **When number words become digits.** Number words are converted only when they form a quantity, so
    /// "eine Läsion", "one of the", "zwei Läsionen" and "two views" stay words. A number is a quantity when
    /// - a unit follows ("drei Zentimeter", "12 Millimeter", "fifty percent"; ranges share it: "zwei bis drei mm"),
    /// - a spoken decimal separator and digits follow ("drei Komma fünf", "twelve point five"),
    /// - a dimension separator and another number follow ("vier mal drei", "four by three"), or another number
    ///   word follows directly ("vier fünf"), unless every number is "ein"/"eine"/"one" ("one by one"),
    /// - or a context word precedes it: a score, grade, type, stage, segment or level word, a measuring verb,
    ///   "ca."/"approximately" ("BI-RADS vier", "Grad zwei", "level one").
    ///
    /// A spoken "minus" before a quantity's number becomes a sign ("minus zehn HE" → "-10 HE").
    /// Written numbers are kept as written; only spoken parts around them change ("3 Komma 5" → "3,5",
    /// "4 mal 3 cm" → "4 x 3 cm", "3,5 Zentimeter" → "3,5 cm", "12.5mm" → "12.5 mm"). Spoken decimals use the
    /// language's mark (German "3,5", English "12.5"); dimensions are written "4 x 3 cm"; "°" and English "%" are
    /// written against the number ("30°", "50%"), German "%" after a space ("50 %").
    mutating func normalizeQuantity(at position: Int) -> Int? {
        guard let quantity = quantity(at: position), quantity.isQuantityOnItsOwn || hasQuantityContext(before: position) else { return nil }
        return write(quantity, from: position)
    }

    /// The number spoken or written at `position`: consecutive number words combined, "and a half" and a spoken
    /// "minus" before it included.
    func numberPhrase(at position: Int) -> NumberPhrase? {
        let token = tokens[position]
        if token.kind == .number {
            let isInteger = source[token.start..<token.end].allSatisfy(UTF16Class.isDigit)
            return NumberPhrase(tokens: position..<(position + 1), writtenDigits: position, isInteger: isInteger)
        }
        if token.roles.contains(.minusSign), let next = tokenOnLine(from: position + 1), next > position + 1,
            var number = numberPhrase(at: next), !number.isNegative
        {
            number.tokens = position..<number.tokens.upperBound
            number.isNegative = true
            number.isArticleLike = false
            return number
        }
        guard token.kind == .word, let first = token.number else { return nil }
        var accumulator = SpokenNumberAccumulator()
        _ = accumulator.add(first)
        var end = position + 1
        while let next = tokenOnLine(from: end) {
            if let number = tokens[next].number, accumulator.add(number) {
                end = next + 1
            } else if accumulator.lastWasMultiplier, roles(at: next).contains(.numberConjunction),
                let after = tokenOnLine(from: next + 1), let number = tokens[after].number, number.kind == .cardinal, accumulator.add(number)
            {
                end = after + 1
            } else {
                break
            }
        }
        if !accumulator.hasHalf, let and = tokenOnLine(from: end), roles(at: and).contains(.numberConjunction),
            let article = tokenOnLine(from: and + 1), roles(at: article).contains(.indefiniteArticle),
            let half = tokenOnLine(from: article + 1), roles(at: half).contains(.half)
        {
            accumulator.addHalf()
            end = half + 1
        }
        return NumberPhrase(
            tokens: position..<end,
            value: accumulator.value,
            hasHalf: accumulator.hasHalf,
            isArticleLike: end == position + 1 && first.isArticleLike
        )
    }

    private func quantity(at position: Int) -> Quantity? {
        guard let first = numberPhrase(at: position) else { return nil }
        var quantity = Quantity(parts: [.number(first)], onlyArticles: first.isArticleLike)
        var last = first
        var cursor = first.tokens.upperBound
        var afterUnit = false
        while let next = tokenOnLine(from: cursor) {
            if !afterUnit, last.canTakeFraction, roles(at: next).contains(.decimalSeparator),
                let digitsStart = tokenOnLine(from: next + 1), let fraction = fractionDigits(at: digitsStart)
            {
                last.fraction = fraction.digits
                last.tokens = last.tokens.lowerBound..<fraction.end
                quantity.parts[quantity.parts.count - 1] = .number(last)
                quantity.hasDecimal = true
                cursor = fraction.end
            } else if isDimensionSeparator(next) || (!afterUnit && isRangeSeparator(next)),
                let numberStart = tokenOnLine(from: next + 1), let number = numberPhrase(at: numberStart)
            {
                let isDimension = isDimensionSeparator(next)
                quantity.parts.append(isDimension ? .dimension(separator: next) : .range(separator: next))
                quantity.parts.append(.number(number))
                quantity.joinsNumbers = quantity.joinsNumbers || isDimension
                quantity.onlyArticles = quantity.onlyArticles && number.isArticleLike
                last = number
                cursor = number.tokens.upperBound
                afterUnit = false
            } else if !afterUnit, let unit = unit(at: next) {
                quantity.parts.append(.unit(unit.unit, tokens: next..<unit.end))
                quantity.hasUnit = true
                cursor = unit.end
                afterUnit = true
            } else if !afterUnit, last.value != nil, !last.isArticleLike, last.fraction == nil, tokens[next].kind == .word,
                let number = numberPhrase(at: next), !number.isArticleLike, !number.isNegative
            {
                quantity.parts.append(.number(number))
                quantity.joinsNumbers = true
                quantity.onlyArticles = false
                last = number
                cursor = number.tokens.upperBound
            } else {
                break
            }
        }
        return quantity
    }

    /// Decimal digits after a decimal separator: written digits, single digit words ("null fünf" → "05") or one number ("fünfundzwanzig").
    private func fractionDigits(at position: Int) -> (digits: String, end: Int)? {
        let token = tokens[position]
        if token.kind == .number {
            let digits = source[token.start..<token.end]
            guard digits.allSatisfy(UTF16Class.isDigit) else { return nil }
            return (UTF16Transcoding.string(from: digits), position + 1)
        }
        guard let first = token.number, first.kind == .cardinal, !first.hasHalf else { return nil }
        if first.value > 9 {
            guard let phrase = numberPhrase(at: position), let value = phrase.value, !phrase.hasHalf else { return nil }
            return (String(value), phrase.tokens.upperBound)
        }
        var digits = String(first.value)
        var end = position + 1
        while let next = tokenOnLine(from: end), let digit = tokens[next].number, digit.kind == .cardinal, digit.value <= 9,
            !digit.isArticleLike, !digit.hasHalf
        {
            digits += String(digit.value)
            end = next + 1
        }
        return (digits, end)
    }

    /// The unit at `position`: a spoken or written unit name, or a written "%" or "°".
    func unit(at position: Int) -> (unit: SpokenUnit, end: Int)? {
        let token = tokens[position]
        if token.kind == .symbol {
            let mark = source[token.start]
            guard mark == 0x25 || mark == 0xB0 else { return nil }
            return (SpokenUnit(symbol: nil, attachesToNumber: true), position + 1)
        }
        guard token.roles.contains(.startsUnit) else { return nil }
        for phrase in entry(at: position).units {
            if let end = match(phrase.followingWords, at: position) { return (phrase.unit, end) }
        }
        return nil
    }

    /// "mal", "by", "x" or "×".
    func isDimensionSeparator(_ position: Int) -> Bool {
        let token = tokens[position]
        return token.kind == .symbol ? source[token.start] == 0xD7 : roles(at: position).contains(.dimensionSeparator)
    }

    private func isRangeSeparator(_ position: Int) -> Bool {
        let token = tokens[position]
        return token.kind == .symbol ? source[token.start] == 0x2D || source[token.start] == 0x2013 : roles(at: position).contains(.rangeSeparator)
    }

    /// Whether a quantity context word precedes `position` on its line ("Grad", "BI-RADS", "ca.").
    private func hasQuantityContext(before position: Int) -> Bool {
        guard var previous = tokenOnLine(before: position) else { return false }
        if tokens[previous].kind == .symbol, source[tokens[previous].start] == 0x2E, previous > 0,
            tokens[previous - 1].kind == .word, tokens[previous - 1].end == tokens[previous].start
        {
            previous -= 1
        }
        return roles(at: previous).contains(.quantityContext)
    }

    // MARK: - Writing

    private mutating func write(_ quantity: Quantity, from position: Int) -> Int {
        var cursor = position
        for part in quantity.parts {
            let partTokens = part.tokens
            let followsWithoutSpace = cursor == partTokens.lowerBound
            for gap in cursor..<partTokens.lowerBound { writeWhitespace(at: gap) }
            switch part {
            case .number(let number):
                write(number)
            case .dimension(let separator):
                let token = tokens[separator]
                if token.kind == .symbol {
                    output.copy(token.start..<token.end, role: .content(token: nil))
                } else {
                    output.replace(token.start..<token.end, with: CollectionOfOne(0x78), rule: .dimension, role: .content(token: nil))
                }
            case .range(let separator):
                output.copy(tokens[separator].start..<tokens[separator].end, role: .content(token: separator))
            case .unit(let unit, let unitTokens):
                write(unit, spoken: sourceRange(unitTokens), followsWithoutSpace: followsWithoutSpace)
            }
            cursor = partTokens.upperBound
        }
        return cursor
    }

    private mutating func write(_ number: NumberPhrase) {
        let spoken = sourceRange(number.tokens)
        if let written = number.writtenDigits, number.fraction == nil, !number.isNegative {
            output.copy(spoken, role: .content(token: written))
            return
        }
        var text: [UInt16] = number.isNegative ? [0x2D] : []
        if let value = number.value {
            text.append(contentsOf: String(value).utf16)
        } else if let written = number.writtenDigits {
            text.append(contentsOf: source[tokens[written].start..<tokens[written].end])
        }
        if number.hasHalf {
            text.append(vocabulary.decimalMark)
            text.append(0x35)
        }
        if let fraction = number.fraction {
            text.append(vocabulary.decimalMark)
            text.append(contentsOf: fraction.utf16)
        }
        output.replace(spoken, with: text, rule: .number, role: .content(token: nil))
    }

    private mutating func write(_ unit: SpokenUnit, spoken: Range<Int>, followsWithoutSpace: Bool) {
        guard let symbol = unit.symbol else {
            if followsWithoutSpace && !unit.attachesToNumber {
                output.replace(spoken, with: CollectionOfOne(0x20) + source[spoken], rule: .unit, role: .content(token: nil))
            } else {
                output.copy(spoken, role: .content(token: nil))
            }
            return
        }
        if unit.attachesToNumber {
            let start = output.removeTrailingSpaces() ?? spoken.lowerBound
            output.replace(start..<spoken.upperBound, with: symbol.utf16, rule: .unit, role: .content(token: nil))
        } else {
            let written = followsWithoutSpace ? " " + symbol : symbol
            output.replace(spoken, with: written.utf16, rule: .unit, role: .content(token: nil))
        }
    }
}
