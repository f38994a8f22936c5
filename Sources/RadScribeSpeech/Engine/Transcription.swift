import RadScribeCore

/// What a batch speech engine returned for one clip of audio.
///
/// Word times are relative to the start of the clip. The decoder statistics are those of Whisper's `verbose_json`
/// segments; engines that do not report them leave them `nil`, and the guards that need them then do nothing.
public struct Transcription: Sendable, Hashable {
    /// Decoder statistics of one engine segment, used to recognise hallucinated text.
    public struct SegmentStatistics: Sendable, Hashable {
        /// The engine's probability that the segment holds no speech.
        public var noSpeechProbability: Double?
        /// The mean log probability of the segment's tokens.
        public var averageLogProbability: Double?
        /// The gzip compression ratio of the segment's text; high values mean repetition.
        public var compressionRatio: Double?

        /// Creates statistics.
        public init(noSpeechProbability: Double?, averageLogProbability: Double?, compressionRatio: Double?) {
            self.noSpeechProbability = noSpeechProbability
            self.averageLogProbability = averageLogProbability
            self.compressionRatio = compressionRatio
        }
    }

    /// The whole text.
    public var text: String
    /// The words with clip-relative timing; empty when the engine returned none.
    public var words: [RecognizedWord]
    /// Statistics per engine segment, when the engine reported them.
    public var segments: [SegmentStatistics]
    /// The language the engine decoded in, as it named it (`en`, `de`, `english` …), when it said.
    public var language: String?

    /// Creates a transcription.
    public init(text: String, words: [RecognizedWord], segments: [SegmentStatistics] = [], language: String? = nil) {
        self.text = text
        self.words = words
        self.segments = segments
        self.language = language
    }
}
