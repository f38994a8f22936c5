import Foundation
import RadScribeCore

/// A message a real-time client sent, decoded and validated (see docs/realtime-protocol.md).
enum RealtimeClientMessage: Sendable {
    /// `start_transcription`.
    struct Start: Sendable {
        var language: Language
        var sampleRate: Int
        var encoding: String
        var channels: Int
        var examType: ExamType?
        var resume: (sessionId: UUID, token: String)?
    }

    case start(Start)
    case audio([UInt8])
    case stop
    case generateReport

    /// Decodes a text frame. Throws a ``RealtimeError`` naming what is wrong; it never echoes the message.
    static func decode(_ text: String) throws(RealtimeError) -> RealtimeClientMessage {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as? [String: Any] else {
                throw RealtimeError(.invalidMessage, "a message must be a JSON object")
            }
            object = parsed
        } catch let error as RealtimeError {
            throw error
        } catch {
            throw RealtimeError(.invalidJSON, "the message is not valid JSON")
        }
        let fields = MessageFields(object)
        guard let type = try fields.string("type") else {
            throw RealtimeError(.invalidMessage, "the message has no \"type\"")
        }
        switch type {
        case "start_transcription":
            return .start(try start(fields))
        case "audio_data":
            guard let data = try fields.string("data") else { throw RealtimeError(.invalidMessage, "audio_data needs \"data\" (base64)") }
            guard let bytes = Data(base64Encoded: data) else { throw RealtimeError(.invalidAudio, "\"data\" is not valid base64") }
            return .audio([UInt8](bytes))
        case "stop_transcription":
            return .stop
        case "generate_report":
            return .generateReport
        default:
            throw RealtimeError(
                .unknownMessageType,
                "unknown message type; expected start_transcription, audio_data, stop_transcription or generate_report"
            )
        }
    }

    private static func start(_ fields: MessageFields) throws(RealtimeError) -> Start {
        guard let code = try fields.string("language") else {
            throw RealtimeError(.invalidMessage, "start_transcription needs \"language\" (de or en)")
        }
        guard let language = Language(rawValue: code.lowercased()) else {
            throw RealtimeError(.invalidMessage, "\"language\" must be de or en")
        }
        var resume: (UUID, String)?
        switch (try fields.string("sessionId"), try fields.string("sessionToken")) {
        case (nil, nil):
            resume = nil
        case (let id?, let token?):
            guard let uuid = UUID(uuidString: id) else { throw RealtimeError(.sessionNotFound, "\"sessionId\" is not a session id") }
            resume = (uuid, token)
        default:
            throw RealtimeError(.invalidMessage, "resuming needs both \"sessionId\" and \"sessionToken\"")
        }
        return Start(
            language: language,
            sampleRate: try fields.integer("sampleRate") ?? 16_000,
            encoding: try fields.string("encoding") ?? "pcm16le",
            channels: try fields.integer("channels") ?? 1,
            examType: try fields.examType(),
            resume: resume
        )
    }
}

/// Typed access to the fields of a decoded JSON object, with errors that name the field.
private struct MessageFields {
    let object: [String: Any]

    init(_ object: [String: Any]) {
        self.object = object
    }

    func string(_ name: String) throws(RealtimeError) -> String? {
        guard let value = object[name], !(value is NSNull) else { return nil }
        guard let string = value as? String else { throw RealtimeError(.invalidMessage, "\"\(name)\" must be a string") }
        return string
    }

    func integer(_ name: String) throws(RealtimeError) -> Int? {
        guard let value = object[name], !(value is NSNull) else { return nil }
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c", let integer = Int(exactly: number.doubleValue) else {
            throw RealtimeError(.invalidMessage, "\"\(name)\" must be a whole number")
        }
        return integer
    }

    func examType() throws(RealtimeError) -> ExamType? {
        guard let raw = try string("examType") else { return nil }
        guard let type = ExamType(rawValue: raw) else {
            throw RealtimeError(.invalidMessage, "\"examType\" must be one of \(ExamType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return type
    }
}

/// An `error` event: what went wrong, in words that never echo dictated text or audio.
struct RealtimeError: Error, Sendable {
    /// The `type` field of the `error` event.
    enum Kind: String, Sendable {
        case invalidJSON = "invalid_json"
        case invalidMessage = "invalid_message"
        case unknownMessageType = "unknown_message_type"
        case outOfOrder = "out_of_order"
        case invalidAudio = "invalid_audio"
        case frameTooLarge = "frame_too_large"
        case unsupportedAudioFormat = "unsupported_audio_format"
        case sessionNotFound = "session_not_found"
        case engineUnavailable = "engine_unavailable"
        case utteranceLost = "utterance_lost"
        case reportFailed = "report_failed"
        case storageFailed = "storage_failed"
        case internalError = "internal_error"
    }

    var kind: Kind
    var message: String

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

/// Messages the server sends, encoded as JSON text frames.
enum RealtimeServerMessage {
    /// A word on the wire.
    struct Word: Encodable {
        var text: String
        var start: Double
        var end: Double
        var confidence: Double

        init(_ word: RecognizedWord) {
            text = word.text
            start = (word.start * 1000).rounded() / 1000
            end = (word.end * 1000).rounded() / 1000
            confidence = (word.confidence * 1000).rounded() / 1000
        }
    }

    struct SessionStarted: Encodable {
        var type = "session_started"
        var sessionId: UUID
        var sessionToken: String
        var resumed: Bool
        var segmentCount: Int
        var language: Language
        var sampleRate: Int
        var encoding: String
        var channels: Int
    }

    struct TranscriptionUpdate: Encodable {
        var type = "transcription_update"
        var kind: String
        var sessionId: UUID
        var segmentId: Int
        var text: String
        var words: [Word]
        var confidence: Double
        var medicalTerms: [String]
        var latencyMs: Int?
        var waitMs: Int?
        var decodeMs: Int?
        var rawText: String?
        var flags: [WordFlag]?
        var start: Double?
        var end: Double?
        var replayed: Bool?

        static func final(_ segment: TranscriptSegment, latencyMs: Int?, waitMs: Int?, decodeMs: Int?, replayed: Bool) -> TranscriptionUpdate {
            TranscriptionUpdate(
                kind: "final",
                sessionId: segment.sessionId,
                segmentId: segment.index,
                text: segment.text,
                words: segment.words.map(Word.init),
                confidence: (segment.confidence * 1000).rounded() / 1000,
                medicalTerms: segment.medicalTerms,
                latencyMs: latencyMs,
                waitMs: waitMs,
                decodeMs: decodeMs,
                rawText: segment.rawText,
                flags: segment.flags,
                start: (segment.start * 1000).rounded() / 1000,
                end: (segment.end * 1000).rounded() / 1000,
                replayed: replayed
            )
        }
    }

    struct TranscriptionStopped: Encodable {
        var type = "transcription_stopped"
        var sessionId: UUID
        var segmentCount: Int
    }

    struct EngineStatus: Encodable {
        var type = "engine_status"
        var state: String
        var message: String
    }

    struct ErrorEvent: Encodable {
        var type = "error"
        var code: String
        var message: String
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The JSON text of a message.
    static func text(_ message: some Encodable) -> String {
        // Encoding these plain structs cannot fail.
        String(decoding: (try? encoder.encode(message)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// The `error` event for an error.
    static func error(_ error: RealtimeError) -> String {
        text(ErrorEvent(code: error.kind.rawValue, message: error.message))
    }

    /// `report_generated`, with the stored report JSON spliced in unchanged.
    static func reportGenerated(reportId: UUID, version: Int, report: Data) -> String {
        "{\"type\":\"report_generated\",\"reportId\":\"\(reportId.uuidString.lowercased())\",\"version\":\(version),\"report\":"
            + String(decoding: report, as: UTF8.self) + "}"
    }
}
