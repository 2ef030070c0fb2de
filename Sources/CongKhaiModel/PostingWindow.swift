/// Where and for how long something was posted on the notice board (`niem_yet`): budget
/// disclosures and other disclosures alike, so the checklist can judge every posting the same way.
public struct PostingWindow: Sendable, Hashable {
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var place: String?
    /// Line of `niem_yet` in its file, for findings about the window.
    public var line: Int

    public init(from: CalendarDate?, to: CalendarDate?, place: String?, line: Int = 0) {
        self.from = from
        self.to = to
        self.place = place
        self.line = line
    }

    /// Days on the board, counting both ends.
    public var days: Int? {
        guard let from, let to else { return nil }
        return to.dayNumber - from.dayNumber + 1
    }
}
