import Foundation
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import NIOCore
import NIOFoundationEssentialsCompat
import NIOWebSocket
import RadScribeServer
import Testing

@Suite("Real-time dictation protocol")
struct RealtimeProtocolTests {
    private let path = "/api/v1/realtime/transcription"

    @Test func dictationGivesPartialsThenStoredNormalisedFinalsInOrder() async throws {
        try await withLiveServer { client in
            _ = try await client.ws(path, configuration: testWebSocketConfiguration) { inbound, outbound, _ in
                var events = EventReader(inbound)
                try await outbound.send(json: ["type": "start_transcription", "language": "de", "sampleRate": 16000])
                let started = try #require(try await events.next())
                #expect(started.type == "session_started")
                #expect(started["resumed"] as? Bool == false)
                #expect(started.int("segmentCount") == 0)
                #expect((started.string("sessionToken") ?? "").count >= 40)
                let sessionId = try #require(started.string("sessionId"))

                try await outbound.send(audio: TestAudio.utterance(seconds: 1.2) + TestAudio.utterance(seconds: 1.0))
                try await outbound.send(json: ["type": "stop_transcription"])
                let received = try await events.until("transcription_stopped")
                let finals = received.filter { $0.kind == "final" }
                let partials = received.filter { $0.kind == "partial" }
                #expect(finals.map { $0.int("segmentId") } == [0, 1])
                #expect(!partials.isEmpty)
                #expect(partials.allSatisfy { $0.int("segmentId") != nil && $0.string("sessionId") == sessionId })
                #expect(finals.first?.string("text") == "Kein Pneumothorax.")
                #expect(finals.last?.string("text")?.contains("2 cm") == true, "spoken numbers and units are normalised")
                #expect(finals.last?.string("rawText") == testScript[1])
                #expect((finals.first?["medicalTerms"] as? [String])?.isEmpty == false)
                #expect(finals.allSatisfy { $0["replayed"] as? Bool == false && $0.int("latencyMs") != nil })
                let words = try #require(finals.first?["words"] as? [[String: Any]])
                let starts = words.compactMap { ($0["start"] as? NSNumber)?.doubleValue }
                #expect(starts == starts.sorted() && starts.count == 2)
                #expect(received.last?.int("segmentCount") == 2)
            }
        }
    }

    @Test func everyBadMessageGetsAnErrorAndTheSessionStaysUsable() async throws {
        try await withLiveServer(speech: SpeechSettings(maximumAudioFrameBytes: 4096)) { client in
            _ = try await client.ws(path, configuration: testWebSocketConfiguration) { inbound, outbound, _ in
                var events = EventReader(inbound)
                func expectError(_ code: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
                    let event = try #require(try await events.next(), sourceLocation: sourceLocation)
                    #expect(event.type == "error", sourceLocation: sourceLocation)
                    #expect(event.code == code, sourceLocation: sourceLocation)
                    #expect(!(event.string("message") ?? "").isEmpty, sourceLocation: sourceLocation)
                }
                try await outbound.write(.binary(ByteBuffer(bytes: TestAudio.silence(seconds: 0.02))))
                try await expectError("out_of_order")
                try await outbound.write(.text("{not json"))
                try await expectError("invalid_json")
                try await outbound.send(json: ["type": "dance"])
                try await expectError("unknown_message_type")
                try await outbound.send(json: ["language": "de"])
                try await expectError("invalid_message")
                try await outbound.send(json: ["type": "start_transcription"])
                try await expectError("invalid_message")
                try await outbound.send(json: ["type": "start_transcription", "language": "de", "sampleRate": 96000])
                try await expectError("unsupported_audio_format")
                try await outbound.send(json: ["type": "start_transcription", "language": "de", "encoding": "mp3"])
                try await expectError("unsupported_audio_format")
                try await outbound.send(json: ["type": "start_transcription", "language": "de", "sampleRate": "fast"])
                try await expectError("invalid_message")
                try await outbound.send(json: ["type": "stop_transcription"])
                try await expectError("out_of_order")

                try await outbound.send(json: ["type": "start_transcription", "language": "de"])
                #expect(try await events.next()?.type == "session_started")
                try await outbound.send(json: ["type": "start_transcription", "language": "de"])
                try await expectError("out_of_order")
                try await outbound.write(.binary(ByteBuffer(bytes: [1, 2, 3])))
                try await expectError("invalid_audio")
                try await outbound.write(.binary(ByteBuffer(bytes: TestAudio.silence(seconds: 0.5))))
                try await expectError("frame_too_large")
                try await outbound.send(json: ["type": "audio_data", "data": "***"])
                try await expectError("invalid_audio")

                let utterance = TestAudio.utterance()
                try await outbound.send(json: ["type": "audio_data", "data": Data(utterance[..<3200]).base64EncodedString()])
                try await outbound.send(audio: Array(utterance[3200...]))
                try await outbound.send(json: ["type": "stop_transcription"])
                let finals = try await events.until("transcription_stopped").filter { $0.kind == "final" }
                #expect(finals.map { $0.string("text") } == ["Kein Pneumothorax."])
            }
        }
    }

    @Test func resumingAfterADropReplaysEveryFinalOnceAndFinishesTheInterruptedUtterance() async throws {
        try await withLiveServer { client in
            let first = SessionHandle()
            _ = try await client.ws(path, configuration: testWebSocketConfiguration) { inbound, outbound, _ in
                var events = EventReader(inbound)
                try await outbound.send(json: ["type": "start_transcription", "language": "de"])
                let started = try #require(try await events.next())
                await first.set(id: started.string("sessionId"), token: started.string("sessionToken"))
                try await outbound.send(audio: TestAudio.utterance())
                let live = try await events.until("transcription_update").filter { $0.kind == "final" }
                var finals = live
                while finals.isEmpty {
                    finals = try await events.until("transcription_update").filter { $0.kind == "final" }
                }
                #expect(finals.first?.int("segmentId") == 0)
                // The second utterance is cut off by the drop: speech, no closing silence.
                try await outbound.send(audio: TestAudio.silence(seconds: 0.2) + TestAudio.tone(seconds: 1.0))
            }
            let (id, token) = await first.values
            let sessionId = try #require(id)
            let sessionToken = try #require(token)

            _ = try await client.ws(path, configuration: testWebSocketConfiguration) { inbound, outbound, _ in
                var events = EventReader(inbound)
                try await outbound.send(json: ["type": "start_transcription", "language": "de", "sessionId": sessionId, "sessionToken": "wrong"])
                #expect(try await events.next()?.code == "session_not_found")
                try await outbound.send(json: ["type": "start_transcription", "language": "de", "sessionId": sessionId, "sessionToken": sessionToken])
                let started = try #require(try await events.next())
                #expect(started["resumed"] as? Bool == true)
                #expect(started.string("sessionId") == sessionId)
                var seen: [Int] = []
                while seen.count < 2 {
                    let event = try #require(try await events.next())
                    if event.kind == "final", let index = event.int("segmentId") {
                        seen.append(index)
                    }
                }
                #expect(seen == [0, 1], "every final once, in order, including the utterance interrupted by the drop")
                try await outbound.send(audio: TestAudio.utterance())
                try await outbound.send(json: ["type": "stop_transcription"])
                let rest = try await events.until("transcription_stopped")
                #expect(rest.filter { $0.kind == "final" }.map { $0.int("segmentId") } == [2])
                #expect(rest.last?.int("segmentCount") == 3)
            }

            let unauthorized = try await client.execute(uri: "/api/v1/realtime/sessions/\(sessionId)", method: .get) { $0 }
            #expect(unauthorized.status == .unauthorized)
            let stored = try await client.execute(
                uri: "/api/v1/realtime/sessions/\(sessionId)",
                method: .get,
                headers: [.authorization: "Bearer \(sessionToken)"]
            ) { $0 }
            #expect(stored.status == .ok)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: stored.body)) as? [String: Any])
            #expect((body["segments"] as? [[String: Any]])?.compactMap { $0["index"] as? Int } == [0, 1, 2])
        }
    }

    @Test func segmentAudioIsServedWithTheTokenOnly() async throws {
        try await withLiveServer { client in
            let handle = SessionHandle()
            _ = try await client.ws(path, configuration: testWebSocketConfiguration) { inbound, outbound, _ in
                var events = EventReader(inbound)
                try await outbound.send(json: ["type": "start_transcription", "language": "en", "sampleRate": 16000])
                let started = try #require(try await events.next())
                await handle.set(id: started.string("sessionId"), token: started.string("sessionToken"))
                try await outbound.send(audio: TestAudio.utterance(seconds: 1.5))
                try await outbound.send(json: ["type": "stop_transcription"])
                _ = try await events.until("transcription_stopped")
            }
            let (id, token) = await handle.values
            let sessionId = try #require(id)
            let uri = "/api/v1/realtime/sessions/\(sessionId)/segments/0/audio"
            let audio = try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(try #require(token))"]) { $0 }
            #expect(audio.status == .ok)
            #expect(audio.headers[.contentType] == "audio/wav")
            let seconds = Double(audio.body.readableBytes - 44) / 32_000
            #expect(seconds > 1.2 && seconds < 2.0, "about the 1.5 s utterance, got \(seconds) s")
            #expect(try await client.execute(uri: uri, method: .get) { $0 }.status == .unauthorized)
            #expect(try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer nope"]) { $0 }.status == .unauthorized)
            let missing = try await client.execute(
                uri: "/api/v1/realtime/sessions/\(sessionId)/segments/7/audio",
                method: .get,
                headers: [.authorization: "Bearer \(try #require(token))"]
            ) { $0 }
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func generateReportStructuresAndStoresTheSessionsFinals() async throws {
        try await withLiveServer { client in
            let reportID = SessionHandle()
            _ = try await client.ws(path, configuration: testWebSocketConfiguration) { inbound, outbound, _ in
                var events = EventReader(inbound)
                try await outbound.send(json: ["type": "generate_report"])
                #expect(try await events.next()?.code == "out_of_order")
                try await outbound.send(json: ["type": "start_transcription", "language": "de"])
                _ = try await events.next()
                try await outbound.send(json: ["type": "generate_report"])
                let empty = try await events.until("error")
                #expect(empty.last?.code == "report_failed")
                try await outbound.send(json: ["type": "start_transcription", "language": "de"])
                #expect(try await events.next()?["resumed"] as? Bool == false, "a start without a session id opens a new session")
                try await outbound.send(audio: TestAudio.utterance() + TestAudio.utterance())
                try await outbound.send(json: ["type": "generate_report"])
                let received = try await events.until("report_generated")
                #expect(received.filter { $0.kind == "final" }.count == 2)
                let generated = try #require(received.last)
                let report = try #require(generated["report"] as? [String: Any])
                #expect((report["text"] as? String)?.contains("Pneumothorax") == true)
                await reportID.set(id: generated.string("reportId"), token: nil)
            }
            let id = try #require(await reportID.values.0)
            #expect(try await client.get("/api/v1/reports/\(id)").status == .ok)
        }
    }
}

@Suite("Real-time dictation protocol, LLM rewrite")
struct RealtimeLLMReportTests {
    @Test func generateReportGoesThroughTheConfiguredLLM() async throws {
        let answer =
            #"{"clinical_information": "", "technique": "", "findings": "Kein Pneumothorax. Kleiner Pleuraerguss links, 2 cm.", "impression": "", "recommendation": ""}"#
        try await FakeChatCompletionsServer.withServer(answering: answer) { baseURL, requestCount in
            let local = LLMProviderSettings(name: "local", kind: .openAICompatible, baseURL: baseURL, model: "llama3", isOnPremise: true)
            try await withLiveServer(llm: LLMSettings(providers: [local], deadlineMilliseconds: 3_000)) { client in
                _ = try await client.ws("/api/v1/realtime/transcription", configuration: testWebSocketConfiguration) { inbound, outbound, _ in
                    var events = EventReader(inbound)
                    try await outbound.send(json: ["type": "start_transcription", "language": "de"])
                    _ = try await events.next()
                    try await outbound.send(audio: TestAudio.utterance() + TestAudio.utterance())
                    try await outbound.send(json: ["type": "generate_report"])
                    let generated = try #require(try await events.until("report_generated").last)
                    let report = try #require(generated["report"] as? [String: Any])
                    let rewrite = try #require(report["rewrite"] as? [String: Any])
                    #expect(rewrite["provider"] as? String == "local")
                    #expect(rewrite["pseudonymized"] as? Bool == true, "on-premise, but raw text was not allowed")
                    let sections = try #require(rewrite["sections"] as? [[String: Any]])
                    let findings = try #require(sections.first { $0["kind"] as? String == "findings" })
                    #expect(findings["source"] as? String == "llm", "\(findings["rejections"] ?? [])")
                }
            }
            #expect(requestCount() == 1)
        }
    }
}

/// Carries values out of a WebSocket handler closure.
actor SessionHandle {
    private(set) var values: (String?, String?) = (nil, nil)

    func set(id: String?, token: String?) {
        values = (id, token)
    }
}
