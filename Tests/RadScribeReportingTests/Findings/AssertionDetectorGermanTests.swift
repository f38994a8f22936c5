import Foundation
import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("AssertionDetector, German")
struct AssertionDetectorGermanTests {
    @Test(
        "negation cues before the concept",
        arguments: [
            AssertionCase("Kein Pneumothorax.", "Pneumothorax", .absent, cue: "Kein"),
            AssertionCase("Keine Pleuraergüsse beidseits.", "Pleuraergüsse", .absent, cue: "Keine"),
            AssertionCase("Es findet sich keiner der genannten Befunde, insbesondere kein Erguss.", "Erguss", .absent, cue: "kein"),
            AssertionCase("Kein Nachweis von Metastasen.", "Metastasen", .absent, cue: "Kein Nachweis von"),
            AssertionCase("Kein Nachweis einer frischen ossären Fraktur.", "Fraktur", .absent, cue: "Kein Nachweis einer"),
            AssertionCase("Kein Anhalt für eine Pneumonie.", "Pneumonie", .absent, cue: "Kein Anhalt für"),
            AssertionCase("Kein Hinweis auf ein pneumonisches Infiltrat.", "Infiltrat", .absent, cue: "Kein Hinweis auf"),
            AssertionCase("Lunge frei von Infiltraten.", "Infiltraten", .absent, cue: "frei von"),
            AssertionCase("Z. n. Punktion ohne Pneumothorax.", "Pneumothorax", .absent, cue: "ohne"),
            AssertionCase("Weder Erguss noch Pneumothorax.", "Pneumothorax", .absent, cue: "Weder"),
            AssertionCase("Ein Erguss ist nicht nachweisbar.", "Erguss", .absent, cue: "nicht nachweisbar"),
            AssertionCase("keinerlei pleuraerguss", "pleuraerguss", .absent, cue: "keinerlei"),
            AssertionCase("Kein Verdacht auf Malignität.", "Malignität", .absent, cue: "Kein Verdacht auf"),
            AssertionCase("Fehlende Kontrastierung der Pulmonalarterie.", "Kontrastierung", .absent, cue: "Fehlende"),
            AssertionCase("Fieber wird verneint.", "Fieber", .absent, cue: "verneint"),
        ]
    )
    func negationBeforeConcept(_ testCase: AssertionCase) throws {
        let (assertion, cue) = try testCase.run(.de)
        #expect(assertion == testCase.expected)
        #expect(cue?.text == testCase.cue)
    }

    @Test(
        "negation cues after the concept",
        arguments: [
            AssertionCase("Pneumothorax ausgeschlossen.", "Pneumothorax", .absent, cue: "ausgeschlossen"),
            AssertionCase("Ein Pleuraerguss ist nicht mehr nachweisbar.", "Pleuraerguss", .absent, cue: "nicht mehr nachweisbar"),
            AssertionCase("Freie Luft im Abdomen nicht abgrenzbar.", "Luft", .absent, cue: "nicht abgrenzbar"),
            AssertionCase("Ein Erguss lässt sich nicht nachweisen.", "Erguss", .absent, cue: "nicht nachweisen"),
            AssertionCase("Das Infiltrat ist vollständig regredient.", "Infiltrat", .absent, cue: "vollständig regredient"),
            AssertionCase("Herz unauffällig.", "Herz", .absent, cue: "unauffällig"),
            AssertionCase("Ein Erguss wurde nicht gesehen.", "Erguss", .absent, cue: "nicht gesehen"),
            AssertionCase("Die Thoraxdrainage ist entfernt.", "Thoraxdrainage", .absent, cue: "entfernt"),
            AssertionCase("Eine Fraktur ist sicher auszuschließen.", "Fraktur", .absent, cue: "sicher auszuschließen"),
        ]
    )
    func negationAfterConcept(_ testCase: AssertionCase) throws {
        let (assertion, cue) = try testCase.run(.de)
        #expect(assertion == testCase.expected)
        #expect(cue?.text == testCase.cue)
    }

    @Test(
        "uncertainty cues",
        arguments: [
            AssertionCase("V. a. Pneumonie im Unterlappen.", "Pneumonie", .possible, cue: "V. a."),
            AssertionCase("V.a. Pneumonie", "Pneumonie", .possible, cue: "V.a."),
            AssertionCase("Verdacht auf Rippenfraktur links.", "Rippenfraktur", .possible, cue: "Verdacht auf"),
            AssertionCase("Fraglicher Pleuraerguss rechts.", "Pleuraerguss", .possible, cue: "Fraglicher"),
            AssertionCase("Kleiner Erguss fraglich.", "Erguss", .possible, cue: "fraglich"),
            AssertionCase("Mögliche Metastase im Segment 7.", "Metastase", .possible, cue: "Mögliche"),
            AssertionCase("Ein Pneumothorax ist nicht sicher auszuschließen.", "Pneumothorax", .possible, cue: "nicht sicher auszuschließen"),
            AssertionCase("Eine Fraktur kann nicht ausgeschlossen werden.", "Fraktur", .possible, cue: "nicht ausgeschlossen"),
            AssertionCase("Am ehesten Infiltrat.", "Infiltrat", .possible, cue: "Am ehesten"),
            AssertionCase("Rundherd, DD Metastase.", "Metastase", .possible, cue: "DD"),
            AssertionCase("Befund vereinbar mit einer Pneumonie.", "Pneumonie", .possible, cue: "vereinbar mit"),
            AssertionCase("Differentialdiagnostisch Metastase.", "Metastase", .possible, cue: "Differentialdiagnostisch"),
            AssertionCase("Erguss nicht sicher abgrenzbar.", "Erguss", .possible, cue: "nicht sicher abgrenzbar"),
            AssertionCase("Pneumonie versus Atelektase.", "Pneumonie", .possible, cue: "versus"),
            AssertionCase("Ausschluss Pneumothorax.", "Pneumothorax", .possible, cue: "Ausschluss"),
            AssertionCase("Pneumothorax?", "Pneumothorax", .possible, cue: "?"),
        ]
    )
    func uncertainty(_ testCase: AssertionCase) throws {
        let (assertion, cue) = try testCase.run(.de)
        #expect(assertion == testCase.expected)
        #expect(cue?.text == testCase.cue)
    }

    @Test(
        "pseudo-triggers and negated changes do not negate what they speak about",
        arguments: [
            AssertionCase("Keine wesentliche Befundänderung der Pleuraergüsse.", "Pleuraergüsse", .present),
            AssertionCase("Keine Größenzunahme des Rundherdes.", "Rundherdes", .present),
            AssertionCase("Kein Hinweis auf eine Größenzunahme des Rundherdes.", "Rundherdes", .present),
            AssertionCase("Ohne wesentliche Veränderung der Pleuraergüsse.", "Pleuraergüsse", .present),
            AssertionCase("Nicht wesentlich veränderte Metastasen.", "Metastasen", .present),
            AssertionCase("Kein morphologisches Korrelat für die Schmerzen.", "Schmerzen", .present),
            AssertionCase("Ohne Befundänderung Erguss links.", "Erguss", .present),
            AssertionCase("Nicht nur ein Erguss, sondern auch ein Infiltrat.", "Erguss", .present),
            AssertionCase("Kein Zweifel an einer Pneumonie.", "Pneumonie", .present),
            AssertionCase("Kleiner Erguss rechts, sonst unauffällig.", "Erguss", .present),
        ]
    )
    func pseudoTriggers(_ testCase: AssertionCase) throws {
        let (assertion, cue) = try testCase.run(.de)
        #expect(assertion == testCase.expected)
        #expect(cue == nil)
    }

    @Test(
        "scope ends at terminators and at a comma that starts a new statement",
        arguments: [
            AssertionCase("Kein Pneumothorax, aber Pleuraerguss links.", "Pleuraerguss", .present),
            AssertionCase("Kein Pneumothorax, jedoch Erguss.", "Erguss", .present),
            AssertionCase("Kein Pneumothorax, Pleuraerguss links.", "Pleuraerguss", .present),
            AssertionCase("Kein Pneumothorax bei liegender Thoraxdrainage.", "Thoraxdrainage", .present),
            AssertionCase("Kein Nachweis von Metastasen nach Resektion eines Prostatakarzinoms.", "Prostatakarzinoms", .present),
            AssertionCase("Keine Stauung; Erguss rechts.", "Erguss", .present),
            AssertionCase("Erguss links, Pneumothorax ausgeschlossen.", "Erguss", .present),
        ]
    )
    func scopeLimits(_ testCase: AssertionCase) throws {
        let (assertion, cue) = try testCase.run(.de)
        #expect(assertion == testCase.expected)
        #expect(cue == nil)
    }

    @Test(
        "lists stay in the scope of one negation",
        arguments: [
            AssertionCase("Kein Erguss, kein Pneumothorax.", "Erguss", .absent, cue: "Kein"),
            AssertionCase("Kein Erguss, kein Pneumothorax.", "Pneumothorax", .absent, cue: "kein"),
            AssertionCase("Kein Erguss, Pneumothorax oder Infiltrat.", "Pneumothorax", .absent, cue: "Kein"),
            AssertionCase("Kein Erguss, Pneumothorax oder Infiltrat.", "Infiltrat", .absent, cue: "Kein"),
            AssertionCase("Kein Nachweis von Ergüssen, Infiltraten, Rundherden.", "Rundherden", .absent, cue: "Kein Nachweis von"),
            AssertionCase("Kein Nachweis von Erguss und Pneumothorax.", "Pneumothorax", .absent, cue: "Kein Nachweis von"),
            AssertionCase("Kein Pneumothorax, Erguss links, Infiltrat rechts.", "Infiltrat", .present),
        ]
    )
    func lists(_ testCase: AssertionCase) throws {
        let (assertion, cue) = try testCase.run(.de)
        #expect(assertion == testCase.expected)
        #expect(cue?.text == testCase.cue)
    }

    @Test func negatedChangeIsItselfAbsent() throws {
        let (assertion, cue) = try AssertionCase("Keine wesentliche Größenzunahme.", "Größenzunahme", .absent).run(.de)
        #expect(assertion == .absent)
        #expect(cue?.text == "Keine wesentliche Größenzunahme")
    }

    @Test func qualifiersAloneDoNotMakeAChange() throws {
        let (assertion, cue) = try AssertionCase("Keine wesentliche Stenose.", "Stenose", .absent).run(.de)
        #expect(assertion == .absent)
        #expect(cue?.text == "Keine")
    }

    @Test func nearestCueDecides() throws {
        let sentence = "Kein Erguss, Infiltrat nicht auszuschließen."
        let (effusion, _) = try AssertionCase(sentence, "Erguss", .absent).run(.de)
        let (infiltrate, cue) = try AssertionCase(sentence, "Infiltrat", .possible).run(.de)
        #expect(effusion == .absent)
        #expect(infiltrate == .possible)
        #expect(cue?.text == "nicht auszuschließen")
    }

    @Test func cueSpanCountsFromTheStartOfTheBaseString() throws {
        let report = "Befund: Lunge frei. Kein Pneumothorax."
        let sentenceStart = try #require(report.range(of: "Kein"))
        let sentence = report[sentenceStart.lowerBound...]
        let target = try #require(report.range(of: "Pneumothorax"))
        let (assertion, cue) = AssertionDetector().assertion(of: target, in: sentence, language: .de)
        #expect(assertion == .absent)
        let span = try #require(cue?.span)
        #expect(span == TextSpan(start: 20, end: 24))
        #expect(span.text(in: report) == "Kein")
    }

    @Test func aHedgeReachesPastTheWordThatNamesACause() throws {
        let (assertion, cue) = try AssertionCase("Verschattung rechts basal, am ehesten im Rahmen einer Pneumonie.", "Pneumonie", .possible)
            .run(.de)
        #expect(assertion == .possible)
        #expect(cue?.text == "am ehesten im Rahmen")
        let cause = try AssertionCase("Verschattung, am ehesten bedingt durch eine Atelektase.", "Atelektase", .possible).run(.de)
        #expect(cause.0 == .possible)
    }

    @Test func aSlashJoinsTheLastItemsOfANegatedList() throws {
        let (assertion, cue) = try AssertionCase("Kein Hinweis auf Infiltrat, Erguss/Pneumothorax.", "Pneumothorax", .absent).run(.de)
        #expect(assertion == .absent)
        #expect(cue?.text == "Kein Hinweis auf")
    }

    @Test func umlautsAndSharpSCanBeSpelledOut() throws {
        let (assertion, cue) = try AssertionCase("Pneumothorax nicht auszuschliessen", "Pneumothorax", .possible).run(.de)
        #expect(assertion == .possible)
        #expect(cue?.text == "nicht auszuschliessen")
    }

    @Test func windowLimitsHowFarANegationReachesInRunOnDictation() throws {
        let dictation = "kein pneumothorax der drainagekatheter liegt regelrecht in projektion auf den oberlappen rechts neuer erguss basal"
        let near = try AssertionCase(dictation, "pneumothorax", .absent).run(.de)
        let far = try AssertionCase(dictation, "erguss", .present).run(.de)
        #expect(near.0 == .absent)
        #expect(far.0 == .present)
    }
}
