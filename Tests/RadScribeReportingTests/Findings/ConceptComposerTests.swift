import RadScribeCore
import Testing

@testable import RadScribeReporting

/// Findings named by an organ and an enlargement word in one clause, read with the bundled lexicon.
@Suite("Composed findings")
struct ConceptComposerTests {
    private let extractor = FindingExtractor(lexicon: .bundled)

    /// The finding-category concepts of `sentence` with their assertions, as "id=assertion".
    private func findingConcepts(_ sentence: String, _ language: Language) -> [String] {
        let section = ReportSection(
            kind: .findings,
            title: nil,
            header: nil,
            headerSpan: nil,
            text: sentence,
            span: TextSpan(start: 0, end: sentence.utf16.count)
        )
        return extractor.findings(in: sentence, sections: [section], language: language)
            .flatMap(\.concepts)
            .filter { $0.category == ConceptCategory.finding.rawValue }
            .map { "\($0.concept)=\($0.assertion.rawValue)" }
    }

    @Test(arguments: [
        ("Heart size is mildly enlarged.", Language.en, ["cardiomegaly=present"]),
        ("The cardiac silhouette is enlarged.", .en, ["cardiomegaly=present"]),
        ("Heart is slightly large.", .en, ["cardiomegaly=present"]),
        ("The heart is not significantly enlarged.", .en, ["cardiomegaly=absent"]),
        ("Herz nach links verbreitert.", .de, ["cardiomegaly=present"]),
        ("Herzsilhouette deutlich verbreitert.", .de, ["cardiomegaly=present"]),
        ("Das Herz ist nicht vergrößert.", .de, ["cardiomegaly=absent"]),
        ("Milz vergrößert.", .de, ["splenomegaly=present"]),
    ])
    func anOrganWithAnEnlargementWordIsTheFinding(sentence: String, language: Language, expected: [String]) {
        #expect(findingConcepts(sentence, language) == expected)
    }

    @Test func theComposedMentionCoversOrganAndDescriptor() throws {
        let sentence = "Heart size is mildly enlarged."
        let section = ReportSection(kind: .findings, title: nil, header: nil, headerSpan: nil, text: sentence, span: TextSpan(start: 0, end: 30))
        let finding = try #require(extractor.findings(in: sentence, sections: [section], language: .en).first)
        let mention = try #require(finding.concepts.first { $0.concept == "cardiomegaly" })
        #expect(mention.matchedText == "Heart size is mildly enlarged")
        #expect(mention.span.text(in: sentence) == "Heart size is mildly enlarged")
        #expect(finding.locations.contains("cardiac_silhouette"))
        #expect(!finding.concepts.contains { $0.concept == "enlargement" })
    }

    @Test(arguments: [
        ("The heart is normal in size and the aorta is dilated.", Language.en, ["aortic_dilatation=present"]),
        ("The heart is mildly enlarged and the pulmonary vasculature is prominent.", .en, ["cardiomegaly=present"]),
        ("Heart size is normal, no large pleural effusion.", .en, ["pleural_effusion=absent"]),
        ("Leber normal groß, Milz vergrößert.", .de, ["splenomegaly=present"]),
        ("Herz normal groß und Mediastinum nicht verbreitert.", .de, ["mediastinal_widening=absent"]),
    ])
    func aDescriptorBelongsToTheNearestOrganInItsClause(sentence: String, language: Language, expected: [String]) {
        #expect(findingConcepts(sentence, language) == expected)
    }

    @Test func aDescriptorTooFarFromItsOrganComposesNothing() {
        #expect(findingConcepts("The heart, as seen on the lateral view today, is enlarged.", .en).isEmpty)
        #expect(findingConcepts("The heart size appears to be within normal limits but somewhat enlarged.", .en).isEmpty)
    }
}
