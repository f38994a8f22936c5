import RadScribeCore
import Testing

@testable import RadScribeReporting

/// Normalises `text` and returns only the written text.
func normalizedText(_ text: String, _ language: Language) -> String {
    DictationNormalizer().normalize(text, language: language).text
}

/// Checks that `result` is a faithful trace of normalising `source`: the edits are ordered and do not overlap,
/// their texts match their spans, the stretches between edits are unchanged, and replaying the edits in either
/// direction rebuilds the normalised text from the source and the source from the normalised text.
func expectTraceable(_ result: NormalizedDictation, from source: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let original = Array(source.utf16)
    let written = Array(result.text.utf16)
    var rebuiltOutput: [UInt16] = []
    var rebuiltSource: [UInt16] = []
    var sourcePosition = 0
    var outputPosition = 0
    for edit in result.edits {
        guard edit.source.start >= sourcePosition, edit.output.start >= outputPosition, edit.source.end <= original.count,
            edit.output.end <= written.count
        else {
            Issue.record("edit \(edit) overlaps its predecessor or leaves the text", sourceLocation: sourceLocation)
            return
        }
        let unchangedSource = original[sourcePosition..<edit.source.start]
        let unchangedOutput = written[outputPosition..<edit.output.start]
        #expect(Array(unchangedSource) == Array(unchangedOutput), "text between edits changed", sourceLocation: sourceLocation)
        #expect(edit.sourceText == edit.source.substring(of: source).map(String.init), sourceLocation: sourceLocation)
        #expect(edit.outputText == edit.output.substring(of: result.text).map(String.init), sourceLocation: sourceLocation)
        #expect(edit.sourceText != edit.outputText, "an edit that changes nothing", sourceLocation: sourceLocation)
        rebuiltOutput += unchangedSource + Array(edit.outputText.utf16)
        rebuiltSource += unchangedOutput + Array(edit.sourceText.utf16)
        sourcePosition = edit.source.end
        outputPosition = edit.output.end
    }
    rebuiltOutput += original[sourcePosition...]
    rebuiltSource += written[outputPosition...]
    #expect(rebuiltOutput == written, "replaying the edits does not give the normalised text", sourceLocation: sourceLocation)
    #expect(rebuiltSource == original, "reverting the edits does not give the source", sourceLocation: sourceLocation)
}

/// The rules of `result`'s edits, in order.
func rules(of result: NormalizedDictation) -> [String] {
    result.edits.map(\.rule)
}
