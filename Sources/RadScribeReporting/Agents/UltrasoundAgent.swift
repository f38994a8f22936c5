import RadScribeCore

/// Extracts per statement: organ, echogenicity and size.
///
/// A statement yields a finding when it names a (non-negated) echogenicity or carries a length measurement. The organ is
/// the first organ named in the statement, else the last one named before it in the same section ("Leber: normal groß.
/// Echofreie Läsion 12 mm." → liver).
struct UltrasoundAgent: ExamAgent {
    let examType = ExamType.ultrasound

    private static let echogenicities = PhraseTable<Echogenicity>(
        entries: [
            (Echogenicity.anechoic, ["echofrei*", "anechoic", "anechogen*", "anechogenic"]),
            (.hypoechoic, ["echoarm*", "hypoechogen*", "hypoechoic", "hypoechogenic", "echoärmer*"]),
            (.isoechoic, ["isoechogen*", "echogleich*", "isoechoic", "isoechogenic"]),
            (.hyperechoic, ["echoreich*", "hyperechogen*", "hyperechoic", "hyperechogenic", "echogenic", "echoreicher*"]),
        ].flatMap { echogenicity, phrases in phrases.map { ($0, echogenicity) } }
    )

    func extract(from input: AgentInput, into data: inout ExamData) {
        var ultrasound = UltrasoundData()
        var carriedOrgan: String?
        var carriedSection: SectionKind?
        for statement in input.statements where statement.section != .technique && statement.section != .recommendation {
            if statement.section != carriedSection {
                carriedOrgan = nil
                carriedSection = statement.section
            }
            let organ = input.organs(in: statement.tokens).first?.organ ?? carriedOrgan
            carriedOrgan = organ
            guard statement.assertion != .absent else { continue }
            let echogenicity = echogenicity(in: statement, input: input)
            let size = statement.measurements.first { $0.millimeters != nil }
            guard echogenicity != nil || size != nil else { continue }
            ultrasound.findings.append(
                UltrasoundFinding(organ: organ, echogenicity: echogenicity, size: size, text: input.string(statement.span), span: statement.span)
            )
            for measurement in statement.measurements { data.record(measurement, subject: organ, by: examType) }
        }
        data.ultrasound = ultrasound
    }

    private func echogenicity(in statement: Statement, input: AgentInput) -> Echogenicity? {
        for index in statement.tokens {
            if let match = Self.echogenicities.match(at: index, in: input.text),
                !input.negation.isNegated(first: index, last: index + match.tokenCount - 1)
            {
                return match.value
            }
        }
        return nil
    }
}
