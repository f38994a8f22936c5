import Foundation

/// One of the four filled German example reports of the DRG "Forum Junge Radiologie" templates.
struct FunradExample: Sendable, Hashable {
    /// One labelled part of the example.
    struct Section: Sendable, Hashable, Decodable {
        /// The label before the text, or `(unlabelled)`.
        var heading: String
        /// The text.
        var text: String
    }

    /// The exam as named in the source (`MRT Schulter`, `CT NNH`, …).
    var exam: String
    /// The parts in order; the last is `Beurteilung`.
    var exampleSections: [Section]

    /// The heading that marks text without a label.
    static let unlabelled = "(unlabelled)"

    /// The example as a typed dictation: one line per part, `Label: text`, unlabelled parts without a label.
    var dictation: String {
        exampleSections.map { $0.heading == Self.unlabelled ? $0.text : "\($0.heading): \($0.text)" }.joined(separator: "\n")
    }

    /// Reads the JSON Lines file.
    ///
    /// - Throws: ``EvaluationError`` when the file is missing or a line is not an example object.
    static func load(from corpus: CorpusDirectory) throws(EvaluationError) -> [FunradExample] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var examples: [FunradExample] = []
        for (index, line) in try corpus.text(of: .funradExamples).split(whereSeparator: \.isNewline).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            do {
                examples.append(try decoder.decode(FunradExample.self, from: Data(line.utf8)))
            } catch {
                throw EvaluationError(
                    .malformedFile,
                    paths: [CorpusFile.funradExamples.rawValue],
                    detail: "line \(index + 1) is not an example object"
                )
            }
        }
        return examples
    }
}

extension FunradExample: Decodable {}
