import CongKhaiModel

/// `serve`'s edit of one procedure in a catalogue already made: the same catalogue as
/// `Catalogue(procedures:schedule:)` would make of the edited list, found by moving one
/// procedure in each list it is in (in place) rather than sorting 10,000 names again.
extension Catalogue {
    static func sortKey(_ procedure: Procedure) -> (String, String) { (TextFolding.fold(procedure.name), procedure.code) }

    /// Where the edited procedure leaves and enters each list, all found before anything moves.
    struct Move {
        var global: (from: Int, to: Int)
        var field: (field: Int, from: Int, to: Int)
        var level: (level: OnlineLevel, from: Int, to: Int)?
        var fees: [(id: String, from: Int?, to: Int?)]
    }

    /// Nil when the edit changes what groups the procedure (its lĩnh vực, level, address), names
    /// a fee twice, renames its lĩnh vực, or sorts it level with another (then the order between
    /// the two is the input's, which this does not know): the catalogue is then made again.
    func move(_ was: Procedure, to now: Procedure) -> Move? {
        guard was.path == now.path, was.source == now.source, was.fieldSlug == now.fieldSlug, was.field == now.field,
              was.onlineLevel == now.onlineLevel, Set(was.feeIDs).count == was.feeIDs.count, Set(now.feeIDs).count == now.feeIDs.count,
              let old = rank[was.path], Self.sameButBody(procedures[old], was) else { return nil }
        let key = Self.sortKey(now)
        guard let global = Self.place(key, in: procedures, without: old), let field = fieldsBySlug[now.fieldSlug] else { return nil }
        let inField = fields[field].procedures
        guard let fieldFrom = Self.index(of: was.path, in: inField), let fieldTo = Self.place(key, in: inField, without: fieldFrom) else { return nil }
        // The lĩnh vực is named after its first procedure: a new first one must carry the same name.
        let first = fieldTo == 0 ? now : inField[fieldFrom == 0 ? 1 : 0]
        guard first.field == fields[field].name else { return nil }
        var move = Move(global: (old, global), field: (field, fieldFrom, fieldTo), level: nil, fees: [])
        if let level = now.onlineLevel {
            let list = proceduresByLevel[level] ?? []
            guard let from = Self.index(of: was.path, in: list), let to = Self.place(key, in: list, without: from) else { return nil }
            move.level = (level, from, to)
        }
        for id in Set(was.feeIDs + now.feeIDs).sorted() {
            let charged = proceduresByFee[id] ?? []
            var from: Int?
            if was.feeIDs.contains(id) {
                guard let at = Self.index(of: was.path, in: charged) else { return nil }
                from = at
            }
            var to: Int?
            if now.feeIDs.contains(id) {
                guard let place = Self.place(key, in: charged, without: from) else { return nil }
                to = place
            }
            move.fees.append((id, from, to))
        }
        return move
    }

    /// Carries out `move` (from `move(_:to:)`, on this catalogue) in place.
    mutating func apply(_ move: Move, _ now: Procedure) {
        procedures.remove(at: move.global.from)
        procedures.insert(now, at: move.global.to)
        for index in min(move.global.from, move.global.to)...max(move.global.from, move.global.to) { rank[procedures[index].path] = index }
        fields[move.field.field].procedures.remove(at: move.field.from)
        fields[move.field.field].procedures.insert(now, at: move.field.to)
        if let level = move.level {
            proceduresByLevel[level.level, default: []].remove(at: level.from)
            proceduresByLevel[level.level, default: []].insert(now, at: level.to)
        }
        for fee in move.fees {
            if let from = fee.from { proceduresByFee[fee.id, default: []].remove(at: from) }
            if let to = fee.to { proceduresByFee[fee.id, default: []].insert(now, at: to) }
            if proceduresByFee[fee.id]?.isEmpty ?? false { proceduresByFee[fee.id] = nil }
        }
    }

    /// A body edit (`serve`'s first splice) leaves the catalogue's copy with the old body, which
    /// no list shows.
    static func sameButBody(_ kept: Procedure, _ loaded: Procedure) -> Bool {
        var kept = kept
        kept.body = loaded.body
        return kept == loaded
    }

    /// By index: a predicate would copy each procedure to read its address.
    static func index(of path: String, in list: [Procedure]) -> Int? {
        list.indices.first { list[$0].path == path }
    }

    /// Where `key` goes in `list` once the procedure at `skip` is taken out; nil when another
    /// procedure there sorts level with it.
    static func place(_ key: (String, String), in list: [Procedure], without skip: Int?) -> Int? {
        let count = list.count - (skip == nil ? 0 : 1)
        func at(_ index: Int) -> Procedure { list[skip.map { index >= $0 ? index + 1 : index } ?? index] }
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if sortKey(at(middle)) < key { low = middle + 1 } else { high = middle }
        }
        if low < count, sortKey(at(low)) == key { return nil }
        return low
    }
}
