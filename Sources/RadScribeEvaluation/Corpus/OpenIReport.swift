import Foundation

/// One Open-i chest radiograph report (`openi-indiana/indiana_reports.csv`) with its four text fields, trimmed.
struct OpenIReport: Sendable, Hashable {
    /// The report id; NegBio names it `CXR<uid>`.
    var uid: String
    /// Why the exam was ordered.
    var indication: String
    /// The prior exam compared with, or "None."
    var comparison: String
    /// The findings.
    var findings: String
    /// The impression.
    var impression: String

    /// Reads the reports in file order.
    ///
    /// - Throws: ``EvaluationError`` when the file is missing or malformed.
    static func load(from corpus: CorpusDirectory) throws(EvaluationError) -> [OpenIReport] {
        let columns = ["uid", "indication", "comparison", "findings", "impression"]
        return try corpus.records(of: .openIReports, parser: .csv, columns: columns).map { record in
            func field(_ name: String) -> String { record[name].trimmingCharacters(in: .whitespacesAndNewlines) }
            return OpenIReport(
                uid: field("uid"),
                indication: field("indication"),
                comparison: field("comparison"),
                findings: field("findings"),
                impression: field("impression")
            )
        }
    }
}

/// NegBio's 14-label gold standard for Open-i and its test split.
struct NegBioGold: Sendable {
    /// For each report uid, the labels marked 1 (positive); reports with all labels 0 map to an empty set.
    var positives: [String: Set<String>]
    /// The uids of the test split, in file order.
    var testSplit: [String]

    /// Reads the gold columns `labels` and the test split.
    ///
    /// - Throws: ``EvaluationError`` when a file is missing, a label column is absent or a value is not 0 or 1.
    static func load(from corpus: CorpusDirectory, labels: [String]) throws(EvaluationError) -> NegBioGold {
        let records = try corpus.records(of: .negBioGold, parser: .csv, columns: ["filename"] + labels)
        var positives: [String: Set<String>] = [:]
        for (index, record) in records.enumerated() {
            var marked: Set<String> = []
            for label in labels {
                switch record[label].trimmingCharacters(in: .whitespaces) {
                case "1": marked.insert(label)
                case "0": break
                case let other:
                    throw EvaluationError(
                        .malformedFile,
                        paths: [CorpusFile.negBioGold.rawValue],
                        detail: "value \"\(other)\" for \(label) on data row \(index + 1), expected 0 or 1"
                    )
                }
            }
            positives[reportUID(record["filename"])] = marked
        }
        let split = try corpus.text(of: .negBioTestSplit).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .map(reportUID)
        return NegBioGold(positives: positives, testSplit: split)
    }

    /// `CXR123` → `123`.
    private static func reportUID(_ name: String) -> String {
        name.hasPrefix("CXR") ? String(name.dropFirst(3)) : name
    }
}
