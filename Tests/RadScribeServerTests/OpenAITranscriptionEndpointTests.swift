import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOFoundationEssentialsCompat
import RadScribeSpeech
import Testing

@Suite("OpenAI-compatible transcription endpoint")
struct OpenAITranscriptionEndpointTests {
    private static let boundary = "radscribe-test-boundary"

    private static func form(_ fields: [(String, String)], file: [UInt8]?) -> ByteBuffer {
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"d.wav\"\r\nContent-Type: audio/wav\r\n\r\n")
            body.writeBytes(file)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return body
    }

    private static var dictationWAV: [UInt8] {
        let pcm = TestAudio.utterance() + TestAudio.utterance()
        let samples = stride(from: 0, to: pcm.count - 1, by: 2).map {
            Float(Int16(bitPattern: UInt16(pcm[$0]) | UInt16(pcm[$0 + 1]) << 8)) / 32_768
        }
        return WAVFile.pcm16(samples: samples, sampleRate: 16_000)
    }

    private func post(_ client: some TestClientProtocol, _ body: ByteBuffer) async throws -> TestResponse {
        try await client.execute(
            uri: "/v1/audio/transcriptions",
            method: .post,
            headers: [.contentType: "multipart/form-data; boundary=\(Self.boundary)"],
            body: body
        ) { $0 }
    }

    @Test func transcribesAWAVUploadInEveryResponseFormat() async throws {
        try await withLiveServer { client in
            let json = try await post(client, Self.form([("model", "whisper-1"), ("language", "de")], file: Self.dictationWAV))
            #expect(json.status == .ok)
            let text = try #require(try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any])["text"] as? String
            #expect(text?.hasPrefix("Kein Pneumothorax.") == true)
            #expect(text?.contains("2 cm") == true)

            let plain = try await post(client, Self.form([("language", "de"), ("response_format", "text")], file: Self.dictationWAV))
            #expect(String(buffer: plain.body) == text)

            let verbose = try await post(client, Self.form([("language", "de"), ("response_format", "verbose_json")], file: Self.dictationWAV))
            let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: verbose.body)) as? [String: Any])
            #expect((body["segments"] as? [[String: Any]])?.count == 2)
            #expect((body["words"] as? [[String: Any]])?.isEmpty == false)
            #expect(body["language"] as? String == "de")
        }
    }

    @Test func badUploadsAreProblemsThatNameTheField() async throws {
        try await withLiveServer { client in
            let cases: [(ByteBuffer, String)] = [
                (Self.form([("language", "de")], file: nil), "file"),
                (Self.form([], file: Array("ID3 not a wav".utf8)), "WAV"),
                (Self.form([("language", "fr")], file: Self.dictationWAV), "language"),
                (Self.form([("response_format", "srt")], file: Self.dictationWAV), "response_format"),
                (Self.form([("temperature", "7")], file: Self.dictationWAV), "temperature"),
                (ByteBuffer(string: "--\(Self.boundary)\r\nno headers end"), "malformed"),
            ]
            for (body, mentioned) in cases {
                let response = try await post(client, body)
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(try ProblemBody(response).detail?.contains(mentioned) == true, "\(mentioned)")
            }
            let wrongType = try await client.execute(
                uri: "/v1/audio/transcriptions",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{}")
            ) { $0 }
            #expect(wrongType.status == .badRequest)
        }
    }
}
