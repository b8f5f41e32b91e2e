// swift-tools-version:6.1
import PackageDescription

// Module layout and import rules: see DESIGN.md ("Modules").

// The decoding kernels' source (Sources/LMKernels) is built twice: LMKernels for AVX-512, and
// LMKernelsV3 (its files are links to the same files) for AVX2 + FMA. LMDecode calls a build only after a
// run-time check (CPUFeatures), so the product runs on any x86-64 CPU. Other architectures build both plainly.
#if arch(x86_64)
let wideKernelFlags = ["-Ounchecked", "-target-cpu", "skylake-avx512"]
let wideKernelV3Flags = ["-Ounchecked", "-target-cpu", "haswell"]
// The bf16 GEMM (C): vdpbf16ps needs AVX512_BF16; -O3 also in debug builds, so tests run it at speed.
let bf16KernelFlags = ["-O3", "-mavx512f", "-mavx512bw", "-mavx512vl", "-mavx512dq", "-mavx512bf16", "-mfma"]
#else
let wideKernelFlags = ["-Ounchecked"]
let wideKernelV3Flags = ["-Ounchecked"]
let bf16KernelFlags = ["-O3"]
#endif
let package = Package(
    name: "foibandit",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "foibandit", targets: ["foibandit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        // No traits: their defaults build swift-configuration (we configure the service with flags) and switch
        // form coding to full Foundation (we take no forms); both only lengthen the first build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: []),
        // Already resolved for Hummingbird; named here because the service adds one NIO handler.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        // Already resolved for Hummingbird; the service tests stop their live servers gracefully with it.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // Seeded randomness, the stable hash, text tools and suggestions: depends on nothing. Optimised in
        // the debug build as FOI is: the judge and composer split words through TextTools millions of times.
        .target(name: "Common", swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "CPUFeatures"),
        // e^x over Float lanes of any width: LM (4 lanes) and both builds of the wide kernels (16) inline it,
        // each with its own CPU flags.
        .target(name: "SIMDMath", swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
        .target(name: "LMKernels", dependencies: ["CPUFeatures", "SIMDMath"], swiftSettings: [.unsafeFlags(wideKernelFlags)]),
        .target(name: "LMKernelsV3", dependencies: ["CPUFeatures", "SIMDMath"], swiftSettings: [.unsafeFlags(wideKernelV3Flags), .define("WIDE_AVX2")]),
        .target(name: "LMKernelsBF16", cSettings: [.unsafeFlags(bf16KernelFlags)]),
        // The engine in four targets, arrows one way (DESIGN.md): Tokenizer (byte-level BPE, no deps), LM (the
        // model, its kernels, forward/backward, AdamW), LMDecode (KV-cache decoding over LM), LMFormats (files:
        // safetensors, HF config, GGUF, PEFT, training state). All -Ounchecked, as LM was when it held them all.
        .target(name: "Tokenizer", swiftSettings: [.unsafeFlags(["-Ounchecked"])]),
        .target(
            name: "LM",
            dependencies: ["Common", "CBLAS", "CPUFeatures", "LMKernelsBF16", "SIMDMath"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
        .target(
            name: "LMDecode",
            dependencies: ["Common", "LM", "CPUFeatures", "LMKernels", "LMKernelsV3"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
        .target(
            name: "LMFormats",
            dependencies: ["LM", "LMDecode", "Tokenizer"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
        .target(
            name: "Training",
            dependencies: ["Common", "LM", "LMFormats", "Tokenizer"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
        // The domain in three targets, arrows one way (DESIGN.md): FOICore (authority, keyword, legislation, names,
        // prompt, records), FOI (the judge and the banks it shares with the composer; re-exports FOICore), FOICorpus
        // (the composer, item grounding, corpus and eval sets). Optimised in the debug build too: the tests compose
        // and judge thousands of letters (about 4× faster). The domain links no engine: Store and Bandit, which
        // import only FOI, build without LM and OpenBLAS.
        .target(name: "FOICore", dependencies: ["Common", .product(name: "CSV", package: "CSV.swift")],
                swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "FOI", dependencies: ["Common", "FOICore"], swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "FOICorpus", dependencies: ["FOI"], swiftSettings: [.unsafeFlags(["-O"])]),
        // The letter writer over the engine: decoding constraints, best of N judged, batch, DPO pairs. Optimised
        // in debug as FOI is (it was part of FOI): the guards filter the vocabulary at every decoding step.
        .target(name: "Writer", dependencies: ["FOI", "FOICorpus", "LM", "LMDecode", "LMFormats", "Tokenizer"], swiftSettings: [.unsafeFlags(["-O"])]),
        // A person's request history: import, style, the adapter's fine-tuning and its measurement (also -O,
        // as when it was part of FOI: matching and style reading run over every imported letter).
        .target(name: "History", dependencies: [
            "FOI", "FOICorpus", "Store", "Writer", "LM", "LMFormats", "Tokenizer", "Training", .product(name: "CSV", package: "CSV.swift"),
        ], swiftSettings: [.unsafeFlags(["-O"])]),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "Bandit", dependencies: ["FOI"]),
        .target(name: "TUI", dependencies: ["Bandit", "FOI", "CNcursesw"]),
        .target(
            name: "Store",
            dependencies: [
                "FOI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(
            name: "Service",
            dependencies: [
                "FOI", "Store", "Writer", "Filings", "FilingsRead",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // Filings: reading (text, HTML, inline XBRL, the field readers; no engine) apart from what the model does.
        .target(name: "FilingsRead"),
        .target(name: "Filings", dependencies: ["Common", "FilingsRead", "LM", "LMDecode", "LMFormats", "Tokenizer", "Training", "Store"]),
        .executableTarget(
            name: "foibandit",
            dependencies: [
                "LM", "LMDecode", "LMFormats", "Tokenizer", "Training", "FOI", "FOICorpus", "Writer", "History", "Store", "Bandit", "TUI",
                "Filings", "FilingsRead",
                "Service",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Fixtures shared by test targets: a small seed tree and a tiny random model.
        .target(name: "TestSupport", dependencies: ["FOI", "FOICorpus", "Writer", "LM", "LMFormats", "Tokenizer", "Store"], path: "Tests/Support"),
        .testTarget(name: "LMTests", dependencies: ["Common", "LM", "LMDecode", "LMFormats", "Tokenizer"], exclude: ["Fixtures"]),
        .testTarget(name: "TrainingTests", dependencies: ["Common", "Training", "LM"]),
        .testTarget(name: "FOITests", dependencies: ["FOI", "FOICore", "FOICorpus"]),
        .testTarget(name: "WriterTests", dependencies: ["Writer", "FOI", "FOICorpus", "LM", "LMFormats", "Tokenizer"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "FOI", "TestSupport"]),
        .testTarget(name: "foibanditTests", dependencies: ["foibandit"]),
        .testTarget(name: "BanditTests", dependencies: ["Bandit", "FOI"]),
        .testTarget(name: "BatchTests", dependencies: ["Service", "FOI", "Writer", "Store", "LM", "foibandit", "TestSupport"]),
        .testTarget(name: "ServiceTests", dependencies: [
            "Service", "FOI", "Writer", "Store", "LM", "Filings", "TestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .testTarget(name: "FilingsTests", dependencies: ["Common", "Filings", "FilingsRead", "LM", "LMFormats", "Tokenizer", "Store"], exclude: ["Fixtures"]),
        .testTarget(name: "TUITests", dependencies: ["foibandit", "Store", "FOI"]),
        .testTarget(name: "HistoryTests", dependencies: ["Common", "FOI", "FOICorpus", "History", "Writer", "Store", "LM", "LMDecode", "LMFormats", "Tokenizer", "Training"], exclude: ["Fixtures"]),
    ]
)
