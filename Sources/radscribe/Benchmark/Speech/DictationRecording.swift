import Synchronization

/// A transcription update and when it arrived, measured from the moment streaming began.
struct TimedUpdate: Sendable, Equatable {
    var receivedAt: Duration
    var update: TranscriptionUpdate
}

/// What the benchmark saw while streaming one dictation; times are measured from the moment streaming began.
struct DictationRecording: Sendable, Equatable {
    /// How the session ended.
    enum Outcome: String, Sendable, Equatable {
        /// `transcription_stopped` arrived.
        case stopped
        /// The server closed the connection before `transcription_stopped`.
        case closedEarly
        /// No `transcription_stopped` within the timeout.
        case timedOut
    }

    /// For each sentence, when the frame holding its last speech sample was sent; `nil` if it was never sent.
    var speechEndSentAt: [Duration?]
    /// Every `transcription_update`, in arrival order.
    var updates: [TimedUpdate] = []
    /// The types of `error` messages, in arrival order.
    var errorTypes: [String] = []
    /// The `state` of each `engine_status` message.
    var engineStates: [String] = []
    /// Message types the benchmark does not expect.
    var otherTypes: [String] = []
    var outcome = Outcome.closedEarly
}

/// Collects one session's events from its sending and its receiving task.
final class SessionRecorder: Sendable {
    private struct State {
        var origin: ContinuousClock.Instant?
        var sessionStarted = false
        var speechEnds: [ContinuousClock.Instant?]
        var updates: [(ContinuousClock.Instant, TranscriptionUpdate)] = []
        var errorTypes: [String] = []
        var engineStates: [String] = []
        var otherTypes: [String] = []
        var stopped = false
        var timedOut = false
    }

    private let state: Mutex<State>

    /// A recorder for a dictation of `sentenceCount` sentences.
    init(sentenceCount: Int) {
        state = Mutex(State(speechEnds: Array(repeating: nil, count: sentenceCount)))
    }

    /// Whether the server answered `start_transcription` with `session_started`.
    var sessionStarted: Bool { state.withLock { $0.sessionStarted } }

    /// Marks the moment the first audio frame became due: the origin of all recorded times.
    func startStreaming(at instant: ContinuousClock.Instant) {
        state.withLock { $0.origin = instant }
    }

    /// Notes that the frame holding the last speech sample of `sentence` was sent at `instant`.
    func speechEnded(sentence: Int, at instant: ContinuousClock.Instant) {
        state.withLock { $0.speechEnds[sentence] = instant }
    }

    /// Records a server message that arrived at `instant`.
    func record(_ message: RealtimeServerMessage, at instant: ContinuousClock.Instant) {
        state.withLock { state in
            switch message {
            case .sessionStarted: state.sessionStarted = true
            case .update(let update): state.updates.append((instant, update))
            case .stopped: state.stopped = true
            case .engineStatus(let engineState): state.engineStates.append(engineState)
            case .error(let type): state.errorTypes.append(type)
            case .other(let type): state.otherTypes.append(type)
            }
        }
    }

    /// Notes that `transcription_stopped` did not come in time.
    func timedOut() {
        state.withLock { $0.timedOut = true }
    }

    /// The recording so far, with times relative to the start of streaming.
    func recording() -> DictationRecording {
        state.withLock { state in
            let origin = state.origin ?? state.updates.first?.0 ?? .now
            var recording = DictationRecording(speechEndSentAt: state.speechEnds.map { $0.map { $0 - origin } })
            recording.updates = state.updates.map { TimedUpdate(receivedAt: $0.0 - origin, update: $0.1) }
            recording.errorTypes = state.errorTypes
            recording.engineStates = state.engineStates
            recording.otherTypes = state.otherTypes
            recording.outcome = state.stopped ? .stopped : state.timedOut ? .timedOut : .closedEarly
            return recording
        }
    }
}
