/// An engine's output after ``TranscriptGuard``: the cleaned transcription and what was removed from it.
public struct GuardedTranscription: Sendable, Hashable {
    /// The cleaned transcription. When a guard removed words, its text is rebuilt from the remaining words (or from
    /// the remaining whitespace-separated tokens when the engine gave no words); otherwise it is the engine's text.
    public var transcription: Transcription
    /// What each guard that acted removed, in the order the guards ran; empty when nothing was removed.
    public var actions: [GuardAction]

    /// Creates a result.
    public init(transcription: Transcription, actions: [GuardAction]) {
        self.transcription = transcription
        self.actions = actions
    }
}
