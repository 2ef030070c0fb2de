import Foundation

/// Where the rows of a page's long lists are in its HTML, so that `serve` can put one edited
/// row in place (and move it when its sort key moved) instead of rendering a 10,000-row page
/// again.
///
/// A list takes part when every item of it is a dictionary with the key `__row` (the address of
/// what the row shows: a procedure's page). While `FastTemplate` renders such a list it notes
/// each row's bytes, the section body, and the enclosing values that body can read (only the
/// names it uses, so the page's context is not kept alive). A row rendered again from those is
/// byte for byte what the whole page would have rendered at that place: the engine gives a row
/// nothing but its context and its position.
public struct RowLayout: @unchecked Sendable {
    /// The key a list item names its row by.
    public static let key = "__row"

    struct Instance {
        let body: FastTemplate
        /// The frames above the row, reduced to the names the body reads.
        let outer: [FastTemplate.Frame]
        let indentation: [UInt8]?
        /// Which of `first()`, `last()`, `index()`, `even()`, `odd()` the body reads: a row
        /// whose value of one of them changes is rendered again too.
        let sequenceUse: Set<String>
        var keys: [String]
        /// Row `i` is `starts[i] ..< (starts[i + 1] or end)`, in UTF-8 bytes of the page.
        var starts: [Int]
        var end: Int
    }

    var instances: [Instance] = []
    /// False when a list with row keys could not be noted (inside an indented partial, or in
    /// a row of another list): then no row of the page can be put in place.
    public internal(set) var isComplete = true

    /// Whether `key` has a row on the page.
    public func shows(_ key: String) -> Bool {
        instances.contains { $0.keys.contains(key) }
    }

    /// The page's bytes with the row of `key` rendered again from `item(key)` and moved to
    /// `position(keysWithoutIt)` within each list that shows it (nil: where it was). Rows whose
    /// position-dependent values change are rendered again as well. Nil when a row cannot be
    /// made (`item` returns nil), or the layout is not complete.
    func splicing(_ page: Data, key: String, partials: [String: FastTemplate], item: (String) -> [String: Any]?,
                  position: ([String]) -> Int?) -> (Data, RowLayout)? {
        guard isComplete else { return nil }
        var layout = self
        var out = Data()
        out.reserveCapacity(page.count + 1024)
        var copied = 0
        var ok = true
        page.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            func copy(_ range: Range<Int>) {
                if !range.isEmpty { out.append(bytes.baseAddress! + range.lowerBound, count: range.count) }
            }
            for number in layout.instances.indices {
                let instance = layout.instances[number]
                let regionStart = instance.starts.first ?? instance.end
                copy(copied..<regionStart)
                let newStart = out.count
                guard let old = instance.keys.firstIndex(of: key) else {
                    copy(regionStart..<instance.end)
                    let shift = newStart - regionStart
                    layout.instances[number].starts = instance.starts.map { $0 + shift }
                    layout.instances[number].end = instance.end + shift
                    copied = instance.end
                    continue
                }
                var keys = instance.keys
                keys.remove(at: old)
                let new = position(keys) ?? old
                guard new >= 0, new <= keys.count else { ok = false; return }
                keys.insert(key, at: new)
                // Old position of each key, to copy the rows that stay as they were.
                var oldIndex = Array(instance.keys.indices)
                oldIndex.remove(at: old)
                oldIndex.insert(old, at: new)
                var starts: [Int] = []
                starts.reserveCapacity(keys.count)
                for (position, was) in oldIndex.enumerated() {
                    starts.append(out.count)
                    let again = keys[position] == key
                        || instance.changes(from: was, to: position, count: keys.count)
                    if again {
                        guard let values = item(keys[position]) else { ok = false; return }
                        out.append(contentsOf: instance.render(values, position: position, count: keys.count, partials: partials))
                    } else {
                        let end = was + 1 < instance.starts.count ? instance.starts[was + 1] : instance.end
                        copy(instance.starts[was]..<end)
                    }
                }
                layout.instances[number].keys = keys
                layout.instances[number].starts = starts
                layout.instances[number].end = out.count
                copied = instance.end
            }
            copy(copied..<bytes.count)
        }
        return ok ? (out, layout) : nil
    }
}

extension RowLayout.Instance {
    /// Whether a row moved from `old` to `new` reads a different position value.
    func changes(from old: Int, to new: Int, count: Int) -> Bool {
        guard !sequenceUse.isEmpty else { return false }
        let oldCount = keys.count
        for name in sequenceUse {
            switch name {
            case "first": if (old == 0) != (new == 0) { return true }
            case "last": if (old == oldCount - 1) != (new == count - 1) { return true }
            case "even", "odd": if old & 1 != new & 1 { return true }
            default: if old != new { return true }
            }
        }
        return false
    }

    func render(_ item: [String: Any], position: Int, count: Int, partials: [String: FastTemplate]) -> [UInt8] {
        var context = FastTemplate.Context(root: [:])
        context.stack = outer + [.object(item)]
        context.sequence = FastTemplate.Sequence(first: position == 0, last: position == count - 1, index: position)
        context.indentation = indentation
        var out: [UInt8] = []
        body.render(&context, partials: partials, into: &out)
        return out
    }
}

/// Notes the rows while a page renders (`TemplateSet.render`).
final class RowRecorder {
    var layout = RowLayout()
    var inRow = false
    /// The names each section body reads from outside its rows, and its sequence use, found once.
    private var reads: [ObjectIdentifier: (names: Set<String>, sequence: Set<String>)] = [:]

    /// The reading of `body`, partials followed (each once).
    func reads(of body: FastTemplate, partials: [String: FastTemplate]) -> (names: Set<String>, sequence: Set<String>) {
        if let known = reads[ObjectIdentifier(body)] { return known }
        var names = Set<String>(), sequence = Set<String>(), seen = Set<String>()
        func scan(_ template: FastTemplate) {
            for token in template.tokens {
                switch token {
                case .text: break
                case let .variable(name, _): note(name)
                case let .section(name, inner, _):
                    note(name)
                    scan(inner)
                case let .partial(partial, _):
                    if seen.insert(partial).inserted, let template = partials[partial] { scan(template) }
                }
            }
        }
        func note(_ name: FastTemplate.Name) {
            switch name.root {
            case .stack: if let first = name.parts.first { names.insert(first) }
            case .sequence: if let last = name.transforms.last { sequence.insert(last) }
            case .current, .anchored: break
            }
        }
        scan(body)
        reads[ObjectIdentifier(body)] = (names, sequence)
        return (names, sequence)
    }

    /// The frames above a row, each object reduced to `names`.
    static func outer(_ stack: [FastTemplate.Frame], names: Set<String>) -> [FastTemplate.Frame] {
        stack.map { frame in
            guard case let .object(object) = frame else { return frame }
            var kept: [String: Any] = [:]
            for name in names { if let value = object[name] { kept[name] = value } }
            return .object(kept)
        }
    }
}

extension FastTemplate {
    /// A list whose items name their rows: rendered as usual, each row's bytes noted. Returns
    /// false (nothing rendered) when the list is not one, so the caller renders it.
    func renderNotingRows(_ items: [[String: Any]], body: FastTemplate, _ context: inout Context, partials: [String: FastTemplate],
                          into out: inout [UInt8]) -> Bool {
        guard let recorder = context.recorder, items.first?[RowLayout.key] != nil else { return false }
        let keys = items.compactMap { $0[RowLayout.key] as? String }
        guard keys.count == items.count, !recorder.inRow, context.indentation?.isEmpty ?? true else {
            recorder.layout.isComplete = false
            return false
        }
        let reads = recorder.reads(of: body, partials: partials)
        let outer = RowRecorder.outer(context.stack, names: reads.names)
        var starts: [Int] = []
        starts.reserveCapacity(items.count)
        recorder.inRow = true
        for (index, item) in items.enumerated() {
            starts.append(out.count)
            context.stack.append(.object(item))
            context.sequence = Sequence(first: index == 0, last: index == items.count - 1, index: index)
            body.render(&context, partials: partials, into: &out)
            context.stack.removeLast()
        }
        recorder.inRow = false
        recorder.layout.instances.append(RowLayout.Instance(body: body, outer: outer, indentation: context.indentation, sequenceUse: reads.sequence,
                                                            keys: keys, starts: starts, end: out.count))
        return true
    }
}
