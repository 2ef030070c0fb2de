import CongKhaiModel

/// What the derive and check stages ask of a content unit (the `ContentUnit` protocol of
/// CongKhaiKinds refines this): its whole-site checks and its items of the posting checklist.
/// `SiteChecks` and `ChecklistEvaluator` loop over the units they are given; they know no kind.
public protocol CheckingUnit: Sendable {
    /// The derive stage: what follows from the whole site and the as-of date before it is
    /// checked (content dated in an impossible year is left out).
    func derive(_ content: inout SiteContent, asOf: CalendarDate, log: DiagnosticLog)
    /// Rules over the assembled site that no single file can check (a unit's own value is
    /// `content.unit(id, as:)`). Report findings to `log`.
    func check(_ content: SiteContent, log: DiagnosticLog)
    /// Years in which this unit's content makes recurring checklist items expected.
    func checklistYears(in content: SiteContent) -> [Int]
    /// Adds this unit's items with `evaluation.add` (dated) or `evaluation.addStanding`.
    func addChecklistItems(to evaluation: inout Evaluation)
    /// `serve`'s check after an edit of one of the unit's items in what its lists show
    /// (`LoadingUnit.spliceListed`): the findings of a full check of `content`, made from the last
    /// run's (`previous`) and the rules the edit can change, reported to `log`. False, with
    /// nothing reported, when the unit cannot tell: then every check runs.
    func recheck(_ was: any Sendable, _ now: any Sendable, in content: SiteContent, previous: [Diagnostic], log: DiagnosticLog) -> Bool
}

extension CheckingUnit {
    public func derive(_ content: inout SiteContent, asOf: CalendarDate, log: DiagnosticLog) {}
    public func check(_ content: SiteContent, log: DiagnosticLog) {}
    public func checklistYears(in content: SiteContent) -> [Int] { [] }
    public func addChecklistItems(to evaluation: inout Evaluation) {}
    public func recheck(_ was: any Sendable, _ now: any Sendable, in content: SiteContent, previous: [Diagnostic], log: DiagnosticLog) -> Bool { false }
}
