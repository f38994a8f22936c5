import RadScribeLLM
import Testing

@Suite("Prompt token estimator")
struct PromptTokenEstimatorTests {
    func estimate(_ text: String) -> Int { PromptTokenEstimator.estimatedTokens(in: text) }

    @Test func emptyTextTakesNoTokens() {
        #expect(estimate("") == 0)
    }

    @Test func latinScriptRunsAtAboutFourCharactersPerToken() {
        #expect(estimate("No evidence of pneumothorax or pleural effusion.") == 12)  // 48 characters
        #expect(estimate("Kein Nachweis einer Raumforderung.") == 9)  // 34 characters, rounded up
        #expect(estimate("L4/5") == 1)
        #expect(estimate("a") == 1)
    }

    @Test func umlautsAndEszettCountAsHalfATokenEach() {
        #expect(estimate("ääää") == 2)
        #expect(estimate("aaaa") == 1)
        // 56 characters, of which ö, ß and ä take two UTF-8 bytes: 53 + 3 × 2 quarter tokens.
        #expect(estimate("Größenprogrediente Läsion im rechten Leberlappen, 23 mm.") == 15)
    }

    @Test func decomposedUmlautsCountTheirCombiningMark() {
        let decomposed = "Lu\u{0308}cke"  // "Lücke" as u + combining diaeresis
        #expect(decomposed.utf8.count == 7)
        #expect(estimate(decomposed) == 2)  // 5 ASCII quarters + 2 for the mark
    }

    @Test func otherScriptsAndEmojiCountAWholeTokenPerCharacter() {
        #expect(estimate("肺结节") == 3)
        #expect(estimate("🫁") == 1)
        #expect(estimate("Пневмоторакс") == 6)  // 12 Cyrillic letters, two UTF-8 bytes each
    }

    @Test func countsSubstrings() {
        let dictation = "Befund: Kein Erguss. Beurteilung: Unauffälliger Befund."
        let findings = dictation.prefix(20)
        #expect(PromptTokenEstimator.estimatedTokens(in: findings) == 5)
    }

    @Test func staysNearFourCharactersPerTokenForAGermanReport() {
        let report = """
            Klinische Angaben: Zustand nach Sturz, Schmerzen im rechten Handgelenk. Befund: Keine Fraktur, keine \
            Luxation. Weichteilschwellung dorsal über dem Processus styloideus radii. Beurteilung: Kein Frakturnachweis.
            """
        #expect(estimate(report) * 5 >= report.count)
        #expect(estimate(report) * 3 <= report.count)
    }
}
