import RadScribeCore
import RadScribeSpeech

/// Engine outputs as Whisper produces them for dictated radiology text; deterministic so failures reproduce.
enum Dictation {
    /// The words of `text` split at white space, `secondsPerWord` apart from `start`, each lasting 80 % of that.
    static func words(_ text: String, start: Double = 0, secondsPerWord: Double = 0.4, confidence: Double = 0.92) -> [RecognizedWord] {
        text.split(separator: " ").enumerated().map { index, word in
            let wordStart = start + Double(index) * secondsPerWord
            return RecognizedWord(text: String(word), start: wordStart, end: wordStart + 0.8 * secondsPerWord, confidence: confidence)
        }
    }

    /// A transcription of `words` whose text is joined the way Whisper writes it (with a leading space).
    static func transcription(
        _ words: [RecognizedWord],
        segments: [Transcription.SegmentStatistics] = [.speech]
    ) -> Transcription {
        Transcription(text: " " + words.map(\.text).joined(separator: " "), words: words, segments: segments, language: "de")
    }

    /// A transcription of `text` spoken at a normal pace.
    static func transcription(_ text: String, segments: [Transcription.SegmentStatistics] = [.speech]) -> Transcription {
        transcription(words(text), segments: segments)
    }

    /// The texts of `words`.
    static func texts(_ words: [RecognizedWord]) -> [String] { words.map(\.text) }
}

extension Transcription.SegmentStatistics {
    /// Statistics of a segment of clear dictation.
    static let speech = Transcription.SegmentStatistics(noSpeechProbability: 0.03, averageLogProbability: -0.28, compressionRatio: 1.4)
    /// Statistics of a segment Whisper decoded from silence.
    static let silence = Transcription.SegmentStatistics(noSpeechProbability: 0.82, averageLogProbability: -1.21, compressionRatio: 0.9)
    /// Statistics of a segment Whisper judged repetitive.
    static let repetitive = Transcription.SegmentStatistics(noSpeechProbability: 0.04, averageLogProbability: -0.35, compressionRatio: 2.7)
}
