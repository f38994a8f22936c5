import AsyncHTTPClient
import Foundation
import Logging
import MultipartKit
import NIOCore
import NIOHTTP1
import RadScribeCore

/// A ``BatchTranscriber`` that calls an OpenAI-compatible `POST /v1/audio/transcriptions`: the bundled speech worker,
/// a faster-whisper or whisper.cpp server, speaches, or OpenAI itself.
///
/// Each clip is sent as a 16 kHz mono PCM16 WAV file with `response_format=verbose_json`; word timestamps are asked
/// for only when the request wants words. Word confidence is the worker's `probability` extension; servers that do not
/// send it get the segment's mean token probability instead. A ``DecodePriority/low`` request carries the header
/// `X-RadScribe-Priority: low`, which the bundled worker schedules behind finals and decodes greedily; other servers
/// ignore the header.
public struct OpenAITranscriptionClient: BatchTranscriber {
    /// Where and how to reach the server.
    public struct Configuration: Sendable, Hashable {
        /// The server's base URL, up to and including `/v1` (`http://127.0.0.1:8178/v1`).
        public var baseURL: String
        /// The `model` form field (`whisper-1` for OpenAI; ignored by the bundled worker).
        public var model: String
        /// Sent as `Authorization: Bearer` when set.
        public var apiKey: String?
        /// The longest a single request may take.
        public var timeout: Duration

        /// Creates a configuration.
        public init(baseURL: String, model: String = "whisper-1", apiKey: String? = nil, timeout: Duration = .seconds(30)) {
            self.baseURL = baseURL
            self.model = model
            self.apiKey = apiKey
            self.timeout = timeout
        }
    }

    private let configuration: Configuration
    private let httpClient: HTTPClient
    private let endpoint: String

    /// Creates a client. `httpClient` defaults to the process-wide shared client.
    public init(configuration: Configuration, httpClient: HTTPClient = .shared) {
        self.configuration = configuration
        self.httpClient = httpClient
        var base = configuration.baseURL
        while base.hasSuffix("/") { base.removeLast() }
        endpoint = base + "/audio/transcriptions"
    }

    public func transcribe(_ request: TranscriptionRequest) async throws(SpeechEngineError) -> Transcription {
        let boundary = "radscribe-\(UUID().uuidString)"
        var body = ByteBuffer()
        do {
            try MultipartSerializer().serialize(parts: formParts(for: request), boundary: boundary, into: &body)
        } catch {
            throw SpeechEngineError(.rejected, "could not encode the request: \(error)")
        }
        var httpRequest = HTTPClientRequest(url: endpoint)
        httpRequest.method = .POST
        httpRequest.headers.add(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)")
        httpRequest.headers.add(name: "Content-Length", value: String(body.readableBytes))
        if let apiKey = configuration.apiKey {
            httpRequest.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        }
        if request.priority == .low {
            httpRequest.headers.add(name: "X-RadScribe-Priority", value: DecodePriority.low.rawValue)
        }
        httpRequest.body = .bytes(body)

        let (status, responseBody) = try await send(httpRequest)
        guard (200..<300).contains(status.code) else {
            throw Self.error(status: status, body: responseBody)
        }
        do {
            return try VerboseTranscriptionResponse.decode(responseBody)
        } catch {
            throw SpeechEngineError(.invalidResponse, "the speech server's answer is not verbose_json")
        }
    }

    private func send(_ request: HTTPClientRequest) async throws(SpeechEngineError) -> (HTTPResponseStatus, ByteBuffer) {
        let timeout = TimeAmount.nanoseconds(Int64(configuration.timeout / .nanoseconds(1)))
        do {
            let response = try await httpClient.execute(request, timeout: timeout)
            let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
            return (response.status, body)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw SpeechEngineError(.timeout, "the speech server did not answer within \(configuration.timeout)")
        } catch is CancellationError {
            throw SpeechEngineError(.unavailable, "the request was cancelled")
        } catch {
            throw SpeechEngineError(.unavailable, "the speech server cannot be reached (\(type(of: error)))")
        }
    }

    private func formParts(for request: TranscriptionRequest) -> [MultipartPart] {
        var parts: [MultipartPart] = []
        func field(_ name: String, _ value: String) {
            parts.append(MultipartPart(headers: ["Content-Disposition": "form-data; name=\"\(name)\""], body: value))
        }
        let wav = WAVFile.pcm16(samples: request.samples, sampleRate: Endpointer.sampleRate)
        parts.append(
            MultipartPart(
                headers: ["Content-Disposition": "form-data; name=\"file\"; filename=\"utterance.wav\"", "Content-Type": "audio/wav"],
                body: ByteBuffer(bytes: wav)
            )
        )
        field("model", configuration.model)
        field("response_format", "verbose_json")
        field("temperature", "0")
        field("timestamp_granularities[]", "segment")
        if request.wantsWords {
            field("timestamp_granularities[]", "word")
        }
        if let language = request.language {
            field("language", language.rawValue)
        }
        if let prompt = request.prompt, !prompt.isEmpty {
            field("prompt", prompt)
        }
        return parts
    }

    private static func error(status: HTTPResponseStatus, body: ByteBuffer) -> SpeechEngineError {
        let detail = (try? JSONDecoder().decode(OpenAIErrorBody.self, from: Data(body.readableBytesView)))?.error.message ?? "HTTP \(status.code)"
        switch status.code {
        case 503, 429: return SpeechEngineError(.busy, detail)
        case 400..<500: return SpeechEngineError(.rejected, detail)
        default: return SpeechEngineError(.unavailable, detail)
        }
    }
}

/// OpenAI's error body: `{"error": {"message": …}}`.
private struct OpenAIErrorBody: Decodable {
    struct Detail: Decodable {
        var message: String
    }
    var error: Detail
}
