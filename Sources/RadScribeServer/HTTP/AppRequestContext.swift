import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// A request context that knows the connection its request came on, so slow work can stop when the client leaves.
protocol ConnectionRequestContext: RequestContext {
    /// The connection.
    var channel: any Channel { get }
}

/// The request context of every RadScribe route, HTTP and WebSocket alike.
public struct AppRequestContext: RequestContext, WebSocketRequestContext, ConnectionRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connection the request came on.
    public let channel: any Channel
    /// The WebSocket handler for upgrade requests.
    public let webSocket: WebSocketHandlerReference<AppRequestContext>

    /// Creates the context of one request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
        self.webSocket = .init()
    }
}
