import Foundation
import Logging
import RadScribeCore
import RadScribeSpeech
import Testing

@Suite("VoskEngine against a scripted Vosk server", .timeLimit(.minutes(1)))
struct VoskEngineTests {
    private let logger = Logger(label: "vosk-test") { _ in SwiftLogNoOpLogHandler() }

    private func engine(_ url: String, _ configuration: VoskEngineConfiguration = .testing()) -> VoskEngine {
        VoskEngine(url: url, configuration: configuration, logger: logger)
    }

    private static func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    // MARK: Configuration and audio

    @Test(
        arguments: [
            ("Lungenembolie, Pleuraerguss ,Spondylodiszitis", ["Lungenembolie", "Pleuraerguss", "Spondylodiszitis"]),
            ("pulmonary embolism", ["pulmonary embolism"]),
            (" , ", nil),
            (nil, nil),
        ] as [(String?, [String]?)]
    )
    func sendsConfigurationFirst(vocabularyPrompt: String?, phrases: [String]?) async throws {
        try await ScriptedVoskServer.withServer { server, url in
            let recognizer = try await engine(url).startRecognition(RecognitionConfiguration(language: .de, vocabularyPrompt: vocabularyPrompt))
            _ = await recognizer.transcribe([])
            let texts = try #require(server.connections.first).texts
            #expect(texts.count == 2)
            let message = try Self.json(try #require(texts.first))
            let config = try #require(message["config"] as? [String: Any])
            #expect(config["sample_rate"] as? Int == 16_000)
            #expect(config["words"] as? Int == 1)
            #expect(config["phrase_list"] as? [String] == phrases)
            #expect((config["phrase_list"] == nil) == (phrases == nil))
            #expect(texts.last == #"{"eof" : 1}"#)
        }
    }

    @Test func sendsAudioAsLittleEndianPCM16InFramesOfAtMost8000Bytes() async throws {
        let edgeCases: [Float] = [0, 0.5, -0.5, 1, -1, 1.5, -1.5, 32_767 / 32_768, 1 / 32_768, -1 / 32_768, .nan, -.infinity]
        let edgeBytes: [UInt8] = [
            0x00, 0x00, 0x00, 0x40, 0x00, 0xC0, 0xFF, 0x7F, 0x00, 0x80, 0xFF, 0x7F,
            0x00, 0x80, 0xFF, 0x7F, 0x01, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x80,
        ]
        let ramp = (0..<10_000).map { Float($0 - 5_000) / 32_768 }
        let rampBytes = ramp.flatMap { sample -> [UInt8] in
            let bits = UInt16(bitPattern: Int16(sample * 32_768))
            return [UInt8(bits & 0xFF), UInt8(bits >> 8)]
        }
        try await ScriptedVoskServer.withServer { server, url in
            let recognizer = try await engine(url).startRecognition(RecognitionConfiguration(language: .en))
            await recognizer.accept(edgeCases)
            await recognizer.accept(ramp)
            _ = await recognizer.transcribe([])
            let connection = try #require(server.connections.first)
            #expect(connection.audio.count == (edgeCases.count + ramp.count) * 2)
            #expect(connection.audio == edgeBytes + rampBytes)
            #expect(connection.frameSizes.count >= 3)
            #expect(connection.frameSizes.allSatisfy { $0 <= 8_000 && $0 % 2 == 0 })
        }
    }

    // MARK: Partials and finals

    @Test func mapsPartialsAndFinalsWithStreamTimes() async throws {
        let dictation = ScriptedDictation {
            $0.say("kein nachweis einer lungenembolie")
            $0.say("pleuraerguss rechts basal")
        }
        try await ScriptedVoskServer.withServer { server, url in
            let recognizer = try await engine(url).startRecognition(RecognitionConfiguration(language: .de))
            let events = await recognizer.transcribe(dictation.samples)

            #expect(events.finals.map(\.utteranceIndex) == [0, 1])
            #expect(events.finals.map(\.text) == ["kein nachweis einer lungenembolie", "pleuraerguss rechts basal"])
            for (final, expected) in zip(events.finals, dictation.utterances) {
                #expect(final.words.map(\.text) == expected.map(\.text))
                for (word, layout) in zip(final.words, expected) {
                    #expect(abs(word.start - Double(layout.start) / 16_000) < 1e-6)
                    #expect(abs(word.end - Double(layout.end) / 16_000) < 1e-6)
                    let value = ScriptedVoskServer.vocabulary.firstIndex(of: word.text)! + 1
                    #expect(abs(word.confidence - (1 - Double(value) / 20)) < 1e-6)
                }
                #expect(final.start == final.words.first?.start)
                #expect(final.end == final.words.last?.end)
                #expect(final.decodeDuration >= .zero)
                #expect(final.guardActions.isEmpty)
            }
            let speechEnds = events.finals.compactMap(\.speechEndedAt)
            #expect(speechEnds.count == 2)
            #expect(speechEnds == speechEnds.sorted())

            let partials = events.partials
            #expect(!partials.isEmpty)
            #expect(partials.allSatisfy { !$0.text.isEmpty && $0.committedWords.isEmpty && $0.tentativeWords.isEmpty })
            #expect(zip(partials, partials.dropFirst()).allSatisfy { $0 != $1 })
            // Each partial belongs to the utterance its final will close, and is a prefix of that final's text.
            let finalTexts = events.finals.map(\.text)
            #expect(partials.allSatisfy { finalTexts[$0.utteranceIndex].hasPrefix($0.text) })
            #expect(Set(partials.map(\.utteranceIndex)) == [0, 1])
            // Vosk answered many frames with the same partial (silence); the recognizer reported each change once.
            let answers = try #require(server.connections.first).answers
            #expect(answers.filter { $0.contains("\"partial\"") }.count > partials.count)
        }
    }

    @Test func skipsEmptyFinalsThatVoskSendsOnSilence() async throws {
        let dictation = ScriptedDictation {
            $0.pause(24_000)
            $0.say("no pulmonary embolism")
            $0.pause(24_000)
        }
        try await ScriptedVoskServer.withServer(.init(emptyFinalAfterSilence: 8_000)) { server, url in
            let recognizer = try await engine(url).startRecognition(RecognitionConfiguration(language: .en))
            let events = await recognizer.transcribe(dictation.samples)

            let emptyFinals = try #require(server.connections.first).answers.filter { $0 == "{\n  \"text\" : \"\"\n}" }
            #expect(emptyFinals.count >= 3)
            #expect(events.finals.map(\.text) == ["no pulmonary embolism"])
            #expect(events.finals.map(\.utteranceIndex) == [0])
            #expect(events.partials.allSatisfy { $0.utteranceIndex == 0 })
        }
    }

    @Test func endOfStreamFinalisesTheUtteranceInProgress() async throws {
        let dictation = ScriptedDictation {
            $0.say("kein nachweis einer lungenembolie")
            $0.say("pleuraerguss rechts", pause: 0)
        }
        try await ScriptedVoskServer.withServer { server, url in
            let recognizer = try await engine(url).startRecognition(RecognitionConfiguration(language: .de))
            let events = await recognizer.transcribe(dictation.samples)

            #expect(events.finals.map(\.text) == ["kein nachweis einer lungenembolie", "pleuraerguss rechts"])
            #expect(events.finals.map(\.utteranceIndex) == [0, 1])
            let last = try #require(events.finals.last)
            #expect(abs(last.end - Double(dictation.samples.count) / 16_000) < 1e-6)
            let connection = try #require(server.connections.first)
            #expect(connection.received.last == .text(#"{"eof" : 1}"#))
            #expect(connection.audio == dictation.pcm16)
            // Audio after finish is ignored rather than sent.
            await recognizer.accept(dictation.samples)
            #expect(server.connections.count == 1)
            #expect(server.connections[0].audio.count == dictation.pcm16.count)
        }
    }

    @Test func finishGivesUpWhenTheServerNeverAnswersTheEndAndReportsTheUtteranceLost() async throws {
        let dictation = ScriptedDictation {
            $0.say("kein pleuraerguss")
            $0.say("rechts basal", pause: 0)
        }
        try await ScriptedVoskServer.withServer(.init(answersEndOfStream: false)) { server, url in
            let configuration = VoskEngineConfiguration.testing(finishTimeout: .milliseconds(300))
            let recognizer = try await engine(url, configuration).startRecognition(RecognitionConfiguration(language: .de))
            await recognizer.accept(dictation.samples)
            // Finish once the server has heard the second utterance, which only the end of the stream would finalise.
            var events: [RecognitionEvent] = []
            var iterator = recognizer.events.makeAsyncIterator()
            while let event = await iterator.next() {
                events.append(event)
                if case .partial(let partial) = event, partial.text == "rechts basal" { break }
            }
            await recognizer.finish()
            while let event = await iterator.next() { events.append(event) }

            #expect(events.finals.map(\.text) == ["kein pleuraerguss"])
            #expect(events.engineStatus == ["lost(1, timeout)"])
            await server.waitUntilClosed(connection: 0)
            #expect(server.connections.count == 1)
            #expect(server.connections[0].texts.last == #"{"eof" : 1}"#)
        }
    }

    // MARK: Failures

    @Test func ignoresMalformedServerMessagesAndLogsNoText() async throws {
        let dictation = ScriptedDictation {
            $0.say("kein nachweis einer lungenembolie")
            $0.say("pleuraerguss rechts basal", pause: 0)
        }
        let lines = LogLines()
        try await ScriptedVoskServer.withServer(.init(sendsGarbage: true)) { server, url in
            let engine = VoskEngine(url: url, configuration: .testing(), logger: lines.makeLogger())
            let recognizer = try await engine.startRecognition(RecognitionConfiguration(language: .de))
            let events = await recognizer.transcribe(dictation.samples)

            #expect(events.finals.map(\.text) == ["kein nachweis einer lungenembolie", "pleuraerguss rechts basal"])
            #expect(events.finals.map(\.utteranceIndex) == [0, 1])
            #expect(events.engineStatus.isEmpty)
            #expect(server.connections.count == 1)
        }
        let logged = lines.all
        #expect(logged.contains { $0.hasPrefix("Malformed Vosk message ignored") })
        let dictatedWords = ScriptedVoskServer.vocabulary.filter { $0.count >= 5 }
        #expect(!logged.contains { line in dictatedWords.contains { line.contains($0) } })
        // swift-websocket traces the first bytes of every frame: the engine's client logger stays at debug or above.
        #expect(!logged.contains { $0.contains("bytes: [") })
    }

    @Test(arguments: ["closed port", "wrong path"])
    func unreachableServerFailsAsUnavailable(_ failure: String) async throws {
        let url =
            failure == "closed port"
            ? try await ScriptedVoskServer.closedPortURL()
            : try await ScriptedVoskServer.withServer { _, url in url + "/nowhere" }
        let error = await #expect(throws: SpeechEngineError.self) {
            _ = try await engine(url).startRecognition(RecognitionConfiguration(language: .de))
        }
        #expect(error?.kind == .unavailable)
    }

    @Test func serverThatNeverUpgradesFailsWithinTheConnectTimeout() async throws {
        try await ScriptedVoskServer.withServer(.init(holdsUpgrade: true)) { server, url in
            let configuration = VoskEngineConfiguration.testing(connectTimeout: .milliseconds(300))
            let error = await #expect(throws: SpeechEngineError.self) {
                _ = try await engine(url, configuration).startRecognition(RecognitionConfiguration(language: .de))
            }
            #expect(error?.kind == .unavailable)
            #expect(server.connections.isEmpty)
        }
    }

    @Test func cancelClosesTheConnectionWithoutEndOfStream() async throws {
        let dictation = ScriptedDictation {
            $0.say("kein nachweis einer lungenembolie")
        }
        try await ScriptedVoskServer.withServer { server, url in
            let recognizer = try await engine(url).startRecognition(RecognitionConfiguration(language: .de))
            await recognizer.accept(dictation.samples)
            await recognizer.cancel()
            for await _ in recognizer.events {}
            await server.waitUntilClosed(connection: 0)
            #expect(!server.connections[0].texts.contains(#"{"eof" : 1}"#))
            #expect(server.connections.count == 1)
        }
    }

    // MARK: Reconnection

    @Test func reconnectsAfterADropAndResendsTheAudioSinceTheLastFinal() async throws {
        let dictation = ScriptedDictation {
            $0.say("kein nachweis einer lungenembolie")
            $0.say("pleuraerguss rechts basal")
            $0.say("no pulmonary embolism")
        }
        let firstUtteranceEnd = try #require(dictation.utterances[0].last).end
        let secondUtteranceStart = try #require(dictation.utterances[1].first).start
        // The connection drops in the middle of the second utterance.
        let behaviour = ScriptedVoskServer.Behaviour(dropOnceAfterSamples: secondUtteranceStart + 5_000)
        try await ScriptedVoskServer.withServer(behaviour) { server, url in
            let recognizer = try await engine(url).startRecognition(RecognitionConfiguration(language: .de, vocabularyPrompt: "Lungenembolie"))
            let events = await recognizer.transcribe(dictation.samples)

            #expect(events.engineStatus == ["unavailable(unavailable)", "recovered"])
            #expect(events.finals.map(\.text) == ["kein nachweis einer lungenembolie", "pleuraerguss rechts basal", "no pulmonary embolism"])
            #expect(events.finals.map(\.utteranceIndex) == [0, 1, 2])
            // Word times stay on the stream's clock although the second connection's server started from zero.
            for (final, expected) in zip(events.finals, dictation.utterances) {
                #expect(final.words.map { ($0.start * 16_000).rounded() } == expected.map { Double($0.start) })
            }

            let connections = server.connections
            #expect(connections.count == 2)
            let (first, second) = (connections[0], connections[1])
            #expect(second.texts.first == first.texts.first)
            // The second connection got the audio from the end of the first final's frame on: a suffix of the
            // dictation that starts after the first utterance and before the second.
            let replayStart = dictation.pcm16.count - second.audio.count
            #expect(Array(dictation.pcm16[replayStart...]) == second.audio)
            #expect(replayStart / 2 >= firstUtteranceEnd)
            #expect(replayStart / 2 <= secondUtteranceStart)
            #expect(second.texts.last == #"{"eof" : 1}"#)
        }
    }

    @Test func reconnectsWhenTheConnectionDropsAtTheEndOfStream() async throws {
        let dictation = ScriptedDictation {
            $0.say("kein pleuraerguss")
            $0.say("rechts basal", pause: 0)
        }
        try await ScriptedVoskServer.withServer(.init(dropOnceOnEndOfStream: true)) { server, url in
            let recognizer = try await engine(url).startRecognition(RecognitionConfiguration(language: .de))
            let events = await recognizer.transcribe(dictation.samples)

            #expect(events.engineStatus == ["unavailable(unavailable)", "recovered"])
            #expect(events.finals.map(\.text) == ["kein pleuraerguss", "rechts basal"])
            #expect(events.finals.map(\.utteranceIndex) == [0, 1])
            let second = try #require(server.connections.dropFirst().first)
            #expect(second.texts.count == 2)
            #expect(second.texts.last == #"{"eof" : 1}"#)
            #expect(!second.audio.isEmpty)
        }
    }
}
