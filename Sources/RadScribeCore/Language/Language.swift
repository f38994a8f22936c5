/// A report language that RadScribe structures and renders.
///
/// German and English are both first-class: every rule set, lexicon entry and section title exists in both.
public enum Language: String, Sendable, Codable, CaseIterable, Hashable {
    /// German.
    case de
    /// English.
    case en
}

/// The language a caller asks for: one of the supported languages, or automatic detection.
public enum LanguageSelection: Sendable, Hashable, Codable {
    /// Use exactly this language.
    case fixed(Language)
    /// Detect the language from the text.
    case auto

    /// Parses `de`, `en` or `auto` (case-insensitive); `nil` for anything else.
    public init?(code: String) {
        switch code.lowercased() {
        case "auto": self = .auto
        case let other:
            guard let language = Language(rawValue: other) else { return nil }
            self = .fixed(language)
        }
    }

    /// The wire form: `de`, `en` or `auto`.
    public var code: String {
        switch self {
        case .fixed(let language): language.rawValue
        case .auto: "auto"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let selection = LanguageSelection(code: code) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "language must be de, en or auto")
        }
        self = selection
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
