import RadScribeCore
import RadScribeSpeech
import Testing

@Suite("VoskServerMessage")
struct VoskServerMessageTests {
    @Test func parsesAPartial() {
        #expect(VoskServerMessage(json: "{\n  \"partial\" : \"kein nachweis einer\"\n}") == .partial("kein nachweis einer"))
    }

    @Test func parsesAFinalWithWordTimingsAndConfidences() {
        let json = """
            {
              "result" : [{
                  "conf" : 0.874512,
                  "end" : 1.020000,
                  "start" : 0.600000,
                  "word" : "pleuraerguss"
                }, {
                  "conf" : 1.000000,
                  "end" : 1.410000,
                  "start" : 1.020000,
                  "word" : "rechts"
                }],
              "text" : "pleuraerguss rechts"
            }
            """
        let expected = VoskServerMessage.final(
            text: "pleuraerguss rechts",
            words: [
                RecognizedWord(text: "pleuraerguss", start: 0.6, end: 1.02, confidence: 0.874512),
                RecognizedWord(text: "rechts", start: 1.02, end: 1.41, confidence: 1),
            ]
        )
        #expect(VoskServerMessage(json: json) == expected)
    }

    @Test(
        arguments: [
            (#"{"text" : ""}"#, VoskServerMessage.final(text: "", words: [])),
            (#"{"text": "no pulmonary embolism", "spk": [0.1], "spk_frames": 120}"#, .final(text: "no pulmonary embolism", words: [])),
            (#"{"text": "basal", "result": "not a list"}"#, .final(text: "basal", words: [])),
            (
                #"{"text": "kein erguss", "result": [{"word": "kein", "start": 0.1, "end": 0.3, "conf": 1}, {"word": "erguss"}]}"#,
                .final(text: "kein erguss", words: [])
            ),
            (
                #"{"text": "rechts", "result": [{"word": "rechts", "start": 0.5, "end": 0.9, "conf": 1.7}]}"#,
                .final(text: "rechts", words: [RecognizedWord(text: "rechts", start: 0.5, end: 0.9, confidence: 1)])
            ),
            (#"{"partial": "", "partial_result": []}"#, .partial("")),
        ]
    )
    func keepsTheTextWhenTheRestIsIncompleteOrUnknown(json: String, expected: VoskServerMessage) {
        #expect(VoskServerMessage(json: json) == expected)
    }

    @Test(arguments: ["", "not JSON", #"["text"]"#, #"{"partial": 42}"#, #"{"text": null, "spk": []}"#, #"{"eof": 1}"#, #"{"text": "#])
    func rejectsWhatIsNeitherAPartialNorAFinal(json: String) {
        #expect(VoskServerMessage(json: json) == nil)
    }
}
