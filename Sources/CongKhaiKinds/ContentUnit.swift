import CongKhaiCheck
import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender

/// A feature unit: everything one kind of content (the budget, reform reports, the
/// catalogue, news…) adds to the site, supplied through one protocol that each stage of the
/// pipeline (Pipeline.swift) reads its part of:
///
/// | stage            | requirement                          | facet (module)              |
/// |------------------|--------------------------------------|-----------------------------|
/// | load             | `id`, `claim`, `load`, `holdsBackUnwritten`, `unwrittenMark` | `LoadingUnit` (CongKhaiLoad) |
/// | assemble         | `assemble` (its pages, its value in `SiteContent.units[id]`) | `LoadingUnit` |
/// | derive           | `addLinkedLists` (lists a page links to when its layout reads the link) | `LoadingUnit` |
/// | derive / check   | `check`, `checklistYears`, `addChecklistItems`               | `CheckingUnit` (CongKhaiCheck) |
/// | render           | `rendering` → `UnitRendering` (template values, open data, files) | `RenderingUnit` (CongKhaiRender) |
///
/// Every requirement but `id`, `claim`, `load` and `rendering` has a default that does nothing.
///
/// How a unit plugs in:
/// 1. Make a folder `Sources/CongKhaiKinds/<Kind>/` holding the unit's model, loader,
///    checks and view model, and a `struct <Kind>Unit: ContentUnit`.
/// 2. `claim` the files that are the unit's (by folder, stem and extension) and load them
///    into a `UnitItem`: `.page(page)` for a page of its own, `.value(v)` for a value that
///    `assemble` joins with the others (the overview page, one page per item).
/// 3. Declare its page kinds beside it (`extension PageKind { static let x = PageKind("x") }`);
///    a page's own data is `PageData.unit(value)`, cast back in `values(for:)`.
///    The kind's layout is `templates/layouts/<rawValue>.mustache`.
/// 4. Add one line to `Units.all`.
public protocol ContentUnit: LoadingUnit, CheckingUnit, RenderingUnit {}

/// The registry: every content unit, in the order their claims are tried and their
/// values, datasets and checklist items come out.
public enum Units {
    public static let all: [any ContentUnit] = [
        CatalogueUnit(),
        BudgetUnit(),
        ReformUnit(),
        DisclosuresUnit(),
        ChecklistUnit(),
        LeadersUnit(),
        NewsUnit(),
        DocumentsUnit(),
    ]

    /// The facets each stage module takes (it cannot see `ContentUnit`).
    public static func loading(_ units: [any ContentUnit]) -> [any LoadingUnit] { units.map { $0 } }
    public static func checking(_ units: [any ContentUnit]) -> [any CheckingUnit] { units.map { $0 } }
    public static func rendering(_ units: [any ContentUnit]) -> [any RenderingUnit] { units.map { $0 } }
}

/// The rendering of a unit whose pages need nothing beyond the generic page values.
struct NoRendering: UnitRendering {
    func values(for page: Page) -> [String: Any] { [:] }
}
