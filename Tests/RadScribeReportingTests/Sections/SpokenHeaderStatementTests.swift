import RadScribeCore
import Testing

@testable import RadScribeReporting

/// Spoken headers followed by a statement that starts with a preposition ("befund in höhe L4/5 …"), and the prose
/// that must stay text ("Befund im Vergleich zur Voruntersuchung unverändert.").
@Suite("Spoken headers before a prepositional statement")
struct SpokenHeaderStatementTests {
    private let segmenter = SectionSegmenter()

    // MARK: - Headers

    @Test func takesGermanSpeechWithoutPunctuationAsHeaders() {
        let text =
            "MRT der LWS klinische angaben lumboischialgie links befund in höhe L4/5 mediolinks betonter bandscheibenvorfall "
            + "mit kompression der wurzel L5 links beurteilung bandscheibenvorfall L4/5"
        let sections = segmenter.segment(text, language: .de)
        #expect(sections.map(\.kind) == [.other, .clinicalInformation, .findings, .impression])
        #expect(sections[1].text == "lumboischialgie links")
        #expect(sections[2].header == "befund")
        #expect(sections[2].text == "in höhe L4/5 mediolinks betonter bandscheibenvorfall mit kompression der wurzel L5 links")
        #expect(sections[3].text == "bandscheibenvorfall L4/5")
    }

    @Test func takesAGermanHeaderAfterADictatedFullStop() {
        let text =
            "MRT der LWS klinische angaben lumboischialgie links. Befund in höhe L4/5 mediolinks betonter bandscheibenvorfall. "
            + "Beurteilung bandscheibenvorfall L4/5"
        let sections = segmenter.segment(text, language: .de)
        #expect(sections.map(\.kind) == [.other, .clinicalInformation, .findings, .impression])
        #expect(sections[1].text == "lumboischialgie links.")
        #expect(sections[2].text == "in höhe L4/5 mediolinks betonter bandscheibenvorfall.")
    }

    @Test func takesASpokenComparisonStatementAsFindingsInGermanSpeech() {
        let text = "Rö Thorax klinische angaben fieber befund im vergleich zur voraufnahme unveränderter befund beurteilung kein infiltrat"
        let sections = segmenter.segment(text, language: .de)
        #expect(sections.map(\.kind) == [.other, .clinicalInformation, .findings, .impression])
        #expect(sections[2].text == "im vergleich zur voraufnahme unveränderter befund")
    }

    @Test func takesAVerblessStatementAfterAnEarlierHeaderInCasedText() {
        let text =
            "Klinische Angaben: Lumboischialgie links. Befund in Höhe L4/5 mediolinks betonter Bandscheibenvorfall. "
            + "Beurteilung: Bandscheibenvorfall L4/5."
        let sections = segmenter.segment(text, language: .de)
        #expect(sections.map(\.kind) == [.clinicalInformation, .findings, .impression])
        #expect(sections[1].text == "in Höhe L4/5 mediolinks betonter Bandscheibenvorfall.")
    }

    @Test func takesAVerblessStatementAfterAShortExamTitle() {
        let sections = segmenter.segment("MRT der LWS. Befund in Höhe L4/5 mediolinks betonter Bandscheibenvorfall.", language: .de)
        #expect(sections.map(\.kind) == [.technique, .findings])
        #expect(sections[0].text == "MRT der LWS.")
    }

    @Test func takesEnglishSpeechWithoutPunctuationAsHeaders() {
        let text =
            "MRI lumbar spine clinical information low back pain radiating to the left leg findings at L4/5 there is a disc bulge "
            + "impression disc bulge"
        let sections = segmenter.segment(text, language: .en)
        #expect(sections.map(\.kind) == [.other, .clinicalInformation, .findings, .impression])
        #expect(sections[2].text == "at L4/5 there is a disc bulge")
    }

    @Test func takesAnEnglishHeaderWhoseClauseEndsBeforeAVerbOrOpensWithThere() {
        let interval = segmenter.segment("Comparison: 2019. Findings in the interval, the nodule has resolved. Impression: resolved.", language: .en)
        #expect(interval.map(\.kind) == [.technique, .findings, .impression])
        #expect(interval[1].text == "in the interval, the nodule has resolved.")
        let there = segmenter.segment(
            "Indication hip pain. Findings on the right there is joint space narrowing. Impression arthrosis.",
            language: .en
        )
        #expect(there.map(\.kind) == [.clinicalInformation, .findings, .impression])
    }

    @Test func takesASpokenHeaderAfterAnAbbreviationPeriodOrABracket() {
        let time = segmenter.segment("indication cough comparison chest radiograph 10 a.m. findings the lungs are clear", language: .en)
        #expect(time.map(\.kind) == [.clinicalInformation, .technique, .findings])
        let bracket = segmenter.segment("comparison ct chest (outside study) findings the lungs are clear", language: .en)
        #expect(bracket.map(\.kind) == [.technique, .findings])
    }

    @Test func takesAOneWordStatementAfterASpokenHeaderInSpeech() {
        let text = "indication known nodule in the left lung comparison none findings the lungs are clear impression stable"
        let sections = segmenter.segment(text, language: .en)
        #expect(sections.map(\.kind) == [.clinicalInformation, .technique, .findings, .impression])
        #expect(sections[3].text == "stable")
    }

    // MARK: - Prose

    @Test(arguments: [
        "Befund im Vergleich zur Voruntersuchung unverändert.",
        "Befund in Höhe L4/5 zeigt sich unverändert.",
        "Befund des Thorax ohne Änderung.",
        "Der Befund ist stabil.",
        "Unauffälliger Befund.",
        "Befund wie im Vorbefund.",
        "Es ergab sich kein Befund in der Leber.",
    ])
    func keepsGermanProseAfterClinicalInformationAsText(_ sentence: String) throws {
        let sections = segmenter.segment("Klinische Angaben: Schmerzen. " + sentence, language: .de)
        let only = try #require(sections.first)
        #expect(sections.count == 1)
        #expect(only.kind == .clinicalInformation)
        #expect(only.text == "Schmerzen. " + sentence)
    }

    @Test(arguments: [
        "Findings in the right lower lobe are consistent with pneumonia.",
        "Findings on the prior study have resolved.",
        "These findings are consistent with infection.",
        "The findings suggest infection.",
        "Impression of the referring physician is noted.",
        "There are findings in both lungs.",
    ])
    func keepsEnglishProseAfterClinicalInformationAsText(_ sentence: String) throws {
        let sections = segmenter.segment("Indication: cough. " + sentence, language: .en)
        let only = try #require(sections.first)
        #expect(sections.count == 1)
        #expect(only.kind == .clinicalInformation)
        #expect(only.text == "cough. " + sentence)
    }

    @Test func keepsAHeaderWordThatWouldLeaveTheSectionBeforeItEmpty() {
        let sections = segmenter.segment("Fragestellung: Befund im Verlauf? Befund: Lunge frei.", language: .de)
        #expect(sections.map(\.kind) == [.clinicalInformation, .findings])
        #expect(sections[0].text == "Befund im Verlauf?")
    }

    @Test func keepsAHeaderWordThatGoesBackInTheReportAsText() {
        let sections = segmenter.segment("Impression: Stable. Findings in the interval, unchanged.", language: .en)
        #expect(sections.map(\.kind) == [.impression])
        let german = segmenter.segment("befund die lunge ist frei beurteilung kein infiltrat befund in der leber unverändert", language: .de)
        #expect(german.map(\.kind) == [.findings, .impression])
    }

    @Test func keepsProseBeforeTheFirstHeaderOfTypedText() {
        let sections = segmenter.segment("The heart is normal. Findings in the left lower lobe, likely atelectasis.", language: .en)
        #expect(sections.map(\.kind) == [.findings])
        #expect(sections[0].header == nil)
    }

    @Test func keepsQualifiedAndObjectHeaderWordsInSpeechAsText() {
        let german = segmenter.segment(
            "klinische angaben kontrolle bekannter befund in der leber befund in segment 7 zyste unverändert beurteilung zyste",
            language: .de
        )
        #expect(german.map(\.kind) == [.clinicalInformation, .findings, .impression])
        #expect(german[0].text == "kontrolle bekannter befund in der leber")
        let english = segmenter.segment(
            "indication cough there are findings in both lungs on the outside study comparison none findings the lungs are clear",
            language: .en
        )
        #expect(english.map(\.kind) == [.clinicalInformation, .technique, .findings])
        #expect(english[0].text == "cough there are findings in both lungs on the outside study")
    }
}
