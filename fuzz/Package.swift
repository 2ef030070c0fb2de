// swift-tools-version:6.0
// libFuzzer targets for CongKhai's loaders and Markdown wrapper. Kept out of the main package so
// `swift build` and `swift test` never need the sanitizers; scripts/fuzz.sh builds and runs them.
import PackageDescription

let package = Package(
    name: "CongKhaiFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named, because a path dependency is otherwise known by its folder name, which differs per clone.
        .package(name: "CongKhai", path: ".."),
    ],
    targets: [
        // What every target shares: bytes to SourceText, and the checks every diagnostic must pass.
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: [
            "CFuzzDriver",
            .product(name: "CongKhaiLoad", package: "CongKhai"),
        ]),
        .executableTarget(name: "fuzz-frontmatter", dependencies: [
            "FuzzSupport", .product(name: "CongKhaiLoad", package: "CongKhai"),
        ]),
        .executableTarget(name: "fuzz-yaml", dependencies: [
            "FuzzSupport", .product(name: "CongKhaiLoad", package: "CongKhai"),
            // The leaders' loader lives in its content unit.
            .product(name: "CongKhaiKinds", package: "CongKhai"),
        ]),
        .executableTarget(name: "fuzz-csv", dependencies: [
            "FuzzSupport", .product(name: "CongKhaiLoad", package: "CongKhai"),
        ]),
        .executableTarget(name: "fuzz-markdown", dependencies: [
            "FuzzSupport", .product(name: "CongKhaiLoad", package: "CongKhai"),
            .product(name: "CongKhaiMarkdown", package: "CongKhai"),
        ]),
    ]
)
