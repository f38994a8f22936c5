import Hummingbird
import RadScribeCore

/// A dictation to structure, as a client sends it: JSON `{"text", "language", "context"}` or a `text/plain` body.
struct DictationInput: Sendable {
    /// The dictated or typed text.
    var text: String
    /// The language asked for.
    var language: LanguageSelection
    /// What is known about the exam.
    var context: ReportContext

    private struct JSONBody: Decodable {
        var text: String
        var language: String?
        var context: ReportContext?
    }

    /// Reads and validates the input of `request`.
    ///
    /// JSON bodies carry the language in the body, `text/plain` bodies in the `language` query parameter; without one the
    /// configured default applies.
    ///
    /// - Throws: ``Problem`` for a body that is too large, not UTF-8, malformed, of another media type, names an unknown
    ///   language, or holds no text or too much.
    static func read(from request: Request, reader: RequestBodyReader, defaultLanguage: LanguageSelection) async throws -> DictationInput {
        let mediaType = request.headers[.contentType].flatMap(MediaType.init(from:))
        let text: String
        let languageCode: String?
        let context: ReportContext
        switch mediaType {
        case .some(let type) where type.isType(.applicationJson):
            let body = try await reader.decodeJSON(JSONBody.self, from: request)
            (text, languageCode, context) = (body.text, body.language, body.context ?? ReportContext())
        case .some(let type) where type.isType(.textPlain):
            text = try await reader.text(of: request)
            (languageCode, context) = (request.uri.queryParameters.get("language"), ReportContext())
        default:
            throw Problem(
                .unsupportedMediaType,
                type: "/problems/unsupported-media-type",
                title: "Unsupported media type",
                detail: "Send application/json ({\"text\": …, \"language\": …}) or text/plain."
            )
        }

        let language: LanguageSelection
        if let languageCode {
            guard let selection = LanguageSelection(code: languageCode) else {
                throw Problem.invalidInput("Unknown language", "The language must be de, en or auto.")
            }
            language = selection
        } else {
            language = defaultLanguage
        }
        if text.allSatisfy(\.isWhitespace) {
            throw Problem.invalidInput("Empty dictation", "The text contains no words.")
        }
        if text.count > reader.limits.maxTextCharacters {
            throw Problem.invalidInput(
                "Dictation too long",
                "The text has \(text.count) characters; at most \(reader.limits.maxTextCharacters) are allowed."
            )
        }
        return DictationInput(text: text, language: language, context: context)
    }
}
