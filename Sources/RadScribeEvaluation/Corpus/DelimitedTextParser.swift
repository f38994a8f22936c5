/// Why a delimited text file could not be parsed.
struct DelimitedTextError: Error, Sendable, Hashable {
    /// The 1-based line on which the offending quoted field starts.
    var line: Int
}

/// Splits RFC 4180 delimited text (CSV, or TSV with CSV quoting) into records of fields.
///
/// A field that starts with `"` is quoted: it may contain the delimiter, line breaks and `""` for a literal quote.
/// Like Python's `csv` module, the parser is lenient where real exports are sloppy: a `"` inside an unquoted field is
/// kept as text, and characters between a closing quote and the next delimiter are appended to the field.
/// Records end at LF, CRLF or a lone CR; blank lines are skipped; a leading UTF-8 byte order mark is ignored.
struct DelimitedTextParser: Sendable {
    /// The field separator: `,` for CSV, a tab for TSV.
    var delimiter: UInt8

    /// A parser for comma-separated values.
    static let csv = DelimitedTextParser(delimiter: UInt8(ascii: ","))
    /// A parser for tab-separated values.
    static let tsv = DelimitedTextParser(delimiter: UInt8(ascii: "\t"))

    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Parses `text` into records.
    ///
    /// - Throws: ``DelimitedTextError`` when a quoted field is never closed.
    func records(in text: String) throws(DelimitedTextError) -> [[String]] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var reader = RecordReader(bytes: bytes, delimiter: delimiter)
        var records: [[String]] = []
        while let record = try reader.nextRecord() {
            if record == [""] { continue }
            records.append(record)
        }
        return records
    }

    /// A cursor over the bytes that reads one record at a time.
    private struct RecordReader {
        let bytes: [UInt8]
        let delimiter: UInt8
        var position = 0
        var line = 1

        init(bytes: [UInt8], delimiter: UInt8) {
            self.bytes = bytes
            self.delimiter = delimiter
        }

        /// The next record, or `nil` at the end of the text.
        mutating func nextRecord() throws(DelimitedTextError) -> [String]? {
            guard position < bytes.count else { return nil }
            var fields: [String] = []
            while true {
                fields.append(try nextField())
                guard position < bytes.count else { return fields }
                let separator = bytes[position]
                position += 1
                if separator == delimiter { continue }
                if separator == DelimitedTextParser.carriageReturn, position < bytes.count, bytes[position] == DelimitedTextParser.lineFeed {
                    position += 1
                }
                line += 1
                return fields
            }
        }

        /// Reads one field and stops on the delimiter or line break after it (without consuming it).
        private mutating func nextField() throws(DelimitedTextError) -> String {
            var field: [UInt8] = []
            if position < bytes.count, bytes[position] == DelimitedTextParser.quote {
                let startLine = line
                position += 1
                while true {
                    guard position < bytes.count else { throw DelimitedTextError(line: startLine) }
                    let byte = bytes[position]
                    position += 1
                    if byte == DelimitedTextParser.quote {
                        guard position < bytes.count, bytes[position] == DelimitedTextParser.quote else { break }
                        position += 1
                    } else if byte == DelimitedTextParser.lineFeed
                        || (byte == DelimitedTextParser.carriageReturn
                            && (position == bytes.count || bytes[position] != DelimitedTextParser.lineFeed))
                    {
                        line += 1
                    }
                    field.append(byte)
                }
            }
            while position < bytes.count {
                let byte = bytes[position]
                if byte == delimiter || byte == DelimitedTextParser.lineFeed || byte == DelimitedTextParser.carriageReturn { break }
                field.append(byte)
                position += 1
            }
            return String(decoding: field, as: UTF8.self)
        }
    }
}
