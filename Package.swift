// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Lendline",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lendline", targets: ["lendline"]),
        .library(name: "LoanMath", targets: ["LoanMath"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // System libraries, linked through pkg-config (Debian: libsqlite3-dev, libpq-dev, libxml2-dev, libjemalloc-dev).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // The lendline executable's malloc (glibc's cost the day end a third of its speed).
        .systemLibrary(name: "CJemalloc", pkgConfig: "jemalloc", providers: [.apt(["libjemalloc-dev"])]),

        // libxml2 behind plain-C functions, so no libxml2 (and ICU) header is imported into Swift.
        .target(name: "XMLSupport", dependencies: ["CLibXML2"]),

        .target(name: "LoanMath", swiftSettings: strict),
        .target(name: "Rules", dependencies: ["LoanMath"], swiftSettings: strict),
        .target(name: "Workflow", dependencies: ["Rules", "LoanMath"], swiftSettings: strict),
        .target(name: "Documents", dependencies: ["Rules", "LoanMath", "XMLSupport"], swiftSettings: strict),
        .target(
            name: "Catalog",
            dependencies: [
                "LoanMath", "Rules", "Workflow", "Documents", "Identity", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        .target(
            name: "Identity",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // The SQL store of staff users, API keys, the signing key and the audit log (tables: Ledger's migrations).
        .target(
            name: "IdentitySQL", dependencies: ["Identity", "Ledger", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        .target(name: "Ledger", dependencies: ["LoanMath", "CSQLite", "CLibPQ", "XMLSupport"], swiftSettings: strict),
        .target(
            name: "Servicing",
            dependencies: [
                "LoanMath", "Rules", "Catalog", "Ledger", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        .target(
            name: "Origination",
            dependencies: [
                "LoanMath", "Rules", "Workflow", "Catalog", "Ledger", "Identity",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        .target(
            name: "Server",
            dependencies: [
                "LoanMath", "Rules", "Catalog", "Documents", "Ledger", "Servicing", "Identity", "Workflow", "Origination",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "lendline",
            dependencies: [
                "LoanMath", "Rules", "Catalog", "Documents", "Ledger", "Servicing", "Server", "Identity", "IdentitySQL",
                "Origination", "CJemalloc", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict),

        .testTarget(
            name: "LoanMathTests", dependencies: ["LoanMath"], resources: [.copy("Fixtures")],
            swiftSettings: strict),
        .testTarget(
            name: "CatalogTests", dependencies: ["Catalog", "LoanMath", "Rules", "Identity"],
            resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "LoanMath"], swiftSettings: strict),
        .testTarget(
            name: "WorkflowTests", dependencies: ["Workflow", "Catalog", "Rules", "LoanMath"],
            resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(
            name: "DocumentsTests", dependencies: ["Documents", "Catalog", "Rules", "LoanMath"],
            resources: [.copy("Fixtures")], swiftSettings: strict),
        .target(name: "LedgerTestSupport", dependencies: ["Ledger"], path: "Tests/LedgerTestSupport", swiftSettings: strict),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "LoanMath", "LedgerTestSupport", "CSQLite"], swiftSettings: strict),
        .testTarget(
            name: "ServicingTests",
            dependencies: ["Servicing", "Ledger", "LoanMath", "Catalog", "Rules", "LedgerTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "OriginationTests",
            dependencies: [
                "Origination", "Catalog", "Identity", "Ledger", "LoanMath", "Servicing", "LedgerTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Catalog", "Documents", "Identity", "IdentitySQL", "Ledger", "LoanMath", "Servicing",
                "LedgerTestSupport", "Origination",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "IdentityTests",
            dependencies: [
                "Identity", "IdentitySQL", "Ledger", "LedgerTestSupport", "Catalog",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "LendlineTests",
            dependencies: [
                "lendline", "LoanMath", "Rules", "Catalog", "Ledger", "Servicing", "Identity", "IdentitySQL",
                "LedgerTestSupport",
            ],
            swiftSettings: strict),
    ]
)
