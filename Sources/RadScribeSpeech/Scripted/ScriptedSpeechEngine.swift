import RadScribeCore

/// A deterministic engine for tests of the pipeline around the engine (sessions, storage, protocols); never the default.
///
/// It uses the real endpointer on the real audio, and gives the n-th utterance the n-th line of its script (cycling),
/// with words spread evenly over the utterance. While an utterance is spoken it sends partials with a growing prefix.
public struct ScriptedSpeechEngine: SpeechEngine {
    public let name = "scripted"
    private let script: [String]
    private let wordConfidence: Double

    /// Creates an engine that says `script`, one line per utterance; every word gets `wordConfidence`.
    public init(script: [String], wordConfidence: Double = 0.9) {
        precondition(!script.isEmpty, "a script needs at least one line")
        self.script = script
        self.wordConfidence = wordConfidence
    }

    public func startRecognition(_ configuration: RecognitionConfiguration) async throws(SpeechEngineError) -> any SpeechRecognizer {
        ScriptedRecognizer(script: script, wordConfidence: wordConfidence, endpointer: Endpointer(configuration: configuration.endpointer))
    }
}

/// The recognizer of ``ScriptedSpeechEngine``.
actor ScriptedRecognizer: SpeechRecognizer {
    nonisolated let events: AsyncStream<RecognitionEvent>
    private let continuation: AsyncStream<RecognitionEvent>.Continuation
    private let script: [String]
    private let wordConfidence: Double
    private var endpointer: Endpointer
    private var utteranceIndex = 0
    private var speechStart: Int?
    private var streamEnd = 0
    private var lastPartialAt = 0

    init(script: [String], wordConfidence: Double, endpointer: Endpointer) {
        (events, continuation) = AsyncStream.makeStream(of: RecognitionEvent.self)
        self.script = script
        self.wordConfidence = wordConfidence
        self.endpointer = endpointer
    }

    func accept(_ samples: [Float]) {
        streamEnd += samples.count
        for event in endpointer.process(contentsOf: samples) {
            switch event {
            case .speechStart(let offset):
                speechStart = offset
                lastPartialAt = offset
            case .utteranceEnd(let start, let end, _):
                emitFinal(start: start, end: end)
            case .silenceOnset, .speechResumed:
                break
            }
        }
        if let start = speechStart, streamEnd - lastPartialAt >= Endpointer.sampleRate / 2 {
            lastPartialAt = streamEnd
            let words = words(start: start, end: streamEnd)
            let spoken = Array(words.prefix(max(1, words.count * (streamEnd - start) / (Endpointer.sampleRate * 3))))
            continuation.yield(
                .partial(
                    PartialHypothesis(
                        utteranceIndex: utteranceIndex,
                        committedWords: Array(spoken.dropLast()),
                        tentativeWords: Array(spoken.suffix(1)),
                        text: spoken.map(\.text).joined(separator: " ")
                    )
                )
            )
        }
    }

    func finish() {
        if let start = speechStart {
            emitFinal(start: start, end: streamEnd)
        }
        continuation.finish()
    }

    func cancel() {
        continuation.finish()
    }

    private func emitFinal(start: Int, end: Int) {
        let words = words(start: start, end: end)
        continuation.yield(
            .final(
                UtteranceTranscript(
                    utteranceIndex: utteranceIndex,
                    text: words.map(\.text).joined(separator: " "),
                    words: words,
                    start: Self.seconds(start),
                    end: Self.seconds(end),
                    decodeDuration: .zero,
                    speechEndedAt: .now
                )
            )
        )
        utteranceIndex += 1
        speechStart = nil
    }

    private func words(start: Int, end: Int) -> [RecognizedWord] {
        let texts = script[utteranceIndex % script.count].split(separator: " ").map(String.init)
        let step = Self.seconds(end - start) / Double(max(texts.count, 1))
        return texts.enumerated().map { position, text in
            let wordStart = Self.seconds(start) + Double(position) * step
            return RecognizedWord(text: text, start: wordStart, end: wordStart + step, confidence: wordConfidence)
        }
    }

    private static func seconds(_ samples: Int) -> Double { Double(samples) / Double(Endpointer.sampleRate) }
}
