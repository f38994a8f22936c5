import Foundation
import HummingbirdTesting
import HummingbirdWSClient
import NIOCore
import NIOWebSocket
import Testing

/// Audio the endpointer hears as speech (a 220 Hz tone) or silence, as 16 kHz PCM16 little-endian.
enum TestAudio {
    static func tone(seconds: Double, sampleRate: Int = 16_000) -> [UInt8] {
        let count = Int(seconds * Double(sampleRate))
        return pcm16((0..<count).map { Float(0.3 * sin(2 * Double.pi * 220 * Double($0) / Double(sampleRate))) })
    }

    static func silence(seconds: Double, sampleRate: Int = 16_000) -> [UInt8] {
        [UInt8](repeating: 0, count: Int(seconds * Double(sampleRate)) * 2)
    }

    static func pcm16(_ samples: [Float]) -> [UInt8] {
        samples.flatMap { sample -> [UInt8] in
            let value = Int16((max(-1, min(1, sample)) * 32767).rounded())
            return [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)]
        }
    }

    /// One utterance: a short lead-in of silence (the endpointer learns the noise floor from the first frames), a tone,
    /// and enough silence to end it.
    static func utterance(seconds: Double = 1.0) -> [UInt8] {
        silence(seconds: 0.2) + tone(seconds: seconds) + silence(seconds: 0.8)
    }
}

/// A JSON message from the server.
struct ServerEvent: @unchecked Sendable {
    let object: [String: Any]

    init(_ text: String) throws {
        object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    var type: String? { object["type"] as? String }
    var kind: String? { object["kind"] as? String }
    var code: String? { object["code"] as? String }
    subscript(key: String) -> Any? { object[key] }
    func string(_ key: String) -> String? { object[key] as? String }
    func int(_ key: String) -> Int? { (object[key] as? NSNumber)?.intValue }
}

/// Reads server events of one dictation socket.
struct EventReader {
    var iterator: WebSocketInboundMessageStream.AsyncIterator

    init(_ inbound: WebSocketInboundStream) {
        iterator = inbound.messages(maxSize: 1 << 22).makeAsyncIterator()
    }

    /// The next event, or `nil` when the socket closed.
    mutating func next() async throws -> ServerEvent? {
        while let message = try await iterator.next() {
            if case .text(let text) = message { return try ServerEvent(text) }
        }
        return nil
    }

    /// Events up to and including the first of `type`; fails if the socket closes first.
    mutating func until(_ type: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [ServerEvent] {
        var events: [ServerEvent] = []
        while let event = try await next() {
            events.append(event)
            if event.type == type { return events }
        }
        Issue.record("socket closed before a \(type) event", sourceLocation: sourceLocation)
        return events
    }
}

extension WebSocketOutboundWriter {
    /// Sends a JSON object as a text frame.
    func send(json: [String: Any]) async throws {
        try await write(.text(String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)))
    }

    /// Sends audio in 20 ms frames (no pacing: the endpointer works on sample counts, not wall time).
    func send(audio: [UInt8], frameBytes: Int = 640) async throws {
        var offset = 0
        while offset < audio.count {
            let end = min(offset + frameBytes, audio.count)
            try await write(.binary(ByteBuffer(bytes: audio[offset..<end])))
            offset = end
        }
    }
}

/// The WebSocket client configuration the tests use (audio frames larger than the 16 KiB default).
let testWebSocketConfiguration = WebSocketClientConfiguration(maxFrameSize: 1 << 22)
