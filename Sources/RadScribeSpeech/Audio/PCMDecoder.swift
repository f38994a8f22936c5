/// Decodes a stream of raw PCM byte chunks into mono Float32 samples in [-1, 1].
///
/// Stereo is down-mixed by averaging the two channels. Chunk boundaries need not align with frames: bytes of an
/// incomplete trailing frame are kept and completed by the next chunk.
public struct PCMDecoder: Sendable {
    /// The format of the incoming bytes.
    public let format: AudioFormat
    /// The largest chunk ``decode(_:into:)`` accepts, in bytes.
    public let maximumChunkByteCount: Int
    private var pendingBytes: [UInt8] = []

    /// Creates a decoder for one stream.
    ///
    /// - Parameters:
    ///   - format: The format of the incoming bytes.
    ///   - maximumChunkByteCount: The largest chunk accepted; the default admits one second of 48 kHz stereo Float32.
    public init(format: AudioFormat, maximumChunkByteCount: Int = 384_000) {
        precondition(maximumChunkByteCount > 0, "maximumChunkByteCount must be positive")
        self.format = format
        self.maximumChunkByteCount = maximumChunkByteCount
        pendingBytes.reserveCapacity(format.bytesPerFrame)
    }

    /// The number of bytes of an incomplete frame held back for the next chunk.
    public var pendingByteCount: Int { pendingBytes.count }

    /// Decodes one chunk and returns its samples.
    ///
    /// - Parameter bytes: The next bytes of the stream.
    /// - Returns: One mono sample per complete frame.
    /// - Throws: ``AudioInputError`` with code ``AudioInputError/Code/chunkTooLarge``.
    public mutating func decode(_ bytes: some Collection<UInt8>) throws(AudioInputError) -> [Float] {
        var samples: [Float] = []
        try decode(bytes, into: &samples)
        return samples
    }

    /// Decodes one chunk and appends its samples to `samples`, reusing its storage.
    ///
    /// - Parameters:
    ///   - bytes: The next bytes of the stream.
    ///   - samples: The buffer the mono samples are appended to.
    /// - Throws: ``AudioInputError`` with code ``AudioInputError/Code/chunkTooLarge``; nothing is consumed then.
    public mutating func decode(_ bytes: some Collection<UInt8>, into samples: inout [Float]) throws(AudioInputError) {
        guard bytes.count <= maximumChunkByteCount else {
            throw AudioInputError(
                code: .chunkTooLarge,
                field: "chunk",
                description: "chunk of \(bytes.count) bytes exceeds the limit of \(maximumChunkByteCount) bytes"
            )
        }
        let decoded: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            decodeContiguous(UnsafeRawBufferPointer(buffer), into: &samples)
        }
        if decoded == nil {
            Array(bytes).withUnsafeBytes { decodeContiguous($0, into: &samples) }
        }
    }

    /// Forgets any held-back partial frame, for example when the client restarts its stream.
    public mutating func reset() {
        pendingBytes.removeAll(keepingCapacity: true)
    }

    private mutating func decodeContiguous(_ bytes: UnsafeRawBufferPointer, into samples: inout [Float]) {
        let frameSize = format.bytesPerFrame
        var start = 0
        if !pendingBytes.isEmpty {
            let missing = frameSize - pendingBytes.count
            guard bytes.count >= missing else {
                pendingBytes.append(contentsOf: bytes)
                return
            }
            pendingBytes.append(contentsOf: bytes[0..<missing])
            pendingBytes.withUnsafeBytes { appendFrames(from: $0, count: 1, to: &samples) }
            pendingBytes.removeAll(keepingCapacity: true)
            start = missing
        }
        let frameCount = (bytes.count - start) / frameSize
        let end = start + frameCount * frameSize
        appendFrames(from: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), count: frameCount, to: &samples)
        pendingBytes.append(contentsOf: bytes[end...])
    }

    private func appendFrames(from bytes: UnsafeRawBufferPointer, count: Int, to samples: inout [Float]) {
        guard count > 0 else { return }
        let base = samples.count
        // `append(contentsOf:)` grows geometrically, unlike repeated `reserveCapacity` calls.
        samples.append(contentsOf: repeatElement(0, count: count))
        samples.withUnsafeMutableBufferPointer { output in
            let target = UnsafeMutableBufferPointer(rebasing: output[base...])
            switch (format.encoding, format.channelCount) {
            case (.pcm16le, 1):
                for frame in 0..<count {
                    target[frame] = Self.pcm16(bytes, at: frame &* 2) * (1 / 32_768)
                }
            case (.pcm16le, _):
                for frame in 0..<count {
                    let left = Self.pcm16(bytes, at: frame &* 4)
                    let right = Self.pcm16(bytes, at: frame &* 4 &+ 2)
                    target[frame] = (left + right) * (1 / 65_536)
                }
            case (.float32le, 1):
                for frame in 0..<count {
                    target[frame] = Self.clamped(Self.float32(bytes, at: frame &* 4))
                }
            case (.float32le, _):
                for frame in 0..<count {
                    let left = Self.float32(bytes, at: frame &* 8)
                    let right = Self.float32(bytes, at: frame &* 8 &+ 4)
                    target[frame] = Self.clamped((left + right) * 0.5)
                }
            }
        }
    }

    @inline(__always)
    private static func pcm16(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Float {
        Float(Int16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int16.self)))
    }

    @inline(__always)
    private static func float32(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Float {
        Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }

    /// Maps NaN to silence and clips out-of-range floats, so one bad sample cannot poison the filters downstream.
    @inline(__always)
    private static func clamped(_ value: Float) -> Float {
        value.isNaN ? 0 : min(max(value, -1), 1)
    }
}
