/// The number of a spinal level after its prefix.
private struct SpinalNumber {
    var value: Int
    var end: Int
    /// Whether whitespace separates prefix and number ("L vier", "L 4"), as opposed to written "L4".
    var isSpaced: Bool
}

extension DictationNormalizationPass {
    /// Writes the spinal level that starts at the prefix at `position`; returns the next token, or `nil`.
    ///
    /// A level needs a spinal prefix (C, Th, T, L, S, HWK, BWK, LWK) followed by a number within the region's
    /// range that does not go on as a measurement (no unit, decimal or dimension after it):
    /// - a spoken or spaced level is joined: "L vier" → "L4", "Th zwölf"/"T twelve" → "Th12"/"T12";
    /// - the next level of the same region makes a segment: "L vier fünf" → "L4/5", "C fünf sechs" → "C5/6";
    /// - the first level of the next region makes a junction: "L fünf S eins", "L five S one" and written "L5 S1"
    ///   → "L5/S1" (also "C7/Th1", "Th12/L1");
    /// - vertebral bodies keep their prefix and a space: "HWK sechs" → "HWK 6"; "LWK 1" stays.
    /// A written level on its own ("L4", "L4/5", "TH12") stays as written, except that a lower-case prefix gets its
    /// written case, as speech engines write levels and sequence names in lower case ("l4" → "L4", "t2" → "T2",
    /// "th12" → "Th12").
    mutating func normalizeSpinalLevel(at position: Int) -> Int? {
        guard tokens[position].roles.contains(.spinalPrefix), let prefix = entry(at: position).spinalPrefix,
            let first = spinalNumber(after: position, prefix: prefix)
        else { return nil }
        var written = prefix.written + (prefix.isVertebralBody ? " " : "") + String(first.value)
        var end = first.end
        if !prefix.isVertebralBody, let second = secondLevel(after: first, prefix: prefix) {
            written += second.written
            end = second.end
        } else if !first.isSpaced && UTF16Class.isUppercase(source[tokens[position].start]) {
            // Copied whole, so that its number is not read as a quantity with the next word ("TH12 l4/5": not "12 l").
            output.copy(sourceRange(position..<end), role: .content(token: nil))
            return end
        }
        output.replace(sourceRange(position..<end), with: written.utf16, rule: .spinalLevel, role: .content(token: nil))
        return end
    }

    private func spinalNumber(after prefixPosition: Int, prefix: SpinalPrefix) -> SpinalNumber? {
        let next = prefixPosition + 1
        guard next < tokens.count else { return nil }
        let isSpaced = tokens[next].kind == .space
        guard let numberPosition = isSpaced ? tokenOnLine(from: next) : next,
            let value = levelNumber(at: numberPosition), prefix.levels.contains(value.value),
            !continuesAsMeasurement(at: value.end)
        else { return nil }
        return SpinalNumber(value: value.value, end: value.end, isSpaced: isSpaced)
    }

    /// A whole number at `position`: written digits or spoken words.
    private func levelNumber(at position: Int) -> (value: Int, end: Int)? {
        let token = tokens[position]
        if token.kind == .number {
            let digits = source[token.start..<token.end]
            guard digits.count <= 2, digits.allSatisfy(UTF16Class.isDigit) else { return nil }
            return (digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }, position + 1)
        }
        guard let phrase = numberPhrase(at: position), let value = phrase.value, !phrase.hasHalf, !phrase.isNegative else { return nil }
        return (value, phrase.tokens.upperBound)
    }

    /// Whether a unit, or a decimal or dimension separator with a number, follows `position`.
    ///
    /// A unit symbol that is itself a spinal level ("L" in "T12 L1") does not count.
    private func continuesAsMeasurement(at position: Int) -> Bool {
        guard let next = tokenOnLine(from: position) else { return false }
        if unit(at: next) != nil {
            guard tokens[next].roles.contains(.spinalPrefix), let prefix = entry(at: next).spinalPrefix else { return true }
            return spinalNumber(after: next, prefix: prefix) == nil
        }
        guard roles(at: next).contains(.decimalSeparator) || isDimensionSeparator(next),
            let after = tokenOnLine(from: next + 1)
        else { return false }
        return tokens[after].kind == .number || tokens[after].number != nil
    }

    /// The segment's second level: "/5" after "L4", or "/S1" after "L5".
    private func secondLevel(after first: SpinalNumber, prefix: SpinalPrefix) -> (written: String, end: Int)? {
        guard let next = tokenOnLine(from: first.end), next > first.end else { return nil }
        let token = tokens[next]
        if token.roles.contains(.spinalPrefix), let nextPrefix = entry(at: next).spinalPrefix {
            guard !nextPrefix.isVertebralBody, nextPrefix.region.rawValue == prefix.region.rawValue + 1,
                first.value >= prefix.junctionLevel, let level = spinalNumber(after: next, prefix: nextPrefix), level.value == 1
            else { return nil }
            return ("/" + nextPrefix.written + "1", level.end)
        }
        guard first.isSpaced || token.kind == .word, let level = levelNumber(at: next), level.value == first.value + 1,
            prefix.levels.contains(level.value), !continuesAsMeasurement(at: level.end)
        else { return nil }
        return ("/" + String(level.value), level.end)
    }
}
