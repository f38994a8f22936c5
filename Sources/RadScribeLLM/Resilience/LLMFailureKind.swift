/// Why one call to an LLM provider failed, in the terms retries, circuit breakers and metrics need.
///
/// Every provider maps its transport errors, HTTP statuses and answer problems to one of these cases; an HTTP error
/// status maps through ``init(httpStatus:retryAfter:)``.
public enum LLMFailureKind: Sendable, Hashable {
    /// 429: too many requests; `retryAfter` is the provider's `Retry-After`, if it sent one.
    case rateLimited(retryAfter: Duration?)
    /// The account's quota or credit is used up (OpenAI answers 429 with `insufficient_quota`); waiting does not help.
    case quotaExhausted
    /// A 5xx status; `retryAfter` is the provider's `Retry-After` (typical with 503), if it sent one.
    case serverError(status: Int, retryAfter: Duration?)
    /// No complete answer within the request timeout, or 408.
    case timeout
    /// The connection failed or was reset before any byte of the response arrived.
    case connectionFailed
    /// The connection broke after the response had begun; the provider may have done (and billed) the work.
    case responseInterrupted
    /// A 4xx status other than 401, 403, 408 and 429: the request itself is wrong (400, 404, 413, 422 …).
    case badRequest(status: Int)
    /// 401 or 403: the API key is missing, wrong or not allowed to use the model.
    case authentication(status: Int)
    /// The answer could not be used: not JSON, not the expected shape, truncated, or an unexpected status.
    case invalidResponse
    /// The model declined to answer.
    case refused
    /// The caller went away and the call was cancelled.
    case cancelled
    /// The caller's deadline passed before the call finished.
    case deadlineExceeded

    /// The failure an HTTP error status stands for.
    ///
    /// - Parameters:
    ///   - httpStatus: The response status; a status below 400 or above 599 maps to ``invalidResponse``.
    ///   - retryAfter: The parsed `Retry-After` header (see ``RetryAfterHeader``), kept for 429 and 5xx.
    public init(httpStatus: Int, retryAfter: Duration?) {
        switch httpStatus {
        case 401, 403: self = .authentication(status: httpStatus)
        case 408: self = .timeout
        case 429: self = .rateLimited(retryAfter: retryAfter)
        case 400...499: self = .badRequest(status: httpStatus)
        case 500...599: self = .serverError(status: httpStatus, retryAfter: retryAfter)
        default: self = .invalidResponse
        }
    }

    /// Whether sending the same request again may succeed: 429, 500/502/503/504/529, timeouts, and connections that
    /// failed before any response byte.
    ///
    /// Whether a retry fits the deadline and the attempt budget is ``RetryPolicy``'s decision.
    public var isTransient: Bool {
        switch self {
        case .rateLimited, .timeout, .connectionFailed: true
        case .serverError(let status, _): [500, 502, 503, 504, 529].contains(status)
        case .quotaExhausted, .responseInterrupted, .badRequest, .authentication, .invalidResponse, .refused, .cancelled,
            .deadlineExceeded:
            false
        }
    }

    /// Whether the failure speaks against the provider's health, so the ``CircuitBreaker`` should count it.
    ///
    /// `false` for failures caused by the request or the caller (a bad request, a refusal, cancellation, the caller's
    /// deadline): hand such a call's ticket back with ``CircuitBreaker/release(_:)``.
    public var countsAgainstProvider: Bool {
        switch self {
        case .rateLimited, .quotaExhausted, .serverError, .timeout, .connectionFailed, .responseInterrupted, .authentication,
            .invalidResponse:
            true
        case .badRequest, .refused, .cancelled, .deadlineExceeded: false
        }
    }

    /// The delay the provider asked for with `Retry-After`, if any.
    public var retryAfter: Duration? {
        switch self {
        case .rateLimited(let delay), .serverError(_, let delay): delay
        default: nil
        }
    }

    /// A lowercase snake_case name for metric labels and log metadata, without the status code.
    public var metricLabel: String {
        switch self {
        case .rateLimited: "rate_limited"
        case .quotaExhausted: "quota_exhausted"
        case .serverError: "server_error"
        case .timeout: "timeout"
        case .connectionFailed: "connection_failed"
        case .responseInterrupted: "response_interrupted"
        case .badRequest: "bad_request"
        case .authentication: "authentication"
        case .invalidResponse: "invalid_response"
        case .refused: "refused"
        case .cancelled: "cancelled"
        case .deadlineExceeded: "deadline_exceeded"
        }
    }
}
