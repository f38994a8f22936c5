import Foundation
import RadScribeCore
import Testing

@testable import RadScribeReporting

/// How terms are stored and matched, on a small fixture lexicon independent of the bundled term set.
@Suite("Lexicon mechanics")
struct LexiconMechanicsTests {
    private static let fixture = """
        {"version": "0.1.0", "concepts": [
          {"id": "atelectasis", "category": "finding", "de": ["Atelektase"], "en": ["atelectasis"]},
          {"id": "spinal_fusion", "category": "procedure", "de": ["Spondylodese", "Fusion"], "en": ["fusion"], "compound_head": false},
          {"id": "diffusion", "category": "descriptor", "de": ["Diffusion"], "en": ["diffusion"]},
          {"id": "forearm", "category": "anatomy", "de": ["Elle", "Unterarm"], "en": ["ulna"]},
          {"id": "thrombus", "category": "finding", "de": ["Thrombus"], "en": ["thrombus"]},
          {"id": "metastasis", "category": "finding", "de": ["Metastase"], "en": ["metastasis"]},
          {"id": "quadrant", "category": "anatomy", "de": ["oberer äußerer Quadrant"], "en": ["upper outer quadrant"]},
          {"id": "new_lesion", "category": "finding", "de": ["neu aufgetretene Läsion"], "en": ["new lesion"], "change": true},
          {"id": "tension_pneumothorax", "category": "finding", "critical": true,
           "de": ["Spannungspneumothorax", "Spannungspneu"], "en": ["tension pneumothorax"]},
          {"id": "pneumothorax", "category": "finding", "critical": true, "de": ["Pneumothorax"], "en": ["pneumothorax"],
           "exact_case": {"en": ["PTX"]}},
          {"id": "ultrasound", "category": "modality", "de": ["Sonographie"], "en": ["ultrasound"], "exact_case": {"en": ["US"]},
           "exam_types": {"ultrasound": 4, "general": 0.5}}
        ]}
        """

    private let lexicon: Lexicon

    init() throws {
        lexicon = try Lexicon(jsonData: Data(Self.fixture.utf8))
    }

    private func ids(_ text: String, _ language: Language) -> [String] {
        lexicon.matches(in: text, language: language).map(\.concept.id)
    }

    @Test func conceptPropertiesComeFromTheFile() throws {
        let ultrasound = try #require(lexicon.concept("ultrasound"))
        #expect(ultrasound.examTypes == [.ultrasound: 4, .general: 0.5])
        #expect(ultrasound.preferredTerm(in: .en) == "ultrasound")
        #expect(ultrasound.synonyms(in: .en) == ["US"])
        #expect(lexicon.concept("tension_pneumothorax")?.synonyms(in: .de) == ["Spannungspneu"])
        #expect(lexicon.concept("tension_pneumothorax")?.critical == true)
        #expect(lexicon.concept("new_lesion")?.describesChange == true)
        #expect(lexicon.concept("thrombus")?.describesChange == false)
        #expect(lexicon.concept("missing") == nil)
    }

    @Test func compoundHeadSwitchedOffDoesNotMatchInsideWords() {
        #expect(ids("Fusion", .de) == ["spinal_fusion"])
        #expect(ids("Perfusion", .de).isEmpty)
        #expect(ids("Perfusionsdiffusion", .de) == ["diffusion"])
    }

    @Test func compoundHeadNeedsAModifierAndALongEnoughNoun() {
        #expect(ids("Unterlappenatelektase", .de) == ["atelectasis"])
        #expect(ids("Reatelektase", .de).isEmpty)
        #expect(ids("Elle", .de) == ["forearm"])
        #expect(ids("aktuellen", .de).isEmpty)
        #expect(ids("Lebermetastasen", .de) == ["metastasis"])
    }

    @Test func compoundHeadsAreGermanOnly() {
        #expect(ids("microatelectasis", .en).isEmpty)
    }

    @Test func longestMatchPrefersTheLongerTerm() {
        #expect(ids("Spannungspneumothorax", .de) == ["tension_pneumothorax"])
        #expect(ids("tension pneumothorax", .en) == ["tension_pneumothorax"])
        #expect(ids("pneumothorax without tension", .en) == ["pneumothorax"])
    }

    @Test func hyphenatedCompoundReadsLikeItsOneWordSpelling() {
        #expect(ids("Spannungs-Pneumothorax", .de) == ["tension_pneumothorax"])
        #expect(ids("Spannungs - Pneumothorax", .de) == ["pneumothorax"])
    }

    @Test func germanInflectionsAreGenerated() {
        #expect(ids("Thromben", .de) == ["thrombus"])
        #expect(ids("Thrombi", .de) == ["thrombus"])
        #expect(ids("Metastasen", .de) == ["metastasis"])
        #expect(ids("im oberen äußeren Quadranten", .de) == ["quadrant"])
        #expect(ids("neu aufgetretener Läsionen", .de) == ["new_lesion"])
    }

    @Test func englishPluralsAreGenerated() {
        #expect(ids("metastases", .en) == ["metastasis"])
        #expect(ids("thrombi", .en) == ["thrombus"])
        #expect(ids("new lesions", .en) == ["new_lesion"])
    }

    @Test func exactCaseTermsNeedTheirCapitalisation() {
        #expect(ids("US abdomen", .en) == ["ultrasound"])
        #expect(ids("us", .en).isEmpty)
        #expect(ids("Us", .en).isEmpty)
        #expect(ids("PTX", .en) == ["pneumothorax"])
        #expect(ids("ptx", .en).isEmpty)
        #expect(ids("US", .de).isEmpty)
    }

    @Test func matchesCarryRangesSpansAndOriginalText() throws {
        let text = "Größenprogrediente Lebermetastasen, kein Spannungs-Pneumothorax."
        let matches = lexicon.matches(in: text, language: .de)
        #expect(matches.map(\.matchedText) == ["Lebermetastasen", "Spannungs-Pneumothorax"])
        for match in matches {
            #expect(String(text[match.range]) == match.matchedText)
            #expect(match.span == TextSpan(match.range, in: text))
        }
        let first = try #require(matches.first)
        #expect(first.span == TextSpan(start: 19, end: 34))
    }
}
