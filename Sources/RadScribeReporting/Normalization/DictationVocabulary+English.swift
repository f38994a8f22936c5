extension DictationVocabulary {
    /// English dictation: number words, units, punctuation and editing commands, context words.
    static let english: DictationVocabulary = {
        var builder = DictationVocabularyBuilder()
        builder.addSharedRadiologyTerms()
        builder.addEnglishNumbers()
        builder.addEnglishAbbreviations()

        builder.add(
            .determiner,
            to: ["a", "an", "the", "this", "that", "these", "those", "any", "no", "each", "every", "another", "its", "their", "his", "her", "our"]
        )
        builder.add(
            .preposition,
            to: [
                "of", "in", "within", "along", "throughout", "into", "from", "to", "with", "at", "on", "by", "for", "over", "under", "near",
                "after", "before", "during", "since", "between", "without",
            ]
        )
        builder.add(
            .anatomicalModifier,
            to: [
                "sigmoid", "transverse", "ascending", "descending", "right", "left", "distal", "proximal", "mid", "entire", "whole", "remaining",
                "redundant", "spastic", "rectosigmoid", "and", "or", "normal", "abnormal", "dilated", "distended", "decompressed", "collapsed",
            ]
        )
        builder.add(
            .nounModifier,
            to: [
                "short", "long", "brief", "postoperative", "post-operative", "perioperative", "neonatal", "postpartum", "month", "week",
                "day", "year", "hour", "same", "entire", "whole", "refractory", "latency", "latent", "incubation", "washout", "waiting", "menstrual",
                "additional", "specified", "given", "sustained",
            ]
        )
        builder.add(.nounComplement, to: ["of", "was", "is", "were", "has", "had"])
        builder.add(
            .sectionHeading,
            to: [
                "findings", "finding", "impression", "impressions", "indication", "indications", "history", "comparison", "comparisons",
                "technique", "conclusion", "conclusions", "recommendation", "recommendations", "procedure", "examination", "exam", "result",
                "results", "summary", "note", "addendum", "opinion", "diagnosis", "assessment", "question", "reason",
            ]
        )
        builder.add(
            .quantityContext,
            to: [
                "grade", "type", "stage", "segment", "level", "score", "category", "class", "kellgren", "measures", "measuring", "measured",
                "measure", "diameter", "size", "approximately", "approx", "circa", "ca", "number",
            ]
        )
        builder.add(
            .abbreviation,
            to: ["dr", "vs", "ca", "approx", "fig", "mr", "mrs", "ms", "st", "resp", "incl", "cf", "al", "etc", "asc", "desc", "max", "min"]
        )
        builder.add(.decimalSeparator, to: ["point"])
        builder.add(.dimensionSeparator, to: ["by", "x"])
        builder.add(.rangeSeparator, to: ["to"])
        builder.add(.numberConjunction, to: ["and"])
        builder.add(.indefiniteArticle, to: ["a"])
        builder.add(.half, to: ["half"])

        builder.addUnit("cm", spoken: ["centimeter", "centimeters", "centimetre", "centimetres"])
        builder.addUnit("mm", spoken: ["millimeter", "millimeters", "millimetre", "millimetres"])
        builder.addUnit("m", spoken: ["meter", "meters", "metre", "metres"])
        builder.addUnit("ml", spoken: ["milliliter", "milliliters", "millilitre", "millilitres"])
        builder.addUnit("l", spoken: ["liter", "liters", "litre", "litres"])
        builder.addUnit(
            "cc",
            spoken: ["cubic centimeter", "cubic centimeters", "cubic centimetre", "cubic centimetres"]
        )
        builder.addUnit("mg", spoken: ["milligram", "milligrams", "milligramme", "milligrammes"])
        builder.addUnit("g", spoken: ["gram", "grams", "gramme", "grammes"])
        builder.addUnit("kg", spoken: ["kilogram", "kilograms"])
        builder.addUnit("cm²", spoken: ["square centimeter", "square centimeters", "square centimetre", "square centimetres"])
        builder.addUnit("%", spoken: ["percent", "per cent"], attachesToNumber: true)
        builder.addUnit("°", spoken: ["degrees", "degree"], attachesToNumber: true)
        builder.addUnit("HU", spoken: ["hounsfield units", "hounsfield unit", "hounsfield"])

        builder.addPunctuation(
            ".",
            spoken: ["period"],
            literalAfter: [.determiner, .nounModifier],
            literalBefore: .nounComplement
        )
        builder.addPunctuation(".", spoken: ["full stop"], literalAfter: .determiner)
        builder.addPunctuation(",", spoken: ["comma"], literalAfter: .determiner)
        builder.addPunctuation(
            ":",
            spoken: ["colon"],
            literalAfter: [.determiner, .preposition, .anatomicalModifier],
            needsHeadingOrBreak: true
        )
        builder.addPunctuation(";", spoken: ["semicolon"], literalAfter: .determiner)
        builder.addPunctuation("?", spoken: ["question mark"], literalAfter: .determiner)
        builder.addPunctuation("!", spoken: ["exclamation mark", "exclamation point"], literalAfter: .determiner)
        builder.addPunctuation(
            "(",
            spoken: ["open parenthesis", "open paren", "open bracket", "left parenthesis"],
            attachment: .nextWord,
            literalAfter: .determiner
        )
        builder.addPunctuation(")", spoken: ["close parenthesis", "close paren", "close bracket", "right parenthesis"], literalAfter: .determiner)
        builder.addPunctuation("-", spoken: ["hyphen"], attachment: .bothWords, literalAfter: .determiner)
        builder.addPunctuation("/", spoken: ["slash", "forward slash"], attachment: .bothWords, literalAfter: .determiner)

        builder.addPhrases(["new line", "newline"], action: .lineBreak(count: 1, rule: .newLine), literalAfter: .determiner)
        builder.addPhrases(["new paragraph"], action: .lineBreak(count: 2, rule: .newParagraph), literalAfter: .determiner)
        builder.addNavigation(
            nextField: ["next field"],
            previousField: ["previous field"],
            nextSection: ["next section"],
            acceptDefaults: ["accept defaults"]
        )
        builder.addPhrases(["scratch that", "delete that", "strike that"], action: .scratchThat)
        builder.addPhrases(["delete last word", "delete the last word"], action: .deleteLastWord)
        return builder.build(compoundNumbers: .englishHyphenated, decimalMark: ".")
    }()
}

extension DictationVocabularyBuilder {
    /// English number words 0–19, the tens, "hundred" and "thousand"; "one" doubles as an article.
    fileprivate mutating func addEnglishNumbers() {
        let words = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
            "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        ]
        for (value, word) in words.enumerated() {
            addNumber(SpokenNumber(value: value, isArticleLike: value == 1), words: [word])
        }
        for (offset, word) in ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].enumerated() {
            addNumber(SpokenNumber(value: 20 + offset * 10), words: [word])
        }
        addNumber(SpokenNumber(value: 100, kind: .hundred), words: ["hundred"])
        addNumber(SpokenNumber(value: 1000, kind: .thousand), words: ["thousand"])
    }
}
