import Hummingbird

/// The request context of every RadScribe route.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    /// Creates the context for one request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }
}
