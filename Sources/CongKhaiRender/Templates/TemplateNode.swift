/// A typed view model: an object the template engine reads key by key through `child(_:)`
/// (a `switch` over its stored fields) instead of a `[String: Any]` built for every page.
/// Building a dictionary hashed every key twice (once to store it, once to look it up) and
/// boxed every value; a node stores what the page already has and formats a value only when
/// a template asks for it.
///
/// A node answers exactly what its dictionary would hold: `child` returns nil for a key the
/// dictionary would not have (so the lookup goes on to the enclosing context, as Mustache
/// does), and `dictionary` is made from `child` over `keys`, so the two cannot disagree.
/// `dictionary` is what swift-mustache renders (a site template `FastTemplate` does not
/// compile) and what code reading a context gets.
class TemplateNode: @unchecked Sendable {
    /// Every key `child` may answer, in the order `dictionary` reads them.
    var keys: [String] { [] }

    /// The value of `key`, or nil when the dictionary would not have the key.
    final func child(_ key: String) -> TemplateValue? { child(key, known: TemplateKey.named(key)) }

    /// The same, with `key` as a `TemplateKey` when it is one (`known`; compiled templates
    /// name their keys once): what subclasses answer, switching over `known`.
    func child(_ key: String, known: TemplateKey?) -> TemplateValue? { nil }

    /// The same values as a dictionary (nested nodes as dictionaries too).
    var dictionary: [String: Any] {
        var values: [String: Any] = [:]
        for key in keys {
            if let value = child(key) { values[key] = Self.generic(value.any) }
        }
        return values
    }

    /// `value` with every node in it made a dictionary (what the generic path reads).
    static func generic(_ value: Any) -> Any {
        if let node = value as? TemplateNode { return node.dictionary }
        if type(of: value) == [TemplateNode].self { return (value as! [TemplateNode]).map(\.dictionary) }
        if type(of: value) == String.self { return value }
        if let object = value as? [String: Any] { return object.mapValues(generic) }
        if let objects = value as? [[String: Any]] { return objects.map { $0.mapValues(generic) } }
        return value
    }
}

/// A value as `FastTemplate` reads it: what a typed view model answers, or a dictionary's
/// `Any` sorted once by its dynamic type (comparing types is a pointer comparison; each
/// `as?` is a runtime cast).
enum TemplateValue {
    case text(String)
    case flag(Bool)
    case number(Int)
    case object([String: Any])
    case objects([[String: Any]])
    case node(TemplateNode)
    case nodes([TemplateNode])
    /// Anything else (lists of strings, of mixed values), boxed: an inline `Any` made every
    /// value three words larger and every copy of one a call through the runtime.
    case other(OpaqueValue)

    static func other(_ value: Any) -> TemplateValue { .other(OpaqueValue(value)) }

    /// A dictionary's value; nil for an empty Optional (`["a": someOptional]` stores the
    /// Optional itself; it must read as its value or as nothing).
    init?(_ value: Any) {
        let dynamicType = type(of: value)
        if dynamicType == String.self {
            self = .text(value as! String)
        } else if dynamicType == [String: Any].self {
            self = .object(value as! [String: Any])
        } else if dynamicType == [[String: Any]].self {
            self = .objects(value as! [[String: Any]])
        } else if dynamicType == Bool.self {
            self = .flag(value as! Bool)
        } else if dynamicType == Int.self {
            self = .number(value as! Int)
        } else if dynamicType == [TemplateNode].self {
            self = .nodes(value as! [TemplateNode])
        } else if let node = value as? TemplateNode {
            self = .node(node)
        } else if let text = value as? String {
            self = .text(text)
        } else if let flag = value as? Bool {
            self = .flag(flag)
        } else if let number = value as? Int {
            self = .number(number)
        } else if let object = value as? [String: Any] {
            self = .object(object)
        } else if let optional = value as? any OptionalValue {
            guard let wrapped = optional.wrappedAny, let inner = TemplateValue(wrapped) else { return nil }
            self = inner
        } else {
            self = .other(value)
        }
    }

    /// The value as a dictionary holds it.
    var any: Any {
        switch self {
        case let .text(text): return text
        case let .flag(flag): return flag
        case let .number(number): return number
        case let .object(object): return object
        case let .objects(objects): return objects
        case let .node(node): return node
        case let .nodes(nodes): return nodes
        case let .other(box): return box.value
        }
    }
}

/// A value of a type the engine has no case for, boxed (`TemplateValue.other`).
final class OpaqueValue: @unchecked Sendable {
    let value: Any

    init(_ value: Any) {
        self.value = value
    }
}

protocol OptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedAny: Any? { self.map { $0 as Any } }
}

/// A few named values made for one page (its search links, print values, meta): what a small
/// `[String: Any]` held, without hashing its keys to store them and without a runtime cast of
/// each value at every lookup. Read by a linear scan, which for a handful of keys costs less
/// than hashing one. A key is added only with a value, as a dictionary drops a nil.
final class FieldsNode: TemplateNode, @unchecked Sendable {
    private(set) var fields: [(key: TemplateKey, value: TemplateValue)] = []

    init(_ fields: [(key: TemplateKey, value: TemplateValue)] = []) {
        self.fields = fields
    }

    func add(_ key: TemplateKey, _ value: TemplateValue?) {
        guard let value else { return }
        if let index = fields.firstIndex(where: { $0.key == key }) { fields[index].value = value } else { fields.append((key, value)) }
    }

    func add(_ key: TemplateKey, _ text: String?) {
        add(key, text.map(TemplateValue.text))
    }

    override var keys: [String] { fields.map(\.key.rawValue) }

    override func child(_ key: String, known: TemplateKey?) -> TemplateValue? {
        guard let known else { return nil }
        for field in fields where field.key == known { return field.value }
        return nil
    }
}
