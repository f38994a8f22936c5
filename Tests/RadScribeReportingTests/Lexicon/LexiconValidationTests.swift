import Foundation
import RadScribeCore
import Testing

@testable import RadScribeReporting

/// Lexicon files the loader must reject, each one fault away from a valid file.
@Suite("Lexicon validation")
struct LexiconValidationTests {
    private static let lung = #"{"id": "lung", "category": "anatomy", "de": ["Lunge"], "en": ["lung"]}"#
    private static let nodule = #"{"id": "nodule", "category": "finding", "de": ["Rundherd"], "en": ["nodule"], "site": "lung"}"#

    private func file(_ concepts: [String], version: String = "1.0.0") -> Data {
        Data(#"{"version": "\#(version)", "concepts": [\#(concepts.joined(separator: ","))]}"#.utf8)
    }

    private func loadingError(_ data: Data) -> LexiconError? {
        do {
            _ = try Lexicon(jsonData: data)
            return nil
        } catch let error as LexiconError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    @Test func validFileLoads() throws {
        let lexicon = try Lexicon(jsonData: file([Self.lung, Self.nodule]))
        #expect(lexicon.version == "1.0.0")
        #expect(lexicon.concepts.map(\.id) == ["lung", "nodule"])
        #expect(lexicon.concept("nodule")?.site == "lung")
    }

    @Test(arguments: [
        ("not json", "{"),
        ("not an object", "[]"),
        ("no version", #"{"concepts": []}"#),
        ("concepts not a list", #"{"version": "1.0.0", "concepts": {}}"#),
        ("terms not a list", #"{"version": "1.0.0", "concepts": [{"id": "a", "category": "finding", "de": "A", "en": ["a"]}]}"#),
        ("missing English", #"{"version": "1.0.0", "concepts": [{"id": "a", "category": "finding", "de": ["A"]}]}"#),
    ])
    func malformedJSONIsRejected(name: String, json: String) throws {
        let error = try #require(loadingError(Data(json.utf8)), "\(name)")
        #expect(error.message.hasPrefix("invalid lexicon JSON"), "\(name): \(error.message)")
    }

    @Test func duplicateIDIsRejected() throws {
        let twin = #"{"id": "lung", "category": "anatomy", "de": ["Lungenflügel"], "en": ["lung wing"]}"#
        let error = try #require(loadingError(file([Self.lung, twin])))
        #expect(error.message.contains("duplicate concept id lung"))
    }

    @Test func unknownCategoryIsRejected() throws {
        let organ = #"{"id": "liver", "category": "organ", "de": ["Leber"], "en": ["liver"]}"#
        let error = try #require(loadingError(file([organ])))
        #expect(error.message.contains("category"))
    }

    @Test func unknownExamTypeIsRejected() throws {
        let scan = #"{"id": "ct", "category": "modality", "de": ["CT"], "en": ["CT"], "exam_types": {"cat_scan": 1}}"#
        let error = try #require(loadingError(file([scan])))
        #expect(error.message.contains("unknown exam type cat_scan"))
    }

    @Test func nonPositiveExamTypeWeightIsRejected() throws {
        let scan = #"{"id": "ct", "category": "modality", "de": ["CT"], "en": ["CT"], "exam_types": {"ct_scan": 0}}"#
        #expect(loadingError(file([scan])) != nil)
    }

    @Test func siteThatNamesNoConceptIsRejected() throws {
        let error = try #require(loadingError(file([Self.nodule])))
        #expect(error.message.contains("site lung"))
    }

    @Test func siteThatNamesANonAnatomyConceptIsRejected() throws {
        let mass = #"{"id": "mass", "category": "finding", "de": ["Raumforderung"], "en": ["mass"], "site": "nodule"}"#
        let error = try #require(loadingError(file([Self.lung, Self.nodule, mass])))
        #expect(error.message.contains("mass: site nodule is not an anatomy concept"))
    }

    @Test func termOfTwoConceptsIsRejected() throws {
        let focus = #"{"id": "focus", "category": "finding", "de": ["Herd", "rundherd"], "en": ["focus"]}"#
        let error = try #require(loadingError(file([Self.lung, Self.nodule, focus])))
        #expect(error.message.contains("\"rundherd\" is already a term of nodule"))
    }

    @Test func termsThatDifferOnlyInFoldingClash() throws {
        let effusion = #"{"id": "effusion", "category": "finding", "de": ["Erguss"], "en": ["effusion"]}"#
        let twin = #"{"id": "effusion_2", "category": "finding", "de": ["Erguß"], "en": ["effusion two"]}"#
        #expect(loadingError(file([effusion, twin])) != nil)
    }

    @Test func emptyTermListIsRejected() throws {
        let empty = #"{"id": "a", "category": "finding", "de": [], "en": ["a"]}"#
        let error = try #require(loadingError(file([empty])))
        #expect(error.message.contains("no German term"))
    }

    @Test func termWithoutWordsIsRejected() throws {
        let dash = #"{"id": "a", "category": "finding", "de": ["-"], "en": ["a"]}"#
        #expect(loadingError(file([dash])) != nil)
    }

    @Test func idThatIsNotSnakeCaseIsRejected() throws {
        let camel = #"{"id": "pleuralEffusion", "category": "finding", "de": ["Pleuraerguss"], "en": ["pleural effusion"]}"#
        let error = try #require(loadingError(file([camel])))
        #expect(error.message.contains("snake_case"))
    }

    @Test func unknownExactCaseLanguageIsRejected() throws {
        let scan = #"{"id": "us", "category": "modality", "de": ["Sono"], "en": ["ultrasound"], "exact_case": {"fr": ["US"]}}"#
        #expect(loadingError(file([scan])) != nil)
    }

    // MARK: - Compositions

    private static let heart = #"{"id": "heart", "category": "anatomy", "de": ["Herz"], "en": ["heart"]}"#
    private static let enlargement = #"{"id": "enlargement", "category": "descriptor", "de": ["vergrößert"], "en": ["enlarged"]}"#

    private static func cardiomegaly(composedOf anatomy: String, _ descriptor: String, id: String = "cardiomegaly") -> String {
        let term = id.replacingOccurrences(of: "_", with: " ")
        return #"{"id": "\#(id)", "category": "finding", "de": ["\#(term)"], "en": ["\#(term)"], "#
            + #""composed_of": {"anatomy": ["\#(anatomy)"], "descriptor": ["\#(descriptor)"]}}"#
    }

    @Test func compositionNamesItsFinding() throws {
        let lexicon = try Lexicon(jsonData: file([Self.heart, Self.enlargement, Self.cardiomegaly(composedOf: "heart", "enlargement")]))
        #expect(lexicon.composes(descriptor: 1))
        #expect(!lexicon.composes(descriptor: 0))
        #expect(lexicon.composedFinding(anatomy: 0, descriptor: 1) == 2)
        #expect(lexicon.composedFinding(anatomy: 1, descriptor: 0) == nil)
    }

    @Test(arguments: [
        ("enlargement", "enlargement", "no anatomy concept"), ("heart", "heart", "no descriptor concept"), ("heart", "spleen", "spleen"),
    ])
    func compositionOfTheWrongConceptsIsRejected(anatomy: String, descriptor: String, message: String) throws {
        let error = try #require(loadingError(file([Self.heart, Self.enlargement, Self.cardiomegaly(composedOf: anatomy, descriptor)])))
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func compositionOfANonFindingIsRejected() throws {
        let widening =
            #"{"id": "widening", "category": "descriptor", "de": ["verbreitert"], "en": ["widened"], "#
            + #""composed_of": {"anatomy": ["heart"], "descriptor": ["enlargement"]}}"#
        let error = try #require(loadingError(file([Self.heart, Self.enlargement, widening])))
        #expect(error.message.contains("only for findings"))
    }

    @Test func twoFindingsOfOnePairAreRejected() throws {
        let first = Self.cardiomegaly(composedOf: "heart", "enlargement")
        let second = Self.cardiomegaly(composedOf: "heart", "enlargement", id: "cardiac_enlargement")
        let error = try #require(loadingError(file([Self.heart, Self.enlargement, first, second])))
        #expect(error.message.contains("already composes cardiomegaly"))
    }

    @Test func emptyVersionIsRejected() throws {
        #expect(loadingError(file([Self.lung], version: "")) != nil)
    }
}
