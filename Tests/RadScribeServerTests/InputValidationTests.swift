import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationEssentialsCompat
import Testing

@testable import RadScribeServer

/// Every bad input answers RFC 9457 problem+json with a clear title and never echoes the dictation.
@Suite("Input validation")
struct InputValidationTests {
    private func expectProblem(
        _ response: TestResponse,
        status: HTTPResponse.Status,
        title: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
        let problem = try ProblemBody(response)
        #expect(problem.title == title, sourceLocation: sourceLocation)
        #expect(problem.status == Int(status.code), sourceLocation: sourceLocation)
        #expect(problem.type.hasPrefix("/problems/"), sourceLocation: sourceLocation)
    }

    @Test func nonUTF8BodyIsRejected() async throws {
        try await withLiveServer { client in
            var body = ByteBuffer(string: #"{"text":""#)
            body.writeBytes([0xC3, 0x28, 0xFF])
            body.writeString(#""}"#)
            let response = try await client.execute(
                uri: "/api/v1/reports/structure",
                method: .post,
                headers: [.contentType: "application/json"],
                body: body
            ) { $0 }
            try expectProblem(response, status: .badRequest, title: "Bad request")
            #expect(try ProblemBody(response).detail?.contains("UTF-8") == true)
        }
    }

    @Test func emptyAndWhitespaceTextAreRejected() async throws {
        try await withLiveServer { client in
            for text in ["", "   \n\t  "] {
                let response = try await client.postJSON("/api/v1/reports/structure", #"{"text":\#(jsonString(text))}"#)
                try expectProblem(response, status: .unprocessableContent, title: "Empty dictation")
            }
        }
    }

    @Test func unknownLanguageIsRejected() async throws {
        try await withLiveServer { client in
            let response = try await client.postJSON("/api/v1/reports", #"{"text":"Befund: normal","language":"fr"}"#)
            try expectProblem(response, status: .unprocessableContent, title: "Unknown language")
            let history = try await client.get("/api/v1/reports")
            #expect(String(buffer: history.body).contains(#""total":0"#))
        }
    }

    @Test func oversizedBodyIsRejected() async throws {
        try await withLiveServer(limits: InputLimits(maxBodyBytes: 2048)) { client in
            let text = String(repeating: "Kein Erguss. ", count: 400)
            let response = try await client.postJSON("/api/v1/reports/structure", #"{"text":\#(jsonString(text))}"#)
            try expectProblem(response, status: .contentTooLarge, title: "Request body too large")
        }
    }

    @Test func tooLongTextIsRejected() async throws {
        try await withLiveServer(limits: InputLimits(maxTextCharacters: 100)) { client in
            let text = String(repeating: "a", count: 101)
            let response = try await client.postJSON("/api/v1/reports/structure", #"{"text":"\#(text)"}"#)
            try expectProblem(response, status: .unprocessableContent, title: "Dictation too long")
        }
    }

    @Test func deeplyNestedJSONIsRejected() async throws {
        try await withLiveServer(limits: InputLimits(maxJSONDepth: 8)) { client in
            let nested = String(repeating: "[", count: 50) + String(repeating: "]", count: 50)
            let response = try await client.postJSON("/api/v1/reports/structure", #"{"text":"x","context":\#(nested)}"#)
            try expectProblem(response, status: .badRequest, title: "Bad request")
            #expect(try ProblemBody(response).detail?.contains("nested") == true)
        }
    }

    @Test func bracketsInsideStringsDoNotCountAsNesting() {
        let data = Data(#"{"text":"[[[[[[{{{{{{\"]]]"}"#.utf8)
        #expect(JSONNesting.maximumDepth(of: data) == 1)
    }

    @Test func malformedJSONIsRejected() async throws {
        try await withLiveServer { client in
            let response = try await client.postJSON("/api/v1/reports/structure", #"{"text": "Befund"#)
            try expectProblem(response, status: .badRequest, title: "Bad request")
        }
    }

    @Test func missingAndMistypedFieldsNameTheField() async throws {
        try await withLiveServer { client in
            let missing = try await client.postJSON("/api/v1/reports/structure", #"{"language":"de"}"#)
            try expectProblem(missing, status: .unprocessableContent, title: "Missing field")
            #expect(try ProblemBody(missing).detail?.contains("\"text\"") == true)
            let mistyped = try await client.postJSON("/api/v1/reports/structure", #"{"text":42}"#)
            try expectProblem(mistyped, status: .unprocessableContent, title: "Wrong field type")
            let badSex = try await client.postJSON("/api/v1/reports/structure", #"{"text":"Befund","context":{"patient_sex":"robot"}}"#)
            try expectProblem(badSex, status: .unprocessableContent, title: "Invalid field")
            #expect(try ProblemBody(badSex).detail?.contains("robot") == false)
        }
    }

    @Test func unsupportedMediaTypeIsRejected() async throws {
        try await withLiveServer { client in
            let response = try await client.execute(
                uri: "/api/v1/reports/structure",
                method: .post,
                headers: [.contentType: "application/xml"],
                body: ByteBuffer(string: "<text/>")
            ) { $0 }
            try expectProblem(response, status: .unsupportedMediaType, title: "Unsupported media type")
            let none = try await client.execute(uri: "/api/v1/reports/structure", method: .post, body: ByteBuffer(string: "x")) { $0 }
            #expect(none.status == .unsupportedMediaType)
        }
    }

    @Test func unknownRouteIsAProblem() async throws {
        try await withLiveServer { client in
            let response = try await client.get("/api/v1/nothing-here")
            try expectProblem(response, status: .notFound, title: "Not found")
        }
    }

    @Test func problemsNeverEchoTheDictation() async throws {
        try await withLiveServer(limits: InputLimits(maxTextCharacters: 100)) { client in
            let secret = "Patient Erika Mustermann " + String(repeating: "x", count: 100)
            let response = try await client.postJSON("/api/v1/reports/structure", #"{"text":\#(jsonString(secret))}"#)
            #expect(!String(buffer: response.body).contains("Mustermann"))
        }
    }
}
