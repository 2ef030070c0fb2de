import CongKhaiSiteFuzz
import Foundation
import Synchronization

// congkhai-fuzz-site [--site DIR] [--seed N] [--count K] [--timeout SECONDS] [--seconds TOTAL]
// Builds K mutated copies of the site (seeds N, N+1, ...), in memory, starting no new site
// after TOTAL seconds. Before each build it
// prints `site SEED: mutations`, so that if the process dies the driver (scripts/fuzz-site.sh)
// knows which seed killed it. Exit 0: every site passed; 1: an oracle failure; 2: a hang.
var site = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
var seed: UInt64 = 1
var count = 1
var timeout = 30.0
var budget = Double.infinity
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    let value = arguments.next() ?? ""
    switch argument {
    case "--site": site = URL(fileURLWithPath: value)
    case "--seed": seed = UInt64(value) ?? seed
    case "--count": count = Int(value) ?? count
    case "--timeout": timeout = Double(value) ?? timeout
    case "--seconds": budget = Double(value) ?? budget
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
        exit(64)
    }
}

func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-fuzz-site-\(getpid())")
let copy: URL
do {
    copy = try SiteFuzz.workingCopy(of: site, in: scratch)
} catch {
    say("cannot copy the site: \(error)")
    exit(64)
}

/// When the current site started, and what it is; the watchdog ends a build that hangs.
let limit = timeout
let current = Mutex<(start: ContinuousClock.Instant, label: String)?>(nil)
let watchdog = Thread {
    while true {
        Thread.sleep(forTimeInterval: 0.5)
        if let (start, label) = current.withLock({ $0 }), ContinuousClock.now - start > .seconds(limit) {
            say("HANG over \(Int(limit)) s: \(label)")
            try? FileManager.default.removeItem(at: scratch)
            exit(2)
        }
    }
}
watchdog.start()

var failures = 0
var slowest = 0.0
var built = 0
let began = ContinuousClock.now
for index in 0..<count {
    let spent = ContinuousClock.now - began
    if Double(spent.components.seconds) >= budget { break }
    built += 1
    let siteSeed = seed + UInt64(index)
    do {
        let started = ContinuousClock.now
        let outcome = try SiteFuzz.run(seed: siteSeed, copy: copy) { mutations in
            let label = "site \(siteSeed): " + mutations.map(\.description).joined(separator: " | ")
            say(label)
            current.withLock { $0 = (ContinuousClock.now, label) }
        }
        current.withLock { $0 = nil }
        let elapsed = ContinuousClock.now - started
        slowest = max(slowest, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        if !outcome.problems.isEmpty {
            failures += 1
            say("FAIL site \(siteSeed): " + outcome.problems.prefix(3).joined(separator: " ; "))
        }
    } catch {
        say("cannot mutate site \(siteSeed): \(error)")
        failures += 1
    }
}
try? FileManager.default.removeItem(at: scratch)
say(String(format: "done: %d sites from seed %llu, %d failures, slowest %.1f s", built, seed, failures, slowest))
exit(failures == 0 ? 0 : 1)
