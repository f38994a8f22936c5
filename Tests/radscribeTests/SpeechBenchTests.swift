import Logging
import NIOCore
import NIOPosix
import RadScribeSpeech
import Testing

@testable import radscribe

@Suite("Speech benchmark: quantiles")
struct SpeechBenchQuantileTests {
    @Test func medianOfOddSampleIsTheMiddleValueWhateverTheOrder() {
        #expect(Quantiles([1900, 850, 1200]).median == 1200)
    }

    @Test func medianOfEvenSampleIsTheMeanOfTheTwoMiddleValues() {
        #expect(Quantiles([400, 100, 300, 200]).median == 250)
    }

    @Test func p95InterpolatesBetweenTheClosestRanks() throws {
        let latencies = (1...20).map { Double($0) * 100 }
        // Position 0.95 × 19 = 18.05: between 1900 and 2000.
        let p95 = try #require(Quantiles(latencies).p95)
        #expect(abs(p95 - 1905) < 1e-9)
        #expect(Quantiles(latencies).value(at: 1) == 2000)
        #expect(Quantiles(latencies).value(at: 0) == 100)
    }

    @Test func singleValueIsEveryQuantile() {
        #expect(Quantiles([1234]).p95 == 1234)
        #expect(Quantiles([1234]).median == 1234)
    }

    @Test func emptySampleHasNoQuantile() {
        #expect(Quantiles([]).median == nil)
        #expect(Quantiles([]).p95 == nil)
    }
}

@Suite("Speech benchmark: word error rate")
struct SpeechBenchWordErrorTests {
    @Test func identicalTextAfterNormalisationHasNoErrors() {
        let count = WordErrorCount(
            reference: "Small left pleural effusion measuring 2 cm.",
            hypothesis: "small left pleural effusion, measuring 2 cm"
        )
        #expect(count.edits == 0)
        #expect(count.referenceWords == 7)
        #expect(count.rate == 0)
    }

    @Test func countsSubstitutionDeletionAndInsertionOnce() {
        // "small" → "right" (S), "left" missing (D), "seen" added (I).
        let count = WordErrorCount(reference: "No small left pleural effusion.", hypothesis: "No right pleural effusion seen.")
        #expect(count.edits == 3)
        #expect(count.referenceWords == 5)
        #expect(count.rate == 0.6)
    }

    @Test func germanDecimalCommaAndEnglishPointAreTheSameNumber() {
        #expect(WordErrorCount.normalizedWords("Die größere misst 2,4 cm.") == ["die", "größere", "misst", "2.4", "cm"])
        #expect(WordErrorCount(reference: "misst 2,4 cm", hypothesis: "misst 2.4 cm").edits == 0)
    }

    @Test func commaAfterANumberStillSeparatesWords() {
        #expect(WordErrorCount.normalizedWords("Segment 7, die Leber.") == ["segment", "7", "die", "leber"])
    }

    @Test func hyphenatedWordsCountAsTheirPartsAndPercentIsDropped() {
        #expect(WordErrorCount.normalizedWords("Follow-up CT: 50% smaller.") == ["follow", "up", "ct", "50", "smaller"])
    }

    @Test func spelledNumberAgainstDigitsIsAnError() {
        #expect(WordErrorCount(reference: "measures 4 mm", hypothesis: "measures four millimeters").edits == 2)
    }

    @Test func emptyHypothesisDeletesEveryWord() {
        let count = WordErrorCount(reference: "Kein Pneumothorax.", hypothesis: "")
        #expect(count.edits == 2)
        #expect(count.rate == 1)
    }

    @Test func emptyReferenceHasNoRate() {
        #expect(WordErrorCount(reference: "", hypothesis: "Thank you.").rate == nil)
    }

    @Test func corpusRateWeighsDictationsByTheirLength() {
        let short = WordErrorCount(reference: "No ascites.", hypothesis: "No acidic.")
        let long = WordErrorCount(reference: "The right kidney measures 11 cm.", hypothesis: "The right kidney measures 11 cm.")
        let total = short + long
        #expect(total.edits == 1)
        #expect(total.referenceWords == 8)
        #expect(total.rate == 0.125)
    }
}

@Suite("Speech benchmark: matching finals to sentences")
struct SpeechBenchMatchingTests {
    /// Three sentences with 1.2 s pauses.
    let matcher = FinalMatcher(
        speech: [SpeechSpan(start: 0.1, end: 2.0), SpeechSpan(start: 3.2, end: 5.5), SpeechSpan(start: 6.7, end: 8.0)],
        tolerance: 0.5
    )

    @Test func finalEndingInThePauseBelongsToTheSentenceBefore() {
        #expect(matcher.match(finalEndingAt: 2.3) == .endOfSentence(0))
        #expect(matcher.match(finalEndingAt: 8.6) == .endOfSentence(2))
    }

    @Test func wordTimestampSlightlyBeforeTheEndOfSpeechStillCounts() {
        #expect(matcher.match(finalEndingAt: 5.1) == .endOfSentence(1))
    }

    @Test func finalEndingInsideASentenceIsACut() {
        #expect(matcher.match(finalEndingAt: 4.0) == .insideSentence(1))
        #expect(matcher.match(finalEndingAt: 1.0) == .insideSentence(0))
    }

    @Test func finalSpanningTwoSentencesBelongsToTheLaterOne() {
        #expect(matcher.match(finalEndingAt: 5.6) == .endOfSentence(1))
    }

    @Test func finalEndingBeforeAnySpeechTranscribesSilence() {
        #expect(matcher.match(finalEndingAt: 0.05) == .beforeSpeech)
    }
}

@Suite("Speech benchmark: dictation measurements")
struct SpeechBenchDictationResultTests {
    let dictation = BenchDictation(
        name: "chest",
        language: .en,
        sentences: [
            BenchSentence("No pneumothorax.", terms: ["pneumothorax"]),
            BenchSentence(
                spoken: "Small left pleural effusion measuring two centimeters.",
                written: "Small left pleural effusion measuring 2 cm.",
                terms: ["pleural effusion"]
            ),
        ]
    )
    let speech = [SpeechSpan(start: 0.2, end: 1.4), SpeechSpan(start: 2.6, end: 5.0)]

    private func update(
        _ kind: TranscriptionUpdate.Kind,
        segment: Int,
        text: String,
        end: Double? = nil,
        waitMs: Double? = nil,
        decodeMs: Double? = nil,
        replayed: Bool? = nil
    ) -> TranscriptionUpdate {
        TranscriptionUpdate(
            kind: kind,
            segmentId: segment,
            text: text,
            latencyMs: kind == .final ? 900 : 120,
            waitMs: waitMs,
            decodeMs: decodeMs,
            start: end.map { _ in 0.2 },
            end: end,
            replayed: replayed
        )
    }

    private func result(_ updates: [(Int, TranscriptionUpdate)]) -> DictationResult {
        var recording = DictationRecording(speechEndSentAt: [.milliseconds(1400), .milliseconds(5000)])
        recording.updates = updates.map { TimedUpdate(receivedAt: .milliseconds($0.0), update: $0.1) }
        recording.outcome = .stopped
        return DictationResult(dictation: dictation, speech: speech, recording: recording, matcher: FinalMatcher(speech: speech))
    }

    @Test func latencyRunsFromTheSentFrameOfTheEndOfSpeechToTheFinal() {
        let result = result([
            (2600, update(.final, segment: 0, text: "No pneumothorax.", end: 1.4, waitMs: 250, decodeMs: 500)),
            (6500, update(.final, segment: 1, text: "Small left pleural effusion measuring 2 cm.", end: 4.9, decodeMs: 800)),
        ])
        #expect(result.latenciesMs == [1200, 1500])
        #expect(result.overheadsMs == [700, 700])
        #expect(result.serverOverheadsMs == [400, 100])
        #expect(result.waitsMs == [250], "only finals that report waitMs")
        #expect(result.processingMs == [150], "latencyMs 900 − waitMs 250 − decodeMs 500")
        #expect(result.endedSentences == 2)
        #expect(result.wordErrors.edits == 0)
        #expect(result.termsFound == 2)
        #expect(result.termsExpected == 2)
    }

    @Test func realTimeFactorIsDecodeTimeOverTheFinalsAudio() {
        let result = result([(2600, update(.final, segment: 0, text: "No pneumothorax.", end: 1.45, decodeMs: 250))])
        // 250 ms for 1.25 s of audio.
        #expect(result.realTimeFactors.count == 1)
        #expect(abs(result.realTimeFactors[0] - 0.2) < 1e-9)
    }

    @Test func cutFinalGivesNoLatencyButItsTextCounts() {
        let result = result([
            (2600, update(.final, segment: 0, text: "No pneumothorax.", end: 1.4)),
            (4200, update(.final, segment: 1, text: "Small left pleural", end: 3.6)),
            (6300, update(.final, segment: 2, text: "effusion measuring 2 cm.", end: 5.0)),
        ])
        #expect(result.cutFinals == 1)
        #expect(result.latenciesMs == [1200, 1300])
        #expect(result.wordErrors.edits == 0)
        #expect(result.termsFound == 2)
    }

    @Test func replayedAndRepeatedFinalsAreIgnored() {
        let final = update(.final, segment: 0, text: "No pneumothorax.", end: 1.4)
        let result = result([
            (2600, final),
            (2700, final),
            (9000, update(.final, segment: 0, text: "No pneumothorax.", end: 1.4, replayed: true)),
        ])
        #expect(result.finals == 1)
        #expect(result.latenciesMs == [1200])
    }

    @Test func missedSentenceAndMissingTermsLowerRecallAndRaiseWER() {
        let result = result([(2600, update(.final, segment: 0, text: "No pneumothorax.", end: 1.4))])
        #expect(result.endedSentences == 1)
        #expect(result.termsFound == 1)
        #expect(result.wordErrors.edits == 7)
        #expect(result.wordErrors.referenceWords == 9)
    }

    @Test func partialIntervalsAreMeasuredWithinASegmentOnly() {
        let result = result([
            (500, update(.partial, segment: 0, text: "No")),
            (900, update(.partial, segment: 0, text: "No pneumo")),
            (1500, update(.partial, segment: 0, text: "No pneumothorax")),
            (3100, update(.partial, segment: 1, text: "Small")),
            (3400, update(.partial, segment: 1, text: "Small left")),
        ])
        #expect(result.partialIntervalsMs == [400, 600, 300])
    }

    @Test func figuresPoolDictationsAndReportMissingDecodeTimesAsAbsent() throws {
        let first = result([(2600, update(.final, segment: 0, text: "No pneumothorax.", end: 1.4))])
        let second = result([(3400, update(.final, segment: 0, text: "No pneumothorax.", end: 1.4))])
        let figures = SpeechBenchFigures(group: "en", results: [first, second])
        #expect(figures.dictations == 2)
        #expect(figures.latencyP50Ms == 1600)
        #expect(figures.decodeP50Ms == nil)
        #expect(figures.realTimeFactorMedian == nil)
        #expect(SpeechBenchTable.format(figures.decodeP50Ms, digits: 0) == "n/a")
        let recall = try #require(figures.termRecallPercent)
        #expect(recall == 50)
    }
}

@Suite("Speech benchmark: audio")
struct SpeechBenchAudioTests {
    /// A WAV header as espeak-ng writes it to a pipe: placeholder sizes, 22050 Hz mono PCM16.
    private func espeakWAV(samples: [Int16], sampleRate: Int = 22_050, channels: Int = 1) -> [UInt8] {
        func le(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).map { UInt8((value >> (8 * $0)) & 0xFF) } }
        var bytes = Array("RIFF".utf8) + le(0x7FFF_FFF0 + 36, 4) + Array("WAVEfmt ".utf8) + le(16, 4)
        bytes += le(1, 2) + le(channels, 2) + le(sampleRate, 4) + le(sampleRate * 2 * channels, 4) + le(2 * channels, 2) + le(16, 2)
        bytes += Array("data".utf8) + le(0x7FFF_FFF0, 4)
        for sample in samples { bytes += le(Int(UInt16(bitPattern: sample)), 2) }
        return bytes
    }

    @Test func readsEspeakWAVWithPlaceholderSizesUpToTheEndOfTheBytes() throws {
        let wav = try WAVFile(decoding: espeakWAV(samples: [0, 16384, -16384]))
        #expect(wav.sampleRate == 22_050)
        #expect(wav.samples == [0, 0.5, -0.5])
    }

    @Test func placesSentencesWithPausesAndFindsTheirEndOfSpeech() throws {
        // 1 s sentences at 1000 Hz: silence 100 ms, speech 700 ms, silence 200 ms.
        let sentence = WAVFile(
            samples: Array(repeating: 0, count: 100) + Array(repeating: 4000 / 32_767, count: 700) + Array(repeating: 20 / 32_767, count: 200),
            sampleRate: 1000
        )
        let audio = try DictationAudio(sentences: [sentence, sentence], pause: .milliseconds(500), trailingSilence: .milliseconds(1500))
        #expect(audio.samples.count == 1000 + 500 + 1000 + 1500)
        #expect(audio.speechSpans == [SpeechSpan(start: 0.1, end: 0.8), SpeechSpan(start: 1.6, end: 2.3)])
        // 20 ms frames of 20 samples: sample 799 is in frame 39, sample 2299 in frame 114.
        #expect(audio.speechEndFrames == [39, 114])
        #expect(audio.frameCount == 200)
        #expect(audio.duration == .seconds(4))
    }

    @Test func refusesSentencesOfDifferentSampleRates() {
        let english = WAVFile(samples: [0.03], sampleRate: 22_050)
        let resampled = WAVFile(samples: [0.03], sampleRate: 16_000)
        #expect(throws: DictationAudio.AssemblyError.mixedSampleRates) {
            try DictationAudio(sentences: [english, resampled], pause: .seconds(1), trailingSilence: .seconds(1))
        }
    }
}

@Suite("Speech benchmark: server messages")
struct SpeechBenchServerMessageTests {
    @Test func decodesAFinalWithTimingFields() {
        let text = """
            {"type":"transcription_update","kind":"final","sessionId":"6F1C","segmentId":3,"text":"No free air.",\
            "words":[],"confidence":0.9,"medicalTerms":[],"latencyMs":640.5,"waitMs":180,"decodeMs":410,"rawText":"no free air",\
            "flags":[],"start":12.5,"end":13.9,"replayed":false}
            """
        let expected = TranscriptionUpdate(
            kind: .final,
            segmentId: 3,
            text: "No free air.",
            latencyMs: 640.5,
            waitMs: 180,
            decodeMs: 410,
            start: 12.5,
            end: 13.9,
            replayed: false
        )
        #expect(RealtimeServerMessage.decode(text) == .update(expected))
    }

    @Test func partialWithoutDecodeTimeDecodes() {
        let text = #"{"type":"transcription_update","kind":"partial","segmentId":0,"text":"Kein","latencyMs":80}"#
        guard case .update(let update) = RealtimeServerMessage.decode(text) else {
            Issue.record("not an update")
            return
        }
        #expect(update.kind == .partial)
        #expect(update.decodeMs == nil)
    }

    @Test func errorKeepsOnlyItsType() {
        #expect(
            RealtimeServerMessage.decode(#"{"type":"error","code":"invalid_audio","message":"frame of 3 bytes"}"#)
                == .error(type: "invalid_audio")
        )
        #expect(RealtimeServerMessage.decode(#"{"type":"error","message":"x"}"#) == .error(type: "error"))
    }

    @Test func otherMessagesAndBrokenJSON() {
        #expect(RealtimeServerMessage.decode(#"{"type":"report_generated","reportId":"r"}"#) == .other(type: "report_generated"))
        #expect(RealtimeServerMessage.decode(#"{"type":"transcription_update","kind":"final"}"#) == .other(type: "malformed transcription_update"))
        #expect(RealtimeServerMessage.decode("not json") == nil)
        #expect(RealtimeServerMessage.decode(#"{"kind":"final"}"#) == nil)
    }
}

@Suite("Speech benchmark: streaming")
struct SpeechBenchStreamingTests {
    @Test func unreachableServerGivesAClearErrorNamingTheURL() async throws {
        // A port that was just free: bind it, then close it, so nothing listens there.
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        let url = "ws://127.0.0.1:\(port)/api/v1/realtime/transcription"
        let streamer = RealtimeDictationStreamer(url: url, answerTimeout: .seconds(5), logger: Logger(label: "test"))
        let audio = try DictationAudio(
            sentences: [WAVFile(samples: Array(repeating: 0.06, count: 3200), sampleRate: 16_000)],
            pause: .zero,
            trailingSilence: .milliseconds(100)
        )
        await #expect {
            try await streamer.stream(audio, language: .de)
        } throws: { error in
            guard case .unreachable(let reportedURL, _) = error as? RealtimeDictationStreamer.StreamError else { return false }
            return reportedURL == url && "\(error)".contains("is `radscribe serve` running there?")
        }
    }
}
