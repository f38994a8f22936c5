import RadScribeSpeech
import Testing

@Suite("AudioFormat")
struct AudioFormatTests {
    @Test(arguments: [8_000, 16_000, 44_100, 48_000], [1, 2])
    func acceptsSupportedRatesAndChannelCounts(sampleRate: Int, channelCount: Int) throws {
        let format = try AudioFormat(sampleRate: sampleRate, channelCount: channelCount, encoding: .pcm16le)
        #expect(format.sampleRate == sampleRate)
        #expect(format.bytesPerFrame == 2 * channelCount)
    }

    @Test(arguments: [0, 7_999, 48_001, 96_000, -16_000])
    func rejectsSampleRateOutsideRangeNamingTheField(sampleRate: Int) {
        #expect {
            try AudioFormat(sampleRate: sampleRate, channelCount: 1, encoding: .float32le)
        } throws: { error in
            guard let error = error as? AudioInputError else { return false }
            return error.code == .unsupportedSampleRate && error.field == "sample_rate" && error.description.contains("sample_rate")
        }
    }

    @Test(arguments: [0, 3, 6])
    func rejectsChannelCountOtherThanMonoOrStereo(channelCount: Int) {
        do {
            _ = try AudioFormat(sampleRate: 16_000, channelCount: channelCount, encoding: .pcm16le)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unsupportedChannelCount)
            #expect(error.field == "channel_count")
        }
    }

    @Test func parsesEncodingNamesAndComputesFrameSize() throws {
        #expect(try AudioFormat.Encoding(validating: "pcm16le") == .pcm16le)
        let encoding = try AudioFormat.Encoding(validating: "float32le")
        #expect(try AudioFormat(sampleRate: 48_000, channelCount: 2, encoding: encoding).bytesPerFrame == 8)
    }

    @Test func unknownEncodingErrorDoesNotEchoClientText() {
        let clientText = "opus; patient=Mustermann"
        do {
            _ = try AudioFormat.Encoding(validating: clientText)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unsupportedEncoding)
            #expect(error.field == "encoding")
            #expect(!error.description.contains("Mustermann"))
            #expect(error.code.description == "unsupported_encoding")
        }
    }
}
