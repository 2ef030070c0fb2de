/// What a command built, held until the process ends: at 10,000 procedures freeing the site
/// piece by piece (pages, their views, the record's entries) took about 2% of a build's CPU,
/// and the kernel takes the memory back at exit at once. Only the command line does this; the
/// library frees everything as usual, since tests and `serve` call it many times in one process.
enum ProcessEnd {
    /// Touched only by the command's own thread, before it returns from `main`.
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) {
        kept.append(value)
    }
}
