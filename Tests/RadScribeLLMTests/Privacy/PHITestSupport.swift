import RadScribeLLM
import Testing

/// The entities the pseudonymiser finds in `text`, as `kind:original`, in order of first appearance.
func detectedPHI(_ text: String) -> [String] {
    Pseudonymizer().pseudonymize(text).entities.map { "\($0.kind.rawValue):\($0.original)" }
}

/// Pseudonymises `text` and checks the guarantees every result must keep: no original is left in the text, and
/// restoring the text gives back `text` exactly.
@discardableResult
func pseudonymizeChecked(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> PseudonymizedText {
    let result = Pseudonymizer().pseudonymize(text)
    for entity in result.entities {
        #expect(!result.text.contains(entity.original), "\(entity) left in the text", sourceLocation: sourceLocation)
    }
    let restored = result.restore(result.text)
    #expect(restored.text == text, sourceLocation: sourceLocation)
    #expect(restored.unknownPlaceholders.isEmpty, sourceLocation: sourceLocation)
    return result
}
