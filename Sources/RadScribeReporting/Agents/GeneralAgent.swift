import RadScribeCore

/// The fallback agent: key findings and the organs the report mentions.
///
/// Key findings are the present or possible statements of the impression; without any, the abnormal statements of the
/// findings (`AgentInput.isAbnormal`). Organs are listed once each, at their first mention outside the clinical information.
struct GeneralAgent: ExamAgent {
    let examType = ExamType.general

    private static let maximumKeyFindings = 10

    func extract(from input: AgentInput, into data: inout ExamData) {
        var general = GeneralData()
        let impression = input.statements.filter { $0.section == .impression && $0.assertion != .absent }
        let chosen = impression.isEmpty ? input.statements.filter { $0.section != .technique && input.isAbnormal($0) } : impression
        general.keyFindings = chosen.prefix(Self.maximumKeyFindings).map { statement in
            KeyFinding(assertion: statement.assertion, text: input.string(statement.span), span: statement.span)
        }
        for range in input.readableRanges {
            for organ in input.organs(in: range) where !general.organs.contains(where: { $0.organ == organ.organ }) {
                let evidence = input.evidence(tokens: organ.first, through: organ.last)
                general.organs.append(OrganMention(organ: organ.organ, text: evidence.text, span: evidence.span))
            }
        }
        data.general = general
    }
}
