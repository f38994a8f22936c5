import Foundation
import RadScribeCore
import Testing

@Suite("Text spans")
struct TextSpanTests {
    @Test func countsUTF16CodeUnitsLikeJavaScript() throws {
        let text = "Größe 😀 L4/5"
        let range = try #require(text.range(of: "L4/5"))
        let span = TextSpan(range, in: text)
        #expect(span == TextSpan(start: 9, end: 13))
        #expect(span.length == 4)
        #expect(span.substring(of: text) == "L4/5")
        #expect(span.range(in: text) == range)
    }

    @Test func spanOutsideTheTextHasNoRange() {
        #expect(TextSpan(start: 2, end: 10).range(in: "short") == nil)
        #expect(TextSpan(start: 0, end: 0).substring(of: "") == "")
    }

    @Test func overlapAndContainment() {
        let outer = TextSpan(start: 0, end: 10)
        let inner = TextSpan(start: 2, end: 4)
        let touching = TextSpan(start: 10, end: 12)
        #expect(outer.contains(inner))
        #expect(!inner.contains(outer))
        #expect(outer.overlaps(inner))
        #expect(!outer.overlaps(touching))
        #expect(inner < touching)
    }
}

@Suite("Languages and enums")
struct LanguageTests {
    @Test func parsesLanguageSelections() {
        #expect(LanguageSelection(code: "de") == .fixed(.de))
        #expect(LanguageSelection(code: "EN") == .fixed(.en))
        #expect(LanguageSelection(code: "auto") == .auto)
        #expect(LanguageSelection(code: "fr") == nil)
        #expect(LanguageSelection(code: "") == nil)
    }

    @Test func languageSelectionCodesAsItsWireForm() throws {
        let encoded = try ReportJSON.makeEncoder().encode([LanguageSelection.auto, .fixed(.de)])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["auto","de"]"#)
        #expect(throws: DecodingError.self) {
            _ = try ReportJSON.makeDecoder().decode([LanguageSelection].self, from: Data(#"["xx"]"#.utf8))
        }
    }

    @Test func sectionTitlesExistInBothLanguages() {
        for kind in SectionKind.allCases {
            #expect(!kind.title(in: .de).isEmpty)
            #expect(!kind.title(in: .en).isEmpty)
            #expect(kind.title(in: .de) != kind.title(in: .en))
        }
        #expect(SectionKind.impression.title(in: .de) == "Beurteilung")
        #expect(SectionKind.canonicalOrder.count == 5)
    }

    @Test func severitiesAreOrdered() {
        #expect(WarningSeverity.info < .warning)
        #expect(WarningSeverity.warning < .critical)
        #expect([WarningSeverity.critical, .info, .warning].sorted() == [.info, .warning, .critical])
    }

    @Test func examTypesUseTheSeedNames() {
        #expect(
            ExamType.allCases.map(\.rawValue) == [
                "mammography", "spine_mri", "ct_scan", "ultrasound", "oncology", "cardiac", "pathology", "general",
            ]
        )
    }
}
