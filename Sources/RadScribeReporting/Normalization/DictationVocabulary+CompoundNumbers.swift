extension DictationVocabulary {
    /// The value of a number word that is not listed itself, built from listed parts; `nil` for any other word.
    ///
    /// German: `[prefix] "tausend" [rest]`, `[digit] "hundert" ["und"] [1–99]`, a listed 1–99 word, each optionally
    /// followed by "einhalb" ("dreieinhalb" = 3.5); "anderthalb" = 1.5. English: "<tens>-<digit>" ("twenty-three").
    /// - Parameter key: The folded UTF-8 key of the word.
    func compoundNumber(_ key: FoldedKey) -> SpokenNumber? {
        switch compoundNumbers {
        case .german: germanCompound(key)
        case .englishHyphenated: englishHyphenated(key)
        }
    }

    private func germanCompound(_ key: FoldedKey) -> SpokenNumber? {
        if key.elementsEqual(GermanMorpheme.oneAndAHalf) { return SpokenNumber(value: 1, hasHalf: true) }
        var body = key
        var hasHalf = false
        if key.count > GermanMorpheme.andAHalf.count, key.suffix(GermanMorpheme.andAHalf.count).elementsEqual(GermanMorpheme.andAHalf) {
            body = key.dropLast(GermanMorpheme.andAHalf.count)
            hasHalf = true
        }
        let value: Int?
        if let thousand = body.range(of: GermanMorpheme.thousand) {
            let multiplier = body[..<thousand.lowerBound]
            let rest = body[thousand.upperBound...]
            if let thousands = multiplier.isEmpty ? 1 : germanBelowThousand(multiplier),
                let remainder = rest.isEmpty ? 0 : germanBelowThousand(rest.droppingPrefix(GermanMorpheme.and))
            {
                value = thousands * 1000 + remainder
            } else {
                value = nil
            }
        } else if hasHalf || body.range(of: GermanMorpheme.hundred) != nil {
            value = germanBelowThousand(body)
        } else {
            value = nil
        }
        return value.map { SpokenNumber(value: $0, hasHalf: hasHalf) }
    }

    private func germanBelowThousand(_ word: FoldedKey) -> Int? {
        guard let hundred = word.range(of: GermanMorpheme.hundred) else { return listedCardinal(word, in: 1...99) }
        let multiplier = word[..<hundred.lowerBound]
        let rest = word[hundred.upperBound...]
        guard let hundreds = multiplier.isEmpty ? 1 : listedCardinal(multiplier, in: 1...9),
            let remainder = rest.isEmpty ? 0 : listedCardinal(rest.droppingPrefix(GermanMorpheme.and), in: 1...99)
        else { return nil }
        return hundreds * 100 + remainder
    }

    private func englishHyphenated(_ key: FoldedKey) -> SpokenNumber? {
        guard let hyphen = key.firstIndex(of: 0x2D),
            let tens = listedCardinal(key[..<hyphen], in: 20...90), tens % 10 == 0,
            let digit = listedCardinal(key[(hyphen + 1)...], in: 1...9)
        else { return nil }
        return SpokenNumber(value: tens + digit)
    }

    private func listedCardinal(_ word: FoldedKey, in range: ClosedRange<Int>) -> Int? {
        guard !word.isEmpty, let entry = entry(for: word),
            let number = entries[Int(entry)].number, number.kind == .cardinal, !number.hasHalf, range.contains(number.value)
        else { return nil }
        return number.value
    }
}

/// The UTF-8 morphemes German number compounds are built from.
private enum GermanMorpheme {
    static let thousand = Array("tausend".utf8)
    static let hundred = Array("hundert".utf8)
    static let and = Array("und".utf8)
    static let andAHalf = Array("einhalb".utf8)
    static let oneAndAHalf = Array("anderthalb".utf8)
}

extension Slice<UnsafeBufferPointer<UInt8>> {
    fileprivate func droppingPrefix(_ prefix: [UInt8]) -> FoldedKey {
        starts(with: prefix) ? dropFirst(prefix.count) : self
    }

    /// The first occurrence of `morpheme`; a plain scan, since keys are short.
    fileprivate func range(of morpheme: [UInt8]) -> Range<Int>? {
        guard let first = morpheme.first, count >= morpheme.count else { return nil }
        var position = startIndex
        while position + morpheme.count <= endIndex {
            if self[position] == first, self[position..<(position + morpheme.count)].elementsEqual(morpheme) {
                return position..<(position + morpheme.count)
            }
            position += 1
        }
        return nil
    }
}
