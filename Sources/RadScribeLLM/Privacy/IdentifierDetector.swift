/// Finds patient identifiers: the value after a label ("PID: 4711", "Fallnummer 2024-118", "Accession-Nr. ACC-77812")
/// and, anywhere else, runs of six or more digits that no unit follows ("Aufnahme 80412345", but not "150000/µl").
struct IdentifierDetector: Sendable {
    private static let labels = PHICueTable<Void>(
        [
            "pid", "p-id", "mrn", "patienten-id", "patientenid", "patient id", "patient-id", "patient number",
            "patientennummer", "patienten-nr.", "patientennr.", "pat.-nr.", "pat. nr.", "pat.nr.", "pat-nr.", "pat.-id",
            "fallnummer", "fall-nr.", "fallnr.", "fall nr.", "fall-id", "case number", "case no.", "case id", "aufnahmenummer",
            "aufnahme-nr.", "aufnahmenr.", "admission number", "accession", "accession number", "accession no.",
            "accession-nr.", "accessionnummer", "acc.-nr.", "acc. no.", "auftragsnummer", "auftrags-nr.", "auftragsnr.",
            "order number", "order no.", "order id", "versichertennummer", "versicherten-nr.", "versichertennr.",
            "versicherungsnummer", "krankenversichertennummer", "kvnr", "kv-nr.", "insurance number", "member id",
            "medical record number", "record number", "hospital number", "nhs number", "mr number", "untersuchungsnummer",
            "befundnummer", "sozialversicherungsnummer", "svnr", "ssn", "social security number",
        ],
        value: ()
    )

    /// Tokens between a label and its value: "PID: 4711", "Fall-Nr. 4711", "MRN # 4711", "Accession number = 4711".
    private static let fillers: PHIWordSet = [":", "#", "=", ".", "nr", "no", "number", "nummer", "id"]

    private static let joiners: PHIWordSet = ["-", "/", ".", "_"]

    /// The most filler tokens between a label and its value.
    private static let maximumFillers = 3

    /// The fewest digits that make a run an identifier without a label.
    private static let unlabelledDigits = 6

    /// Claims the value after every identifier label in `text`.
    func detectLabelled(in text: PHITokenizedText, claims: inout PHIClaims) {
        var index = 0
        while index < text.count {
            guard claims.isFree(index), let label = Self.labels.match(at: index, in: text) else {
                index += 1
                continue
            }
            var start = label.end
            while start < label.end + Self.maximumFillers, start < text.count, Self.fillers.contains(text[start].key) { start += 1 }
            guard start < text.count, text[start].kind != .symbol, text[start].digitCount > 0, claims.isFree(start) else {
                index = label.end
                continue
            }
            var end = chainEnd(from: start, in: text, claims: claims)
            while text.isNumber(end, digits: 3...), !text[end].lineBreakBefore, !text.isUnit(end + 1), claims.isFree(end) {
                end = chainEnd(from: end, in: text, claims: claims)
            }
            claims.claim(start..<end, as: .patientIdentifier)
            index = end
        }
    }

    /// Claims every unlabelled run of at least six digits that is not a measurement.
    func detectDigitRuns(in text: PHITokenizedText, claims: inout PHIClaims) {
        var index = 0
        while index < text.count {
            guard claims.isFree(index), text[index].kind != .symbol, text[index].digitCount >= Self.unlabelledDigits,
                !text.isUnit(index + 1)
            else {
                index += 1
                continue
            }
            let end = chainEnd(from: index, in: text, claims: claims)
            claims.claim(chainStart(before: index, in: text, claims: claims)..<end, as: .patientIdentifier)
            index = end
        }
    }

    /// The index after the identifier starting at `start`: letters and digits, glued together or joined by `-`, `/`,
    /// `.` or `_` ("2024/00815", "ACC-77812-B").
    private func chainEnd(from start: Int, in text: PHITokenizedText, claims: PHIClaims) -> Int {
        var end = start + 1
        while text.isGlued(end), claims.isFree(end) {
            if text[end].kind != .symbol {
                end += 1
            } else if Self.joiners.contains(text[end].text), text.isGlued(end + 1), claims.isFree(end + 1), text[end + 1].kind != .symbol {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    /// The first token of the identifier that the long digit run at `index` belongs to.
    private func chainStart(before index: Int, in text: PHITokenizedText, claims: PHIClaims) -> Int {
        var start = index
        while text.isGlued(start), claims.isFree(start - 1) {
            if text[start - 1].kind != .symbol {
                start -= 1
            } else if Self.joiners.contains(text[start - 1].text), text.isGlued(start - 1), claims.isFree(start - 2), text[start - 2].kind != .symbol
            {
                start -= 2
            } else {
                break
            }
        }
        return start
    }
}
