import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends one JSON request to a provider and classifies what goes wrong, for all providers alike.
struct ProviderHTTPTransport: Sendable {
    /// A provider's HTTP answer.
    struct Answer: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: ByteBuffer
    }

    /// The largest answer read; a report is a few kilobytes.
    static let maximumAnswerBytes = 4 << 20

    let httpClient: HTTPClient

    /// `base` (trailing slashes dropped) followed by `path`.
    static func url(_ base: String, _ path: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }

    /// POSTs `body` as JSON to `url`.
    ///
    /// - Throws: `timeout` when no complete answer came within `timeout`, `connectionFailed` when the connection failed
    ///   before any answer byte, `responseInterrupted` when it broke during the answer, `cancelled` when the calling task
    ///   was cancelled.
    func post(url: String, headers: [(String, String)], body: some Encodable, timeout: Duration) async throws(LLMProviderError) -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json")
        for (name, value) in headers {
            request.headers.add(name: name, value: value)
        }
        let data: Data
        do {
            data = try JSONEncoder().encode(body)
        } catch {
            throw LLMProviderError(.badRequest(status: 0), "the request could not be encoded")
        }
        request.body = .bytes(ByteBuffer(bytes: data))
        let deadline = NIODeadline.now() + .nanoseconds(Int64(timeout / .nanoseconds(1)))
        var receivedHead = false
        do {
            let response = try await httpClient.execute(request, deadline: deadline)
            receivedHead = true
            let body = try await response.body.collect(upTo: Self.maximumAnswerBytes)
            return Answer(status: Int(response.status.code), headers: response.headers, body: body)
        } catch is CancellationError {
            throw LLMProviderError(.cancelled, "the call was cancelled")
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw LLMProviderError(.timeout, "no complete answer within \(timeout)")
        } catch let error as HTTPClientError where error == .cancelled {
            throw LLMProviderError(.cancelled, "the call was cancelled")
        } catch is NIOTooManyBytesError {
            throw LLMProviderError(.invalidResponse, "the answer is larger than \(Self.maximumAnswerBytes) bytes")
        } catch {
            if Task.isCancelled { throw LLMProviderError(.cancelled, "the call was cancelled") }
            throw LLMProviderError(
                receivedHead ? .responseInterrupted : .connectionFailed,
                receivedHead ? "the connection broke during the answer" : "the provider cannot be reached (\(type(of: error)))"
            )
        }
    }

    /// Decodes a provider's JSON answer.
    static func decode<T: Decodable>(_ type: T.Type, from body: ByteBuffer) throws(LLMProviderError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(body.readableBytesView))
        } catch {
            throw LLMProviderError(.invalidResponse, "the answer is not the provider's documented JSON")
        }
    }

    /// The failure an HTTP error answer stands for, with the provider's own message (providers describe the request's
    /// problem, not its content) cut to 200 characters.
    static func failure(_ answer: Answer, message: String?, quotaExhausted: Bool = false) -> LLMProviderError {
        let kind = quotaExhausted ? LLMFailureKind.quotaExhausted : LLMFailureKind(httpStatus: answer.status, retryAfter: retryAfter(answer.headers))
        return LLMProviderError(kind, "HTTP \(answer.status)" + (message.map { ": " + String($0.prefix(200)) } ?? ""))
    }

    /// The wait a provider asks for: OpenAI's `retry-after-ms`, else the standard `Retry-After` (seconds or HTTP date).
    static func retryAfter(_ headers: HTTPHeaders) -> Duration? {
        if let milliseconds = headers["retry-after-ms"].first.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }), milliseconds >= 0 {
            return .milliseconds(min(milliseconds, RetryAfterHeader.longestDelay / .milliseconds(1)))
        }
        return headers["retry-after"].first.flatMap { RetryAfterHeader.delay(from: $0, now: Date()) }
    }
}
