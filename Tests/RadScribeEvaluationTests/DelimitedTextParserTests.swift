import Testing

@testable import RadScribeEvaluation

@Suite("Delimited text parser")
struct DelimitedTextParserTests {
    @Test func splitsPlainFieldsAndRecords() throws {
        let records = try DelimitedTextParser.csv.records(in: "uid,findings\n1,Lungs clear.\n2,Heart normal.\n")
        #expect(records == [["uid", "findings"], ["1", "Lungs clear."], ["2", "Heart normal."]])
    }

    @Test func keepsCommasInsideQuotedFields() throws {
        let records = try DelimitedTextParser.csv.records(in: "1,\"Chest, 2 views, frontal and lateral\",None.\n")
        #expect(records == [["1", "Chest, 2 views, frontal and lateral", "None."]])
    }

    @Test func turnsDoubledQuotesIntoOneQuote() throws {
        let records = try DelimitedTextParser.csv.records(in: "1,\"Evaluate for \"\"CHF\"\", no prior\"\n")
        #expect(records == [["1", "Evaluate for \"CHF\", no prior"]])
    }

    @Test func keepsLineBreaksInsideQuotedFields() throws {
        let records = try DelimitedTextParser.csv.records(in: "1,\"Enlarged heart.\nSmall effusions.\r\nNo pneumothorax.\",x\r\n2,y,z\r\n")
        #expect(records == [["1", "Enlarged heart.\nSmall effusions.\r\nNo pneumothorax.", "x"], ["2", "y", "z"]])
    }

    @Test func acceptsCRLFLoneCRAndAMissingFinalLineBreak() throws {
        let records = try DelimitedTextParser.csv.records(in: "a,b\r\nc,d\re,f")
        #expect(records == [["a", "b"], ["c", "d"], ["e", "f"]])
    }

    @Test func keepsEmptyFieldsAndSkipsBlankLines() throws {
        let records = try DelimitedTextParser.csv.records(in: "1,,\"\",end\n\n2,,,\n")
        #expect(records == [["1", "", "", "end"], ["2", "", "", ""]])
    }

    @Test func keepsAQuoteInsideAnUnquotedFieldAsText() throws {
        let records = try DelimitedTextParser.tsv.records(in: "722\tbleeding\tno \"alarm\" symptom\tNegated\n")
        #expect(records == [["722", "bleeding", "no \"alarm\" symptom", "Negated"]])
    }

    @Test func splitsTabSeparatedTextWithQuotedFields() throws {
        let text = "Report No.\tConcept\tSentence\tNegation\r\n2\tfunction\t\"NORMAL FUNCTION, with an EF of 55 %.\"\tAffirmed\r\n"
        let records = try DelimitedTextParser.tsv.records(in: text)
        #expect(records[1] == ["2", "function", "NORMAL FUNCTION, with an EF of 55 %.", "Affirmed"])
    }

    @Test func ignoresAByteOrderMark() throws {
        let records = try DelimitedTextParser.csv.records(in: "\u{FEFF}uid,impression\n")
        #expect(records == [["uid", "impression"]])
    }

    @Test func reportsTheLineOfAnUnclosedQuote() {
        #expect(throws: DelimitedTextError(line: 4)) {
            try DelimitedTextParser.csv.records(in: "a,b\n1,\"two\nlines\"\n3,\"never closed\n")
        }
    }
}
