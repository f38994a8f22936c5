import RadScribeSpeech

/// Turns one connection's audio frames, in the format the client announced, into 16 kHz mono samples, pre-processed
/// as configured.
///
/// Every frame must hold whole samples of all channels, so a stream that lost a byte is reported at once instead of
/// turning into noise.
struct AudioIntake: Sendable {
    let format: AudioFormat
    private let maximumFrameBytes: Int
    private var decoder: PCMDecoder
    private var resampler: Resampler
    private var preprocessor: AudioPreprocessor

    init(format: AudioFormat, maximumFrameBytes: Int, preprocessing: AudioPreprocessing) {
        self.format = format
        self.maximumFrameBytes = maximumFrameBytes
        decoder = PCMDecoder(format: format, maximumChunkByteCount: maximumFrameBytes)
        resampler = Resampler(inputSampleRate: format.sampleRate)
        preprocessor = AudioPreprocessor(preprocessing)
    }

    /// The samples of one frame. Throws `frame_too_large` or `invalid_audio`; the stream stays usable.
    mutating func decode(_ bytes: some Collection<UInt8>) throws(RealtimeError) -> [Float] {
        guard bytes.count <= maximumFrameBytes else {
            throw RealtimeError(.frameTooLarge, "an audio frame may hold at most \(maximumFrameBytes) bytes (got \(bytes.count))")
        }
        guard bytes.count % format.bytesPerFrame == 0 else {
            throw RealtimeError(
                .invalidAudio,
                "an audio frame must hold whole samples: a multiple of \(format.bytesPerFrame) bytes for \(format.encoding.rawValue) with \(format.channelCount) channel(s) (got \(bytes.count))"
            )
        }
        do {
            return preprocessor.process(resampler.process(try decoder.decode(bytes)))
        } catch {
            throw RealtimeError(.invalidAudio, error.description)
        }
    }

    /// The resampler's tail at the end of the audio.
    mutating func flush() -> [Float] {
        preprocessor.process(resampler.flush())
    }
}
