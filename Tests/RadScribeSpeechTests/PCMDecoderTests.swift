import RadScribeSpeech
import Testing

@Suite("PCMDecoder")
struct PCMDecoderTests {
    @Test func decodesPCM16MonoToUnitRange() throws {
        var decoder = PCMDecoder(format: try AudioFormat(sampleRate: 16_000, channelCount: 1, encoding: .pcm16le))
        let samples = try decoder.decode([0x00, 0x00, 0x00, 0x40, 0x00, 0x80, 0xFF, 0x7F, 0x00, 0xC0])
        #expect(samples == [0, 0.5, -1, Float(32_767) / 32_768, -0.5])
    }

    @Test func downmixesPCM16StereoByAveraging() throws {
        var decoder = PCMDecoder(format: try AudioFormat(sampleRate: 48_000, channelCount: 2, encoding: .pcm16le))
        let bytes = Signal.pcm16Bytes([[0.5, -1, 0.25], [0, -1, -0.25]])
        #expect(try decoder.decode(bytes) == [0.25, -1, 0])
    }

    @Test func downmixesFloat32StereoAndClampsOutOfRangeAndNaN() throws {
        var decoder = PCMDecoder(format: try AudioFormat(sampleRate: 44_100, channelCount: 2, encoding: .float32le))
        let bytes = Signal.float32Bytes([[0.5, 3, .nan, -0.75], [0.25, 3, 0.5, -2]])
        #expect(try decoder.decode(bytes) == [0.375, 1, 0, -1])
    }

    @Test(arguments: [AudioFormat.Encoding.pcm16le, .float32le], [1, 2])
    func keepsPartialFramesAcrossEverySplitPoint(encoding: AudioFormat.Encoding, channelCount: Int) throws {
        let format = try AudioFormat(sampleRate: 48_000, channelCount: channelCount, encoding: encoding)
        let channels = (0..<channelCount).map { Signal.sine(frequency: 440 + 100 * Double($0), sampleRate: 48_000, count: 9) }
        let bytes = encoding == .pcm16le ? Signal.pcm16Bytes(channels) : Signal.float32Bytes(channels)
        var whole = PCMDecoder(format: format)
        let expected = try whole.decode(bytes)
        #expect(expected.count == 9)
        for first in 0...bytes.count {
            for second in first...bytes.count {
                var decoder = PCMDecoder(format: format)
                var samples: [Float] = []
                try decoder.decode(bytes[..<first], into: &samples)
                try decoder.decode(bytes[first..<second], into: &samples)
                try decoder.decode(bytes[second...], into: &samples)
                #expect(samples == expected)
                #expect(decoder.pendingByteCount == 0)
            }
        }
    }

    @Test func holdsBackOddTrailingByteUntilNextChunk() throws {
        var decoder = PCMDecoder(format: try AudioFormat(sampleRate: 16_000, channelCount: 1, encoding: .pcm16le))
        #expect(try decoder.decode([0x00, 0x40, 0x00]) == [0.5])
        #expect(decoder.pendingByteCount == 1)
        #expect(try decoder.decode([0xC0]) == [-0.5])
        decoder.reset()
        #expect(try decoder.decode([0x00]).isEmpty)
        decoder.reset()
        #expect(decoder.pendingByteCount == 0)
    }

    @Test func acceptsNonContiguousCollections() throws {
        var decoder = PCMDecoder(format: try AudioFormat(sampleRate: 16_000, channelCount: 1, encoding: .pcm16le))
        let bytes: [UInt8] = [0x00, 0x40, 0x00, 0xC0]
        #expect(try decoder.decode(bytes.lazy.map { $0 }) == [0.5, -0.5])
    }

    @Test func rejectsOversizedChunkWithoutConsumingIt() throws {
        var decoder = PCMDecoder(
            format: try AudioFormat(sampleRate: 16_000, channelCount: 1, encoding: .pcm16le),
            maximumChunkByteCount: 4
        )
        #expect(try decoder.decode([0x00]).isEmpty)
        do {
            _ = try decoder.decode([UInt8](repeating: 0x7F, count: 5))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .chunkTooLarge)
            #expect(error.field == "chunk")
        }
        #expect(decoder.pendingByteCount == 1)
        #expect(try decoder.decode([0x40]) == [0.5])
    }
}
