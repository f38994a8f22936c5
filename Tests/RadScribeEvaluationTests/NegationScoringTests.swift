import RadScribeCore
import Testing

@testable import RadScribeEvaluation

@Suite("Negation scoring")
struct NegationScoringTests {
    @Test func prefersTheUpperCasedOccurrenceOfTheConcept() {
        let sentence = "Effusion was suspected, but there is no pleural EFFUSION today."
        let target = TargetLocator.locate("effusion", in: sentence)
        #expect(target.match == .marked)
        #expect(sentence[target.range] == "EFFUSION")
        #expect(sentence[..<target.range.lowerBound].hasSuffix("pleural "))
    }

    @Test func matchesLooselyAcrossCaseAndSpacing() {
        let sentence = "There is Left  Lower lobe consolidation."
        let target = TargetLocator.locate("left lower   lobe consolidation", in: sentence)
        #expect(target.match == .loose)
        #expect(sentence[target.range] == "Left  Lower lobe consolidation")
    }

    @Test func fallsBackToTheWholeSentenceWhenTheConceptRunsPastIt() {
        let sentence = "NECK: Supple."
        let target = TargetLocator.locate("Neck: Supple. No lymphadenopathy", in: sentence)
        #expect(target.match == .wholeSentence)
        #expect(target.range == sentence.startIndex..<sentence.endIndex)
    }

    @Test func readsTheThreeGoldLabels() {
        #expect(["Affirmed", "negated", "Possible", "Maybe"].map(AnnotatedSentence.goldAssertion) == [.present, .absent, .possible, nil])
    }

    @Test func negatedPrecisionRecallAndAccuracyFollowTheConfusionCounts() {
        var confusion = AssertionConfusion()
        for _ in 0..<8 { confusion.add(gold: .absent, predicted: .absent) }
        for _ in 0..<2 { confusion.add(gold: .absent, predicted: .possible) }
        for _ in 0..<4 { confusion.add(gold: .present, predicted: .absent) }
        for _ in 0..<26 { confusion.add(gold: .present, predicted: .present) }
        let negated = confusion.negated
        #expect(negated == BinaryCounts(truePositives: 8, falsePositives: 4, falseNegatives: 2))
        #expect(negated.precision == 8.0 / 12.0)
        #expect(negated.recall == 0.8)
        #expect(negated.f1 == 16.0 / 22.0)
        #expect(confusion.total == 40)
        #expect(confusion.accuracy == 34.0 / 40.0)
    }

    @Test func undefinedScoresAreNilNotZero() {
        let nothing = BinaryCounts()
        #expect(nothing.precision == nil && nothing.recall == nil && nothing.f1 == nil)
        let missedAll = BinaryCounts(truePositives: 0, falsePositives: 0, falseNegatives: 5)
        #expect(missedAll.precision == nil)
        #expect(missedAll.recall == 0)
        #expect(missedAll.f1 == 0)
        #expect(AssertionConfusion().accuracy == nil)
    }

    @Test func standardNegBioMapCoversTheFourteenLabelsWithDistinctConcepts() {
        let map = NegBioLabelMap.standard
        #expect(
            map.labels == [
                "Atelectasis", "Cardiomegaly", "Effusion", "Infiltration", "Mass", "Nodule", "Pneumonia", "Pneumothorax", "Consolidation",
                "Edema", "Emphysema", "Fibrosis", "Pleural_Thickening", "Hernia",
            ]
        )
        #expect(map.entries.allSatisfy { !$0.conceptIds.isEmpty })
        let ids = map.entries.flatMap(\.conceptIds)
        #expect(Set(ids).count == ids.count, "a concept id must count for one label only")
        #expect(map.entries.first { $0.label == "Effusion" }?.conceptIds.contains("pleural_effusion") == true)
        #expect(map.entries.first { $0.label == "Edema" }?.conceptIds.contains("pulmonary_edema") == true)
    }

    @Test func labelPredictionsUseOnlyFindingsAndImpressionMentions() {
        let map = NegBioLabelMap(entries: [
            .init(label: "Effusion", conceptIds: ["pleural_effusion"]),
            .init(label: "Pneumothorax", conceptIds: ["pneumothorax"]),
            .init(label: "Cardiomegaly", conceptIds: ["cardiomegaly"]),
            .init(label: "Edema", conceptIds: ["pulmonary_edema"]),
        ])
        let report = TestReports.report(
            text: "x",
            sections: [],
            findings: [
                TestReports.finding(.clinicalInformation, [("pulmonary_edema", .present)]),
                TestReports.finding(.findings, [("pleural_effusion", .absent), ("pneumothorax", .absent)]),
                TestReports.finding(.impression, [("pleural_effusion", .possible)]),
            ]
        )
        let decisions = ReportNegationScorer(map: map).decisions(for: report)
        #expect(decisions.map(\.prediction) == [.positive, .negated, .notMentioned, .notMentioned])
        #expect(decisions.first?.mentions.count == 2)
        #expect(ReportNegationScorer(map: map).decisions(for: nil).allSatisfy { $0.prediction == .notMentioned })
    }

    @Test func reportScoresCountPositivesAndNegatedMentions() {
        let labels = ["Effusion", "Pneumothorax", "Cardiomegaly"]
        var result = ReportNegationResult(labels: labels)
        func decisions(_ predictions: [LabelPrediction]) -> [LabelDecision] {
            zip(labels, predictions).map { LabelDecision(label: $0, prediction: $1, mentions: []) }
        }
        // Gold: effusion positive; pneumothorax negative but mentioned and negated; cardiomegaly negative, mentioned, called positive.
        result.add(uid: "1", positives: ["Effusion"], decisions: decisions([.positive, .negated, .positive]))
        // Gold: cardiomegaly positive but the engine negated it; effusion not mentioned.
        result.add(uid: "2", positives: ["Cardiomegaly"], decisions: decisions([.notMentioned, .notMentioned, .negated]))
        #expect(result.reports == 2)
        #expect(result.labels.map(\.goldPositives) == [1, 0, 1])
        #expect(result.labels[0].positive == BinaryCounts(truePositives: 1, falsePositives: 0, falseNegatives: 0))
        #expect(result.labels[2].positive == BinaryCounts(truePositives: 0, falsePositives: 1, falseNegatives: 1))
        #expect(result.micro == BinaryCounts(truePositives: 1, falsePositives: 1, falseNegatives: 1))
        #expect(result.negativeMentions == 2)
        #expect(result.negatedCorrectly == 1)
        #expect(result.failures.map { "\($0.uid) \($0.label)" } == ["1 Cardiomegaly", "2 Cardiomegaly"])
    }
}
