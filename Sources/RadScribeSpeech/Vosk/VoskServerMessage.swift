import Foundation
import RadScribeCore

/// One answer of a Vosk server: a partial hypothesis or the final text of an utterance.
///
/// `asr_server.py` answers every binary frame and the end-of-stream message with exactly one of these. Keys other than
/// `partial`, `text` and `result` (`spk`, `alternatives`, `partial_result`) are ignored.
package enum VoskServerMessage: Sendable, Hashable {
    /// `{"partial": "..."}`: the utterance so far; it may still change.
    case partial(String)
    /// `{"text": "...", "result": [{"conf", "start", "end", "word"}]}`: the final text of an utterance, with its words
    /// timed in seconds from the start of the connection's audio. `words` is empty when the server sent no `result`,
    /// or a `result` with an incomplete entry.
    case final(text: String, words: [RecognizedWord])

    /// Parses a text message; `nil` when it is not JSON, or has neither `text` nor `partial`.
    package init?(json: String) {
        guard let payload = try? JSONDecoder().decode(Payload.self, from: Data(json.utf8)) else { return nil }
        if let text = payload.text {
            self = .final(text: text, words: payload.words)
        } else if let partial = payload.partial {
            self = .partial(partial)
        } else {
            return nil
        }
    }

    /// Whether this message closes an utterance.
    package var isFinal: Bool {
        if case .final = self { true } else { false }
    }
}

private struct Payload: Decodable {
    enum CodingKeys: String, CodingKey {
        case partial, text, result
    }

    struct Word: Decodable {
        var word: String?
        var start: Double?
        var end: Double?
        var conf: Double?
    }

    var partial: String?
    var text: String?
    var words: [RecognizedWord]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        partial = try container.decodeIfPresent(String.self, forKey: .partial)
        text = try container.decodeIfPresent(String.self, forKey: .text)
        // A broken `result` costs the word timings, never the text.
        let entries = (try? container.decodeIfPresent([Word].self, forKey: .result)) ?? []
        var words: [RecognizedWord] = []
        for entry in entries {
            guard let text = entry.word, let start = entry.start, let end = entry.end, let confidence = entry.conf else {
                words = []
                break
            }
            words.append(RecognizedWord(text: text, start: start, end: end, confidence: min(max(confidence, 0), 1)))
        }
        self.words = words
    }
}
