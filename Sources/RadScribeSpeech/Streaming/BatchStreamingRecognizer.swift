import Foundation
import RadScribeCore

/// Streams a batch engine: endpointing cuts utterances, the growing utterance is re-decoded whenever the engine is
/// free (LocalAgreement-2 commits what two decodes agree on), and the final decode starts speculatively at silence onset.
///
/// The speculative final is confirmed when the silence lasts long enough to end the utterance, and discarded when
/// speech resumes (its text then serves as a partial), so the final arrives one decode after the speech ended rather
/// than one decode after the endpoint. A final decode starts even while a partial (``DecodePriority/low``) or a
/// discarded speculative decode is still running, so an engine that decodes in parallel or by priority never keeps a
/// final waiting behind them; a partial starts only when nothing else is decoding. When the engine falls behind,
/// partials are skipped, never audio. A final decode that fails with a retryable error is tried again, with back-off,
/// from the retained audio.
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
    /// Decodes running (or, for a final, waiting to be retried), by job number.
    private var running: [Int: RunningDecode] = [:]
    private var nextJobNumber = 0
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
        for decode in running.values {
            decode.task.cancel()
        }
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

    /// Starts what the engine should decode next: the oldest final that waits (one at a time, in order, even while a
    /// partial or a discarded speculative decode runs), and, when nothing at all is decoding, a partial of the
    /// utterance in progress.
    private func pump() {
        guard !isClosed else { return }
        if !running.values.contains(where: { isWantedFinal($0.job) }), let final = finals.first(where: { $0.result == nil }) {
            start(.final(index: final.index, end: final.end, samples: final.samples, attempt: 0, firstTriedAt: clock.now))
        }
        if running.isEmpty, policy.partialsEnabled, var utterance = current, utterance.silenceOnset == nil,
            streamEnd - utterance.lastPartialEnd >= max(partialStepSamples, lastPartialDecodeSamples)
        {
            utterance.lastPartialEnd = streamEnd
            current = utterance
            let from = max(utterance.start, bufferStart) - bufferStart
            start(.partial(index: utterance.index, start: utterance.start, samples: Array(buffer[from...])))
        }
    }

    /// Whether `job` is a final decode whose result is still waited for (not one discarded because speech resumed).
    private func isWantedFinal(_ job: Job) -> Bool {
        guard case .final(let index, let end, _, _, _) = job else { return false }
        return finals.contains { $0.index == index && $0.end == end && $0.result == nil }
    }

    private func start(_ job: Job, number: Int? = nil) {
        let number = number ?? nextJobNumber
        nextJobNumber = max(nextJobNumber, number + 1)
        let transcriber = transcriber
        let request = TranscriptionRequest(
            samples: job.samples,
            language: configuration.language,
            prompt: configuration.vocabularyPrompt,
            wantsWords: job.isFinal,
            priority: job.isFinal ? .normal : .low
        )
        let clock = clock
        let task = Task {
            let started = clock.now
            let outcome: Result<Transcription, SpeechEngineError>
            do throws(SpeechEngineError) {
                outcome = .success(try await transcriber.transcribe(request))
            } catch {
                outcome = .failure(error)
            }
            self.completed(number, job, outcome, startedAt: started)
        }
        running[number] = RunningDecode(job: job, task: task)
    }

    private func completed(
        _ number: Int,
        _ job: Job,
        _ outcome: Result<Transcription, SpeechEngineError>,
        startedAt: ContinuousClock.Instant
    ) {
        let elapsed = clock.now - startedAt
        running[number] = nil
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
            if !storeFinal(transcription, index: index, end: end, startedAt: startedAt, elapsed: elapsed), let utterance = current,
                utterance.index == index
            {
                // A speculative final discarded because speech resumed: its text is a hypothesis of the utterance so far.
                publishPartial(transcription, utteranceIndex: index, start: utterance.start)
            }
        case (.final(let index, let end, let samples, let attempt, let firstTriedAt), .failure(let error)):
            retryOrGiveUp(
                number,
                index: index,
                end: end,
                samples: samples,
                attempt: attempt,
                firstTriedAt: firstTriedAt,
                error: error
            )
            return
        }
        emitReadyFinals()
        pump()
    }

    private func retryOrGiveUp(
        _ number: Int,
        index: Int,
        end: Int,
        samples: [Float],
        attempt: Int,
        firstTriedAt: ContinuousClock.Instant,
        error: SpeechEngineError
    ) {
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
        let task = Task {
            try? await Task.sleep(for: delay)
            self.retry(number, retry)
        }
        running[number] = RunningDecode(job: retry, task: task)
    }

    private func retry(_ number: Int, _ job: Job) {
        guard !isClosed else { return }
        guard isWantedFinal(job) else {
            running[number] = nil
            pump()
            return
        }
        start(job, number: number)
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

    /// Stores a final decode's text with its utterance; `false` when the utterance no longer waits for it.
    private func storeFinal(
        _ transcription: Transcription,
        index: Int,
        end: Int,
        startedAt: ContinuousClock.Instant,
        elapsed: Duration
    ) -> Bool {
        guard let position = finals.firstIndex(where: { $0.index == index && $0.end == end }) else { return false }
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
            speechEndedAt: job.speechEndedAt,
            decodeStartedAt: startedAt
        )
        return true
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

/// A decode request in flight (or a final waiting for its retry) and the task that runs it.
private struct RunningDecode {
    var job: Job
    var task: Task<Void, Never>
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
