import Foundation
import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("FindingExtractor")
struct FindingExtractorTests {
    private let extractor = FindingExtractor(lexicon: TestLexicon.lexicon)

    /// Builds a report text from headed sections and returns it with sections whose spans cover the bodies.
    private func report(_ parts: [(SectionKind, String)]) -> (text: String, sections: [ReportSection]) {
        var text = ""
        var sections: [ReportSection] = []
        for (kind, body) in parts {
            let header = kind.title(in: .de) + ":"
            if !text.isEmpty { text += "\n" }
            text += header + "\n"
            let start = text.utf16.count
            text += body
            let span = TextSpan(start: start, end: text.utf16.count)
            sections.append(ReportSection(kind: kind, title: header, header: header, headerSpan: nil, text: body, span: span))
        }
        return (text, sections)
    }

    private func findings(_ body: String, _ language: Language, section: SectionKind = .findings) -> [Finding] {
        let (text, sections) = report([(section, body)])
        return extractor.findings(in: text, sections: sections, language: language)
    }

    // MARK: - Whole reports

    @Test func germanReport() throws {
        let (text, sections) = report([
            (.clinicalInformation, "Schmerzen rechts, V. a. Pneumonie."),
            (.findings, "Kein Pneumothorax, aber Pleuraerguss links. Rundherd im rechten Unterlappen 1,2 x 0,8 cm. Vergleich mit Voraufnahmen."),
            (.impression, "Pleuraerguss links. Kein Pneumothorax."),
        ])
        let findings = extractor.findings(in: text, sections: sections, language: .de)
        #expect(
            findings.map(\.text) == [
                "Schmerzen rechts, V. a. Pneumonie.", "Kein Pneumothorax, aber Pleuraerguss links.",
                "Rundherd im rechten Unterlappen 1,2 x 0,8 cm.", "Pleuraerguss links.", "Kein Pneumothorax.",
            ]
        )
        #expect(findings.map(\.section) == [.clinicalInformation, .findings, .findings, .impression, .impression])
        #expect(findings.map(\.assertion) == [.possible, .present, .present, .present, .absent])
        #expect(findings.map(\.laterality) == [.right, .left, .right, .left, nil])
        for finding in findings {
            #expect(finding.span.text(in: text) == finding.text)
        }

        let pneumothorax = findings[1]
        let cueSpan = try #require(text.range(of: "Kein Pneumothorax, aber")).lowerBound
        let expectedCueStart = text.utf16.distance(from: text.startIndex, to: cueSpan)
        #expect(pneumothorax.locations == ["pleura"])
        #expect(pneumothorax.concepts.map(\.concept) == ["pneumothorax", "pleural_effusion"])
        let mention = try #require(pneumothorax.concepts.first)
        #expect(mention.preferredTerm == "Pneumothorax")
        #expect(mention.category == "finding")
        #expect(mention.critical)
        #expect(mention.assertion == .absent)
        #expect(mention.cue == AssertionCue(text: "Kein", span: TextSpan(start: expectedCueStart, end: expectedCueStart + 4)))
        #expect(mention.span.text(in: text) == "Pneumothorax")
        #expect(pneumothorax.concepts[1].assertion == .present)
        #expect(pneumothorax.concepts[1].cue == nil)

        let nodule = findings[2]
        #expect(nodule.locations == ["lung"])
        #expect(nodule.measurements.map(\.values) == [[1.2, 0.8]])
        #expect(nodule.measurements.first?.span.text(in: text) == "1,2 x 0,8 cm")
    }

    @Test func englishReport() {
        let (text, sections) = report([
            (.clinicalInformation, "Left chest pain. Rule out pneumothorax."),
            (
                .findings,
                "No effusion, pneumothorax or consolidation. The left ventricle is enlarged.\nPossible nodule in the right lower lobe measuring 8 mm."
            ),
            (.impression, "No acute cardiopulmonary process."),
        ])
        let findings = extractor.findings(in: text, sections: sections, language: .en)
        #expect(
            findings.map(\.text) == [
                "Left chest pain.", "Rule out pneumothorax.", "No effusion, pneumothorax or consolidation.",
                "Possible nodule in the right lower lobe measuring 8 mm.",
            ]
        )
        #expect(findings.map(\.assertion) == [.present, .possible, .absent, .possible])
        #expect(findings.map(\.laterality) == [.left, nil, nil, .right])
        #expect(findings[2].concepts.map(\.assertion) == [.absent, .absent, .absent])
        #expect(findings[3].locations == ["lung"])
        #expect(findings[3].measurements.map(\.millimeters) == [[8]])
    }

    // MARK: - Which sentences become findings

    @Test func sentencesWithoutConceptSideOrMeasurementAreSkipped() {
        #expect(findings("Vergleich mit der Voruntersuchung. Die Aufnahme ist gut beurteilbar.", .de).isEmpty)
        #expect(findings("Flüssigkeitskollektion rechts.", .de).map(\.laterality) == [.right])
        #expect(findings("Flüssigkeitskollektion 3 cm.", .de).map(\.measurements.count) == [1])
    }

    @Test func anatomyBecomesLocationsAndSitesAreAdded() throws {
        let finding = try #require(findings("Prostatakarzinom mit Metastase in der 7. Rippe.", .de).first)
        #expect(finding.locations == ["rib", "prostate"])
        #expect(finding.concepts.map(\.concept) == ["prostate_cancer", "metastasis"])
    }

    @Test func devicesAndModalitiesAreConcepts() throws {
        let finding = try #require(findings("CT: Thoraxdrainage rechts in situ.", .de, section: .technique).first)
        #expect(finding.concepts.map(\.category) == ["modality", "device"])
        #expect(finding.section == .technique)
    }

    // MARK: - Sentence assertion

    @Test(
        "sentence assertion from its finding concepts",
        arguments: [
            ("Kein Erguss, kein Pneumothorax.", Assertion.absent),
            ("V. a. Pneumonie, kein Erguss.", Assertion.possible),
            ("Pneumonie, kein Erguss.", Assertion.present),
            ("Kein Erguss bei liegender Thoraxdrainage.", Assertion.absent),
            ("Keine Thoraxdrainage.", Assertion.absent),
            ("Kein Aszites links.", Assertion.absent),
            ("Herz normal groß.", Assertion.present),
        ]
    )
    func sentenceAssertion(_ sentence: String, _ expected: Assertion) throws {
        let finding = try #require(findings(sentence, .de).first)
        #expect(finding.assertion == expected)
    }

    @Test func negatedChangeLeavesTheGovernedConceptPresent() throws {
        let finding = try #require(findings("Keine Progredienz der Metastasen.", .de).first)
        #expect(finding.concepts.map(\.assertion) == [.absent, .present])
        #expect(finding.assertion == .present)
    }

    // MARK: - Laterality

    @Test(
        "sentence laterality prefers sides that are not negated",
        arguments: [
            ("Pleuraerguss links, kein Erguss rechts.", Laterality.left),
            ("Kein Erguss rechts.", Laterality.right),
            ("Ergüsse beidseits.", Laterality.bilateral),
            ("Erguss links und rechts.", Laterality.bilateral),
        ]
    )
    func laterality(_ sentence: String, _ expected: Laterality) throws {
        let finding = try #require(findings(sentence, .de).first)
        #expect(finding.laterality == expected)
    }

    @Test func sideInAnatomyNameGivesNoLaterality() throws {
        let finding = try #require(findings("Linker Vorhof vergrößert, Herz sonst unauffällig.", .de).first)
        #expect(finding.laterality == nil)
        #expect(finding.locations == ["heart"])
    }

    // MARK: - Spans

    @Test func spansCountUTF16UnitsOfTheWholeText() throws {
        let (text, sections) = report([(.findings, "Größenprogredienz 😀 der Metastase links 2 cm.")])
        let finding = try #require(extractor.findings(in: text, sections: sections, language: .de).first)
        #expect(finding.span.text(in: text) == "Größenprogredienz 😀 der Metastase links 2 cm.")
        #expect(finding.concepts.map { $0.span.text(in: text) } == ["Größenprogredienz", "Metastase"])
        #expect(finding.measurements.first?.span.text(in: text) == "2 cm")
    }

    @Test func headersOutsideSectionSpansAreNotRead() {
        let text = "Pleuraerguss links\nBefund: Kein Pneumothorax."
        let body = TextSpan(start: 27, end: text.utf16.count)
        let section = ReportSection(kind: .findings, title: "Befund", header: "Befund:", headerSpan: nil, text: "Kein Pneumothorax.", span: body)
        let findings = extractor.findings(in: text, sections: [section], language: .de)
        #expect(findings.map(\.text) == ["Kein Pneumothorax."])
    }
}
