import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Pathology agent")
struct PathologyAgentTests {
    private func pathology(_ text: String, language: Language = .de) throws -> PathologyData {
        try #require(ReportFixture(text, language: language).extract([.pathology]).pathology)
    }

    @Test func readsAGermanReport() throws {
        let data = try pathology(
            """
            Präparat: Hemikolektomie rechts. Länge 25 cm.
            Mikroskopie: Mäßig differenziertes Adenokarzinom. Resektionsränder tumorfrei.
            Diagnose: Adenokarzinom, G2, pT3 pN1a (1/18) L0 V0 Pn0 R0, cM0.
            """
        )
        #expect(data.specimen?.text == "Hemikolektomie rechts")
        #expect(data.grading?.grade == .g2)
        #expect(data.grading?.text == "G2")
        #expect(data.margin?.status == .r0)
        #expect(data.margin?.text == "R0")
        let tnm = try #require(data.tnm)
        #expect(tnm.tumor == "pT3")
        #expect(tnm.nodes == "pN1a")
        #expect(tnm.metastasis == "cM0")
    }

    @Test func readsAnEnglishReportWithWordsOnly() throws {
        let data = try pathology(
            "Diagnosis: Left breast, core biopsy: invasive ductal carcinoma, poorly differentiated. Margins are positive.",
            language: .en
        )
        #expect(data.specimen?.text.hasPrefix("Left breast, core biopsy") == true)
        #expect(data.grading?.grade == .g3)
        #expect(data.margin?.status == .r1)
        #expect(data.tnm == nil)
    }

    @Test(arguments: [
        ("Grading: G1.", TumorGrade.g1), ("WHO-Grad II.", .g2), ("Histologic grade 3.", .g3), ("Gut differenziert.", .g1), ("GX.", .gx),
    ])
    func readsGrades(_ sentence: String, grade: TumorGrade) throws {
        #expect(try pathology("Befund: \(sentence)").grading?.grade == grade)
    }

    @Test(arguments: [
        ("Resektionsrand frei.", ResectionMargin.r0), ("Margins negative.", .r0), ("Im Gesunden reseziert.", .r0),
        ("Resektionsrand tumorinfiltriert.", .r1), ("R2-Resektion.", .r2), ("Resektionsrand nicht frei.", .r1),
    ])
    func readsMargins(_ sentence: String, margin: ResectionMargin) throws {
        #expect(try pathology("Befund: \(sentence)").margin?.status == margin)
    }

    @Test(arguments: [
        ("T2N1M0", "T2", "N1", "M0"), ("ypT1c ypN0", "ypT1c", "ypN0", nil), ("pTis", "pTis", nil, nil), ("cT3 cN2 M1b", "cT3", "cN2", "M1b"),
    ])
    func readsTNMFormulas(_ formula: String, tumor: String, nodes: String?, metastasis: String?) throws {
        let tnm = try #require(try pathology("Befund: Stadium \(formula).").tnm)
        #expect(tnm.tumor == tumor)
        #expect(tnm.nodes == nodes)
        #expect(tnm.metastasis == metastasis)
    }

    @Test func doesNotTakeMRISequencesForTNM() throws {
        #expect(try pathology("Befund: In T2 hyperintens, T1 hypointens.").tnm == nil)
    }

    @Test func takesPerineuralPnForNoNodes() throws {
        let tnm = try #require(try pathology("Befund: pT2 Pn1 L0.").tnm)
        #expect(tnm.tumor == "pT2")
        #expect(tnm.nodes == nil)
    }
}
