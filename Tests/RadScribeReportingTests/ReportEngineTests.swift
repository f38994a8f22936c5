import Foundation
import RadScribeCore
import RadScribeReporting
import Testing

/// The whole pipeline, from dictation to checked report.
@Suite("Report engine")
struct ReportEngineTests {
    let engine = ReportEngine()

    @Test func structuresASpokenGermanSpineDictation() throws {
        let dictation = """
            klinische angaben lumboischialgie links punkt befund bandscheibenvorfall in höhe l vier fünf mediolinks mit \
            kompression der nervenwurzel l fünf links punkt kein nachweis einer spinalkanalstenose punkt beurteilung \
            bandscheibenvorfall l vier fünf links punkt
            """
        let report = try engine.structure(dictation, language: .auto)
        #expect(report.language == .de)
        #expect(report.languageSource == .detected)
        #expect(report.text.contains("L4/5"))
        #expect(!report.normalization.isEmpty)
        #expect(report.section(.clinicalInformation) != nil)
        #expect(report.section(.impression)?.text.contains("L4/5") == true)
        #expect(report.classification.examType == .spineMRI)
        let levels = try #require(report.examData.spine?.levels)
        #expect(levels.contains { $0.level == "L4/5" && !$0.discs.isEmpty })
        let stenosis = report.findings.flatMap(\.concepts).filter { $0.concept == "spinal_canal_stenosis" }
        #expect(!stenosis.isEmpty && stenosis.allSatisfy { $0.assertion == .absent })
    }

    @Test func structuresATypedEnglishReportWithWarnings() throws {
        let dictation = """
            CLINICAL HISTORY: Right flank pain.
            FINDINGS: Small left pneumothorax. Simple cyst of the right kidney measuring 45 cm. No free air.
            IMPRESSION: Left pneumothorax.
            """
        let report = try engine.structure(dictation, language: .fixed(.en))
        #expect(report.language == .en)
        #expect(report.languageSource == .requested)
        #expect(report.sections.map(\.kind) == [.clinicalInformation, .findings, .impression])
        let codes = Set(report.warnings.map(\.code))
        #expect(codes.contains(.criticalFinding))
        #expect(codes.contains(.implausibleMeasurement))
        #expect(report.warnings.first?.severity == .critical)
        let freeAir = report.findings.flatMap(\.concepts).first { $0.concept == "free_air" }
        #expect(freeAir?.assertion == .absent)
        for warning in report.warnings {
            for span in warning.evidence {
                #expect(span.range(in: report.text) != nil)
            }
        }
    }

    @Test func everySectionSpanPointsIntoTheNormalisedText() throws {
        let report = try engine.structure(
            "Befund: Kein Erguss.\nNebenbefund: Zyste der Leber 12 mm.\nBeurteilung: Normal.",
            language: .fixed(.de)
        )
        for section in report.sections {
            #expect(section.span.substring(of: report.text).map(String.init)?.contains(section.text) == true)
        }
        #expect(report.sections.contains { $0.kind == .other && $0.title == "Nebenbefund" })
    }

    @Test func emptyDictationIsRejected() {
        for text in ["", "  \n ", "scratch that"] {
            #expect(throws: ReportingError(.emptyText)) {
                _ = try engine.structure(text, language: .fixed(.en))
            }
        }
    }

    @Test func languageWithoutEvidenceFallsBack() throws {
        let german = try ReportEngine(fallbackLanguage: .de).structure("L4/5 12 mm", language: .auto)
        #expect(german.language == .de)
        let english = try ReportEngine(fallbackLanguage: .en).structure("L4/5 12 mm", language: .auto)
        #expect(english.language == .en)
    }

    @Test func provenanceNamesEngineAndLexiconVersions() throws {
        let report = try engine.structure("Findings: normal.", language: .fixed(.en))
        #expect(report.provenance.engine == "rule-based")
        #expect(report.provenance.engineVersion == ReportEngine.version)
        #expect(report.provenance.lexiconVersion == Lexicon.bundled.version)
        #expect(report.schemaVersion == StructuredReport.currentSchemaVersion)
    }

    @Test func equalInputGivesEqualBytesAndJSONRoundTrips() throws {
        let dictation = "Mammographie beidseits. Befund: ACR Typ C. Herd rechts oben außen 14 mm. Beurteilung: BI-RADS 4 rechts."
        let first = try ReportJSON.makeEncoder().encode(engine.structure(dictation, language: .auto))
        let second = try ReportJSON.makeEncoder().encode(engine.structure(dictation, language: .auto))
        #expect(first == second)
        let decoded = try ReportJSON.makeDecoder().decode(StructuredReport.self, from: first)
        #expect(try ReportJSON.makeEncoder().encode(decoded) == first)
    }

    @Test func concurrentCallsAgree() async throws {
        let dictation = "Befund: Pleuraerguss links, kein Pneumothorax. Beurteilung: Pleuraerguss links."
        let expected = try engine.structure(dictation, language: .fixed(.de))
        let engine = self.engine
        try await withThrowingTaskGroup(of: StructuredReport.self) { group in
            for _ in 0..<16 {
                group.addTask { try engine.structure(dictation, language: .fixed(.de)) }
            }
            for try await report in group {
                #expect(report == expected)
            }
        }
    }
}
