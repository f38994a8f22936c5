import Foundation
import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("AssertionDetector, English")
struct AssertionDetectorEnglishTests {
    @Test(
        "negation cues before and after the concept",
        arguments: [
            AssertionCase("No pneumothorax.", "pneumothorax", .absent, cue: "No"),
            AssertionCase("No evidence of pulmonary embolism.", "embolism", .absent, cue: "No evidence of"),
            AssertionCase("Negative for malignant cells.", "malignant", .absent, cue: "Negative for"),
            AssertionCase("The lungs are free of consolidation.", "consolidation", .absent, cue: "free of"),
            AssertionCase("Absence of pleural effusion.", "pleural effusion", .absent, cue: "Absence of"),
            AssertionCase("Chest tube removed without pneumothorax.", "pneumothorax", .absent, cue: "without"),
            AssertionCase("The patient denies chest pain.", "chest pain", .absent, cue: "denies"),
            AssertionCase("Pneumothorax is not seen.", "Pneumothorax", .absent, cue: "not seen"),
            AssertionCase("A fracture is not identified.", "fracture", .absent, cue: "not identified"),
            AssertionCase("Pulmonary embolism has been ruled out.", "embolism", .absent, cue: "ruled out"),
            AssertionCase("The right pleural effusion has resolved.", "pleural effusion", .absent, cue: "has resolved"),
            AssertionCase("Resolved left lower lobe pneumonia.", "pneumonia", .absent, cue: "Resolved"),
            AssertionCase("The heart is not enlarged and there is no consolidation.", "consolidation", .absent, cue: "no"),
        ]
    )
    func negation(_ testCase: AssertionCase) throws {
        let (assertion, cue) = try testCase.run(.en)
        #expect(assertion == testCase.expected)
        #expect(cue?.text == testCase.cue)
    }

    @Test(
        "uncertainty cues",
        arguments: [
            AssertionCase("Possible consolidation in the right lower lobe.", "consolidation", .possible, cue: "Possible"),
            AssertionCase("Probable atelectasis.", "atelectasis", .possible, cue: "Probable"),
            AssertionCase("Findings likely represent pneumonia.", "pneumonia", .possible, cue: "likely"),
            AssertionCase("Nodule suspicious for metastasis.", "metastasis", .possible, cue: "suspicious for"),
            AssertionCase("Opacity concerning for pneumonia.", "pneumonia", .possible, cue: "concerning for"),
            AssertionCase("A small pneumothorax cannot be excluded.", "pneumothorax", .possible, cue: "cannot be excluded"),
            AssertionCase("Pneumothorax can not be ruled out.", "Pneumothorax", .possible, cue: "can not be ruled out"),
            AssertionCase("This may represent a small effusion.", "effusion", .possible, cue: "may represent"),
            AssertionCase("Questionable fracture of the left 5th rib.", "fracture", .possible, cue: "Questionable"),
            AssertionCase("Equivocal nodule.", "nodule", .possible, cue: "Equivocal"),
            AssertionCase("Atelectasis versus pneumonia.", "pneumonia", .possible, cue: "versus"),
            AssertionCase("Rule out pneumothorax.", "pneumothorax", .possible, cue: "Rule out"),
        ]
    )
    func uncertainty(_ testCase: AssertionCase) throws {
        let (assertion, cue) = try testCase.run(.en)
        #expect(assertion == testCase.expected)
        #expect(cue?.text == testCase.cue)
    }

    @Test(
        "pseudo-triggers and negated changes",
        arguments: [
            AssertionCase("No change in the size of the left pleural effusion.", "pleural effusion", .present),
            AssertionCase("No significant change of the pulmonary nodule.", "nodule", .present),
            AssertionCase("No interval increase in the pneumothorax.", "pneumothorax", .present),
            AssertionCase("No significant interval change in the nodule.", "nodule", .present),
            AssertionCase("The effusion is not significantly changed.", "effusion", .present),
            AssertionCase("Not only effusion but also consolidation.", "effusion", .present),
            AssertionCase("Gram negative pneumonia.", "pneumonia", .present),
            AssertionCase("Small effusion on the right, otherwise unremarkable.", "effusion", .present),
        ]
    )
    func pseudoTriggers(_ testCase: AssertionCase) throws {
        let (assertion, cue) = try testCase.run(.en)
        #expect(assertion == testCase.expected)
        #expect(cue == nil)
    }

    @Test func negatedChangeIsItselfAbsent() throws {
        let sentence = "No interval change."
        let (assertion, cue) = try AssertionCase(sentence, "change", .absent).run(.en)
        #expect(assertion == .absent)
        #expect(cue?.text == "No interval change")
    }

    @Test(
        "scope terminators and new statements",
        arguments: [
            AssertionCase("No pneumothorax, but a small left effusion.", "effusion", .present),
            AssertionCase("No consolidation; however, there is a small effusion.", "effusion", .present),
            AssertionCase("No pneumothorax, left pleural effusion.", "pleural effusion", .present),
            AssertionCase("No fever although a consolidation is seen.", "consolidation", .present),
            AssertionCase("No new nodules apart from the known metastasis.", "metastasis", .present),
            AssertionCase("No pneumothorax after biopsy of the nodule.", "nodule", .present),
        ]
    )
    func terminators(_ testCase: AssertionCase) throws {
        let (assertion, cue) = try testCase.run(.en)
        #expect(assertion == testCase.expected)
        #expect(cue == nil)
    }

    @Test(
        "a negation reaches every item of a list",
        arguments: [
            AssertionCase("No effusion, pneumothorax or consolidation.", "effusion", .absent, cue: "No"),
            AssertionCase("No effusion, pneumothorax or consolidation.", "pneumothorax", .absent, cue: "No"),
            AssertionCase("No effusion, pneumothorax or consolidation.", "consolidation", .absent, cue: "No"),
            AssertionCase("No focal consolidation, pleural effusion, or pneumothorax.", "pleural effusion", .absent, cue: "No"),
            AssertionCase("No murmurs, rubs, gallops.", "gallops", .absent, cue: "No"),
            AssertionCase("Neither effusion nor pneumothorax.", "pneumothorax", .absent, cue: "Neither"),
            AssertionCase("There is no pleural effusion or pneumothorax.", "pneumothorax", .absent, cue: "no"),
        ]
    )
    func lists(_ testCase: AssertionCase) throws {
        let (assertion, cue) = try testCase.run(.en)
        #expect(assertion == testCase.expected)
        #expect(cue?.text == testCase.cue)
    }

    @Test(
        "hedges of chest radiograph reports, also before a word that ends other scopes",
        arguments: [
            AssertionCase("Findings may be secondary to pulmonary edema.", "edema", .possible, cue: "may be secondary to"),
            AssertionCase("Opacities possibly due to airspace disease or atelectasis.", "atelectasis", .possible, cue: "possibly due to"),
            AssertionCase("There may also be a small pleural effusion.", "effusion", .possible, cue: "may also be"),
            AssertionCase("Streaky opacities which could reflect atelectasis.", "atelectasis", .possible, cue: "could reflect"),
            AssertionCase("Pneumonia is in the differential.", "Pneumonia", .possible, cue: "in the differential"),
            AssertionCase(
                "It would be difficult to completely exclude a superimposed pneumonia.",
                "pneumonia",
                .possible,
                cue: "difficult to completely exclude"
            ),
            AssertionCase("Please correlate clinically for pneumonia.", "pneumonia", .possible, cue: "correlate clinically for"),
            AssertionCase("Lingular opacity, atelectasis favored.", "atelectasis", .possible, cue: "favored"),
            AssertionCase("Suspicion for bilateral pleural effusions.", "effusions", .possible, cue: "Suspicion for"),
        ]
    )
    func chestRadiographHedges(_ testCase: AssertionCase) throws {
        let (assertion, cue) = try testCase.run(.en)
        #expect(assertion == testCase.expected)
        #expect(cue?.text == testCase.cue)
    }

    @Test(
        "negations of chest radiograph reports",
        arguments: [
            AssertionCase("No findings suggesting osteomyelitis.", "osteomyelitis", .absent, cue: "No"),
            AssertionCase("There is no pleural line to suggest pneumothorax.", "pneumothorax", .absent, cue: "no"),
            AssertionCase("No evidence of consolidation, large pleural effusion/pneumothorax.", "pneumothorax", .absent, cue: "No evidence of"),
            AssertionCase("The left lower lobe consolidation has cleared.", "consolidation", .absent, cue: "has cleared"),
            AssertionCase("The small nodule is not well seen today.", "nodule", .absent, cue: "not well seen"),
        ]
    )
    func chestRadiographNegations(_ testCase: AssertionCase) throws {
        let (assertion, cue) = try testCase.run(.en)
        #expect(assertion == testCase.expected)
        #expect(cue?.text == testCase.cue)
    }

    @Test func aHedgeWithoutANegationBeforeItStillHedges() throws {
        let (assertion, cue) = try AssertionCase("Findings suggesting osteomyelitis.", "osteomyelitis", .possible).run(.en)
        #expect(assertion == .possible)
        #expect(cue?.text == "suggesting")
    }

    @Test func germanCuesDoNotApplyToEnglishText() throws {
        let (assertion, _) = try AssertionCase("Kein pneumothorax.", "pneumothorax", .present).run(.en)
        #expect(assertion == .present)
    }

    @Test func targetOutsideTheSentenceIsPresent() throws {
        let text = "No effusion. Pneumothorax."
        let sentence = text[..<(try #require(text.firstIndex(of: "P")))]
        let target = try #require(text.range(of: "Pneumothorax"))
        let (assertion, cue) = AssertionDetector().assertion(of: target, in: sentence, language: .en)
        #expect(assertion == .present)
        #expect(cue == nil)
    }
}
