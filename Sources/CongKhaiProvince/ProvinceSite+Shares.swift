import CongKhaiRender
import Foundation
import Synchronization

extension ProvinceSite {
    /// What making the province's files again did.
    struct Remade {
        var pages = 0
        var shares = 0
        var files: [String] = []
    }

    /// Makes again the shares of `communes` (nil: every commune) whose records changed since
    /// their share was made, then the groups of province files those shares reach, plus `parts`;
    /// `assets` also takes the province theme's stylesheet, emblem and search script again.
    /// A group's bytes are joined from every commune's share, so they equal a whole build's.
    func remakeProvinceFiles(communes slugs: [String]?, parts wanted: Set<ProvincePages.Part>, assets: Bool) -> Remade {
        guard let builder else { return Remade() }
        let province = builder.province
        var parts = wanted
        var remade = Remade()
        let stale = (slugs ?? province.communes.map(\.slug)).compactMap { slug -> (String, CommuneRecord)? in
            guard let record = records[slug], slugs == nil || shareSources[slug] != record else { return nil }
            return (slug, record)
        }
        let made = Mutex<[String: CommuneShare]>([:])
        let staleCommunes = province.communes.filter { commune in stale.contains { $0.0 == commune.slug } }
        let sources = Dictionary(stale, uniquingKeysWith: { first, _ in first })
        inParallel(staleCommunes) { commune in
            guard let record = sources[commune.slug] else { return }
            let share = CommuneShare(record)
            made.withLock { $0[commune.slug] = share }
        }
        for (slug, record) in stale {
            guard let share = made.withLock({ $0[slug] }) else { continue }
            if let old = shares[slug] {
                parts.formUnion(share.changedParts(from: old))
            } else {
                // A commune newly on the pages changes their count of communes.
                parts.formUnion(ProvincePages.Part.allCases)
            }
            shares[slug] = share
            shareSources[slug] = record
            remade.shares += 1
        }
        let current = province.communes.compactMap { records[$0.slug] }
        let currentShares = province.communes.compactMap { records[$0.slug] == nil ? nil : shares[$0.slug] }
        let pages = ProvincePages(province: province, communes: current, asOf: asOf, catalogueSize: catalogue?.procedures.count)
        var files: [OutputFile] = []
        for part in ProvincePages.Part.allCases where parts.contains(part) {
            let made = pages.files(part, shares: currentShares)
            for path in partPaths[part] ?? [] { provinceOutputs[path] = nil }
            partPaths[part] = made.map(\.path)
            files += made
        }
        if assets { files += ProvinceAssets.files(province) }
        for file in files { provinceOutputs[file.path] = file }
        remade.files = files.map(\.path).sorted()
        remade.pages = files.filter { $0.path.hasSuffix(".html") }.count
        return remade
    }
}
