import Foundation

/// A Mustache template compiled for speed, for the theme's templates.
///
/// swift-mustache stays the reference: it checks syntax (with line numbers) and renders any
/// template that uses what this engine does not do (inheritance `{{<`/`{{$`, set delimiters,
/// dynamic partials, lambdas). Everything else renders here with the same results byte for
/// byte (parsing follows swift-mustache's rules for standalone lines and partial indentation,
/// `TemplateCompiler`, and the example site is compared in tests): names are split once at
/// compile time, text is encoded as UTF-8 once, values are read from typed view models or the
/// `[String: Any]` contexts with concrete casts only (`TemplateLookup`), and output goes into
/// one byte buffer (`TemplateRender`), which becomes the page's file without being decoded.
/// swift-mustache split every name and asked the runtime for protocol conformances on every
/// lookup, which made it most of the render time. `{{name}}` is escaped by `MarkupEscape`, the
/// five characters swift-mustache escapes.
final class FastTemplate: @unchecked Sendable {
    indirect enum Token {
        /// Template text, as the UTF-8 bytes it is written as.
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, FastTemplate, inverted: Bool)
        case partial(String, indentation: [UInt8]?)
    }

    /// A tag's name split once. A class: a token is copied and its name passed to each lookup
    /// as one reference, not as three arrays to retain.
    final class Name: Sendable {
        enum Root { case current, sequence, anchored, stack }
        let root: Root
        let parts: [String]
        /// `parts` as `TemplateKey`s, where they are ones (found once, here).
        let known: [TemplateKey?]
        /// Applied last to first, as swift-mustache does (`a(b(x))` → b, then a).
        let transforms: [String]
        /// The first part and its key, read by every lookup through the context stack.
        let first: String
        let firstKnown: TemplateKey?

        init(root: Root, parts: [String], transforms: [String]) {
            self.root = root
            self.parts = parts
            self.transforms = transforms
            known = parts.map(TemplateKey.named)
            first = parts.first ?? ""
            firstKnown = known.first ?? nil
        }
    }

    let tokens: [Token]

    /// What a render without indentation runs: `tokens` with each run of adjacent texts joined
    /// (indenting a partial needs the text split at its line breaks, so that render reads
    /// `tokens`), the text as ranges of `textPool`, and names and sections as unretained
    /// references to the objects `tokens` holds. Copying an op retains nothing, where copying
    /// a token retained its payload, once per token of every page.
    enum Op {
        case text(start: Int, end: Int)
        case variable(Unmanaged<Name>, escaped: Bool)
        case section(Unmanaged<Name>, Unmanaged<FastTemplate>, inverted: Bool)
        /// An index into `partialTags`.
        case partial(Int)
    }

    let ops: [Op]
    /// The template's text, every run of it one after the other.
    let textPool: [UInt8]
    let partialTags: [(name: String, indentation: [UInt8]?)]

    init(_ tokens: [Token]) {
        self.tokens = tokens
        var ops: [Op] = [], textPool: [UInt8] = [], partialTags: [(name: String, indentation: [UInt8]?)] = []
        for token in tokens {
            switch token {
            case let .text(bytes):
                if case let .text(start, end)? = ops.last, end == textPool.count {
                    ops[ops.count - 1] = .text(start: start, end: end + bytes.count)
                } else {
                    ops.append(.text(start: textPool.count, end: textPool.count + bytes.count))
                }
                textPool += bytes
            case let .variable(name, escaped):
                ops.append(.variable(Unmanaged.passUnretained(name), escaped: escaped))
            case let .section(name, body, inverted):
                ops.append(.section(Unmanaged.passUnretained(name), Unmanaged.passUnretained(body), inverted: inverted))
            case let .partial(name, indentation):
                ops.append(.partial(partialTags.count))
                partialTags.append((name, indentation))
            }
        }
        self.ops = ops
        self.textPool = textPool
        self.partialTags = partialTags
    }

    enum Unsupported: Error { case feature }

    /// Whether a tag of this template (not its partials) names `name` first.
    func reads(_ name: String) -> Bool {
        tokens.contains { token in
            switch token {
            case .text, .partial: return false
            case let .variable(tag, _): return tag.parts.first == name
            case let .section(tag, body, _): return tag.parts.first == name || body.reads(name)
            }
        }
    }
}
