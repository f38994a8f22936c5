import RadScribeCore

/// Warns about anatomy the patient's sex does not have: a prostate in a female patient, a uterus in a male one.
///
/// Runs only when ``ReportContext/patientSex`` is `female` or `male`. A sentence counts when one of its locations (or
/// an anatomy mention) is an organ of the other sex, in any section (a "Fragestellung: Prostatakarzinom?" for a female
/// patient points to a mix-up as much as a finding does), unless the sentence or the organ's mention is negated, the
/// organ is past history ("Z. n. Hysterektomie", "status post prostatectomy"), or the sentence says the organ was
/// removed or is not seen ("Uterus nicht abgrenzbar", "prostate not visualized", "surgically absent").
/// One warning per organ; the evidence is each organ mention, or the sentence when the organ has no mention.
struct SexAnatomyCheck: ConsistencyCheck {
    private static let maleOnly: Set<String> = ["prostate", "testis", "seminal_vesicle"]
    private static let femaleOnly: Set<String> = ["uterus", "ovary", "cervix_uteri", "endometrium"]

    func warnings(for input: CheckInput) -> [ReportWarning] {
        let foreign: Set<String>
        switch input.context.patientSex {
        case .female: foreign = Self.maleOnly
        case .male: foreign = Self.femaleOnly
        case .other, .unknown, nil: return []
        }
        var evidenceByOrgan: [String: [TextSpan]] = [:]
        var organOrder: [String] = []
        for analyzed in input.findings where analyzed.finding.assertion != .absent {
            let mentions = analyzed.finding.concepts.filter { foreign.contains($0.concept) }
            let organs = Set(analyzed.finding.locations.filter(foreign.contains) + mentions.map(\.concept))
            guard !organs.isEmpty, !analyzed.saysOrganIsAbsent else { continue }
            for organ in organs.sorted() {
                guard let evidence = evidence(of: organ, mentions: mentions, in: analyzed) else { continue }
                if evidenceByOrgan[organ] == nil { organOrder.append(organ) }
                evidenceByOrgan[organ, default: []] += evidence
            }
        }
        return organOrder.map { organ in
            ReportWarning(
                code: .sexAnatomyConflict,
                severity: .warning,
                message: message(organ: organ, input: input),
                evidence: evidenceByOrgan[organ]!.sorted()
            )
        }
    }

    /// The spans that show `organ` as current anatomy in the sentence, or `nil` when every mention is negated or past history.
    private func evidence(of organ: String, mentions: [ConceptMention], in analyzed: CheckedFinding) -> [TextSpan]? {
        let organMentions = mentions.filter { $0.concept == organ }
        guard !organMentions.isEmpty else { return analyzed.mentionsPastHistory ? nil : [analyzed.finding.span] }
        let current = organMentions.filter {
            $0.assertion != .absent && !analyzed.isPastHistory(at: analyzed.tokenIndex(at: $0.span))
        }
        return current.isEmpty ? nil : current.map(\.span)
    }

    private func message(organ: String, input: CheckInput) -> String {
        let name = CheckAnatomyNames.name(of: organ, in: input.language)
        if input.context.patientSex == .female {
            return input.localized(
                de: "Anatomie passt nicht zum Geschlecht: \(name) bei einer Patientin.",
                en: "Anatomy does not match the patient's sex: \(name) in a female patient."
            )
        }
        return input.localized(
            de: "Anatomie passt nicht zum Geschlecht: \(name) bei einem Patienten.",
            en: "Anatomy does not match the patient's sex: \(name) in a male patient."
        )
    }
}
