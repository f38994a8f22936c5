import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Reads and checks a request body before anything parses it: size, UTF-8, JSON nesting depth.
struct RequestBodyReader: Sendable {
    /// The limits to enforce.
    let limits: InputLimits

    /// The body as UTF-8 text.
    ///
    /// - Throws: ``Problem`` 413 when the body is larger than the limit, 400 when it is not UTF-8.
    func text(of request: Request) async throws -> String {
        let bytes = try await collect(request)
        guard let text = String(validating: bytes.readableBytesView, as: UTF8.self) else {
            throw Problem.badRequest("The request body is not valid UTF-8 text.")
        }
        return text
    }

    /// The body decoded from JSON.
    ///
    /// - Throws: ``Problem`` 413/400 as ``text(of:)``, 400 when the JSON is malformed or nested deeper than allowed,
    ///   422 when a field is missing or has the wrong type (the detail names the field, never its value).
    func decodeJSON<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let text = try await text(of: request)
        let data = Data(text.utf8)
        let depth = JSONNesting.maximumDepth(of: data)
        if depth > limits.maxJSONDepth {
            throw Problem.badRequest("The JSON body is nested \(depth) levels deep; at most \(limits.maxJSONDepth) are allowed.")
        }
        do {
            return try ReportJSONEncoding.decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw Self.problem(for: error)
        } catch {
            throw Problem.badRequest("The request body is not valid JSON.")
        }
    }

    private func collect(_ request: Request) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limits.maxBodyBytes {
            throw Problem.bodyTooLarge(limit: limits.maxBodyBytes)
        }
        do {
            return try await request.body.collect(upTo: limits.maxBodyBytes)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Problem.bodyTooLarge(limit: limits.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw Problem.bodyTooLarge(limit: limits.maxBodyBytes)
        }
    }

    private static func problem(for error: DecodingError) -> Problem {
        switch error {
        case .keyNotFound(let key, let context):
            return .invalidInput("Missing field", "The field \"\(path(context.codingPath + [key]))\" is required.")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return .invalidInput("Wrong field type", "The field \"\(path(context.codingPath))\" has the wrong type.")
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return .invalidInput("Invalid field", "The field \"\(path(context.codingPath))\" has a value that is not allowed.")
        default:
            return .badRequest("The request body is not valid JSON.")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }.joined(separator: ".")
    }
}

/// Measures JSON nesting without parsing, so a hostile body cannot exhaust the decoder's stack.
enum JSONNesting {
    /// The deepest nesting of objects and arrays in `data`, ignoring brackets inside strings.
    static func maximumDepth(of data: Data) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in data {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}
