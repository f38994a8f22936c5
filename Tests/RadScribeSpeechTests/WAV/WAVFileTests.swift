import RadScribeSpeech
import Testing

@Suite("WAVFile")
struct WAVFileTests {
    private typealias B = WAVBuilder

    private func decodingError(_ bytes: [UInt8]) -> AudioInputError? {
        do {
            _ = try WAVFile(decoding: bytes)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Encoding

    @Test func encodesPCM16MonoWithCanonicalHeader() {
        let bytes = WAVFile.pcm16(samples: [0, 0.5, -1], sampleRate: 16_000)
        #expect(bytes.count == 44 + 6)
        #expect(Array(bytes[0..<4]) == Array("RIFF".utf8))
        #expect(Array(bytes[4..<8]) == B.le(42, 4))
        #expect(Array(bytes[8..<16]) == Array("WAVEfmt ".utf8))
        #expect(Array(bytes[16..<36]) == B.le(16, 4) + B.le(1, 2) + B.le(1, 2) + B.le(16_000, 4) + B.le(32_000, 4) + B.le(2, 2) + B.le(16, 2))
        #expect(Array(bytes[36..<44]) == Array("data".utf8) + B.le(6, 4))
        #expect(Array(bytes[44...]) == [0x00, 0x00, 0x00, 0x40, 0x00, 0x80])
    }

    @Test func roundTripsEveryPCM16StepExactly() throws {
        let samples = Signal.sine(frequency: 440, sampleRate: 22_050, count: 2_205).map { ($0 * 32_768).rounded() / 32_768 }
        let decoded = try WAVFile(decoding: WAVFile.pcm16(samples: samples, sampleRate: 22_050))
        #expect(decoded == WAVFile(samples: samples, sampleRate: 22_050))
    }

    @Test func clipsOutOfRangeSamplesAndSilencesNaNWhenEncoding() throws {
        let decoded = try WAVFile(decoding: WAVFile.pcm16(samples: [1.5, 1, -2, .nan, .infinity], sampleRate: 8_000))
        let loudest: Float = 32_767 / 32_768
        #expect(decoded.samples == [loudest, loudest, -1, 0, loudest])
    }

    @Test func encodesEmptyAudioAsValidFile() throws {
        let decoded = try WAVFile(decoding: WAVFile.pcm16(samples: [], sampleRate: 16_000))
        #expect(decoded.samples.isEmpty)
        #expect(decoded.sampleRate == 16_000)
    }

    // MARK: - Sample formats

    @Test func decodesUnsigned8BitPCM() throws {
        let file = B.file([B.format(tag: 1, sampleRate: 8_000, bits: 8), B.chunk("data", [0x80, 0xFF, 0x00, 0xC0, 0x40])])
        let decoded = try WAVFile(decoding: file)
        #expect(decoded.samples == [0, 127 / 128, -1, 0.5, -0.5])
        #expect(decoded.sampleRate == 8_000)
    }

    @Test func decodesSigned24BitPCMWithSignExtension() throws {
        let values: [Int64] = [0, 0x40_0000, -0x80_0000, -0x40_0000, 0x7F_FFFF, -1]
        let file = B.file([B.format(tag: 1, sampleRate: 44_100, bits: 24), B.chunk("data", B.signed(values, width: 3))])
        let decoded = try WAVFile(decoding: file)
        #expect(decoded.samples == [0, 0.5, -1, -0.5, Float(0x7F_FFFF) / 8_388_608, -1 / 8_388_608])
    }

    @Test func decodesSigned32BitPCM() throws {
        let values: [Int64] = [0, 0x4000_0000, -0x8000_0000, -0x2000_0000]
        let file = B.file([B.format(tag: 1, sampleRate: 48_000, bits: 32), B.chunk("data", B.signed(values, width: 4))])
        #expect(try WAVFile(decoding: file).samples == [0, 0.5, -1, -0.25])
    }

    @Test func downmixesStereoPCM16ByAveraging() throws {
        let data = Signal.pcm16Bytes([[0.5, -1, 0.25], [0, -1, -0.25]])
        let file = B.file([B.format(tag: 1, channels: 2, sampleRate: 44_100, bits: 16), B.chunk("data", data)])
        #expect(try WAVFile(decoding: file).samples == [0.25, -1, 0])
    }

    @Test func decodesFloat32StereoAndClampsOutOfRangeAndNaN() throws {
        let data = Signal.float32Bytes([[0.5, 3, .nan, -0.75], [0.25, 3, 0.5, -2]])
        let file = B.file([B.format(tag: 3, channels: 2, bits: 32), B.chunk("data", data)])
        #expect(try WAVFile(decoding: file).samples == [0.375, 1, 0, -1])
    }

    @Test func decodesFloat64() throws {
        let values: [Double] = [0.25, -0.5, 1.75]
        let data = values.flatMap { value in (0..<8).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * $0)) } }
        let file = B.file([B.format(tag: 3, bits: 64), B.chunk("data", data)])
        #expect(try WAVFile(decoding: file).samples == [0.25, -0.5, 1])
    }

    @Test func decodesExtensiblePCMAndFloatSubformats() throws {
        let pcm = B.file([B.extensibleFormat(subformat: 1, bits: 16), B.chunk("data", Signal.pcm16Bytes([[0.5, -0.5], [0.25, -0.25]]))])
        #expect(try WAVFile(decoding: pcm) == WAVFile(samples: [0.375, -0.375], sampleRate: 48_000))
        let float = B.file([B.extensibleFormat(subformat: 3, channels: 1, bits: 32), B.chunk("data", Signal.float32Bytes([[0.125, -0.875]]))])
        #expect(try WAVFile(decoding: float).samples == [0.125, -0.875])
    }

    // MARK: - Chunk layout

    @Test func findsFormatAfterDataAndSkipsUnknownOddSizedChunks() throws {
        let list = B.chunk("LIST", Array("INFOISFT\u{5}\0\0\0Lavf\0".utf8))
        #expect(list.count % 2 == 0)
        let file = B.file([B.chunk("JUNK", [1, 2, 3]), B.chunk("data", Signal.pcm16Bytes([[0.5, -0.5]])), list, B.format(tag: 1, bits: 16)])
        #expect(try WAVFile(decoding: file).samples == [0.5, -0.5])
    }

    @Test func stopsAudioAtDeclaredDataSizeBeforeTrailingChunks() throws {
        let file = B.file([B.format(tag: 1, bits: 16), B.chunk("data", Signal.pcm16Bytes([[0.5]])), B.chunk("id3 ", [0xFF, 0xFF, 0xFF, 0xFF])])
        #expect(try WAVFile(decoding: file).samples == [0.5])
    }

    @Test(arguments: [UInt32(0), 0xFFFF_FFFF, 1_000_000])
    func readsStreamedOrTruncatedDataToEndOfFile(declaredSize: UInt32) throws {
        let data = Signal.pcm16Bytes([[0.25, -0.25, 0.5]])
        let file = B.file([B.format(tag: 1, bits: 16), B.chunk("data", data, declaredSize: declaredSize)])
        #expect(try WAVFile(decoding: file).samples == [0.25, -0.25, 0.5])
    }

    @Test func ignoresTruncatedFinalFrame() throws {
        let stereo = Signal.pcm16Bytes([[0.5, 0.25], [0.5, 0.25]]).dropLast(1)
        // The file ends inside the second frame: no padding byte, no more chunks.
        let file = B.file([B.format(tag: 1, channels: 2, bits: 16)]) + Array("data".utf8) + B.le(8, 4) + stereo
        #expect(try WAVFile(decoding: file).samples == [0.5])
    }

    @Test func acceptsNonContiguousCollections() throws {
        let bytes = WAVFile.pcm16(samples: [0.5, -0.5], sampleRate: 16_000)
        #expect(try WAVFile(decoding: bytes.lazy.map { $0 }).samples == [0.5, -0.5])
    }

    // MARK: - Rejections

    @Test(arguments: [
        Array("ID3\u{4}\0\0\0\0\0\0\0\0".utf8),
        Array("RIFF\u{4}\0\0\0AVI ".utf8),
        Array("RIFF".utf8),
        [],
    ])
    func rejectsBytesThatAreNotRIFFWave(bytes: [UInt8]) throws {
        let error = try #require(decodingError(bytes))
        #expect(error.code == .unsupportedEncoding)
        #expect(error.description == "the file is not RIFF/WAVE")
    }

    @Test func rejectsFileWithoutFormatOrDataChunk() throws {
        let noFormat = try #require(decodingError(B.file([B.chunk("data", [0, 0])])))
        #expect(noFormat.description == "the file has no fmt chunk")
        let noData = try #require(decodingError(B.file([B.format(tag: 1, bits: 16), B.chunk("LIST", [1, 2])])))
        #expect(noData.description == "the file has no data chunk")
        let streamedBeforeFormat = try #require(decodingError(B.file([B.chunk("data", [0, 0], declaredSize: 0), B.format(tag: 1, bits: 16)])))
        #expect(streamedBeforeFormat.code == .unsupportedEncoding)
        let shortFormat = try #require(decodingError(B.file([B.chunk("fmt ", [1, 0, 1, 0]), B.chunk("data", [0, 0])])))
        #expect(shortFormat.description == "the fmt chunk is 4 bytes long, shorter than 16")
    }

    @Test(arguments: [
        (UInt16(0x0002), "WAV format 0x0002 (Microsoft ADPCM) is compressed; only PCM and IEEE float are supported"),
        (0x0006, "WAV format 0x0006 (A-law) is compressed; only PCM and IEEE float are supported"),
        (0x0007, "WAV format 0x0007 (mu-law) is compressed; only PCM and IEEE float are supported"),
        (0x0011, "WAV format 0x0011 (IMA ADPCM) is compressed; only PCM and IEEE float are supported"),
        (0x0055, "WAV format 0x0055 (MP3) is compressed; only PCM and IEEE float are supported"),
        (0x1234, "WAV format 0x1234 is not PCM or IEEE float"),
    ])
    func rejectsCompressedAndUnknownFormatsByName(tag: UInt16, description: String) throws {
        let error = try #require(decodingError(B.file([B.format(tag: tag, bits: 8), B.chunk("data", [0, 0])])))
        #expect(error.code == .unsupportedEncoding)
        #expect(error.field == "format_tag")
        #expect(error.description == description)
    }

    @Test func rejectsExtensibleFileWithCompressedSubformat() throws {
        let muLaw = try #require(decodingError(B.file([B.extensibleFormat(subformat: 7, bits: 8), B.chunk("data", [0, 0])])))
        #expect(muLaw.description.contains("mu-law"))
        let ambisonic = B.extensibleFormat(
            subformat: 1,
            bits: 16,
            guidTail: [0x00, 0x00, 0x21, 0x07, 0xD3, 0x11, 0x86, 0x44, 0xC8, 0xC1, 0xCA, 0x00, 0x00, 0x00]
        )
        let error = try #require(decodingError(B.file([ambisonic, B.chunk("data", [0, 0])])))
        #expect(error.description == "WAVE_FORMAT_EXTENSIBLE sub-format is not PCM or IEEE float")
    }

    @Test(arguments: [(UInt16(1), 12), (1, 20), (1, 0), (3, 16), (3, 24)])
    func rejectsUnsupportedBitDepths(tag: UInt16, bits: Int) throws {
        let error = try #require(decodingError(B.file([B.format(tag: tag, bits: bits), B.chunk("data", [0, 0, 0, 0])])))
        #expect(error.code == .unsupportedEncoding)
        #expect(error.field == "bits_per_sample")
    }

    @Test(arguments: [0, 3, 6])
    func rejectsChannelCountsOtherThanMonoOrStereo(channels: Int) throws {
        let error = try #require(decodingError(B.file([B.format(tag: 1, channels: channels, bits: 16), B.chunk("data", [0, 0])])))
        #expect(error.code == .unsupportedChannelCount)
        #expect(error.description == "WAV channel count \(channels) is outside 1...2")
    }

    @Test(arguments: [4_000, 7_999, 48_001, 96_000])
    func rejectsSampleRatesOutsideSupportedRange(sampleRate: Int) throws {
        let error = try #require(decodingError(B.file([B.format(tag: 1, sampleRate: sampleRate, bits: 16), B.chunk("data", [0, 0])])))
        #expect(error.code == .unsupportedSampleRate)
        #expect(error.description == "WAV sample rate \(sampleRate) Hz is outside 8000...48000 Hz")
    }
}
