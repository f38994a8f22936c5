import Foundation

/// A `transcription_update` of the real-time protocol, with the fields the benchmark measures.
struct TranscriptionUpdate: Sendable, Equatable, Decodable {
    /// `partial` or `final`.
    enum Kind: String, Sendable, Decodable {
        case partial
        case final
    }

    var kind: Kind
    var segmentId: Int
    var text: String
    /// Server-measured latency: for a final, from the silence onset that ended the speech to sending.
    var latencyMs: Double?
    /// Server-measured wait from the silence onset to sending the final decode to the engine.
    var waitMs: Double?
    /// The engine's decode time of this final, when the server reports it.
    var decodeMs: Double?
    /// Start of the final's audio, in seconds of session audio.
    var start: Double?
    /// End of the final's audio, in seconds of session audio.
    var end: Double?
    /// Whether the final was re-sent after a resume.
    var replayed: Bool?
}

/// A server message of `/api/v1/realtime/transcription`, reduced to what the benchmark needs.
///
/// Errors keep their type only: messages may name dictated content and are never printed.
enum RealtimeServerMessage: Sendable, Equatable {
    case sessionStarted
    case update(TranscriptionUpdate)
    case stopped
    case engineStatus(state: String)
    case error(type: String)
    case other(type: String)

    private struct Envelope: Decodable {
        var type: String
        var state: String?
        var code: String?
        var error: String?
    }

    /// Decodes one text frame; `nil` when it is not a JSON object with a `type`.
    static func decode(_ text: String) -> RealtimeServerMessage? {
        let data = Data(text.utf8)
        let decoder = JSONDecoder()
        guard let envelope = try? decoder.decode(Envelope.self, from: data) else { return nil }
        switch envelope.type {
        case "session_started":
            return .sessionStarted
        case "transcription_update":
            guard let update = try? decoder.decode(TranscriptionUpdate.self, from: data) else {
                return .other(type: "malformed transcription_update")
            }
            return .update(update)
        case "transcription_stopped":
            return .stopped
        case "engine_status":
            return .engineStatus(state: envelope.state ?? "unknown")
        case "error":
            // The protocol names the error's type `type` too; servers put it in `code` or `error` beside `type: "error"`.
            return .error(type: envelope.code ?? envelope.error ?? "error")
        default:
            return .other(type: envelope.type)
        }
    }
}
