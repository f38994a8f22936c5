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
    /// How urgently the text is needed; an engine that schedules decodes lets ``DecodePriority/normal`` go first.
    public var priority: DecodePriority

    /// Creates a request.
    public init(
        samples: [Float],
        language: Language?,
        prompt: String? = nil,
        wantsWords: Bool = true,
        priority: DecodePriority = .normal
    ) {
        self.samples = samples
        self.language = language
        self.prompt = prompt
        self.wantsWords = wantsWords
        self.priority = priority
    }

    /// The clip's length in seconds.
    public var duration: Double { Double(samples.count) / Double(Endpointer.sampleRate) }
}

/// How urgently a decode's text is needed.
public enum DecodePriority: String, Sendable, Hashable {
    /// Someone waits for this text: a final segment, an uploaded file.
    case normal
    /// A partial hypothesis of an utterance still being spoken, replaced moments later: it may wait, be decoded more
    /// cheaply (greedily), and must not hold up a normal decode.
    case low
}
