import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("LateralityDetector")
struct LateralityDetectorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var language: Language
        var expected: Laterality?

        init(_ text: String, _ language: Language, _ expected: Laterality?) {
            self.text = text
            self.language = language
            self.expected = expected
        }

        var testDescription: String { "\"\(text)\"" }
    }

    @Test(
        "German side words",
        arguments: [
            Case("Pleuraerguss links.", .de, .left),
            Case("Erguss li.", .de, .left),
            Case("Linksseitiger Pleuraerguss.", .de, .left),
            Case("Fraktur der linken 7. Rippe.", .de, .left),
            Case("Konkrement in der rechten Niere.", .de, .right),
            Case("Rechtsseitige Pneumonie.", .de, .right),
            Case("V. a. Pneumonie re. Unterlappen.", .de, .right),
            Case("Pleuraergüsse beidseits.", .de, .bilateral),
            Case("Pleuraergüsse bds.", .de, .bilateral),
            Case("Beidseitige Hilusvergrößerung.", .de, .bilateral),
            Case("Bilaterale Infiltrate.", .de, .bilateral),
            Case("Ergüsse links- und rechtsseitig.", .de, .bilateral),
            Case("Erguss rechts mehr als links.", .de, .bilateral),
            Case("Kein Erguss.", .de, nil),
        ]
    )
    func germanSides(_ testCase: Case) {
        #expect(LateralityDetector().laterality(in: testCase.text[...], language: testCase.language) == testCase.expected)
    }

    @Test(
        "English side words",
        arguments: [
            Case("Left pleural effusion.", .en, .left),
            Case("Left-sided pneumothorax.", .en, .left),
            Case("Consolidation in the right lower lobe.", .en, .right),
            Case("Bilateral pleural effusions.", .en, .bilateral),
            Case("Effusions are seen bilaterally.", .en, .bilateral),
            Case("Opacities in both lungs.", .en, .bilateral),
            Case("Atelectasis on both sides.", .en, .bilateral),
            Case("Effusion on the left and on the right.", .en, .bilateral),
            Case("Both the liver and spleen are enlarged.", .en, nil),
        ]
    )
    func englishSides(_ testCase: Case) {
        #expect(LateralityDetector().laterality(in: testCase.text[...], language: testCase.language) == testCase.expected)
    }

    @Test(
        "side words in the names of unpaired structures are anatomy, not a side",
        arguments: [
            Case("Linker Vorhof dilatiert.", .de, nil),
            Case("Thrombus im linken Vorhofohr und im linken Ventrikel.", .de, nil),
            Case("Dilatation des rechten Ventrikels.", .de, nil),
            Case("Läsion im rechten Leberlappen.", .de, nil),
            Case("Stenose der rechten Koronararterie.", .de, nil),
            Case("Linksherz vergrößert, Rechtsherzbelastung.", .de, nil),
            Case("The left ventricle is dilated.", .en, nil),
            Case("Left ventricular hypertrophy.", .en, nil),
            Case("Stenosis of the left anterior descending artery.", .en, nil),
            Case("Lesion in the right lobe of the liver.", .en, nil),
            Case("Linker Ventrikel dilatiert, Pleuraerguss rechts.", .de, .right),
            Case("Left atrial enlargement and left pleural effusion.", .en, .left),
        ]
    )
    func anatomyNamesAreNoSide(_ testCase: Case) {
        #expect(LateralityDetector().laterality(in: testCase.text[...], language: testCase.language) == testCase.expected)
    }

    @Test(
        "directions, verbs and prefixes are not sides",
        arguments: [
            Case("Mediastinalverlagerung nach rechts bei Spannungspneumothorax links.", .de, .left),
            Case("Mediastinal shift to the left.", .en, nil),
            Case("The chest tube was left in place.", .en, nil),
            Case("Re-Evaluation nach Therapie.", .de, nil),
            Case("Links", .en, nil),
        ]
    )
    func nonSides(_ testCase: Case) {
        #expect(LateralityDetector().laterality(in: testCase.text[...], language: testCase.language) == testCase.expected)
    }

    @Test func substringIsReadWithinItsBounds() throws {
        let text = "Pleuraerguss links. Pneumothorax rechts."
        let second = text[try #require(text.firstIndex(of: "P", after: 1))...]
        #expect(LateralityDetector().laterality(in: second, language: .de) == .right)
    }

    @Test func combiningSides() {
        #expect(LateralityDetector.combined([Laterality]()) == nil)
        #expect(LateralityDetector.combined([.left, .left]) == .left)
        #expect(LateralityDetector.combined([.left, .right]) == .bilateral)
        #expect(LateralityDetector.combined([.right, .bilateral]) == .bilateral)
    }
}

extension String {
    fileprivate func firstIndex(of character: Character, after offset: Int) -> String.Index? {
        self[index(startIndex, offsetBy: offset)...].firstIndex(of: character)
    }
}
