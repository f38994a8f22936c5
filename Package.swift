// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "radscribe",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "radscribe", targets: ["radscribe"]),
        .library(name: "RadScribeCore", targets: ["RadScribeCore"]),
        .library(name: "RadScribeReporting", targets: ["RadScribeReporting"]),
        .library(name: "RadScribeSpeech", targets: ["RadScribeSpeech"]),
        .library(name: "RadScribeLLM", targets: ["RadScribeLLM"]),
        .library(name: "RadScribeStorage", targets: ["RadScribeStorage"]),
        .library(name: "RadScribeEvaluation", targets: ["RadScribeEvaluation"]),
        .library(name: "RadScribeServer", targets: ["RadScribeServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    ],
    targets: [
        .target(
            name: "RadScribeCore",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RadScribeReporting",
            dependencies: ["RadScribeCore"],
            resources: [.copy("Resources/Lexicon")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RadScribeSpeech",
            dependencies: [
                "RadScribeCore",
                "RadScribeReporting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RadScribeLLM",
            dependencies: [
                "RadScribeCore",
                "RadScribeReporting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            resources: [.copy("Resources/Prompts")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RadScribeStorage",
            dependencies: [
                "RadScribeCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RadScribeEvaluation",
            dependencies: ["RadScribeCore", "RadScribeReporting"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RadScribeServer",
            dependencies: [
                "RadScribeCore",
                "RadScribeReporting",
                "RadScribeLLM",
                "RadScribeSpeech",
                "RadScribeStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Configuration", package: "swift-configuration"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "radscribe",
            dependencies: [
                "RadScribeLLM",
                "RadScribeCore",
                "RadScribeReporting",
                "RadScribeStorage",
                "RadScribeServer",
                "RadScribeSpeech",
                "RadScribeEvaluation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "radscribeTests",
            dependencies: [
                "radscribe",
                "RadScribeSpeech",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RadScribeCoreTests",
            dependencies: ["RadScribeCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RadScribeReportingTests",
            dependencies: ["RadScribeCore", "RadScribeReporting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RadScribeEvaluationTests",
            dependencies: ["RadScribeCore", "RadScribeReporting", "RadScribeEvaluation"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RadScribeSpeechTests",
            dependencies: [
                "RadScribeTestSupport",
                "RadScribeCore",
                "RadScribeSpeech",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RadScribeTestSupport",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/RadScribeTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RadScribeLLMTests",
            dependencies: [
                "RadScribeTestSupport",
                "RadScribeCore",
                "RadScribeReporting",
                "RadScribeLLM",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RadScribeStorageTests",
            dependencies: [
                "RadScribeCore",
                "RadScribeStorage",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RadScribeServerTests",
            dependencies: [
                "RadScribeTestSupport",
                "RadScribeCore",
                "RadScribeServer",
                "RadScribeSpeech",
                "RadScribeStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationEssentialsCompat", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
