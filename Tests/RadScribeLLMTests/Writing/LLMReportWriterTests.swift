import Foundation
import RadScribeCore
import RadScribeLLM
import RadScribeReporting
import Testing

/// The whole LLM path, against the loopback fake providers: pseudonymise, ask, parse, restore, check, merge.
@Suite("LLM report writer")
struct LLMReportWriterTests {
    static let dictation = """
        Patientin: Erika Mustermann, geb. 14.03.1961, PID 4711235.
        Klinische Angaben: Husten seit drei Wochen, Fieber.
        Technik: Röntgen Thorax p.a. und seitlich.
        Befund: Kein Pneumothorax. Infiltrat im rechten Unterlappen. Kleiner Pleuraerguss links, 2 cm.
        Beurteilung: Pneumonie rechts basal. Kleiner Pleuraerguss links.
        """
    static let phi = ["Mustermann", "Erika", "14.03.1961", "4711235"]

    static func report() throws -> StructuredReport {
        try ReportEngine().structure(dictation, language: .fixed(.de))
    }

    static func answer(findings: String = "Kein Pneumothorax. Infiltrat im rechten Unterlappen. Kleiner Pleuraerguss links von 2 cm.") -> String {
        let object: [String: String] = [
            "clinical_information": "Husten seit drei Wochen, Fieber.",
            "technique": "Röntgen Thorax in zwei Ebenen, p.a. und seitlich.",
            "findings": findings,
            "impression": "Pneumonie rechts basal. Kleiner Pleuraerguss links.",
            "recommendation": "",
        ]
        return String(decoding: try! JSONEncoder().encode(object), as: UTF8.self)
    }

    static func writer(
        on server: FakeProviderServer,
        apis: [FakeProviderServer.API] = [.openAI, .anthropic],
        configuration: LLMReportWriter.Configuration = LLMReportWriter.Configuration(deadline: .seconds(3))
    ) throws -> LLMReportWriter {
        let chain = LLMProviderChain(
            members: apis.map {
                LLMProviderChain.Member(
                    provider: ProviderWireFormatTests.provider($0, on: server),
                    timeout: .seconds(2),
                    retry: RetryPolicy(maxAttempts: 1)
                )
            }
        )
        return LLMReportWriter(chain: chain, prompt: try ReportPrompt.bundled(), configuration: configuration)
    }

    @Test func aFaithfulRewriteIsUsedSectionBySection() async throws {
        try await FakeProviderServer.withServer { server in
            server.script(.openAI, [.answer(Self.answer())])
            let improved = try await Self.writer(on: server).improve(try Self.report())
            let rewrite = try #require(improved.rewrite)
            #expect(rewrite.provider == "openai" && rewrite.pseudonymized && rewrite.promptVersion == ReportPrompt.version)
            #expect(rewrite.sections.filter { $0.source == .rules }.isEmpty, "\(rewrite.sections.map { ($0.kind, $0.rejections) })")
            #expect(rewrite.sections.first { $0.kind == .technique }?.text == "Röntgen Thorax in zwei Ebenen, p.a. und seitlich.")
            #expect(improved.provenance.engine.hasSuffix("+openai"))
            #expect(!improved.warnings.contains { $0.code == .llmSectionRejected })
        }
    }

    @Test func noPatientDataReachesACloudProviderAndPlaceholdersAreRestored() async throws {
        try await FakeProviderServer.withServer { server in
            let report = try Self.report()
            server.script(.openAI, [.answer(Self.answer().replacingOccurrences(of: "Husten seit", with: "[PERSON_1]: Husten seit"))])
            let improved = try await Self.writer(on: server).improve(report)
            let body = try #require(server.requests.first?.body)
            for secret in Self.phi {
                #expect(!body.contains(secret), "\(secret) reached the provider")
            }
            #expect(body.contains("[PERSON_"), "the dictation went as placeholders")
            let clinical = try #require(improved.rewrite?.sections.first { $0.kind == .clinicalInformation })
            #expect(clinical.text.hasPrefix("Erika Mustermann") || clinical.source == .rules)
            #expect(!clinical.text.contains("[PERSON_"))
        }
    }

    @Test func anOnPremiseProviderAllowedRawTextGetsTheDictationAsItIs() async throws {
        try await FakeProviderServer.withServer { server in
            let local = OpenAIChatProvider(
                descriptor: LLMProviderDescriptor(name: "local", model: "llama3", isOnPremise: true),
                baseURL: server.baseURL(.openAI),
                authentication: .none
            )
            let writer = LLMReportWriter(
                chain: LLMProviderChain(members: [.init(provider: local)]),
                prompt: try ReportPrompt.bundled(),
                configuration: .init(deadline: .seconds(3), rawTextProviders: ["local"])
            )
            server.script(.openAI, [.answer(Self.answer())])
            let improved = await writer.improve(try Self.report())
            #expect(server.requests.first?.body.contains("Mustermann") == true)
            #expect(improved.rewrite?.pseudonymized == false)
        }
    }

    @Test func aFlippedSideRejectsOnlyThatSection() async throws {
        try await FakeProviderServer.withServer { server in
            server.script(
                .openAI,
                [.answer(Self.answer(findings: "Kein Pneumothorax. Infiltrat im linken Unterlappen. Kleiner Pleuraerguss links, 2 cm."))]
            )
            let improved = try await Self.writer(on: server).improve(try Self.report())
            let rewrite = try #require(improved.rewrite)
            let findings = try #require(rewrite.sections.first { $0.kind == .findings })
            #expect(findings.source == .rules)
            #expect(findings.rejections.contains { $0.hasPrefix("laterality_changed") })
            #expect(findings.text == (try Self.report()).section(.findings)?.text)
            #expect(rewrite.sections.first { $0.kind == .technique }?.source == .llm)
            #expect(improved.warnings.contains { $0.code == .llmSectionRejected })
        }
    }

    @Test func aLostNegationOrAChangedMeasurementIsRejected() async throws {
        try await FakeProviderServer.withServer { server in
            server.script(
                .openAI,
                [
                    .answer(Self.answer(findings: "Pneumothorax. Infiltrat im rechten Unterlappen. Kleiner Pleuraerguss links, 2 cm.")),
                    .answer(Self.answer(findings: "Kein Pneumothorax. Infiltrat im rechten Unterlappen. Kleiner Pleuraerguss links, 3 cm.")),
                ]
            )
            let writer = try Self.writer(on: server)
            for expected in ["negation_lost", "measurement_changed"] {
                let improved = await writer.improve(try Self.report())
                let findings = try #require(improved.rewrite?.sections.first { $0.kind == .findings })
                #expect(findings.source == .rules)
                #expect(findings.rejections.contains { $0.hasPrefix(expected) || $0.hasPrefix("added_measurement") }, "\(findings.rejections)")
            }
        }
    }

    @Test(arguments: [
        (FakeProviderServer.Reply.answer("Gerne! Hier ist der Bericht: Befund unauffällig."), "malformed_answer"),
        (.answer(#"{"findings": "Kein Pneumo"#, finish: "length"), "truncated_answer"),
    ])
    func anUnusableAnswerKeepsEveryRuleBasedSection(reply: FakeProviderServer.Reply, reason: String) async throws {
        try await FakeProviderServer.withServer { server in
            server.script(.openAI, [reply])
            let report = try Self.report()
            let improved = try await Self.writer(on: server).improve(report)
            let rewrite = try #require(improved.rewrite)
            #expect(rewrite.sections.allSatisfy { $0.source == .rules && $0.rejections == [reason] })
            #expect(rewrite.sections.map(\.text) == SectionKind.canonicalOrder.compactMap { report.section($0)?.text })
        }
    }

    @Test func whenEveryProviderFailsTheReportIsRuleBasedAndSaysSo() async throws {
        try await FakeProviderServer.withServer { server in
            server.script(.openAI, [.error(status: 500)])
            server.script(.anthropic, [.delayed(.seconds(10), .answer("{}"))])
            let report = try Self.report()
            let started = ContinuousClock.now
            let improved = try await Self.writer(on: server).improve(report)
            #expect(ContinuousClock.now - started < .seconds(4), "within the configured deadline")
            #expect(improved.rewrite == nil)
            #expect(improved.sections == report.sections)
            #expect(improved.provenance == report.provenance)
            #expect(improved.warnings.last?.code == .llmUnavailable)
        }
    }

    @Test func theTemplateNeverExpandsMarkersInsideADictation() throws {
        let prompt = try ReportPrompt.bundled()
        var report = try Self.report()
        report.text = "Befund: {{exam_type}} kein Erguss."
        let user = prompt.messages(for: report).user
        #expect(user.contains("Befund: {{exam_type}} kein Erguss."))
    }
}
