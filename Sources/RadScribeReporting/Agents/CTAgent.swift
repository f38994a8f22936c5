import RadScribeCore

/// Extracts contrast phases, abnormal findings by organ, and the measurements of those findings.
///
/// Phases: distinctive words count anywhere ("nativ", "portalvenös", "non-contrast", "arterielle Phase", "Spätphase",
/// "nach KM-Gabe"; negated contrast, "ohne KM-Gabe", is non-contrast); bare "arteriell"/"venös"/"arterial"/"venous"/"delayed"
/// only in the technique section or before a phase noun ("in arterieller und portalvenöser Phase"), because elsewhere
/// they describe vessels ("arterielle Hypertonie", "venous thrombosis"). "contrast-enhanced" without a named
/// phase is dropped when a named post-contrast phase is present. Organ findings: every abnormal statement
/// (`AgentInput.isAbnormal`) of the findings and impression, once per organ it names.
struct CTAgent: ExamAgent {
    let examType = ExamType.ctScan

    private struct PhaseWord: Sendable {
        var phase: ContrastPhase
        var needsTechniqueSection: Bool
    }

    private static let phaseWords = PhraseTable<PhaseWord>(
        entries: [
            (
                ContrastPhase.nonContrast, false,
                [
                    "nativ*", "nativphase", "nativ-ct", "non-contrast", "noncontrast", "unenhanced", "without contrast", "without iv contrast",
                    "ohne kontrastmittel", "ohne km", "ohne kontrastmittelgabe",
                ]
            ),
            (
                .arterial, false,
                [
                    "arterielle* phase", "arterielle* kontrastmittelphase", "spätarteriell*", "früharteriell*", "arterial phase",
                    "late arterial", "arteriell* kontrastiert*",
                ]
            ),
            (.arterial, true, ["arteriell*", "arterial"]),
            (.portalVenous, false, ["portalvenös*", "portal venous", "portal-venous", "portalvenous"]),
            (.venous, false, ["venöse* phase", "venous phase", "venöse* kontrastmittelphase"]),
            (.venous, true, ["venös*", "venous"]),
            (
                .delayed, false,
                [
                    "spätphase*", "spätaufnahme*", "ausscheidungsphase*", "urographische* phase", "excretory phase", "delayed phase",
                    "nephrographic phase", "nephrographische* phase",
                ]
            ),
            (.delayed, true, ["delayed", "spät*"]),
            (
                .contrastEnhanced, false,
                [
                    "mit kontrastmittel", "mit km", "nach km", "km-gabe", "kontrastmittelgabe", "kontrastmittelapplikation",
                    "kontrastmittelgestützt*", "kontrastverstärkt*", "kontrastiert*", "with contrast",
                    "with iv contrast", "with intravenous contrast", "contrast-enhanced", "contrast enhanced", "post contrast",
                    "postcontrast", "post-contrast",
                ]
            ),
        ].flatMap { phase, needsTechnique, phrases in
            phrases.map { ($0, PhaseWord(phase: phase, needsTechniqueSection: needsTechnique)) }
        }
    )

    func extract(from input: AgentInput, into data: inout ExamData) {
        var ct = CTData(contrastPhases: contrastPhases(in: input))
        for statement in input.statements where statement.section != .technique && statement.section != .recommendation {
            guard input.isAbnormal(statement) else { continue }
            let organs = input.organs(in: statement.tokens)
            for organ in organs {
                ct.organFindings.append(
                    OrganFinding(organ: organ.organ, assertion: statement.assertion, text: input.string(statement.span), span: statement.span)
                )
            }
            for measurement in statement.measurements {
                data.record(measurement, subject: organs.first?.organ, by: examType)
            }
        }
        data.ct = ct
    }

    private static let phaseNouns = PhraseTable<Void>(words: ["phase*", "kontrastmittelphase*", "kontrastierung", "scan*", "images"])

    /// "in arterieller und portalvenöser Phase": a phase noun within three words of the same clause.
    private func isFollowedByPhaseWord(_ index: Int, in text: FoldedText) -> Bool {
        let clause = text.tokens[index].clause
        return (index + 1..<min(index + 4, text.tokens.count)).contains { next in
            text.tokens[next].clause == clause && Self.phaseNouns.contains(tokenAt: next, in: text)
        }
    }

    private func contrastPhases(in input: AgentInput) -> [ContrastPhaseMention] {
        let text = input.text
        var mentions: [ContrastPhaseMention] = []
        for range in input.readableRanges {
            var index = range.lowerBound
            while index < range.upperBound {
                guard let match = Self.phaseWords.match(at: index, in: text) else {
                    index += 1
                    continue
                }
                let last = index + match.tokenCount - 1
                let word = match.value
                // "ohne i.v. Kontrastmittelgabe", "keine KM-Gabe": contrast negated is a non-contrast exam.
                let phase =
                    word.phase == .contrastEnhanced && input.negation.isNegated(first: index, last: last) ? .nonContrast : word.phase
                let isPhase = !word.needsTechniqueSection || input.tokenSections[index] == .technique || isFollowedByPhaseWord(last, in: text)
                if isPhase, !mentions.contains(where: { $0.phase == phase }) {
                    mentions.append(
                        ContrastPhaseMention(
                            phase: phase,
                            text: text.string(tokens: index, through: last),
                            span: text.span(tokens: index, through: last)
                        )
                    )
                }
                index = last + 1
            }
        }
        let postContrast: Set<ContrastPhase> = [.arterial, .portalVenous, .venous, .delayed]
        if mentions.contains(where: { postContrast.contains($0.phase) }) { mentions.removeAll { $0.phase == .contrastEnhanced } }
        return mentions
    }
}
