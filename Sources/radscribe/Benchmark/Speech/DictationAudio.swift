import RadScribeSpeech

/// The speech of one sentence inside a session's audio, in seconds from the start of that audio.
struct SpeechSpan: Sendable, Equatable, Codable {
    /// The first sample above the silence threshold.
    var start: Double
    /// Just after the last sample above the silence threshold: the end of speech.
    var end: Double
}

/// The audio of one dictation as the benchmark streams it: the sentences one after another, a pause between them,
/// trailing silence after the last, cut into 20 ms frames.
struct DictationAudio: Sendable {
    /// Samples per second.
    var sampleRate: Int
    /// The whole session's samples, mono PCM16.
    var samples: [Int16]
    /// Where each sentence's speech lies.
    var speechSpans: [SpeechSpan]
    /// For each sentence, the frame that holds its last sample above the silence threshold.
    var speechEndFrames: [Int]

    /// A sample whose magnitude exceeds this is speech (about −40 dBFS; espeak-ng's silence is 0).
    static let silenceThreshold = 300
    /// The length of one frame: 20 ms.
    static let framesPerSecond = 50

    /// Why the sentences cannot form one session.
    enum AssemblyError: Error, Equatable, CustomStringConvertible {
        case noSentences
        case mixedSampleRates

        var description: String {
            switch self {
            case .noSentences: "a dictation without sentences"
            case .mixedSampleRates: "the synthesised sentences have different sample rates"
            }
        }
    }

    /// Joins the sentences' audio with `pause` of silence between them and `trailingSilence` after the last.
    /// - Throws: ``AssemblyError`` when there are no sentences or their sample rates differ.
    init(sentences: [WAVFile], pause: Duration, trailingSilence: Duration) throws(AssemblyError) {
        guard let sampleRate = sentences.first?.sampleRate else { throw .noSentences }
        guard sentences.allSatisfy({ $0.sampleRate == sampleRate }) else { throw .mixedSampleRates }
        let frameLength = sampleRate / Self.framesPerSecond
        var samples: [Int16] = []
        var spans: [SpeechSpan] = []
        var endFrames: [Int] = []
        for (index, sentence) in sentences.enumerated() {
            let sentenceSamples = sentence.samples.map { Int16(clamping: Int(($0 * 32_767).rounded())) }
            let offset = samples.count
            let isLoud = { (sample: Int16) in abs(Int(sample)) > Self.silenceThreshold }
            let first = sentenceSamples.firstIndex(where: isLoud) ?? 0
            let afterLast = sentenceSamples.lastIndex(where: isLoud).map { $0 + 1 } ?? 0
            spans.append(
                SpeechSpan(start: Double(offset + first) / Double(sampleRate), end: Double(offset + afterLast) / Double(sampleRate))
            )
            endFrames.append(max(offset + afterLast - 1, 0) / frameLength)
            samples += sentenceSamples
            let silence = index == sentences.count - 1 ? trailingSilence : pause
            samples += repeatElement(0, count: Self.sampleCount(of: silence, at: sampleRate))
        }
        self.sampleRate = sampleRate
        self.samples = samples
        self.speechSpans = spans
        self.speechEndFrames = endFrames
    }

    /// Samples in one 20 ms frame.
    var frameLength: Int { sampleRate / Self.framesPerSecond }

    /// The number of frames; the last may be shorter.
    var frameCount: Int { (samples.count + frameLength - 1) / frameLength }

    /// Length of the whole session's audio.
    var duration: Duration { .milliseconds(samples.count * 1000 / sampleRate) }

    /// The samples of frame `index`.
    func frame(_ index: Int) -> ArraySlice<Int16> {
        samples[(index * frameLength)..<min((index + 1) * frameLength, samples.count)]
    }

    private static func sampleCount(of duration: Duration, at sampleRate: Int) -> Int {
        Int(duration / .milliseconds(1)) * sampleRate / 1000
    }
}
