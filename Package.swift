// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CongKhai",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "congkhai", targets: ["congkhai"]),
        // For the fuzz package in fuzz/, which depends on this one by path.
        .library(name: "CongKhaiLoad", targets: ["CongKhaiLoad"]),
        .library(name: "CongKhaiMarkdown", targets: ["CongKhaiMarkdown"]),
        .library(name: "CongKhaiKinds", targets: ["CongKhaiKinds"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // `serve`: SwiftNIO's HTTP/1 parser (llhttp, linear, with header limits) and WebSocket framing.
        // FlyingFox, used before, read request lines byte by byte with no cap.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    ],
    targets: [
        // cmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            path: "Sources/CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Pure domain types: no files, no YAML, no HTML.
        .target(name: "CongKhaiModel"),
        // Stage 1: walk content/, split front matter, decode YAML with source locations, NFC.
        // ZIPFoundation: budget tables are read straight from .xlsx (BudgetTableFile).
        .target(name: "CongKhaiLoad", dependencies: ["CongKhaiModel", "Yams",
                                                     .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The cmark-gfm wrapper: Markdown to safe, accessible HTML.
        .target(name: "CongKhaiMarkdown", dependencies: ["CCmarkGFM", "CongKhaiModel"]),
        // Stage 2: validation across the whole site (links, duplicates, required parts).
        .target(name: "CongKhaiCheck", dependencies: ["CongKhaiModel"]),
        // Stage 3: view models, Vietnamese formatting, Mustache templates, feeds.
        .target(name: "CongKhaiRender", dependencies: [
            "CongKhaiModel", "CongKhaiMarkdown",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // The content units (one folder per kind) and their registry, over the stage modules
        // whose generic code loops over the units it is given (README, developer section).
        .target(name: "CongKhaiKinds", dependencies: [
            "CongKhaiModel", "CongKhaiLoad", "CongKhaiMarkdown", "CongKhaiCheck", "CongKhaiRender",
        ]),
        // Orchestration: the named steps, staging folder and atomic swap.
        .target(name: "CongKhaiBuild", dependencies: [
            "CongKhaiModel", "CongKhaiLoad", "CongKhaiMarkdown", "CongKhaiCheck", "CongKhaiRender", "CongKhaiKinds",
        ]),
        // `congkhai import`: records from the national portal and catalogue lists to procedure files.
        .target(name: "CongKhaiImport", dependencies: [
            "CongKhaiModel", "CongKhaiLoad", "Yams",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // `congkhai serve`: the in-memory build answered on 127.0.0.1 with live reload.
        .target(name: "CongKhaiServe", dependencies: [
            "CongKhaiBuild", "CongKhaiLoad", "CongKhaiModel", "CongKhaiProvince", "CongKhaiRender",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOWebSocket", package: "swift-nio"),
        ]),
        // A province: every commune of `xa/` built with CongKhaiBuild, plus the province's
        // index, compliance dashboard and assessor open data.
        .target(name: "CongKhaiProvince", dependencies: [
            "CongKhaiBuild", "CongKhaiKinds", "CongKhaiLoad", "CongKhaiModel", "CongKhaiRender", "Yams",
        ]),
        .executableTarget(name: "congkhai", dependencies: [
            "CongKhaiBuild", "CongKhaiModel", "CongKhaiImport", "CongKhaiServe", "CongKhaiProvince",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [
            // jemalloc (Debian libjemalloc-dev) replaces glibc's malloc: a build makes millions
            // of small, short-lived allocations from two threads, where glibc spent 9% of the
            // CPU (BENCHMARKS.md, session 10). scripts/dist.sh links its static archive.
            .linkedLibrary("jemalloc", .when(platforms: [.linux])),
        ]),
        // The whole-site fuzzer: seeded mutations of a site, built in memory (scripts/fuzz-site.sh).
        .target(name: "CongKhaiSiteFuzz", dependencies: ["CongKhaiBuild", "CongKhaiModel"]),
        .executableTarget(name: "congkhai-fuzz-site", dependencies: ["CongKhaiSiteFuzz"]),
        .testTarget(name: "CongKhaiTests", dependencies: [
            "CongKhaiModel", "CongKhaiLoad", "CongKhaiMarkdown", "CongKhaiCheck",
            "CongKhaiRender", "CongKhaiKinds", "CongKhaiBuild", "CongKhaiImport", "CongKhaiServe", "CongKhaiSiteFuzz",
            "CongKhaiProvince",
            // The CLI's Vietnamese messages are tested against the parser's real output.
            "congkhai",
        ]),
    ]
)
