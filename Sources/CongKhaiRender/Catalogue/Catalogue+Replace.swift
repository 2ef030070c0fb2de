import CongKhaiModel

/// `serve`'s edit of one procedure in a catalogue already made: the same catalogue as
/// `Catalogue(procedures:schedule:)` would make of the edited list, found by moving one
/// procedure in each list it is in rather than sorting 10,000 names again.
extension Catalogue {
    static func sortKey(_ procedure: Procedure) -> (String, String) { (TextFolding.fold(procedure.name), procedure.code) }

    /// Nil when the edit changes what groups the procedure (its lĩnh vực, level, address), names
    /// a fee twice, or sorts it level with another (then the order between the two is the
    /// input's, which this does not know): the catalogue is then made again.
    func replacing(_ was: Procedure, with now: Procedure) -> Catalogue? {
        guard was.path == now.path, was.source == now.source, was.fieldSlug == now.fieldSlug, was.field == now.field,
              was.onlineLevel == now.onlineLevel, Set(was.feeIDs).count == was.feeIDs.count, Set(now.feeIDs).count == now.feeIDs.count,
              let old = rank[was.path], Self.sameButBody(procedures[old], was) else { return nil }
        let key = Self.sortKey(now)
        var next = self
        guard let all = Self.moving(was, to: now, key: key, in: procedures), let at = all.firstIndex(where: { $0.path == now.path }) else { return nil }
        next.procedures = all
        for index in min(old, at)...max(old, at) { next.rank[all[index].path] = index }
        guard let field = fieldsBySlug[now.fieldSlug], let inField = Self.moving(was, to: now, key: key, in: fields[field].procedures),
              inField.first?.field == fields[field].name else { return nil }
        next.fields[field].procedures = inField
        if let level = now.onlineLevel {
            guard let inLevel = Self.moving(was, to: now, key: key, in: proceduresByLevel[level] ?? []) else { return nil }
            next.proceduresByLevel[level] = inLevel
        }
        for id in Set(was.feeIDs + now.feeIDs) {
            var charged = proceduresByFee[id] ?? []
            if was.feeIDs.contains(id) {
                guard let at = charged.firstIndex(where: { $0.path == was.path }) else { return nil }
                charged.remove(at: at)
            }
            if now.feeIDs.contains(id) {
                guard let place = Self.place(key, in: charged) else { return nil }
                charged.insert(now, at: place)
            }
            next.proceduresByFee[id] = charged.isEmpty ? nil : charged
        }
        return next
    }

    /// A body edit (`serve`'s first splice) leaves the catalogue's copy with the old body, which
    /// no list shows.
    static func sameButBody(_ kept: Procedure, _ loaded: Procedure) -> Bool {
        var kept = kept
        kept.body = loaded.body
        return kept == loaded
    }

    /// `list` (sorted) with `was` taken out and `now` put in its sorted place.
    static func moving(_ was: Procedure, to now: Procedure, key: (String, String), in list: [Procedure]) -> [Procedure]? {
        var list = list
        guard let at = list.firstIndex(where: { $0.path == was.path }) else { return nil }
        list.remove(at: at)
        guard let place = place(key, in: list) else { return nil }
        list.insert(now, at: place)
        return list
    }

    /// Where `key` goes in `list`; nil when a procedure there sorts level with it.
    static func place(_ key: (String, String), in list: [Procedure]) -> Int? {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if sortKey(list[middle]) < key { low = middle + 1 } else { high = middle }
        }
        if low < list.count, sortKey(list[low]) == key { return nil }
        return low
    }
}
