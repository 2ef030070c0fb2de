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
    struct Key: Hashable, Sendable {
        var partial: String
        var parts: [Part]
    }

    indirect enum Part: Hashable, Sendable {
        case absent
        case text(String)
        case flag(Bool)
        case number(Int)
        case shared(Shared)
        case fields([Part])
        case list([Part])
    }

    /// An object compared by identity and kept alive by the key (so its address is not reused).
    struct Shared: Hashable, @unchecked Sendable {
        let object: AnyObject

        static func == (lhs: Shared, rhs: Shared) -> Bool { lhs.object === rhs.object }
        func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(object)) }
    }

    private struct State: Sendable {
        var kept: [Key: String] = [:]
        var hits: [String: Int] = [:]
        var misses: [String: Int] = [:]
    }

    /// The root keys each memoizable partial reads (partials that may read the root frame
    /// itself, `{{.}}` outside any section, have none).
    let plans: [String: [(name: String, known: TemplateKey?)]]
    private let state = Mutex(State())
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
                into out: inout String) -> Bool {
        guard let plan = plans[name], case let .node(root) = context.stack[0] else { return false }
        var parts: [Part] = []
        parts.reserveCapacity(plan.count)
        for (key, known) in plan {
            guard let part = Self.part(root.child(key, known: known)) else { return false }
            parts.append(part)
        }
        let key = Key(partial: name, parts: parts)
        let found: String?? = state.withLock { state in
            let hits = state.hits[name, default: 0], misses = state.misses[name, default: 0]
            if misses >= Self.trial, hits < misses { return .some(nil) }
            if let kept = state.kept[key] {
                state.hits[name] = hits + 1
                return kept
            }
            state.misses[name] = misses + 1
            return nil
        }
        switch found {
        case let .some(kept?):
            out += kept
            return true
        case .some(nil):
            return false
        case nil:
            break
        }
        let recorded = context.recorder.map { ($0.layout.instances.count, $0.layout.isComplete) }
        let start = out.utf8.count
        template.render(&context, partials: partials, into: &out)
        // A partial that noted list rows is not kept: copied bytes would not note them.
        guard recorded.map({ $0 == (context.recorder!.layout.instances.count, context.recorder!.layout.isComplete) }) ?? true else { return true }
        let bytes = String(Substring(out.utf8[out.utf8.index(out.utf8.startIndex, offsetBy: start)...]))
        state.withLock { state in
            if state.kept.count >= Self.keptLimit { state.kept.removeAll() }
            state.kept[key] = bytes
        }
        return true
    }

    /// How many times kept bytes were copied (for tests).
    var hitCount: Int { state.withLock { $0.hits.values.reduce(0, +) } }

    /// What decides a value's bytes, or nil for a value that is not compared (then the partial
    /// renders as usual).
    static func part(_ value: TemplateValue?) -> Part? {
        guard let value else { return .absent }
        switch value {
        case let .text(text): return .text(text)
        case let .flag(flag): return .flag(flag)
        case let .number(number): return .number(number)
        case let .node(node): return part(node)
        case let .nodes(nodes):
            var parts: [Part] = []
            parts.reserveCapacity(nodes.count)
            for node in nodes {
                guard let part = part(node) else { return nil }
                parts.append(part)
            }
            return .list(parts)
        case .object, .objects, .other:
            return nil
        }
    }

    private static func part(_ node: TemplateNode) -> Part? {
        if let site = node as? ObjectNode { return .shared(Shared(object: site)) }
        if let item = node as? MenuItem { return .fields([.text(item.title), .text(item.href), .flag(item.current)]) }
        if let fields = node as? FieldsNode {
            var parts: [Part] = []
            for field in fields.fields {
                guard let part = part(field.value) else { return nil }
                parts.append(.text(field.key.rawValue))
                parts.append(part)
            }
            return .fields(parts)
        }
        return nil
    }
}
