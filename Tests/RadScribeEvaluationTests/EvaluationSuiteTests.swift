import Foundation
import RadScribeCore
import RadScribeReporting
import Testing

@testable import RadScribeEvaluation

@Suite("Evaluation suite")
struct EvaluationSuiteTests {
    /// A stand-in detector that negates exactly these targets, so the scores do not depend on any real detector.
    private static let negatedTargets: Set<String> = ["melanoma", "pericardial effusion", "chest  pain", "edema"]
    private static let assertion: EvaluationSuite.AssertionFunction = { sentence, target, _ in
        negatedTargets.contains(sentence[target].lowercased()) ? .absent : .present
    }

    private func run(_ corpus: FixtureCorpus, limit: Int? = nil) throws -> EvaluationResult {
        try EvaluationSuite(directory: corpus.url, assertion: Self.assertion).run(EvaluationOptions(limit: limit))
    }

    @Test func missingFilesAreAllNamedInOneError() throws {
        let corpus = try FixtureCorpus(omitting: ["openi-indiana/negbio_openi-testset.txt", "negex-chapman/Annotations-1-120.txt"])
        defer { corpus.remove() }
        let error = #expect(throws: EvaluationError.self) { try run(corpus) }
        #expect(error?.code == .missingFile)
        #expect(error?.paths == ["openi-indiana/negbio_openi-testset.txt", "negex-chapman/Annotations-1-120.txt"])
        #expect(error?.description.contains("negex-chapman/Annotations-1-120.txt") == true)
    }

    @Test func aMissingDirectoryIsReportedAsSuch() {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-corpus-\(UUID().uuidString)")
        let error = #expect(throws: EvaluationError.self) { try EvaluationSuite(directory: directory).run() }
        #expect(error?.code == .missingDirectory)
        #expect(error?.description.contains("../shared/eval") == true)
    }

    @Test func malformedFilesNameTheFileAndTheProblem() throws {
        let cases: [(path: String, text: String, detail: String)] = [
            ("openi-indiana/indiana_reports.csv", "uid,indication,comparison,findings,impression\n1,\"open,,,\n", "line 2"),
            ("openi-indiana/indiana_reports.csv", "uid,indication,findings,impression\n1,a,b,c\n", "comparison"),
            ("openi-indiana/negbio_openi_gld_std14.csv", FixtureCorpus.negBioGold.replacingOccurrences(of: "CXR4,0", with: "CXR4,-1"), "-1"),
            ("negex-chapman/Annotations-1-120.txt", "Report No.\tConcept\tSentence\tNegation\n1\tfever\tNo FEVER.\tUnclear\n", "Unclear"),
            ("drg-befundung-de/funrad_examples_structured.jsonl", "{\"exam\": \"CT NNH\"}\n", "line 1"),
        ]
        for (path, text, detail) in cases {
            let corpus = try FixtureCorpus(replacing: [path: text])
            defer { corpus.remove() }
            let error = #expect(throws: EvaluationError.self) { try run(corpus) }
            #expect(error?.code == .malformedFile)
            #expect(error?.paths == [path])
            #expect(error?.detail?.contains(detail) == true, "\(path): \(error?.detail ?? "no detail")")
        }
    }

    @Test func segmentationScoresEveryVariantOfTheReportsWithFindingsAndImpression() throws {
        let corpus = try FixtureCorpus()
        defer { corpus.remove() }
        let result = try run(corpus)
        #expect(result.segmentation.map(\.variant) == DictationVariant.allCases)
        #expect(result.segmentation.map(\.reports) == [2, 2, 2])
        #expect(result.segmentation.map(\.total.words) == [38, 38, 24])
        #expect(result.segmentation[0].perField[.comparison]?.words == 4)
        #expect(result.segmentation[2].perField[.indication] == nil)
        for variant in result.segmentation {
            #expect(variant.total.correct <= variant.total.words)
            #expect(variant.fullyCorrect + variant.failures.count == variant.reports)
        }
    }

    @Test func classificationLabelsEveryScorableCaseOnce() throws {
        let corpus = try FixtureCorpus()
        defer { corpus.remove() }
        let result = try run(corpus).classification
        #expect(
            result.groups.map { "\($0.source.rawValue) \($0.expected.rawValue) \($0.cases)" } == [
                "openi-indiana general 4", "negex-chapman pathology 1", "negex-chapman cardiac 1", "drg-befundung-de ct_scan 1",
            ]
        )
        #expect(result.unlabelled == ["negex-chapman RAD": 1, "negex-chapman no type code": 1, "drg-befundung-de MRT Ellenbogen": 1])
        #expect(result.correct + result.failures.count == result.cases)
        #expect(result.confusion.values.reduce(0) { $0 + $1.values.reduce(0, +) } == 7)
    }

    @Test func sentenceNegationScoresTheInjectedFunctionOnBothFiles() throws {
        let corpus = try FixtureCorpus()
        defer { corpus.remove() }
        let result = try run(corpus).sentenceNegation
        #expect(result.map(\.file) == ["negex-chapman/Annotations-1-120.txt", "negex-chapman/rsAnnotations-1-120-random.txt"])
        let negEx = result[0]
        // Gold negated: melanoma, pericardial effusion, infiltrate, chest pain, neck; the stand-in negates three of them.
        #expect(negEx.confusion.negated == BinaryCounts(truePositives: 3, falsePositives: 0, falseNegatives: 2))
        #expect(negEx.confusion.accuracy == 5.0 / 7.0)
        #expect(negEx.targetMatches == [.marked: 5, .loose: 1, .wholeSentence: 1])
        #expect(negEx.failures.map(\.concept) == ["infiltrate", "Neck supple. No lymphadenopathy"])
        let context = result[1]
        #expect(context.confusion.count(gold: .possible, predicted: .present) == 1)
        #expect(context.confusion.accuracy == 2.0 / 3.0)
    }

    @Test func sentenceNegationIsSkippedWithoutAnAssertionFunction() throws {
        let corpus = try FixtureCorpus()
        defer { corpus.remove() }
        let result = try EvaluationSuite(directory: corpus.url).run()
        #expect(result.sentenceNegation.isEmpty)
        #expect(EvaluationReport.render(result, showErrors: false).contains("Not run: no assertion function was given."))
    }

    @Test func reportNegationScoresTheTestSplitReportsThatHaveText() throws {
        let corpus = try FixtureCorpus()
        defer { corpus.remove() }
        let result = try run(corpus).reportNegation
        #expect(result.testSplitSize == 4)
        #expect(result.reports == 3)
        #expect(result.labels.count == 14)
        #expect(result.labels.filter { $0.goldPositives > 0 }.map(\.label) == ["Cardiomegaly", "Effusion"])
        #expect(result.micro.truePositives + result.micro.falseNegatives == 2)
    }

    @Test func theEngineIsTimedForEveryDictation() throws {
        let corpus = try FixtureCorpus()
        defer { corpus.remove() }
        let result = try run(corpus)
        // 4 typed Open-i dictations, 2 reports × 2 more variants, 2 NegEx reports, 1 DRG example.
        #expect(result.engine.reports == 11)
        #expect(result.engine.failures == 0)
        #expect(result.engineVersion == ReportEngine.version)
        #expect(result.duration >= result.engine.duration)
    }

    @Test func limitCapsTheRecordsOfEveryFile() throws {
        let corpus = try FixtureCorpus()
        defer { corpus.remove() }
        let result = try run(corpus, limit: 1)
        #expect(result.limit == 1)
        #expect(result.segmentation.map(\.reports) == [1, 1, 1])
        #expect(result.sentenceNegation.map(\.confusion.total) == [1, 1])
        #expect(result.classification.groups.map(\.cases) == [1, 1, 1])
        #expect(result.reportNegation.reports == 1)
    }
}
