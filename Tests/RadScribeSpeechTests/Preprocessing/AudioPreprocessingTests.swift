import RadScribeSpeech
import Testing

@Suite("Audio preprocessing names")
struct AudioPreprocessingTests {
    @Test func parsesCommaSeparatedSetting() throws {
        let names = "pre_emphasis, noise_gate".split(separator: ",").map(String.init)
        let options = try #require(AudioPreprocessing(names: names))
        #expect(options == [.preEmphasis, .noiseGate])
    }

    @Test func parsesEveryStage() {
        #expect(AudioPreprocessing(names: ["level_normalization", "noise_gate", "pre_emphasis"]) == .all)
    }

    @Test(arguments: [[], ["none"], [" none "]])
    func parsesNoneAndNothingAsEmptySet(names: [String]) {
        #expect(AudioPreprocessing(names: names) == [])
    }

    @Test func acceptsRepeatedName() {
        #expect(AudioPreprocessing(names: ["noise_gate", "noise_gate"]) == .noiseGate)
    }

    @Test(arguments: [["agc"], ["pre_emphasis", "denoise"], ["Noise_Gate"], ["level-normalization"], ["pre_emphasis", ""], ["none", "noise_gate"]])
    func rejectsUnknownEmptyOrContradictoryNames(names: [String]) {
        #expect(AudioPreprocessing(names: names) == nil)
    }

    @Test func namesFollowProcessingOrder() {
        #expect(AudioPreprocessing.all.names == ["pre_emphasis", "noise_gate", "level_normalization"])
        #expect(AudioPreprocessing([.levelNormalization, .preEmphasis]).description == "pre_emphasis,level_normalization")
        #expect(AudioPreprocessing().names == ["none"])
    }

    @Test func namesParseBackIntoTheSameSet() {
        for rawValue in UInt8(0)...7 {
            let options = AudioPreprocessing(rawValue: rawValue)
            #expect(AudioPreprocessing(names: options.names) == options)
        }
    }
}
