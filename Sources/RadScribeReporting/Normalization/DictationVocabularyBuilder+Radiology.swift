extension DictationVocabularyBuilder {
    /// Adds what German and English dictation share: spinal prefixes, score names, written unit symbols and abbreviations.
    mutating func addSharedRadiologyTerms() {
        addSpinalPrefix(SpinalPrefix(written: "C", region: .cervical, levels: 1...7, junctionLevel: 7), words: ["c"])
        addSpinalPrefix(SpinalPrefix(written: "Th", region: .thoracic, levels: 1...12, junctionLevel: 12), words: ["th"])
        addSpinalPrefix(SpinalPrefix(written: "T", region: .thoracic, levels: 1...12, junctionLevel: 12), words: ["t"])
        addSpinalPrefix(SpinalPrefix(written: "L", region: .lumbar, levels: 1...6, junctionLevel: 5), words: ["l"])
        addSpinalPrefix(SpinalPrefix(written: "S", region: .sacral, levels: 1...5, junctionLevel: 5), words: ["s"])
        addSpinalPrefix(
            SpinalPrefix(written: "HWK", region: .cervical, levels: 1...7, junctionLevel: 7, isVertebralBody: true),
            words: ["hwk"]
        )
        addSpinalPrefix(
            SpinalPrefix(written: "BWK", region: .thoracic, levels: 1...12, junctionLevel: 12, isVertebralBody: true),
            words: ["bwk"]
        )
        addSpinalPrefix(
            SpinalPrefix(written: "LWK", region: .lumbar, levels: 1...6, junctionLevel: 5, isVertebralBody: true),
            words: ["lwk"]
        )

        let scores = [("BI-RADS", "bi"), ("PI-RADS", "pi"), ("TI-RADS", "ti"), ("LI-RADS", "li"), ("O-RADS", "o"), ("Lung-RADS", "lung")]
        for (written, stem) in scores {
            addPhrases([stem + " rads", stem + "rads", stem + "-rads"], action: .writtenForm(written, rule: .score))
            add(.quantityContext, to: [stem + "rads", stem + "-rads"])
        }
        add(.minusSign, to: ["minus"])
        add(
            .quantityContext,
            to: ["rads", "acr", "aspects", "nyha", "ef", "lvef", "bosniak", "gleason", "fazekas", "pfirrmann", "modic", "meyerding"]
        )

        let writtenSymbols = ["cm", "mm", "m", "µm", "ml", "l", "mg", "g", "kg", "cm²", "mm²", "cm³", "ccm", "cc"]
        addUnit(SpokenUnit(symbol: nil), names: writtenSymbols)
        addSharedAbbreviations()
    }

    /// Adds spoken unit names that all mean `symbol`.
    mutating func addUnit(_ symbol: String, spoken: [String], attachesToNumber: Bool = false) {
        addUnit(SpokenUnit(symbol: symbol, attachesToNumber: attachesToNumber), names: spoken)
    }

    /// Adds the navigation commands `next_field`, `previous_field`, `next_section` and `accept_defaults`.
    mutating func addNavigation(nextField: [String], previousField: [String], nextSection: [String], acceptDefaults: [String]) {
        let commands: [(String, NormalizationRule, [String], Int)] = [
            ("next_field", .nextField, nextField, 0), ("previous_field", .previousField, previousField, 0),
            ("next_section", .nextSection, nextSection, 2), ("accept_defaults", .acceptDefaults, acceptDefaults, 0),
        ]
        for (name, rule, phrases, lineBreaks) in commands {
            addPhrases(phrases, action: .navigation(name: name, rule: rule, lineBreaks: lineBreaks))
        }
    }

    /// Adds a punctuation command; `literalAfter` lists roles of a preceding word that make it an ordinary noun.
    ///
    /// - Parameters:
    ///   - literalBefore: Roles of a following word that make it an ordinary noun ("period of").
    ///   - literalBeforeDigits: Whether written digits after it make it an ordinary noun ("Punkt 1" of a list).
    ///   - needsHeadingOrBreak: Whether it needs a section heading before or a statement start after (English "colon").
    mutating func addPunctuation(
        _ mark: Character,
        spoken: [String],
        attachment: PunctuationCommand.Attachment = .previousWord,
        literalAfter: WordRoles,
        literalBefore: WordRoles = [],
        literalBeforeDigits: Bool = false,
        needsHeadingOrBreak: Bool = false
    ) {
        let command = PunctuationCommand(
            mark: mark.utf16.first ?? 0x2E,
            attachment: attachment,
            needsHeadingOrBreak: needsHeadingOrBreak,
            literalBeforeDigits: literalBeforeDigits
        )
        addPhrases(spoken, action: .punctuation(command), literalAfter: literalAfter, literalBefore: literalBefore)
    }
}
