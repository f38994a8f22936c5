import RadScribeCore

/// One sentence of the NegEx/ConText test set with its annotated target concept and gold assertion.
struct AnnotatedSentence: Sendable, Hashable {
    /// The report number (NegEx file) or line number (ConText file).
    var id: String
    /// The annotated concept as listed; it appears upper-cased inside ``sentence``.
    var concept: String
    /// The sentence.
    var sentence: String
    /// The physician's judgement.
    var gold: Assertion

    /// The layout of one of the two annotation files.
    struct Format: Sendable {
        /// The file.
        var file: CorpusFile
        /// The column with the id.
        var idColumn: String
        /// The column with the concept.
        var conceptColumn: String
        /// The column with the sentence.
        var sentenceColumn: String
        /// The column with `Affirmed`, `Negated` or `Possible`.
        var assertionColumn: String

        /// `negex-chapman/Annotations-1-120.txt`, the NegEx test kit.
        static let negEx = Format(
            file: .negExAnnotations,
            idColumn: "Report No.",
            conceptColumn: "Concept",
            sentenceColumn: "Sentence",
            assertionColumn: "Negation"
        )
        /// `negex-chapman/rsAnnotations-1-120-random.txt`, the same sentences with ConText labels.
        static let context = Format(
            file: .contextAnnotations,
            idColumn: "line number",
            conceptColumn: "Condition",
            sentenceColumn: "sentence",
            assertionColumn: "negation_status (negated, affirmed, possible)"
        )
    }

    /// Reads the sentences of one annotation file in file order.
    ///
    /// - Throws: ``EvaluationError`` when the file is missing, a column is absent or a label is unknown.
    static func load(_ format: Format, from corpus: CorpusDirectory) throws(EvaluationError) -> [AnnotatedSentence] {
        let columns = [format.idColumn, format.conceptColumn, format.sentenceColumn, format.assertionColumn]
        let records = try corpus.records(of: format.file, parser: .tsv, columns: columns)
        var sentences: [AnnotatedSentence] = []
        sentences.reserveCapacity(records.count)
        for (index, record) in records.enumerated() {
            let label = record[format.assertionColumn]
            guard let gold = goldAssertion(label) else {
                throw EvaluationError(
                    .malformedFile,
                    paths: [format.file.rawValue],
                    detail: "assertion \"\(label)\" on data row \(index + 1), expected Affirmed, Negated or Possible"
                )
            }
            sentences.append(
                AnnotatedSentence(
                    id: record[format.idColumn],
                    concept: record[format.conceptColumn],
                    sentence: record[format.sentenceColumn],
                    gold: gold
                )
            )
        }
        return sentences
    }

    /// Maps the annotation labels onto RadScribe's assertions.
    static func goldAssertion(_ label: String) -> Assertion? {
        switch label.lowercased() {
        case "affirmed": .present
        case "negated": .absent
        case "possible": .possible
        default: nil
        }
    }
}
