import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Section segmentation")
struct SectionSegmenterTests {
    private let segmenter = SectionSegmenter()

    private func kinds(_ text: String, _ language: Language = .de) -> [SectionKind] {
        segmenter.segment(text, language: language).map(\.kind)
    }

    // MARK: - Typed headers

    @Test func splitsTypedGermanHeadersWithColons() throws {
        let text = """
            Klinische Angaben: Lumbago seit 3 Wochen.
            Technik: MRT der LWS nativ, sagittal T1 und T2.
            Befund: Bandscheibenprotrusion L4/5.
            Beurteilung: Degenerative Veränderungen.
            Empfehlung: Klinische Verlaufskontrolle.
            """
        let sections = segmenter.segment(text, language: .de)
        #expect(sections.map(\.kind) == [.clinicalInformation, .technique, .findings, .impression, .recommendation])
        let findings = try #require(sections.first { $0.kind == .findings })
        #expect(findings.header == "Befund:")
        #expect(findings.text == "Bandscheibenprotrusion L4/5.")
        #expect(findings.title == "Befund")
        #expect(findings.headerSpan.flatMap { $0.substring(of: text) } == "Befund:")
        #expect(findings.span.substring(of: text) == "Bandscheibenprotrusion L4/5.")
    }

    @Test func splitsUpperCaseEnglishHeadersAndHeadersAloneOnALine() {
        let text = """
            CLINICAL HISTORY: Cough.
            COMPARISON: None.
            Findings
            The lungs are clear.
            IMPRESSION:
            No acute disease.
            """
        let sections = segmenter.segment(text, language: .en)
        #expect(sections.map(\.kind) == [.clinicalInformation, .technique, .findings, .impression])
        #expect(sections.map(\.header) == ["CLINICAL HISTORY:", "COMPARISON:", "Findings", "IMPRESSION:"])
        #expect(sections.map(\.text) == ["Cough.", "None.", "The lungs are clear.", "No acute disease."])
        #expect(sections.map(\.title) == ["Clinical Information", "Technique", "Findings", "Impression"])
    }

    @Test func acceptsDashSeparatorsSpacesBeforeColonsAndPluralHeaders() {
        let text = "Impression - no acute disease.\nRecommendations : follow-up in 6 weeks.\nBEFUNDE: siehe oben."
        let sections = segmenter.segment(text, language: .en)
        #expect(sections.map(\.kind) == [.impression, .recommendation, .findings])
        #expect(sections.map(\.header) == ["Impression -", "Recommendations :", "BEFUNDE:"])
        #expect(sections[0].text == "no acute disease.")
    }

    @Test func keepsHeadersInAnyOrderAndRepeatedHeadersAsSeparateSections() {
        let text = "Beurteilung: Kein Infiltrat.\nBefund: Lunge frei.\nBeurteilung: Normalbefund."
        #expect(kinds(text) == [.impression, .findings, .impression])
    }

    @Test func acceptsSeveralHeadersOnOneLineAfterSentenceEnds() {
        let text = "Klinische Angaben: Husten. Fragestellung: Pneumonie? Befund: Kein Infiltrat."
        let sections = segmenter.segment(text, language: .de)
        #expect(sections.map(\.kind) == [.clinicalInformation, .clinicalInformation, .findings])
        #expect(sections.map(\.text) == ["Husten.", "Pneumonie?", "Kein Infiltrat."])
    }

    @Test func takesAQualifiedHeaderUpToItsColon() {
        let text = "Vergleich zur Voruntersuchung vom 02.03.2023: keine Änderung.\nComparison with CT 2021: stable."
        let sections = segmenter.segment(text, language: .de)
        #expect(sections.map(\.kind) == [.technique, .technique])
        #expect(sections.map(\.header) == ["Vergleich zur Voruntersuchung vom 02.03.2023:", "Comparison with CT 2021:"])
        #expect(sections.map(\.title) == ["Technik", "Technik"])
    }

    @Test func takesAHeaderThatIsASentenceOfItsOwn() {
        let text = "Befund. Die Lunge ist frei. Beurteilung. Normalbefund."
        let sections = segmenter.segment(text, language: .de)
        #expect(sections.map(\.kind) == [.findings, .impression])
        #expect(sections.map(\.header) == ["Befund.", "Beurteilung."])
    }

    // MARK: - Spoken headers

    @Test func findsSpokenGermanHeadersInLowerCaseRunningText() {
        let text =
            "klinische angaben rückenschmerzen seit drei wochen technik mrt der lws nativ vergleich keine voraufnahmen "
            + "befund die lunge ist frei der befund ist stabil beurteilung kein infiltrat empfehlung verlaufskontrolle"
        let sections = segmenter.segment(text, language: .de)
        #expect(sections.map(\.kind) == [.clinicalInformation, .technique, .technique, .findings, .impression, .recommendation])
        #expect(sections.map(\.header) == ["klinische angaben", "technik", "vergleich", "befund", "beurteilung", "empfehlung"])
        #expect(sections[2].text == "keine voraufnahmen")
        #expect(sections[3].text == "die lunge ist frei der befund ist stabil")
    }

    @Test func findsSpokenEnglishHeadersInLowerCaseRunningText() {
        let text =
            "clinical history low back pain technique sagittal and axial images comparison none "
            + "findings there is a disc bulge at l4 5 impression mild degenerative change recommendation physiotherapy"
        let sections = segmenter.segment(text, language: .en)
        #expect(sections.map(\.kind) == [.clinicalInformation, .technique, .technique, .findings, .impression, .recommendation])
        #expect(sections[3].text == "there is a disc bulge at l4 5")
    }

    @Test func findsNormalisedSpokenHeadersWithColonInRunningText() {
        let text = "mrt der lws nativ befund: die lunge ist frei Beurteilung: kein infiltrat"
        let sections = segmenter.segment(text, language: .de)
        #expect(sections.map(\.kind) == [.technique, .findings, .impression])
        #expect(sections[0].header == nil)
        #expect(sections[0].text == "mrt der lws nativ")
    }

    @Test func doesNotTakeWeakHeaderWordsInRunningTextWithoutAColon() {
        // "history", "summary", "follow-up" are headers only with a colon or on a line of their own.
        let text = "Findings: patient with a history of smoking. Follow-up CT in 3 months is advised in summary."
        #expect(kinds(text, .en) == [.findings])
    }

    @Test func readsAPredicateAfterASpokenHeaderByWhatFollowsIt() {
        let attributive = segmenter.segment("comparison none findings stable cardiomegaly impression no change", language: .en)
        #expect(attributive.map(\.kind) == [.technique, .findings, .impression])
        #expect(attributive[1].text == "stable cardiomegaly")
        #expect(kinds("Beurteilung: Lunge frei. Befund stabil.") == [.impression])
        #expect(kinds("Impression: No change. Findings unchanged from 2019.", .en) == [.impression])
    }

    @Test func takesASpokenHeaderAfterACommaButNotAHeaderWordBeforeAnotherHeader() {
        let text = "indication pt with sob, comparison none findings no acute osseous findings impression normal"
        let sections = segmenter.segment(text, language: .en)
        #expect(sections.map(\.kind) == [.clinicalInformation, .technique, .findings, .impression])
        #expect(sections[2].text == "no acute osseous findings")
    }

    @Test func takesARepeatedSpokenHeaderWordForText() {
        let sections = segmenter.segment("indication cough comparison comparison 2019 impression normal", language: .en)
        #expect(sections.map(\.kind) == [.clinicalInformation, .technique, .impression])
        #expect(sections[1].text == "comparison 2019")
    }

    @Test func acceptsOnlyLineStartHeadersInATypedLayout() {
        let text = "The lungs are clear. Comparison examinations would help.\nIMPRESSION: Comparison 2019 shows no change. Normal."
        let sections = segmenter.segment(text, language: .en)
        #expect(sections.map(\.kind) == [.findings, .impression])
        #expect(sections[1].text == "Comparison 2019 shows no change. Normal.")
    }

    // MARK: - Prose is not a header

    @Test(arguments: [
        "Der Befund ist stabil.",
        "Im Vergleich zur Voruntersuchung unverändert.",
        "Es liegen keine Voraufnahmen vor.",
        "Unauffälliger Befund der Lunge.",
        "Befund vereinbar mit einer Pneumonie.",
        "Befunde wie beschrieben.",
        "CT-Befund ohne Änderung.",
        "Laut Anamnese Zustand nach Sturz.",
        "Zur Empfehlung der Kollegen: keine.",
        "Rücküberweisung in die Klinik für Unfallchirurgie.",
    ])
    func keepsGermanHeaderWordsInProseAsText(_ sentence: String) throws {
        let sections = segmenter.segment("Befund: Lunge frei. " + sentence, language: .de)
        let only = try #require(sections.first)
        #expect(sections.count == 1)
        #expect(only.kind == .findings)
        #expect(only.text == "Lunge frei. " + sentence)
    }

    @Test(arguments: [
        "These findings are consistent with pneumonia.",
        "Findings are consistent with atelectasis.",
        "There are no acute findings in the chest.",
        "In comparison with the prior study, unchanged.",
        "The impression of the referring physician is noted.",
        "History of smoking.",
        "In conclusion, no change.",
        "Summary of the above.",
        "Comparison is made with the prior exam.",
        "No acute findings.",
    ])
    func keepsEnglishHeaderWordsInProseAsText(_ sentence: String) throws {
        let sections = segmenter.segment("Impression: Stable. " + sentence, language: .en)
        let only = try #require(sections.first)
        #expect(sections.count == 1)
        #expect(only.kind == .impression)
        #expect(only.text == "Stable. " + sentence)
    }

    // MARK: - Unknown headers

    @Test func turnsUnknownLineStartHeadersIntoOtherSectionsWithTheirTitle() {
        let text = "Befund: Lunge frei.\nNebenbefund: Leberzyste.\nAddendum: Telefonisch mitgeteilt."
        let sections = segmenter.segment(text, language: .de)
        #expect(sections.map(\.kind) == [.findings, .other, .other])
        #expect(sections.map(\.title) == ["Befund", "Nebenbefund", "Addendum"])
        #expect(sections.map(\.header) == ["Befund:", "Nebenbefund:", "Addendum:"])
        #expect(sections[1].text == "Leberzyste.")
    }

    @Test func keepsOrganAndFieldLabelsInsideTheirSection() {
        let text = "Befund:\nLunge: Kein Infiltrat.\nHerz: Normal groß.\nBI-RADS: 2\nGröße: 3 cm\nLWK 4/5: Protrusion.\nEs zeigt sich: nichts."
        let sections = segmenter.segment(text, language: .de)
        #expect(sections.map(\.kind) == [.findings])
        #expect(sections[0].text.hasPrefix("Lunge: Kein Infiltrat."))
    }

    @Test func keepsTimesAndLongLinesWithColonsInTheBody() {
        let text = "Befund: Untersuchung um 10:30 Uhr.\nDie Lunge ist in allen Abschnitten frei belüftet: kein Infiltrat."
        #expect(kinds(text) == [.findings])
    }

    // MARK: - Text before the first header

    @Test func makesATextWithoutHeadersTheFindings() throws {
        let text = "Die Lunge ist frei. Kein Erguss."
        let sections = segmenter.segment(text, language: .de)
        let only = try #require(sections.first)
        #expect(sections.count == 1)
        #expect(only.kind == .findings)
        #expect(only.header == nil)
        #expect(only.title == "Befund")
        #expect(only.text == text)
    }

    @Test func makesThePreambleBeforeAnImpressionTheFindings() {
        let text = "The lungs are clear. No effusion.\nIMPRESSION: Normal chest."
        let sections = segmenter.segment(text, language: .en)
        #expect(sections.map(\.kind) == [.findings, .impression])
        #expect(sections[0].header == nil)
        #expect(sections[0].title == "Findings")
    }

    @Test func makesThePreambleBeforeClinicalInformationAnUntitledOtherSection() {
        let text = "MRT der LWS nativ\nKlinische Angaben: Lumbago.\nBefund: Unauffällig."
        let sections = segmenter.segment(text, language: .de)
        #expect(sections.map(\.kind) == [.other, .clinicalInformation, .findings])
        #expect(sections[0].title == nil)
        #expect(sections[0].text == "MRT der LWS nativ")
    }

    @Test(arguments: [
        (SectionKind.technique, SectionKind.clinicalInformation), (.findings, .technique), (.impression, .findings),
        (.recommendation, .impression), (.other, .findings),
    ])
    func givesThePreambleTheCanonicalSectionBeforeTheFirstHeader(firstHeader: SectionKind, preamble: SectionKind) {
        #expect(SectionSegmenter.preambleKind(before: firstHeader) == preamble)
    }

    @Test func returnsNoSectionsForBlankText() {
        #expect(segmenter.segment("", language: .de).isEmpty)
        #expect(segmenter.segment(" \n\t ", language: .en).isEmpty)
    }

    @Test func givesAHeaderWithoutBodyAnEmptySectionAtItsEnd() throws {
        let text = "Befund: Lunge frei.\nBeurteilung:"
        let last = try #require(segmenter.segment(text, language: .de).last)
        #expect(last.kind == .impression)
        #expect(last.text.isEmpty)
        #expect(last.span == TextSpan(start: text.utf16.count, end: text.utf16.count))
    }

    @Test func countsSpansInUTF16() throws {
        let text = "Befund: Größe 3 cm 🙂 Ödem.\nBeurteilung: Ödem."
        let sections = segmenter.segment(text, language: .de)
        let impression = try #require(sections.last)
        #expect(impression.headerSpan?.substring(of: text) == "Beurteilung:")
        #expect(impression.span.substring(of: text) == "Ödem.")
    }
}
