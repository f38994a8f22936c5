/// A plain-text table with a header row; the first column is left-aligned, the others right-aligned.
struct TextTable: Sendable {
    /// The column titles.
    var header: [String]
    /// The rows, each as wide as the header.
    var rows: [[String]] = []

    /// Creates a table with `header`.
    init(_ header: [String]) {
        self.header = header
    }

    /// Appends a row.
    mutating func add(_ row: [String]) {
        rows.append(row)
    }

    /// The table as lines of text, columns separated by two spaces.
    var rendered: String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }
            .joined(separator: "  ")
            .trimmingTrailingSpaces()
        }
        .joined(separator: "\n")
    }
}

extension String {
    /// The string without trailing spaces.
    fileprivate func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
