import Foundation
import NIOCore
import RadScribeCore

/// The `verbose_json` body of an OpenAI-compatible transcription, as far as RadScribe reads it.
struct VerboseTranscriptionResponse: Decodable {
    struct Segment: Decodable {
        var avgLogprob: Double?
        var compressionRatio: Double?
        var noSpeechProb: Double?
        var words: [Word]?
    }

    struct Word: Decodable {
        var word: String
        var start: Double
        var end: Double
        var probability: Double?
    }

    var text: String
    var language: String?
    var segments: [Segment]?
    var words: [Word]?

    /// Decodes a body and turns it into a ``Transcription``.
    static func decode(_ body: ByteBuffer) throws -> Transcription {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Self.self, from: Data(body.readableBytesView)).transcription
    }

    var transcription: Transcription {
        let segments = segments ?? []
        let fallbackConfidence = segments.compactMap(\.avgLogprob).min().map { exp($0) } ?? 1
        let words = (self.words ?? segments.flatMap { $0.words ?? [] }).compactMap { word -> RecognizedWord? in
            let text = word.word.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return nil }
            return RecognizedWord(
                text: text,
                start: word.start,
                end: max(word.end, word.start),
                confidence: min(max(word.probability ?? fallbackConfidence, 0), 1)
            )
        }
        return Transcription(
            text: text.trimmingCharacters(in: .whitespacesAndNewlines),
            words: words,
            segments: segments.map {
                Transcription.SegmentStatistics(
                    noSpeechProbability: $0.noSpeechProb,
                    averageLogProbability: $0.avgLogprob,
                    compressionRatio: $0.compressionRatio
                )
            },
            language: language
        )
    }
}
