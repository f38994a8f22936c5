import RadScribeLLM
import Testing

@Suite("LLM failure kinds")
struct LLMFailureKindTests {
    static let transience: [(LLMFailureKind, Bool)] = [
        (.rateLimited(retryAfter: nil), true),
        (.rateLimited(retryAfter: .seconds(3)), true),
        (.serverError(status: 500, retryAfter: nil), true),
        (.serverError(status: 502, retryAfter: nil), true),
        (.serverError(status: 503, retryAfter: .seconds(10)), true),
        (.serverError(status: 504, retryAfter: nil), true),
        (.serverError(status: 529, retryAfter: nil), true),
        (.serverError(status: 501, retryAfter: nil), false),
        (.serverError(status: 505, retryAfter: nil), false),
        (.timeout, true),
        (.connectionFailed, true),
        (.responseInterrupted, false),
        (.quotaExhausted, false),
        (.badRequest(status: 400), false),
        (.badRequest(status: 404), false),
        (.badRequest(status: 422), false),
        (.authentication(status: 401), false),
        (.authentication(status: 403), false),
        (.invalidResponse, false),
        (.refused, false),
        (.cancelled, false),
        (.deadlineExceeded, false),
    ]

    @Test(arguments: LLMFailureKindTests.transience)
    func onlyFailuresThatMaySucceedOnASecondTryAreTransient(kind: LLMFailureKind, transient: Bool) {
        #expect(kind.isTransient == transient)
    }

    static let statuses: [(Int, LLMFailureKind)] = [
        (400, .badRequest(status: 400)),
        (401, .authentication(status: 401)),
        (403, .authentication(status: 403)),
        (404, .badRequest(status: 404)),
        (408, .timeout),
        (413, .badRequest(status: 413)),
        (422, .badRequest(status: 422)),
        (429, .rateLimited(retryAfter: .seconds(20))),
        (500, .serverError(status: 500, retryAfter: .seconds(20))),
        (503, .serverError(status: 503, retryAfter: .seconds(20))),
        (529, .serverError(status: 529, retryAfter: .seconds(20))),
        (200, .invalidResponse),
        (302, .invalidResponse),
        (600, .invalidResponse),
    ]

    @Test(arguments: LLMFailureKindTests.statuses)
    func httpErrorStatusesMapToTheirKind(status: Int, kind: LLMFailureKind) {
        #expect(LLMFailureKind(httpStatus: status, retryAfter: .seconds(20)) == kind)
    }

    @Test func retryAfterIsKeptOnlyWhereItMeansSomething() {
        #expect(LLMFailureKind(httpStatus: 429, retryAfter: .seconds(7)).retryAfter == .seconds(7))
        #expect(LLMFailureKind(httpStatus: 503, retryAfter: .seconds(7)).retryAfter == .seconds(7))
        #expect(LLMFailureKind(httpStatus: 400, retryAfter: .seconds(7)).retryAfter == nil)
        #expect(LLMFailureKind.timeout.retryAfter == nil)
    }

    @Test func failuresCausedByTheRequestOrTheCallerDoNotCountAgainstTheProvider() {
        let neutral: [LLMFailureKind] = [.badRequest(status: 422), .refused, .cancelled, .deadlineExceeded]
        #expect(neutral.allSatisfy { !$0.countsAgainstProvider })
        let providerFaults: [LLMFailureKind] = [
            .rateLimited(retryAfter: nil), .quotaExhausted, .serverError(status: 502, retryAfter: nil), .timeout,
            .connectionFailed, .responseInterrupted, .authentication(status: 401), .invalidResponse,
        ]
        #expect(providerFaults.allSatisfy { $0.countsAgainstProvider })
    }

    @Test func metricLabelsAreSnakeCaseAndCarryNoStatus() {
        let kinds: [LLMFailureKind] = Self.transience.map(\.0)
        let labels = Set(kinds.map(\.metricLabel))
        #expect(labels.count == 12)
        #expect(LLMFailureKind.serverError(status: 503, retryAfter: .seconds(1)).metricLabel == "server_error")
        for label in labels {
            #expect(label.allSatisfy { $0 == "_" || ("a"..."z").contains($0) })
        }
    }
}
