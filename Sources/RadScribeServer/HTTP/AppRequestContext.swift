import Hummingbird
import HummingbirdWebSocket

/// The request context of every RadScribe route, HTTP and WebSocket alike.
public struct AppRequestContext: RequestContext, WebSocketRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The WebSocket handler for upgrade requests.
    public let webSocket: WebSocketHandlerReference<AppRequestContext>

    /// Creates the context of one request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.webSocket = .init()
    }
}
