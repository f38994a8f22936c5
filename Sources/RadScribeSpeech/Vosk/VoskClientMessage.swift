import Foundation

/// The text messages a client of a Vosk server (`asr_server.py`) sends.
package enum VoskClientMessage {
    /// Ends the audio. `asr_server.py` compares the message byte for byte, spaces included.
    package static let endOfStream = #"{"eof" : 1}"#

    /// The message that configures a stream: `{"config": {"sample_rate": 16000, "words": 1, "phrase_list": [...]}}`.
    ///
    /// `words: 1` asks for word timings and confidences in finals. `phrase_list` is left out when `phrases` is empty.
    package static func configuration(sampleRate: Int, phrases: [String]) -> String {
        let message = ConfigurationMessage(
            config: .init(sampleRate: sampleRate, words: 1, phraseList: phrases.isEmpty ? nil : phrases)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings and integers cannot fail.
        return String(decoding: try! encoder.encode(message), as: UTF8.self)
    }

    /// Splits a vocabulary prompt into Vosk phrases: comma-separated, trimmed, empty entries dropped.
    package static func phrases(fromVocabularyPrompt prompt: String?) -> [String] {
        guard let prompt else { return [] }
        return prompt.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}

private struct ConfigurationMessage: Encodable {
    struct Config: Encodable {
        enum CodingKeys: String, CodingKey {
            case sampleRate = "sample_rate"
            case words
            case phraseList = "phrase_list"
        }

        var sampleRate: Int
        var words: Int
        var phraseList: [String]?
    }

    var config: Config
}
