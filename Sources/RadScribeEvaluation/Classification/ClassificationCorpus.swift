import RadScribeCore

/// Turns the corpora into labelled classification cases with a ``ClassificationLabels`` mapping.
struct ClassificationCorpus: Sendable {
    /// The mapping.
    var labels: ClassificationLabels

    /// An Open-i report as dictated with typed headers.
    func openICase(uid: String, dictation: String) -> ClassificationCase {
        ClassificationCase(source: .openI, id: uid, text: dictation, language: .en, expected: labels.openI)
    }

    /// The NegEx reports whose type code the mapping knows; the others are recorded in `result` as unlabelled.
    func negExCases(_ reports: [NegExReport], result: inout ClassificationResult) -> [ClassificationCase] {
        reports.compactMap { report in
            guard let code = report.reportType, let expected = labels.negExReportTypes[code], !report.text.isEmpty else {
                result.skip("\(ClassificationSource.negExChapman.rawValue) \(report.reportType ?? "no type code")")
                return nil
            }
            return ClassificationCase(source: .negExChapman, id: report.id, text: report.text, language: .en, expected: expected)
        }
    }

    /// The DRG examples whose exam the mapping knows; the others are recorded in `result` as unlabelled.
    func drgCases(_ examples: [FunradExample], result: inout ClassificationResult) -> [ClassificationCase] {
        examples.compactMap { example in
            guard let expected = labels.funradExams[example.exam] else {
                result.skip("\(ClassificationSource.drgExamples.rawValue) \(example.exam)")
                return nil
            }
            return ClassificationCase(source: .drgExamples, id: example.exam, text: example.dictation, language: .de, expected: expected)
        }
    }
}
