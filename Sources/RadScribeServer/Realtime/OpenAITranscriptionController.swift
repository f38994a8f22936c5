import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import RadScribeCore
import RadScribeSpeech

/// OpenAI's `POST /v1/audio/transcriptions` on RadScribe, for uploaded dictation files, so the official OpenAI SDKs
/// work as clients.
///
/// The WAV upload is cut into utterances by the same endpointer as live dictation, decoded by the configured engine
/// (partials off), guarded against hallucinations and normalised like dictation.
struct OpenAITranscriptionController: Sendable {
    /// The largest upload, as OpenAI's: 25 MiB.
    static let maximumUploadBytes = 25 * 1024 * 1024

    let speech: SpeechService
    let defaultLanguage: Language
    let finalizer = SegmentFinalizer()

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("v1/audio/transcriptions", use: transcribe)
    }

    @Sendable func transcribe(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await UploadForm.read(request)
        let wav: WAVFile
        do {
            wav = try WAVFile(decoding: form.file.readableBytesView)
        } catch {
            throw Problem(
                .badRequest,
                type: "/problems/unsupported-audio",
                title: "Unsupported audio file",
                detail: "file: \(error.description). Send a WAV file (PCM or float, 8–48 kHz, mono or stereo)."
            )
        }
        var resampler = Resampler(inputSampleRate: wav.sampleRate)
        var preprocessor = AudioPreprocessor(speech.settings.preprocessing)
        let samples = preprocessor.process(resampler.process(wav.samples) + resampler.flush())
        let finals = try await decode(samples, language: form.language ?? defaultLanguage, prompt: form.prompt)
        let language = form.language ?? defaultLanguage
        let texts = finals.map { finalizer.normalizedText($0.text, language: language) }
        let text = texts.joined(separator: " ")
        switch form.responseFormat {
        case .text:
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: text))
            )
        case .json:
            return Self.json(["text": text])
        case .verboseJSON:
            return Self.json(
                VerboseTranscription(
                    language: language.rawValue,
                    duration: Double(samples.count) / Double(Endpointer.sampleRate),
                    text: text,
                    segments: zip(finals.indices, finals).map { index, final in
                        .init(id: index, start: final.start, end: final.end, text: texts[index])
                    },
                    words: finals.flatMap(\.words).map { .init(word: $0.text, start: $0.start, end: $0.end, probability: $0.confidence) }
                )
            )
        }
    }

    private func decode(_ samples: [Float], language: Language, prompt: String?) async throws -> [UtteranceTranscript] {
        var engine = speech.engine
        if let batch = engine as? BatchSpeechEngine {
            engine = batch.with(policy: StreamingPolicy(partialsEnabled: false, maximumRetryDuration: .seconds(60)))
        }
        let configuration = speech.recognitionConfiguration(
            language: language,
            examType: nil,
            extraTerms: prompt.map { [$0] } ?? []
        )
        let recognizer: any SpeechRecognizer
        do {
            recognizer = try await engine.startRecognition(configuration)
        } catch {
            throw Self.engineUnavailable(error.message)
        }
        let collector = Task {
            var finals: [UtteranceTranscript] = []
            var lost: SpeechEngineError?
            for await event in recognizer.events {
                switch event {
                case .final(let final) where !final.text.isEmpty: finals.append(final)
                case .utteranceLost(_, let error): lost = error
                default: break
                }
            }
            return (finals, lost)
        }
        var offset = 0
        while offset < samples.count {
            let end = min(offset + Endpointer.sampleRate, samples.count)
            await recognizer.accept(Array(samples[offset..<end]))
            offset = end
        }
        await recognizer.finish()
        let (finals, lost) = await collector.value
        if let lost {
            throw Self.engineUnavailable(lost.message)
        }
        return finals
    }

    private static func engineUnavailable(_ detail: String) -> Problem {
        Problem(
            .serviceUnavailable,
            type: "/problems/speech-engine-unavailable",
            title: "Speech engine unavailable",
            detail: detail,
            headers: [.retryAfter: "5"]
        )
    }

    private static func json(_ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(
            status: .ok,
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: (try? encoder.encode(value)) ?? Data("{}".utf8)))
        )
    }
}

/// The fields of an upload, validated.
private struct UploadForm {
    enum ResponseFormat: String {
        case json, text
        case verboseJSON = "verbose_json"
    }

    var file: ByteBuffer
    var language: Language?
    var prompt: String?
    var responseFormat: ResponseFormat

    static func read(_ request: Request) async throws -> UploadForm {
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = boundary(in: contentType)
        else {
            throw Problem.badRequest("Send the audio as multipart/form-data with a \"file\" field.")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: OpenAITranscriptionController.maximumUploadBytes)
        } catch {
            throw Problem.bodyTooLarge(limit: OpenAITranscriptionController.maximumUploadBytes)
        }
        let parts = try parts(of: body, boundary: boundary)
        func field(_ name: String) -> String? {
            parts.first { $0.name == name }.map { String(buffer: $0.body).trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        guard let file = parts.first(where: { $0.name == "file" })?.body, file.readableBytes > 0 else {
            throw Problem.badRequest("The form has no \"file\", or it is empty.")
        }
        var language: Language?
        if let code = field("language"), !code.isEmpty {
            guard let parsed = Language(rawValue: code.lowercased()) else {
                throw Problem.badRequest("language must be de or en.")
            }
            language = parsed
        }
        let format = field("response_format") ?? "json"
        guard let responseFormat = ResponseFormat(rawValue: format) else {
            throw Problem.badRequest("response_format must be json, text or verbose_json.")
        }
        if let temperature = field("temperature"), !(Double(temperature).map { (0...1).contains($0) } ?? false) {
            throw Problem.badRequest("temperature must be a number from 0 to 1.")
        }
        return UploadForm(file: file, language: language, prompt: field("prompt").flatMap { $0.isEmpty ? nil : $0 }, responseFormat: responseFormat)
    }

    private static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    private static func parts(of body: ByteBuffer, boundary: String) throws -> [MultipartPart] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [MultipartPart] = []
        var headers: [(String, String)] = []
        var partBody = ByteBuffer()
        parser.onHeader = { name, value in headers.append((name, value)) }
        parser.onBody = { chunk in partBody.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append(MultipartPart(headers: .init(headers), body: partBody))
            headers = []
            partBody = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw Problem.badRequest("The multipart/form-data body is malformed.")
        }
        return parts
    }
}

/// `verbose_json`, as OpenAI shapes it (`probability` is the worker's extension).
private struct VerboseTranscription: Encodable {
    struct Segment: Encodable {
        var id: Int
        var start: Double
        var end: Double
        var text: String
    }

    struct Word: Encodable {
        var word: String
        var start: Double
        var end: Double
        var probability: Double
    }

    var task = "transcribe"
    var language: String
    var duration: Double
    var text: String
    var segments: [Segment]
    var words: [Word]
}
