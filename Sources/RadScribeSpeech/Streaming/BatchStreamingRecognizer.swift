import Foundation
import RadScribeCore

/// Streams a batch engine: endpointing cuts utterances, the growing utterance is re-decoded whenever the engine is
/// free (LocalAgreement-2 commits what two decodes agree on), and the final decode starts speculatively at silence onset.
///
/// The speculative final is confirmed when the silence lasts long enough to end the utterance, and discarded when
/// speech resumes, so the final arrives one decode after the speech ended rather than one decode after the endpoint.
/// Final decodes always go before partial ones; when the engine falls behind, partials are skipped, never audio.
/// A final decode that fails with a retryable error is tried again, with back-off, from the retained audio.
public actor BatchStreamingRecognizer: SpeechRecognizer {
    public nonisolated let events: AsyncStream<RecognitionEvent>

    private let continuation: AsyncStream<RecognitionEvent>.Continuation
    private let transcriber: any BatchTranscriber
    private let configuration: RecognitionConfiguration
    private let policy: StreamingPolicy
    private let transcriptGuard: TranscriptGuard
    private let clock = ContinuousClock()
    private let preRollSamples: Int
    private let partialStepSamples: Int
    private let speculationDelaySamples: Int

    private var endpointer: Endpointer
    /// Audio of the utterance in progress (and the pre-roll before it); `buffer[0]` is sample `bufferStart` of the stream.
    private var buffer: [Float] = []
    private var bufferStart = 0
    private var current: OpenUtterance?
    private var nextUtteranceIndex = 0
    /// Utterances waiting for (or holding) their final text, in index order.
    private var finals: [FinalJob] = []
    private var inFlight: Job?
    private var engineTask: Task<Void, Never>?
    private var inOutage = false
    /// How long the last partial decode took: partials are spaced at least this far apart in audio, so a slow or
    /// shared engine spends at most about half its time on partials and finals are not kept waiting behind them.
    private var lastPartialDecodeSamples = 0
    private var isFinishing = false
    private var isClosed = false
    private var finishWaiters: [CheckedContinuation<Void, Never>] = []

    /// Creates a recognizer over a batch engine.
    public init(
        transcriber: any BatchTranscriber,
        configuration: RecognitionConfiguration,
        policy: StreamingPolicy = StreamingPolicy(),
        transcriptGuard: TranscriptGuard = TranscriptGuard()
    ) {
        (events, continuation) = AsyncStream.makeStream(of: RecognitionEvent.self)
        self.transcriber = transcriber
        self.configuration = configuration
        self.policy = policy
        self.transcriptGuard = transcriptGuard
        endpointer = Endpointer(configuration: configuration.endpointer)
        preRollSamples = StreamingPolicy.sampleCount(policy.preRoll)
        partialStepSamples = max(1, StreamingPolicy.sampleCount(policy.minimumPartialStep))
        speculationDelaySamples = StreamingPolicy.sampleCount(policy.speculationDelay)
    }

    private var streamEnd: Int { bufferStart + buffer.count }

    public func accept(_ samples: [Float]) {
        guard !isClosed, !isFinishing else { return }
        buffer.append(contentsOf: samples)
        for event in endpointer.process(contentsOf: samples) {
            handle(event)
        }
        speculateIfSilenceHolds()
        trimBuffer()
        pump()
    }

    public func finish() async {
        guard !isClosed else { return }
        if !isFinishing {
            isFinishing = true
            if let current {
                if let position = finals.firstIndex(where: { $0.index == current.index }) {
                    finals[position].isConfirmed = true
                } else {
                    queueFinal(for: current, end: streamEnd, confirmed: true)
                }
                self.current = nil
            }
            emitReadyFinals()
            pump()
        }
        await withCheckedContinuation { waiter in
            finishWaiters.append(waiter)
            closeIfDone()
        }
    }

    public func cancel() {
        engineTask?.cancel()
        close()
    }

    // MARK: - Endpointing

    private func handle(_ event: EndpointEvent) {
        switch event {
        case .speechStart(let offset):
            let start = max(bufferStart, offset - preRollSamples)
            current = OpenUtterance(index: nextUtteranceIndex, start: start)
            nextUtteranceIndex += 1
        case .silenceOnset(let offset):
            guard var utterance = current else { return }
            utterance.silenceOnset = (offset, clock.now)
            current = utterance
        case .speechResumed:
            guard var utterance = current else { return }
            utterance.silenceOnset = nil
            current = utterance
            finals.removeAll { $0.index == utterance.index && !$0.isConfirmed }
        case .utteranceEnd(_, let endOffset, _):
            guard let utterance = current else { return }
            if let position = finals.firstIndex(where: { $0.index == utterance.index }), finals[position].end == endOffset {
                finals[position].isConfirmed = true
            } else {
                finals.removeAll { $0.index == utterance.index }
                queueFinal(for: utterance, end: endOffset, confirmed: true)
            }
            current = nil
            emitReadyFinals()
        }
    }

    /// Starts the speculative final once the silence has lasted ``StreamingPolicy/speculationDelay``.
    private func speculateIfSilenceHolds() {
        guard let utterance = current, let onset = utterance.silenceOnset, streamEnd - onset.offset >= speculationDelaySamples,
            !finals.contains(where: { $0.index == utterance.index })
        else { return }
        queueFinal(for: utterance, end: onset.offset, confirmed: false)
    }

    private func queueFinal(for utterance: OpenUtterance, end: Int, confirmed: Bool) {
        let from = max(utterance.start, bufferStart) - bufferStart
        let to = min(max(end, utterance.start), streamEnd) - bufferStart
        finals.append(
            FinalJob(
                index: utterance.index,
                start: utterance.start,
                end: end,
                samples: Array(buffer[from..<max(from, to)]),
                speechEndedAt: utterance.silenceOnset?.at ?? clock.now,
                isConfirmed: confirmed
            )
        )
    }

    /// Keeps only the audio the utterance in progress (or a future one's pre-roll) can still need.
    private func trimBuffer() {
        let keepFrom = current?.start ?? (streamEnd - preRollSamples)
        let drop = min(keepFrom - bufferStart, buffer.count)
        if drop > 0 {
            buffer.removeFirst(drop)
            bufferStart += drop
        }
    }

    // MARK: - Scheduling

    /// Starts the next decode when the engine is free: the oldest final first, else a partial of the utterance in progress.
    private func pump() {
        guard inFlight == nil, !isClosed else { return }
        if let final = finals.first(where: { $0.result == nil }) {
            start(.final(index: final.index, end: final.end, samples: final.samples, attempt: 0, firstTriedAt: clock.now))
        } else if policy.partialsEnabled, var utterance = current, utterance.silenceOnset == nil,
            streamEnd - utterance.lastPartialEnd >= max(partialStepSamples, lastPartialDecodeSamples)
        {
            utterance.lastPartialEnd = streamEnd
            current = utterance
            let from = max(utterance.start, bufferStart) - bufferStart
            start(.partial(index: utterance.index, start: utterance.start, samples: Array(buffer[from...])))
        }
    }

    private func start(_ job: Job) {
        inFlight = job
        let transcriber = transcriber
        let request = TranscriptionRequest(
            samples: job.samples,
            language: configuration.language,
            prompt: configuration.vocabularyPrompt,
            wantsWords: job.isFinal
        )
        let clock = clock
        engineTask = Task {
            let started = clock.now
            let outcome: Result<Transcription, SpeechEngineError>
            do throws(SpeechEngineError) {
                outcome = .success(try await transcriber.transcribe(request))
            } catch {
                outcome = .failure(error)
            }
            await self.completed(job, outcome, elapsed: clock.now - started)
        }
    }

    private func completed(_ job: Job, _ outcome: Result<Transcription, SpeechEngineError>, elapsed: Duration) async {
        inFlight = nil
        guard !isClosed else { return }
        switch (job, outcome) {
        case (.partial(let index, let start, _), .success(let transcription)):
            lastPartialDecodeSamples = Int(elapsed / .milliseconds(1)) * Endpointer.sampleRate / 1_000
            recovered()
            publishPartial(transcription, utteranceIndex: index, start: start)
        case (.partial, .failure):
            break
        case (.final(let index, let end, _, _, _), .success(let transcription)):
            recovered()
            storeFinal(transcription, index: index, end: end, elapsed: elapsed)
        case (.final(let index, let end, let samples, let attempt, let firstTriedAt), .failure(let error)):
            await retryOrGiveUp(index: index, end: end, samples: samples, attempt: attempt, firstTriedAt: firstTriedAt, error: error)
            return
        }
        emitReadyFinals()
        pump()
    }

    private func retryOrGiveUp(
        index: Int,
        end: Int,
        samples: [Float],
        attempt: Int,
        firstTriedAt: ContinuousClock.Instant,
        error: SpeechEngineError
    ) async {
        guard error.isRetryable, clock.now - firstTriedAt < policy.maximumRetryDuration else {
            let wasConfirmed = finals.contains { $0.index == index && $0.end == end && $0.isConfirmed }
            finals.removeAll { $0.index == index && $0.end == end }
            // A speculative final that fails is only dropped: the endpoint queues the decisive decode.
            if wasConfirmed {
                continuation.yield(.utteranceLost(utteranceIndex: index, error))
            }
            emitReadyFinals()
            pump()
            return
        }
        if !inOutage {
            inOutage = true
            continuation.yield(.engineUnavailable(error))
        }
        let delay = min(policy.initialRetryDelay * (1 << min(attempt, 16)), policy.maximumRetryDelay)
        let retry = Job.final(index: index, end: end, samples: samples, attempt: attempt + 1, firstTriedAt: firstTriedAt)
        inFlight = retry
        engineTask = Task {
            try? await Task.sleep(for: delay)
            await self.retry(retry)
        }
    }

    private func retry(_ job: Job) {
        guard !isClosed, case .final(let index, let end, _, _, _) = job,
            finals.contains(where: { $0.index == index && $0.end == end && $0.result == nil })
        else {
            inFlight = nil
            pump()
            return
        }
        start(job)
    }

    private func recovered() {
        guard inOutage else { return }
        inOutage = false
        continuation.yield(.engineRecovered)
    }

    // MARK: - Results

    private func publishPartial(_ transcription: Transcription, utteranceIndex: Int, start: Int) {
        guard var utterance = current, utterance.index == utteranceIndex else { return }
        let guarded = transcriptGuard.apply(to: transcription, prompt: configuration.vocabularyPrompt, language: configuration.language)
        let offset = Double(start) / Double(Endpointer.sampleRate)
        // Partial decodes carry no word timings (their words sit at the utterance start) and no word probabilities
        // (each word gets the decode's mean token probability).
        let logProbabilities = guarded.transcription.segments.compactMap(\.averageLogProbability)
        let confidence = logProbabilities.isEmpty ? 0 : exp(logProbabilities.reduce(0, +) / Double(logProbabilities.count))
        let words = guarded.transcription.text.split(whereSeparator: \.isWhitespace).map {
            RecognizedWord(text: String($0), start: offset, end: offset, confidence: confidence)
        }
        _ = utterance.agreement.insert(words)
        current = utterance
        let text = (utterance.agreement.committed + utterance.agreement.tentative).map(\.text).joined(separator: " ")
        guard !text.isEmpty else { return }
        continuation.yield(
            .partial(
                PartialHypothesis(
                    utteranceIndex: utteranceIndex,
                    committedWords: utterance.agreement.committed,
                    tentativeWords: utterance.agreement.tentative,
                    text: text
                )
            )
        )
    }

    private func storeFinal(_ transcription: Transcription, index: Int, end: Int, elapsed: Duration) {
        guard let position = finals.firstIndex(where: { $0.index == index && $0.end == end }) else { return }
        let job = finals[position]
        let guarded = transcriptGuard.apply(to: transcription, prompt: configuration.vocabularyPrompt, language: configuration.language)
        let offset = Double(job.start) / Double(Endpointer.sampleRate)
        finals[position].result = UtteranceTranscript(
            utteranceIndex: index,
            text: guarded.transcription.text,
            words: guarded.transcription.words.map { $0.shifted(by: offset) },
            start: offset,
            end: Double(job.end) / Double(Endpointer.sampleRate),
            decodeDuration: elapsed,
            guardActions: guarded.actions,
            speechEndedAt: job.speechEndedAt
        )
    }

    /// Emits confirmed finals in index order; a speculative one holds back those after it.
    private func emitReadyFinals() {
        while let first = finals.first, first.isConfirmed, let result = first.result {
            finals.removeFirst()
            continuation.yield(.final(result))
        }
        closeIfDone()
    }

    private func closeIfDone() {
        if isFinishing, current == nil, finals.isEmpty, !finishWaiters.isEmpty {
            close()
        }
    }

    private func close() {
        guard !isClosed else { return }
        isClosed = true
        continuation.finish()
        let waiters = finishWaiters
        finishWaiters = []
        for waiter in waiters {
            waiter.resume()
        }
    }
}

/// The utterance being spoken.
private struct OpenUtterance {
    var index: Int
    var start: Int
    var silenceOnset: (offset: Int, at: ContinuousClock.Instant)?
    var lastPartialEnd: Int
    var agreement = LocalAgreement()

    init(index: Int, start: Int) {
        self.index = index
        self.start = start
        lastPartialEnd = start
    }
}

/// An utterance that has ended (or, speculatively, may have ended) and needs its final decode.
private struct FinalJob {
    var index: Int
    var start: Int
    var end: Int
    var samples: [Float]
    var speechEndedAt: ContinuousClock.Instant
    var isConfirmed: Bool
    var result: UtteranceTranscript?
}

/// One decode request in flight.
private enum Job {
    case partial(index: Int, start: Int, samples: [Float])
    case final(index: Int, end: Int, samples: [Float], attempt: Int, firstTriedAt: ContinuousClock.Instant)

    var samples: [Float] {
        switch self {
        case .partial(_, _, let samples), .final(_, _, let samples, _, _): samples
        }
    }

    /// Finals ask for word timings; partials do not, which makes them cheaper.
    var isFinal: Bool {
        if case .final = self { return true }
        return false
    }
}
