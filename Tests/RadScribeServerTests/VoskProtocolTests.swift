import Foundation
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import Logging
import NIOCore
import NIOWebSocket
import RadScribeCore
import RadScribeServer
import RadScribeSpeech
import Testing

@Suite("Vosk-compatible endpoint")
struct VoskProtocolTests {
    private static func samples(_ bytes: [UInt8]) -> [Float] {
        stride(from: 0, to: bytes.count - 1, by: 2).map { Float(Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8)) / 32_768 }
    }

    @Test func radScribesOwnVoskClientUnderstandsTheEndpoint() async throws {
        try await withLiveServer { client in
            let port = try #require(client.port)
            let engine = VoskEngine(url: "ws://127.0.0.1:\(port)/api/v1/asr/vosk?language=de", logger: Logger(label: "vosk-test"))
            let recognizer = try await engine.startRecognition(RecognitionConfiguration(language: .de))
            let collected = Task {
                var finals: [UtteranceTranscript] = []
                for await event in recognizer.events {
                    if case .final(let final) = event { finals.append(final) }
                }
                return finals
            }
            await recognizer.accept(Self.samples(TestAudio.utterance() + TestAudio.utterance()))
            await recognizer.finish()
            let finals = await collected.value
            #expect(finals.map(\.text) == ["Kein Pneumothorax.", "Kleiner Pleuraerguss links 2 cm."])
            #expect(finals.allSatisfy { !$0.words.isEmpty })
        }
    }

    @Test func everyAudioFrameGetsExactlyOneAnswerAndEofTheRest() async throws {
        try await withLiveServer { client in
            _ = try await client.ws("/api/v1/asr/vosk?language=de", configuration: testWebSocketConfiguration) { inbound, outbound, _ in
                var events = EventReader(inbound)
                try await outbound.write(.text(#"{"config": {"sample_rate": 16000, "words": 1}}"#))
                let audio = TestAudio.utterance() + TestAudio.tone(seconds: 0.8)
                var answers: [ServerEvent] = []
                var offset = 0
                while offset < audio.count {
                    let end = min(offset + 8000, audio.count)
                    try await outbound.write(.binary(ByteBuffer(bytes: audio[offset..<end])))
                    answers.append(try #require(try await events.next()))
                    offset = end
                }
                #expect(answers.allSatisfy { $0["partial"] != nil || $0["text"] != nil })
                try await outbound.write(.text(#"{"eof" : 1}"#))
                let last = try #require(try await events.next())
                let texts = (answers + [last]).compactMap { $0.string("text") }.filter { !$0.isEmpty }
                #expect(texts == ["Kein Pneumothorax.", "Kleiner Pleuraerguss links 2 cm."])
                let words = try #require((answers + [last]).first { $0["result"] != nil }?["result"] as? [[String: Any]])
                #expect(words.allSatisfy { $0["conf"] != nil && $0["start"] != nil && $0["end"] != nil && $0["word"] != nil })
                #expect(try await events.next() == nil, "the server closes after eof")
            }
        }
    }
}

@Suite("Vosk-compatible endpoint, bad input")
struct VoskProtocolBadInputTests {
    @Test func anUnknownLanguageRefusesTheUpgrade() async throws {
        try await withLiveServer { client in
            _ = await #expect(throws: (any Error).self) {
                try await client.ws("/api/v1/asr/vosk?language=fr", configuration: testWebSocketConfiguration) { _, _, _ in
                    Issue.record("the upgrade was accepted")
                }
            }
        }
    }

    @Test func anUnsupportedSampleRateClosesWithAReason() async throws {
        try await withLiveServer { client in
            let close = try await client.ws("/api/v1/asr/vosk?language=de", configuration: testWebSocketConfiguration) { inbound, outbound, _ in
                var events = EventReader(inbound)
                try await outbound.write(.text(#"{"config": {"sample_rate": 4000}}"#))
                #expect(try await events.next() == nil)
            }
            #expect(close?.closeCode == .dataInconsistentWithMessage)
            #expect(close?.reason?.contains("sample_rate 4000 Hz") == true)
        }
    }

    @Test func aFrameOfPartialSamplesClosesWithAReason() async throws {
        try await withLiveServer { client in
            let close = try await client.ws("/api/v1/asr/vosk?language=de", configuration: testWebSocketConfiguration) { inbound, outbound, _ in
                var events = EventReader(inbound)
                try await outbound.write(.binary(ByteBuffer(bytes: [0, 0, 0])))
                #expect(try await events.next() == nil)
            }
            #expect(close?.closeCode == .dataInconsistentWithMessage)
            #expect(close?.reason?.contains("whole samples") == true)
        }
    }

    @Test func anOversizedFrameClosesAsTooLarge() async throws {
        try await withLiveServer(speech: SpeechSettings(maximumAudioFrameBytes: 4_096)) { client in
            let close = try await client.ws("/api/v1/asr/vosk?language=de", configuration: testWebSocketConfiguration) { inbound, outbound, _ in
                var events = EventReader(inbound)
                try await outbound.write(.binary(ByteBuffer(bytes: [UInt8](repeating: 0, count: 8_192))))
                #expect(try await events.next() == nil)
            }
            #expect(close?.closeCode == .messageTooLarge)
        }
    }

    @Test func garbageTextIsIgnoredAndTheStreamGoesOn() async throws {
        try await withLiveServer { client in
            _ = try await client.ws("/api/v1/asr/vosk?language=de", configuration: testWebSocketConfiguration) { inbound, outbound, _ in
                var events = EventReader(inbound)
                for garbage in ["not json", "[1, 2]", #"{"config": "x"}"#, #"{"unknown": 1}"#] {
                    try await outbound.write(.text(garbage))
                }
                try await outbound.write(.binary(ByteBuffer(bytes: TestAudio.utterance())))
                #expect(try await events.next() != nil, "the frame is answered")
                try await outbound.write(.text(#"{"eof" : 1}"#))
                let last = try #require(try await events.next())
                #expect(last.string("text") == "Kein Pneumothorax.")
            }
        }
    }
}
