import ArgumentParser
import Foundation
import RadScribeCore
import RadScribeEvaluation
import RadScribeReporting

/// `radscribe eval`: scores the report engine against public corpora.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the report engine against public radiology corpora.",
        subcommands: [StructureEvaluation.self]
    )

    /// `radscribe eval structure DIR`: section segmentation, classification and negation, printed as tables.
    struct StructureEvaluation: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "structure",
            abstract: "Score segmentation, classification and negation on the corpora in DIR (e.g. ../shared/eval)."
        )

        @Argument(help: "The directory holding the corpora (openi-indiana/, negex-chapman/, drg-befundung-de/).")
        var directory: String

        @Flag(name: .long, help: "List every mis-segmented, misclassified or wrongly negated case.")
        var showErrors = false

        @Option(name: .long, help: "Use only the first N records of each corpus file.")
        var limit: Int?

        func run() throws {
            let detector = AssertionDetector()
            let suite = EvaluationSuite(
                directory: URL(fileURLWithPath: directory),
                assertion: { sentence, target, language in detector.assertion(of: target, in: sentence[...], language: language).0 }
            )
            do {
                print(EvaluationReport.render(try suite.run(EvaluationOptions(limit: limit)), showErrors: showErrors), terminator: "")
            } catch {
                throw ValidationError(error.description)
            }
        }
    }
}
