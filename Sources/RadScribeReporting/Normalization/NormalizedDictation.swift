import RadScribeCore

/// Dictated text after normalisation: the written text, every edit that produced it and the commands met.
///
/// `edits` are ordered by their position in `text` and do not overlap; stretches of `text` that no edit covers are
/// copied unchanged from the original, so the two texts can be mapped onto each other in both directions.
public struct NormalizedDictation: Sendable, Hashable {
    /// The normalised text.
    public var text: String
    /// Every change, in order of output position.
    public var edits: [NormalizationEdit]
    /// The navigation commands met ("next field", "previous field", "next section", "accept defaults"), in order, with their source span.
    public var commands: [DictationCommand]

    /// Creates a normalisation result, for example for text that needs no normalisation.
    ///
    /// - Parameters:
    ///   - text: The normalised text.
    ///   - edits: The edits that turned the original into `text`, ordered by output position.
    ///   - commands: The dictation commands met, in order.
    public init(text: String, edits: [NormalizationEdit] = [], commands: [DictationCommand] = []) {
        self.text = text
        self.edits = edits
        self.commands = commands
    }

    /// Maps a span of `text` back to the span of the original text it came from (through the edits).
    ///
    /// A span boundary inside an edit's output widens to the whole source of that edit, so a span over "3,5 cm"
    /// maps to "drei Komma fünf Zentimeter". A span that starts right after a removal (an edit with empty output,
    /// such as "scratch that") starts after the removed words, and a span that ends there ends before them.
    ///
    /// - Parameter span: A span of `text`, in UTF-16 offsets.
    /// - Returns: The corresponding span of the original text, in UTF-16 offsets.
    public func sourceSpan(for span: TextSpan) -> TextSpan {
        let start = sourceOffset(forOutputStart: span.start)
        let end = sourceOffset(forOutputEnd: span.end)
        return TextSpan(start: start, end: max(start, end))
    }

    private func sourceOffset(forOutputStart offset: Int) -> Int {
        var shift = 0
        for edit in edits {
            if offset < edit.output.start { return offset + edit.source.start - edit.output.start }
            if offset < edit.output.end { return edit.source.start }
            shift = edit.source.end - edit.output.end
        }
        return offset + shift
    }

    private func sourceOffset(forOutputEnd offset: Int) -> Int {
        var shift = 0
        for edit in edits {
            if offset <= edit.output.start { return offset + edit.source.start - edit.output.start }
            if offset <= edit.output.end { return edit.source.end }
            shift = edit.source.end - edit.output.end
        }
        return offset + shift
    }
}

/// A navigation command spoken during dictation, removed from the text and handed to the caller.
public struct DictationCommand: Sendable, Hashable, Codable {
    /// The command: `next_field`, `previous_field`, `next_section` or `accept_defaults`.
    public var name: String
    /// The command's words in the original text.
    public var source: TextSpan

    /// Creates a command.
    ///
    /// - Parameters:
    ///   - name: The command name, for example `next_field`.
    ///   - source: The span of the spoken command in the original text.
    public init(name: String, source: TextSpan) {
        self.name = name
        self.source = source
    }
}
