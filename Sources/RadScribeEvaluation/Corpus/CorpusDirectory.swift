import Foundation

/// A corpus file that the evaluation reads, by its path inside the corpus directory.
enum CorpusFile: String, CaseIterable, Sendable {
    case openIReports = "openi-indiana/indiana_reports.csv"
    case negBioGold = "openi-indiana/negbio_openi_gld_std14.csv"
    case negBioTestSplit = "openi-indiana/negbio_openi-testset.txt"
    case negExAnnotations = "negex-chapman/Annotations-1-120.txt"
    case contextAnnotations = "negex-chapman/rsAnnotations-1-120-random.txt"
    case funradExamples = "drg-befundung-de/funrad_examples_structured.jsonl"
}

/// The folder of public evaluation corpora (`../shared/eval` from the project root).
struct CorpusDirectory: Sendable {
    /// The folder.
    var url: URL

    /// Checks that the folder and every ``CorpusFile`` exist.
    ///
    /// - Throws: ``EvaluationError`` naming the folder, or every missing file at once.
    func validate() throws(EvaluationError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw EvaluationError(.missingDirectory, paths: [url.path])
        }
        let missing = CorpusFile.allCases.filter { !FileManager.default.fileExists(atPath: fileURL($0).path) }
        if !missing.isEmpty {
            throw EvaluationError(.missingFile, paths: missing.map(\.rawValue))
        }
    }

    /// The contents of `file` as text.
    ///
    /// - Throws: ``EvaluationError`` when the file is missing or not UTF-8.
    func text(of file: CorpusFile) throws(EvaluationError) -> String {
        guard let data = FileManager.default.contents(atPath: fileURL(file).path) else {
            throw EvaluationError(.missingFile, paths: [file.rawValue])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw EvaluationError(.unreadableFile, paths: [file.rawValue])
        }
        return text
    }

    /// The records of a delimited `file` whose first line names the columns, keyed by the requested `columns`.
    ///
    /// - Throws: ``EvaluationError`` when the file is missing, not UTF-8, has an unclosed quote or lacks one of `columns`.
    func records(of file: CorpusFile, parser: DelimitedTextParser, columns: [String]) throws(EvaluationError) -> [CorpusRecord] {
        let source = try text(of: file)
        let rows: [[String]]
        do {
            rows = try parser.records(in: source)
        } catch {
            throw EvaluationError(.malformedFile, paths: [file.rawValue], detail: "unclosed quoted field starting on line \(error.line)")
        }
        let header = rows.first ?? []
        var positions: [String: Int] = [:]
        for column in columns {
            guard let position = header.firstIndex(of: column) else {
                throw EvaluationError(.malformedFile, paths: [file.rawValue], detail: "no column \"\(column)\"")
            }
            positions[column] = position
        }
        return rows.dropFirst().map { row in
            CorpusRecord(fields: positions.mapValues { $0 < row.count ? row[$0] : "" })
        }
    }

    private func fileURL(_ file: CorpusFile) -> URL {
        url.appendingPathComponent(file.rawValue)
    }
}

/// One record of a delimited corpus file, by column name.
struct CorpusRecord: Sendable, Hashable {
    /// The fields of the requested columns.
    var fields: [String: String]

    /// The field of `column`, or an empty string when the column was not requested.
    subscript(column: String) -> String {
        fields[column] ?? ""
    }
}
