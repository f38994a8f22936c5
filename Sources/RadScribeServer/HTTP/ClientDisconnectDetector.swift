import NIOConcurrencyHelpers
import NIOCore

/// Notices that the client closed its side of an HTTP connection.
///
/// The server allows half-closed connections, so a client that hangs up does not make the channel inactive until the
/// server writes; this handler sees the end of input as it arrives. A client that half-closes on purpose after its
/// request (`shutdown(SHUT_WR)`, unusual for HTTP clients) counts as gone too: its slow work is cancelled.
final class ClientDisconnectDetector: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny

    private let closed = NIOLockedValueBox(false)

    /// Whether the client has closed its side.
    var isClientGone: Bool { closed.withLockedValue { $0 } }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event {
            closed.withLockedValue { $0 = true }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed.withLockedValue { $0 = true }
        context.fireChannelInactive()
    }
}
