import RadScribeCore
import RadScribeSpeech
import Testing

@Suite("TranscriptGuard: repetition loops")
struct RepetitionLoopGuardTests {
    private let guardian = TranscriptGuard()

    private func cleaned(_ text: String, segments: [Transcription.SegmentStatistics] = [.speech]) -> GuardedTranscription {
        guardian.apply(to: Dictation.transcription(text, segments: segments), prompt: nil, language: .de)
    }

    @Test func collapsesPhraseLoopToFirstOccurrenceWithFinalPunctuation() {
        let words = Dictation.words("Lunge seitengleich belüftet, kein Erguss, kein Erguss, kein Erguss, kein Erguss.")
        let result = guardian.apply(to: Dictation.transcription(words), prompt: nil, language: .de)
        #expect(result.transcription.text == "Lunge seitengleich belüftet, kein Erguss.")
        #expect(result.transcription.words.map(\.start) == words.prefix(5).map(\.start))
        #expect(result.actions == [GuardAction(kind: .repetitionLoop, removedWordCount: 6)])
    }

    @Test func collapsesSingleWordRepeatedFourTimes() {
        #expect(cleaned("Befund unauffällig unauffällig unauffällig unauffällig").transcription.text == "Befund unauffällig")
    }

    @Test func collapsesEightWordLoopButNotNineWordPhrase() {
        let eight = "Im Verlauf keine neue Raumforderung im rechten Leberlappen."
        #expect(cleaned([eight, eight, eight].joined(separator: " ")).transcription.text == eight)
        let nine = "Im Verlauf keine neue Raumforderung im rechten Leberlappen erkennbar."
        #expect(cleaned([nine, nine, nine].joined(separator: " ")).actions.isEmpty)
    }

    @Test func collapsesEveryLoopAndCountsAllRemovedWords() {
        let result = cleaned("ja ja ja ja ja Befund. Thank you. Thank you. Thank you. Ende")
        #expect(result.transcription.text == "ja Befund. Thank you. Ende")
        #expect(result.actions == [GuardAction(kind: .repetitionLoop, removedWordCount: 8)])
    }

    @Test(arguments: [
        "Zustand nach Hemithyreoidektomie links, links kein Rezidiv.",
        "Bandscheibenprotrusionen L4/5 und L5/S1.",
        "Kein Erguss, kein Erguss, rechts fraglich.",
        "Zyste, Zyste, Zyste und Hämangiom.",
        "Segment 2, Segment 3 und Segment 4 unauffällig.",
    ])
    func keepsDeliberateRepetition(text: String) {
        #expect(cleaned(text).actions.isEmpty)
    }

    @Test func lowersLoopCountsWhenEngineReportsRepetitiveText() {
        let threeWords = cleaned("Unauffällig, unauffällig, unauffällig.", segments: [.repetitive])
        #expect(threeWords.transcription.text == "Unauffällig.")
        let twoPhrases = cleaned("Kein Erguss, kein Erguss.", segments: [.speech, .repetitive])
        #expect(twoPhrases.transcription.text == "Kein Erguss.")
        let twoWords = cleaned("links links", segments: [.repetitive])
        #expect(twoWords.actions.isEmpty)
    }

    @Test func followsConfiguredLoopCounts() {
        let strict = TranscriptGuard(configuration: TranscriptGuardConfiguration(minimumPhraseLoopCount: 5, minimumWordLoopCount: 6))
        let transcription = Dictation.transcription("kein Erguss kein Erguss kein Erguss kein Erguss")
        #expect(strict.apply(to: transcription, prompt: nil, language: .de).actions.isEmpty)
        #expect(guardian.apply(to: transcription, prompt: nil, language: .de).transcription.text == "kein Erguss")
    }
}
