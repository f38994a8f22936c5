import Foundation

/// An energy-based voice-activity endpointer for 16 kHz mono audio, written as a pure state machine.
///
/// Feed it consecutive frames of ``EndpointerConfiguration/frameDuration``; each call returns the events the frame
/// caused. A frame is voiced when its energy exceeds an adaptive noise floor by ``EndpointerConfiguration/speechThreshold``.
/// The floor follows quiet frames between utterances: quickly downwards, slowly upwards.
///
/// ```swift
/// var endpointer = Endpointer()
/// for event in endpointer.process(contentsOf: samples) {
///     if case .silenceOnset = event { startSpeculativeDecode() }
/// }
/// ```
public struct Endpointer: Sendable {
    /// The sample rate the endpointer works at, in hertz.
    public static let sampleRate = 16_000
    /// The fraction of the gap the noise floor closes per quiet frame when the frame is quieter than the floor.
    private static let floorFallRate: Float = 0.3
    /// The fraction of the gap the noise floor closes per quiet frame when the frame is louder than the floor.
    private static let floorRiseRate: Float = 0.02

    private enum State: Sendable {
        case idle(voicedFrameCount: Int, firstVoicedOffset: Int)
        case speaking(startOffset: Int)
        case trailingSilence(startOffset: Int, silenceOffset: Int)
    }

    /// The tuning this endpointer runs with.
    public let configuration: EndpointerConfiguration
    private let frameLength: Int
    private let utteranceEndSilenceSamples: Int
    private let maximumUtteranceSamples: Int
    private var state = State.idle(voicedFrameCount: 0, firstVoicedOffset: 0)
    private var noiseFloor: Float?
    private var nextSampleOffset = 0
    private var pendingSamples: [Float] = []

    /// Creates an endpointer at the start of a stream.
    ///
    /// - Parameter configuration: The tuning; the defaults give 20 ms frames, a 500 ms end silence and a 30 s cut.
    public init(configuration: EndpointerConfiguration = EndpointerConfiguration()) {
        self.configuration = configuration
        frameLength = configuration.frameDuration.sampleCount
        utteranceEndSilenceSamples = configuration.utteranceEndSilence.speechSampleCount
        maximumUtteranceSamples = configuration.maximumUtteranceDuration.speechSampleCount
    }

    /// The current noise floor estimate in dBFS, or `nil` before the first frame.
    public var noiseFloorLevel: Float? { noiseFloor }

    /// Whether an utterance is in progress, including its trailing silence.
    public var isInUtterance: Bool {
        if case .idle = state { return false }
        return true
    }

    /// Processes one frame.
    ///
    /// - Parameter frame: Exactly ``EndpointerConfiguration/FrameDuration/sampleCount`` samples following the previous frame.
    /// - Returns: The events this frame caused, in order; usually none.
    public mutating func process(_ frame: ArraySlice<Float>) -> [EndpointEvent] {
        precondition(frame.count == frameLength, "frame must hold exactly one frameDuration of 16 kHz samples")
        let frameStart = nextSampleOffset
        let frameEnd = frameStart + frameLength
        nextSampleOffset = frameEnd
        let level = Self.level(of: frame)
        let floor = noiseFloor ?? level
        let audible = level > configuration.minimumSpeechLevel
        let voiced = audible && level > floor + configuration.speechThreshold
        let sustained = audible && level > floor + configuration.continuationThreshold
        var events: [EndpointEvent] = []
        switch state {
        case .idle(let voicedFrameCount, let firstVoicedOffset):
            guard voiced else {
                noiseFloor = Self.adapted(floor, towards: level)
                state = .idle(voicedFrameCount: 0, firstVoicedOffset: frameEnd)
                return events
            }
            let runStart = voicedFrameCount == 0 ? frameStart : firstVoicedOffset
            if voicedFrameCount + 1 >= configuration.speechStartFrameCount {
                events.append(.speechStart(sampleOffset: runStart))
                state = .speaking(startOffset: runStart)
            } else {
                noiseFloor = floor
                state = .idle(voicedFrameCount: voicedFrameCount + 1, firstVoicedOffset: runStart)
            }
        case .speaking(let startOffset):
            if !sustained {
                events.append(.silenceOnset(sampleOffset: frameStart))
                state = .trailingSilence(startOffset: startOffset, silenceOffset: frameStart)
            }
        case .trailingSilence(let startOffset, let silenceOffset):
            if voiced {
                events.append(.speechResumed(sampleOffset: frameStart))
                state = .speaking(startOffset: startOffset)
            } else if frameEnd - silenceOffset >= utteranceEndSilenceSamples {
                events.append(.utteranceEnd(startOffset: startOffset, endOffset: silenceOffset, reason: .silence))
                state = .idle(voicedFrameCount: 0, firstVoicedOffset: frameEnd)
            }
        }
        cutIfTooLong(at: frameEnd, events: &events)
        return events
    }

    /// Processes samples of any length, cutting them into frames and holding back an incomplete last frame.
    ///
    /// - Parameter samples: The next 16 kHz samples of the stream.
    /// - Returns: The events of all frames completed by these samples, in order.
    public mutating func process(contentsOf samples: some Collection<Float>) -> [EndpointEvent] {
        pendingSamples.append(contentsOf: samples)
        var events: [EndpointEvent] = []
        var frameStart = 0
        while pendingSamples.count - frameStart >= frameLength {
            events.append(contentsOf: process(pendingSamples[frameStart..<frameStart + frameLength]))
            frameStart += frameLength
        }
        pendingSamples.removeFirst(frameStart)
        return events
    }

    private mutating func cutIfTooLong(at frameEnd: Int, events: inout [EndpointEvent]) {
        let startOffset: Int
        let endOffset: Int
        switch state {
        case .idle:
            return
        case .speaking(let start):
            (startOffset, endOffset) = (start, frameEnd)
        case .trailingSilence(let start, let silence):
            (startOffset, endOffset) = (start, silence)
        }
        guard frameEnd - startOffset >= maximumUtteranceSamples else { return }
        events.append(.utteranceEnd(startOffset: startOffset, endOffset: endOffset, reason: .maximumDuration))
        state = .idle(voicedFrameCount: 0, firstVoicedOffset: frameEnd)
    }

    /// The frame's mean energy in dBFS (a full-scale square wave is 0 dBFS).
    private static func level(of frame: ArraySlice<Float>) -> Float {
        var energy: Float = 0
        for sample in frame {
            energy += sample * sample
        }
        return 10 * log10(energy / Float(frame.count) + 1e-10)
    }

    private static func adapted(_ floor: Float, towards level: Float) -> Float {
        floor + (level < floor ? floorFallRate : floorRiseRate) * (level - floor)
    }
}
