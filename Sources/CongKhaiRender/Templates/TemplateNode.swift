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
    func child(_ key: String) -> TemplateValue? { nil }

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
