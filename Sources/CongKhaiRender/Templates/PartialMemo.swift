import Synchronization

/// The page chrome rendered once and copied: a partial rendered at the top of a page (the
/// header with its menu and search box, the footer) gives the same bytes on every page whose
/// values it reads are the same, which for the theme's header is every page of a folder depth
/// and section. So a partial's bytes are kept, keyed by those values, and copied when they
/// recur; the first page with new values renders it.
///
/// Exact by construction, whatever a site's templates say: a partial rendered with the page's
/// root as the only frame (no section open, no list item, no indentation) can read the page
/// only through the root's keys that its names start with (`plan`, found from the compiled
/// tokens and its own partials); everything else it reads is derived from those values. A
/// key counts only when its value is one whose bytes are fixed by what is compared: text,
/// flags, numbers, menu items and small typed nodes by their contents, the site's own values
/// by identity (made once per render and never changed). Any other value (a page's
/// dictionary, a list of rows) renders as usual. A partial that rarely repeats (one reading
/// the page's title) stops being tried.
final class PartialMemo: @unchecked Sendable {
    /// The values a partial read, written one after the other as bytes: each starts with its
    /// kind and a text with its length, so two keys are equal exactly when the values are.
    /// Writing them costs no allocation per value and hashing them is one pass over bytes,
    /// where a tree of enums was made, hashed and freed for every page.
    struct Key: Hashable, Sendable {
        var partial: Int
        var values: [UInt8]

        /// The bytes in one piece: an array of bytes hashes each byte as a value of its own.
        func hash(into hasher: inout Hasher) {
            hasher.combine(partial)
            values.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// What a kept partial wrote, and the objects its key names by address (kept alive with
    /// it, so that their addresses are not reused while the key is kept).
    private struct Kept {
        var bytes: [UInt8]
        var objects: [AnyObject]
    }

    private struct State: @unchecked Sendable {
        var kept: [Key: Kept] = [:]
        var hits: [Int]
        var misses: [Int]
    }

    /// The root keys each memoizable partial reads (partials that may read the root frame
    /// itself, `{{.}}` outside any section, have none).
    let plans: [String: [(name: String, known: TemplateKey?)]]
    /// Each planned partial's number (its counts and its keys are kept under it).
    private let numbers: [String: Int]
    private let state: Mutex<State>
    static let keptLimit = 1_024
    /// Tries before a partial that is not repeating is left alone.
    static let trial = 64

    init(partials: [String: FastTemplate]) {
        var plans: [String: [(name: String, known: TemplateKey?)]] = [:]
        for (name, template) in partials {
            var names: [String] = []
            var seen: Set<String> = []
            var visited: Set<String> = [name]
            guard Self.collect(template, inSection: false, partials: partials, names: &names, seen: &seen, visited: &visited) else { continue }
            plans[name] = names.map { ($0, TemplateKey.named($0)) }
        }
        self.plans = plans
        numbers = Dictionary(uniqueKeysWithValues: plans.keys.sorted().enumerated().map { ($1, $0) })
        state = Mutex(State(hits: Array(repeating: 0, count: plans.count), misses: Array(repeating: 0, count: plans.count)))
    }

    /// The first part of every name `template` and its partials look up on the stack; false
    /// when one may read the root frame itself.
    private static func collect(_ template: FastTemplate, inSection: Bool, partials: [String: FastTemplate], names: inout [String],
                                seen: inout Set<String>, visited: inout Set<String>) -> Bool {
        func note(_ name: FastTemplate.Name) -> Bool {
            switch name.root {
            case .stack:
                if let first = name.parts.first, seen.insert(first).inserted { names.append(first) }
                return true
            case .current, .anchored, .sequence:
                return inSection
            }
        }
        for token in template.tokens {
            switch token {
            case .text:
                continue
            case let .variable(name, _):
                guard note(name) else { return false }
            case let .section(name, body, _):
                guard note(name), collect(body, inSection: true, partials: partials, names: &names, seen: &seen, visited: &visited) else { return false }
            case let .partial(name, _):
                // A missing partial renders nothing; one already scanned adds no name (its names are the same in a section or not,
                // but whether it may read the root frame is not: scan it again when first met inside a section).
                guard let partial = partials[name], visited.insert(name + (inSection ? "#" : "")).inserted else { continue }
                guard collect(partial, inSection: inSection, partials: partials, names: &names, seen: &seen, visited: &visited) else { return false }
            }
        }
        return true
    }

    /// `template` (the partial `name`) through `context` into `out`, from kept bytes when the
    /// values it reads were seen before. False, with nothing written, when it cannot be kept.
    func render(_ name: String, _ template: FastTemplate, _ context: inout FastTemplate.Context, partials: [String: FastTemplate],
                into out: inout [UInt8]) -> Bool {
        guard let plan = plans[name], let number = numbers[name], case let .node(root) = context.stack[0] else { return false }
        var values: [UInt8] = []
        values.reserveCapacity(256)
        var objects: [AnyObject] = []
        for (key, known) in plan {
            guard Self.write(root.child(key, known: known), into: &values, objects: &objects) else { return false }
        }
        let key = Key(partial: number, values: values)
        let found: [UInt8]?? = state.withLock { state in
            let hits = state.hits[number], misses = state.misses[number]
            if misses >= Self.trial, hits < misses { return .some(nil) }
            if let kept = state.kept[key] {
                state.hits[number] = hits + 1
                return kept.bytes
            }
            state.misses[number] = misses + 1
            return nil
        }
        switch found {
        case let .some(kept?):
            out.append(contentsOf: kept)
            return true
        case .some(nil):
            return false
        case nil:
            break
        }
        let recorded = context.recorder.map { ($0.layout.instances.count, $0.layout.isComplete) }
        let start = out.count
        template.render(&context, partials: partials, into: &out)
        // A partial that noted list rows is not kept: copied bytes would not note them.
        guard recorded.map({ $0 == (context.recorder!.layout.instances.count, context.recorder!.layout.isComplete) }) ?? true else { return true }
        let kept = Kept(bytes: Array(out[start...]), objects: objects)
        state.withLock { state in
            if state.kept.count >= Self.keptLimit { state.kept.removeAll() }
            state.kept[key] = kept
        }
        return true
    }

    /// How many times kept bytes were copied (for tests).
    var hitCount: Int { state.withLock { $0.hits.reduce(0, +) } }

    private enum Kind: UInt8 {
        case absent, text, flag, number, shared, fields, list
    }

    /// Writes what decides `value`'s bytes into `key`; false for a value that is not compared
    /// (then the partial renders as usual): text, flags, numbers, menu items and small typed
    /// nodes by their contents, the site's own values by identity.
    static func write(_ value: TemplateValue?, into key: inout [UInt8], objects: inout [AnyObject]) -> Bool {
        guard let value else {
            key.append(Kind.absent.rawValue)
            return true
        }
        switch value {
        case let .text(text):
            write(text, into: &key)
        case let .flag(flag):
            key.append(Kind.flag.rawValue)
            key.append(flag ? 1 : 0)
        case let .number(number):
            key.append(Kind.number.rawValue)
            write(number, into: &key)
        case let .node(node):
            return write(node, into: &key, objects: &objects)
        case let .nodes(nodes):
            key.append(Kind.list.rawValue)
            write(nodes.count, into: &key)
            for node in nodes {
                guard write(node, into: &key, objects: &objects) else { return false }
            }
        case .object, .objects, .other:
            return false
        }
        return true
    }

    private static func write(_ node: TemplateNode, into key: inout [UInt8], objects: inout [AnyObject]) -> Bool {
        if let site = node as? ObjectNode {
            key.append(Kind.shared.rawValue)
            write(Int(bitPattern: UInt(bitPattern: ObjectIdentifier(site))), into: &key)
            objects.append(site)
        } else if let item = node as? MenuItem {
            key.append(Kind.fields.rawValue)
            write(item.title, into: &key)
            write(item.href, into: &key)
            key.append(item.current ? 1 : 0)
        } else if let fields = node as? FieldsNode {
            key.append(Kind.fields.rawValue)
            write(fields.fields.count, into: &key)
            for field in fields.fields {
                write(field.key.rawValue, into: &key)
                guard write(field.value, into: &key, objects: &objects) else { return false }
            }
        } else {
            return false
        }
        return true
    }

    private static func write(_ text: String, into key: inout [UInt8]) {
        key.append(Kind.text.rawValue)
        write(text.utf8.count, into: &key)
        FastTemplate.append(text, into: &key)
    }

    private static func write(_ number: Int, into key: inout [UInt8]) {
        withUnsafeBytes(of: number.littleEndian) { key.append(contentsOf: $0) }
    }
}
