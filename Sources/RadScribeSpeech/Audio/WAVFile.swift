/// A RIFF/WAVE file decoded to mono samples in -1...1, and the encoder for the 16-bit PCM files RadScribe serves.
///
/// Decoding reads PCM (8-bit unsigned, 16-, 24- and 32-bit signed) and IEEE float (32- and 64-bit) data, also inside
/// `WAVE_FORMAT_EXTENSIBLE`, with one or two channels (stereo is down-mixed by averaging). Chunks may come in any order;
/// unknown chunks are skipped, odd-sized chunks are padded as RIFF requires, and a `data` size of 0 or `0xFFFFFFFF`
/// (written by streaming recorders that never come back to fix the header) means "to the end of the file". A final
/// sample cut short by a truncated file is ignored.
public struct WAVFile: Sendable, Hashable {
    /// The mono samples in -1...1.
    public var samples: [Float]
    /// Samples per second, within ``AudioFormat/supportedSampleRates``.
    public var sampleRate: Int

    /// Creates a file from samples.
    public init(samples: [Float], sampleRate: Int) {
        self.samples = samples
        self.sampleRate = sampleRate
    }

    /// Decodes the bytes of a WAV file.
    ///
    /// - Parameter bytes: The whole file.
    /// - Throws: ``AudioInputError``: ``AudioInputError/Code/unsupportedEncoding`` when the bytes are not RIFF/WAVE,
    ///   lack a `fmt ` or `data` chunk, or hold a compressed or unknown sample format (the description names it);
    ///   ``AudioInputError/Code/unsupportedChannelCount`` for more than two channels;
    ///   ``AudioInputError/Code/unsupportedSampleRate`` outside ``AudioFormat/supportedSampleRates``.
    public init(decoding bytes: some Collection<UInt8>) throws(AudioInputError) {
        let decode = { (buffer: UnsafeRawBufferPointer) in
            Result { () throws(AudioInputError) in try WAVReader(buffer).decode() }
        }
        let result =
            bytes.withContiguousStorageIfAvailable { decode(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes(decode)
        self = try result.get()
    }

    /// Encodes mono samples as a 16-bit PCM WAV file.
    ///
    /// Samples outside -1...1 are clipped and NaN becomes silence; a sample `s` is stored as `round(s × 32768)`, so
    /// decoding gives back every multiple of 1/32768 exactly.
    ///
    /// - Parameters:
    ///   - samples: Mono samples in -1...1.
    ///   - sampleRate: The sample rate to write into the header.
    /// - Returns: The file's bytes: a 44-byte header and the little-endian samples.
    public static func pcm16(samples: [Float], sampleRate: Int) -> [UInt8] {
        let dataSize = samples.count * 2
        var bytes: [UInt8] = []
        bytes.reserveCapacity(44 + dataSize)
        func append(_ value: UInt32, byteCount: Int) {
            for byte in 0..<byteCount { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * byte))) }
        }
        bytes.append(contentsOf: Array("RIFF".utf8))
        append(UInt32(truncatingIfNeeded: 36 + dataSize), byteCount: 4)
        bytes.append(contentsOf: Array("WAVEfmt ".utf8))
        append(16, byteCount: 4)
        append(UInt32(WAVReader.pcmFormatTag), byteCount: 2)
        append(1, byteCount: 2)
        append(UInt32(truncatingIfNeeded: sampleRate), byteCount: 4)
        append(UInt32(truncatingIfNeeded: sampleRate * 2), byteCount: 4)
        append(2, byteCount: 2)
        append(16, byteCount: 2)
        bytes.append(contentsOf: Array("data".utf8))
        append(UInt32(truncatingIfNeeded: dataSize), byteCount: 4)
        for sample in samples {
            let clipped = sample.isNaN ? 0 : min(max(sample, -1), 1)
            let value = Int16(clamping: Int((clipped * 32_768).rounded()))
            append(UInt32(UInt16(bitPattern: value)), byteCount: 2)
        }
        return bytes
    }
}

/// Walks the chunks of a RIFF/WAVE file held in memory.
private struct WAVReader {
    static let pcmFormatTag: UInt16 = 0x0001
    static let floatFormatTag: UInt16 = 0x0003
    static let extensibleFormatTag: UInt16 = 0xFFFE
    /// Bytes 4..<16 of the `KSDATAFORMAT_SUBTYPE_*` GUIDs whose first two bytes hold a format tag.
    private static let subformatGUIDTail: [UInt8] = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71]
    /// Names of the compressed formats met in practice, for a precise error.
    private static let compressedFormatNames: [UInt16: String] = [
        0x0002: "Microsoft ADPCM", 0x0006: "A-law", 0x0007: "mu-law", 0x0011: "IMA ADPCM", 0x0031: "GSM 6.10",
        0x0050: "MPEG", 0x0055: "MP3", 0x0161: "WMA", 0x1610: "AAC",
    ]

    /// How one sample of one channel is stored.
    enum SampleEncoding {
        case unsigned8, signed16, signed24, signed32, float32, float64

        var byteCount: Int {
            switch self {
            case .unsigned8: 1
            case .signed16: 2
            case .signed24: 3
            case .signed32, .float32: 4
            case .float64: 8
            }
        }
    }

    /// The parts of a `fmt ` chunk that decoding needs.
    struct Format {
        var encoding: SampleEncoding
        var channelCount: Int
        var sampleRate: Int
    }

    private let bytes: UnsafeRawBufferPointer

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    func decode() throws(AudioInputError) -> WAVFile {
        guard bytes.count >= 12, tag(at: 0) == "RIFF", tag(at: 8) == "WAVE" else {
            throw Self.invalid("the file is not RIFF/WAVE")
        }
        var format: Format?
        var data: Range<Int>?
        var offset = 12
        while offset + 8 <= bytes.count {
            let size = Int(uint32(at: offset + 4))
            let body = offset + 8
            let available = bytes.count - body
            let id = tag(at: offset)
            if id == "fmt ", format == nil {
                format = try parseFormat(at: body, size: min(size, available))
            } else if id == "data", data == nil {
                let toEnd = size == 0 || size == 0xFFFF_FFFF || size > available
                data = body..<(toEnd ? bytes.count : body + size)
                if toEnd { break }
            }
            if format != nil, data != nil { break }
            offset = body + size + (size & 1)
        }
        guard let format else { throw Self.invalid("the file has no fmt chunk") }
        guard let data else { throw Self.invalid("the file has no data chunk") }
        return WAVFile(samples: samples(in: data, format: format), sampleRate: format.sampleRate)
    }

    // MARK: - Format

    private func parseFormat(at offset: Int, size: Int) throws(AudioInputError) -> Format {
        guard size >= 16 else { throw Self.invalid("the fmt chunk is \(size) bytes long, shorter than 16") }
        var formatTag = uint16(at: offset)
        let channelCount = Int(uint16(at: offset + 2))
        let sampleRate = Int(uint32(at: offset + 4))
        let bitsPerSample = Int(uint16(at: offset + 14))
        if formatTag == Self.extensibleFormatTag {
            guard size >= 40 else { throw Self.invalid("the WAVE_FORMAT_EXTENSIBLE fmt chunk is \(size) bytes long, shorter than 40") }
            let guid = offset + 24
            let tail = (0..<Self.subformatGUIDTail.count).map { bytes[guid + 2 + $0] }
            guard tail == Self.subformatGUIDTail else {
                throw AudioInputError(
                    code: .unsupportedEncoding,
                    field: "format_tag",
                    description: "WAVE_FORMAT_EXTENSIBLE sub-format is not PCM or IEEE float"
                )
            }
            formatTag = uint16(at: guid)
        }
        let encoding = try Self.encoding(formatTag: formatTag, bitsPerSample: bitsPerSample)
        guard AudioFormat.supportedChannelCounts.contains(channelCount) else {
            throw AudioInputError(
                code: .unsupportedChannelCount,
                field: "channel_count",
                description: "WAV channel count \(channelCount) is outside 1...2"
            )
        }
        guard AudioFormat.supportedSampleRates.contains(sampleRate) else {
            throw AudioInputError(
                code: .unsupportedSampleRate,
                field: "sample_rate",
                description: "WAV sample rate \(sampleRate) Hz is outside 8000...48000 Hz"
            )
        }
        return Format(encoding: encoding, channelCount: channelCount, sampleRate: sampleRate)
    }

    private static func encoding(formatTag: UInt16, bitsPerSample: Int) throws(AudioInputError) -> SampleEncoding {
        switch (formatTag, bitsPerSample) {
        case (pcmFormatTag, 8): return .unsigned8
        case (pcmFormatTag, 16): return .signed16
        case (pcmFormatTag, 24): return .signed24
        case (pcmFormatTag, 32): return .signed32
        case (floatFormatTag, 32): return .float32
        case (floatFormatTag, 64): return .float64
        case (pcmFormatTag, _), (floatFormatTag, _):
            let kind = formatTag == pcmFormatTag ? "PCM" : "IEEE float"
            throw AudioInputError(
                code: .unsupportedEncoding,
                field: "bits_per_sample",
                description: "WAV \(kind) with \(bitsPerSample) bits per sample is not supported (PCM: 8, 16, 24, 32; float: 32, 64)"
            )
        default:
            let hex = String(formatTag, radix: 16, uppercase: true)
            let code = "0x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            let description =
                if let name = compressedFormatNames[formatTag] {
                    "WAV format \(code) (\(name)) is compressed; only PCM and IEEE float are supported"
                } else {
                    "WAV format \(code) is not PCM or IEEE float"
                }
            throw AudioInputError(code: .unsupportedEncoding, field: "format_tag", description: description)
        }
    }

    // MARK: - Samples

    private func samples(in data: Range<Int>, format: Format) -> [Float] {
        let payload = UnsafeRawBufferPointer(rebasing: bytes[data])
        switch format.encoding {
        case .unsigned8: return Self.mix(payload, format) { Float(Int($0.load(fromByteOffset: $1, as: UInt8.self)) - 128) * (1 / 128) }
        case .signed16:
            return Self.mix(payload, format) { Float(Int16(littleEndian: $0.loadUnaligned(fromByteOffset: $1, as: Int16.self))) * (1 / 32_768) }
        case .signed24:
            return Self.mix(payload, format) { buffer, offset in
                let raw = Int32(buffer[offset]) | Int32(buffer[offset + 1]) << 8 | Int32(buffer[offset + 2]) << 16
                return Float((raw << 8) >> 8) * (1 / 8_388_608)
            }
        case .signed32:
            return Self.mix(payload, format) {
                Float(Int32(littleEndian: $0.loadUnaligned(fromByteOffset: $1, as: Int32.self))) * (1 / 2_147_483_648)
            }
        case .float32:
            return Self.mix(payload, format) { Float(bitPattern: UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: $1, as: UInt32.self))) }
        case .float64:
            return Self.mix(payload, format) {
                Float(Double(bitPattern: UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: $1, as: UInt64.self))))
            }
        }
    }

    /// Reads every whole frame with `sample` and down-mixes stereo by averaging; NaN becomes silence and floats are clipped.
    @inline(__always)
    private static func mix(_ payload: UnsafeRawBufferPointer, _ format: Format, sample: (UnsafeRawBufferPointer, Int) -> Float) -> [Float] {
        let width = format.encoding.byteCount
        let frameSize = width * format.channelCount
        let frameCount = payload.count / frameSize
        return [Float](unsafeUninitializedCapacity: frameCount) { output, initialized in
            for frame in 0..<frameCount {
                let offset = frame &* frameSize
                let value = format.channelCount == 1 ? sample(payload, offset) : (sample(payload, offset) + sample(payload, offset &+ width)) * 0.5
                output[frame] = value.isNaN ? 0 : min(max(value, -1), 1)
            }
            initialized = frameCount
        }
    }

    // MARK: - Bytes

    private func tag(at offset: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 4)]), as: UTF8.self)
    }

    private func uint16(at offset: Int) -> UInt16 {
        UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    private func uint32(at offset: Int) -> UInt32 {
        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    private static func invalid(_ description: String) -> AudioInputError {
        AudioInputError(code: .unsupportedEncoding, field: "file", description: description)
    }
}
