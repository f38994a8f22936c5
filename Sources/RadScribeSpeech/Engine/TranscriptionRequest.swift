import RadScribeCore

/// One clip of audio for a batch speech engine to decode.
public struct TranscriptionRequest: Sendable {
    /// Mono samples at 16 kHz, in -1...1.
    public var samples: [Float]
    /// The language to decode in; `nil` lets the engine detect it.
    public var language: Language?
    /// A vocabulary prompt that biases recognition towards these words (Whisper's `prompt`).
    public var prompt: String?
    /// Whether word timings and confidences are wanted (they cost decode time).
    public var wantsWords: Bool

    /// Creates a request.
    public init(samples: [Float], language: Language?, prompt: String? = nil, wantsWords: Bool = true) {
        self.samples = samples
        self.language = language
        self.prompt = prompt
        self.wantsWords = wantsWords
    }

    /// The clip's length in seconds.
    public var duration: Double { Double(samples.count) / Double(Endpointer.sampleRate) }
}
