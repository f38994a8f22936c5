import Logging
import RadScribeCore

/// Lets an LLM rewrite a rule-based report, section by section, where that can only make it better.
///
/// The dictation is pseudonymised before any provider sees it, unless the provider is on-premise and explicitly
/// allowed raw text. The answer must be the prompt's JSON; each section is restored from its placeholders and checked
/// by the ``FaithfulnessGuard`` against the rule-based report. A section that adds, drops or changes a fact, still
/// holds an unknown placeholder, or comes from a truncated, filtered or malformed answer keeps the rule-based text
/// and gets an `llm_section_rejected` warning. When no provider answers within the deadline the report is the
/// rule-based one with an `llm_unavailable` warning. Nothing of the dictation or the answer is logged.
public struct LLMReportWriter: Sendable {
    /// Settings of the rewrite.
    public struct Configuration: Sendable, Hashable {
        /// How long the whole LLM step may take (the seed's end-to-end budget is under 5 s).
        public var deadline: Duration
        /// Providers (by name) that receive the dictation without pseudonymisation; only on-premise ones ever do.
        public var rawTextProviders: Set<String>
        /// The longest answer, in tokens.
        public var maximumOutputTokens: Int
        /// Sampling temperature (the seed's 0.1).
        public var temperature: Double

        /// Creates a configuration.
        public init(
            deadline: Duration = .milliseconds(4_500),
            rawTextProviders: Set<String> = [],
            maximumOutputTokens: Int = 2_048,
            temperature: Double = 0.1
        ) {
            self.deadline = deadline
            self.rawTextProviders = rawTextProviders
            self.maximumOutputTokens = maximumOutputTokens
            self.temperature = temperature
        }
    }

    private let chain: LLMProviderChain
    private let prompt: ReportPrompt
    private let configuration: Configuration
    private let pseudonymizer = Pseudonymizer()
    private let faithfulness: FaithfulnessGuard
    private let logger: Logger

    /// Creates a writer.
    public init(
        chain: LLMProviderChain,
        prompt: ReportPrompt,
        configuration: Configuration = Configuration(),
        faithfulness: FaithfulnessGuard = FaithfulnessGuard(),
        logger: Logger = Logger(label: "radscribe.llm")
    ) {
        self.chain = chain
        self.prompt = prompt
        self.configuration = configuration
        self.faithfulness = faithfulness
        self.logger = logger
    }

    /// The report with its ``StructuredReport/rewrite`` filled in (or an `llm_unavailable` warning).
    public func improve(_ report: StructuredReport) async -> StructuredReport {
        let messages = prompt.messages(for: report)
        let pseudonymized = pseudonymizer.pseudonymize(messages.user)
        let configuration = configuration
        let outcome = await chain.complete(deadline: .now + configuration.deadline) { provider in
            let raw = provider.isOnPremise && configuration.rawTextProviders.contains(provider.name)
            return LLMRequest(
                system: messages.system,
                user: raw ? messages.user : pseudonymized.text,
                responseSchema: ReportPrompt.answerSchema,
                maximumOutputTokens: configuration.maximumOutputTokens,
                temperature: configuration.temperature
            )
        }
        guard let completion = outcome.completion, let provider = outcome.provider else {
            logger.warning("no LLM provider answered; the report stays rule-based", metadata: ["llm.attempts": "\(outcome.attempts)"])
            var unchanged = report
            unchanged.warnings.append(Self.unavailableWarning(report.language))
            return unchanged
        }
        let wasPseudonymized = !(provider.isOnPremise && configuration.rawTextProviders.contains(provider.name))
        return merge(
            report,
            answer: completion,
            restore: wasPseudonymized ? pseudonymized : nil,
            rewrite: ReportRewrite(
                provider: provider.name,
                model: completion.model,
                promptVersion: ReportPrompt.version,
                pseudonymized: wasPseudonymized,
                sections: []
            )
        )
    }

    /// The report with the checked sections of `answer`.
    func merge(_ report: StructuredReport, answer: LLMCompletion, restore: PseudonymizedText?, rewrite: ReportRewrite) -> StructuredReport {
        var rejections: [SectionKind: [String]] = [:]
        var candidate: [SectionKind: String] = [:]
        if answer.finish != .complete {
            SectionKind.canonicalOrder.forEach { rejections[$0] = [answer.finish == .truncated ? "truncated_answer" : "filtered_answer"] }
        } else if let sections = LLMAnswerParser.sections(from: answer.text) {
            for (kind, text) in sections {
                guard let restore else {
                    candidate[kind] = text
                    continue
                }
                let restored = restore.restore(text)
                if restored.unknownPlaceholders.isEmpty {
                    candidate[kind] = restored.text
                } else {
                    rejections[kind] = ["unknown_placeholder"]
                }
            }
            for kind in SectionKind.canonicalOrder where sections[kind] == nil {
                rejections[kind] = ["missing_section"]
            }
        } else {
            SectionKind.canonicalOrder.forEach { rejections[$0] = ["malformed_answer"] }
        }
        let review = faithfulness.review(candidate, against: report)
        for (kind, violations) in review.rejected {
            rejections[kind, default: []] += violations.map(\.description)
        }

        var improved = report
        var rewrite = rewrite
        for kind in SectionKind.canonicalOrder {
            let rulesText = report.section(kind)?.text ?? ""
            if let text = review.accepted[kind], rejections[kind] == nil {
                if !text.isEmpty || !rulesText.isEmpty {
                    rewrite.sections.append(RewrittenSection(kind: kind, text: text, source: .llm))
                }
            } else {
                let reasons = rejections[kind] ?? []
                if !rulesText.isEmpty || !(candidate[kind] ?? "").isEmpty {
                    rewrite.sections.append(RewrittenSection(kind: kind, text: rulesText, source: .rules, rejections: reasons))
                    // A section the model merely left out keeps the rule-based text silently.
                    if reasons != ["missing_section"] {
                        improved.warnings.append(Self.rejectedWarning(kind, report.language))
                    }
                }
            }
        }
        if rewrite.sections.contains(where: { $0.source == .llm }) {
            improved.provenance.engine = "\(report.provenance.engine)+\(rewrite.provider)"
        }
        logger.info(
            "LLM rewrite checked",
            metadata: [
                "llm.provider": "\(rewrite.provider)",
                "llm.accepted": "\(rewrite.sections.filter { $0.source == .llm }.map(\.kind.rawValue))",
                "llm.rejected": "\(rejections.map { "\($0.key.rawValue): \($0.value)" }.sorted())",
            ]
        )
        improved.rewrite = rewrite
        return improved
    }

    private static func unavailableWarning(_ language: Language) -> ReportWarning {
        ReportWarning(
            code: .llmUnavailable,
            severity: .info,
            message: language == .de
                ? "Kein Sprachmodell hat rechtzeitig geantwortet; der Bericht ist regelbasiert."
                : "No language model answered in time; the report is rule-based.",
            evidence: []
        )
    }

    private static func rejectedWarning(_ kind: SectionKind, _ language: Language) -> ReportWarning {
        ReportWarning(
            code: .llmSectionRejected,
            severity: .info,
            message: language == .de
                ? "Der Vorschlag des Sprachmodells für „\(kind.title(in: .de))“ wich vom Diktat ab und wurde verworfen; der regelbasierte Text bleibt."
                : "The language model's text for “\(kind.title(in: .en))” did not match the dictation and was discarded; the rule-based text is kept.",
            evidence: []
        )
    }
}
