import RadScribeCore

/// How one recognition stream should listen: its language, its vocabulary and where utterances end.
public struct RecognitionConfiguration: Sendable, Hashable {
    /// The dictation language.
    public var language: Language
    /// Medical terms that bias recognition (Whisper's prompt, Vosk's phrase list); `nil` for none.
    public var vocabularyPrompt: String?
    /// Where utterances start and end.
    public var endpointer: EndpointerConfiguration

    /// Creates a configuration.
    public init(language: Language, vocabularyPrompt: String? = nil, endpointer: EndpointerConfiguration = EndpointerConfiguration()) {
        self.language = language
        self.vocabularyPrompt = vocabularyPrompt
        self.endpointer = endpointer
    }
}
