import RadScribeCore

/// A specialised extraction agent for one exam type.
protocol ExamAgent: Sendable {
    /// The exam type it serves.
    var examType: ExamType { get }
    /// Extracts its data from `input` into its own field of `data`, and records the measurements it used.
    func extract(from input: AgentInput, into data: inout ExamData)
}

/// Runs the agents a classification selected and merges their results (an ensemble when there are several).
///
/// Each agent fills its own ``ExamData`` field, even with an empty value when it found nothing, so a non-`nil` field
/// records that the agent ran; ``ExamData/agents`` lists them in the order they ran. Measurements that several agents
/// use (the lesion that both the CT and the oncology agent read) appear once in ``ExamData/measurements`` with all of them.
public struct ExamAgents: Sendable {
    private static let agents: [ExamType: any ExamAgent] = {
        let all: [any ExamAgent] = [
            MammographyAgent(), SpineAgent(), CTAgent(), UltrasoundAgent(), OncologyAgent(), CardiacAgent(), PathologyAgent(),
            GeneralAgent(),
        ]
        return Dictionary(uniqueKeysWithValues: all.map { ($0.examType, $0) })
    }()

    /// Creates the agents.
    public init() {}

    /// Runs the agents of `classification` over the report.
    ///
    /// - Parameters:
    ///   - classification: Which agents run, in order.
    ///   - text: The normalised dictation.
    ///   - sections: Its sections; clinical information is not read.
    ///   - findings: Its findings, with assertions and measurements.
    ///   - language: The report language.
    /// - Returns: The merged data with provenance.
    public func extract(
        classification: Classification,
        text: String,
        sections: [ReportSection],
        findings: [Finding],
        language: Language
    ) -> ExamData {
        extract(classification: classification, text: FoldedText(text), sections: sections, findings: findings, language: language)
    }

    /// Runs the agents over an already folded text (the pipeline folds once for all components).
    func extract(
        classification: Classification,
        text: FoldedText,
        sections: [ReportSection],
        findings: [Finding],
        language: Language
    ) -> ExamData {
        let input = AgentInput(text: text, sections: sections, findings: findings, language: language)
        var data = ExamData()
        for examType in classification.agents where !data.agents.contains(examType) {
            guard let agent = Self.agents[examType] else { continue }
            data.agents.append(examType)
            agent.extract(from: input, into: &data)
        }
        return data
    }
}

extension ExamData {
    /// Records that `agent` used `measurement`, once per measurement (by span) across all agents.
    mutating func record(_ measurement: Measurement, subject: String?, by agent: ExamType) {
        if let index = measurements.firstIndex(where: { $0.measurement.span == measurement.span }) {
            if !measurements[index].agents.contains(agent) { measurements[index].agents.append(agent) }
            if measurements[index].subject == nil { measurements[index].subject = subject }
            return
        }
        let position = measurements.firstIndex { $0.measurement.span.start > measurement.span.start } ?? measurements.count
        measurements.insert(ExamMeasurement(measurement: measurement, subject: subject, agents: [agent]), at: position)
    }
}
