import CongKhaiLoad
import CongKhaiModel
import Foundation

/// Renders a procedure file from a draft, merged into the editor's existing file if there is one.
///
/// Merge rule, key by key: a value the import has replaces the file's; a key the import has
/// nothing for (a placeholder, a part that could not be parsed, or a key no source fills: `phi`,
/// `mau_don`, `ly_do_mot_phan`, `cap_nhat`, and any key the editor added) keeps the
/// editor's lines exactly as typed. The editor's comments above a key always stay. Three keys are
/// only ever filled, never replaced: `phi` (fee ids are the editor's), `dvc_url` and `cong_bo`.
/// Body sections work the same way: sections the record fills are replaced, all others are kept.
public enum ProcedureFileWriter {
    /// The loader's keys, in the order the examples and new files use.
    static let keyOrder = ["ma", "ten", "linh_vuc", "cap_thuc_hien", "muc_do", "ly_do_mot_phan", "cach_thuc",
                           "thoi_han", "thoi_han_ngay", "don_vi", "phi", "doi_tuong", "co_quan_thuc_hien", "ket_qua",
                           "can_cu_phap_ly", "mau_don", "cong_bo", "dvc_url", "cap_nhat"]

    /// What to tell the editor about a part still missing, where its key belongs.
    static let guidance: [String: String] = [
        "muc_do": "muc_do — mức độ trực tuyến: toan_trinh, mot_phan (kèm ly_do_mot_phan) hoặc truc_tiep.",
        "cach_thuc": "cach_thuc — mỗi hình thức nộp một mục, ví dụ: [{hinh_thuc: truc_tiep, thoi_han: \"3 ngày làm việc\", phi: \"Miễn phí\"}].",
        "thoi_han": "thoi_han — thời hạn giải quyết như văn bản công bố, ví dụ thoi_han: \"3 ngày làm việc\", thoi_han_ngay: 3, don_vi: ngay_lam_viec.",
        "doi_tuong": "doi_tuong — đối tượng thực hiện, ví dụ doi_tuong: \"Công dân Việt Nam\".",
        "co_quan_thuc_hien": "co_quan_thuc_hien — cơ quan thực hiện, ví dụ co_quan_thuc_hien: \"Ủy ban nhân dân xã\".",
        "ket_qua": "ket_qua — kết quả thực hiện, ví dụ ket_qua: \"Giấy khai sinh\".",
        "can_cu_phap_ly": "can_cu_phap_ly — văn bản làm căn cứ, ví dụ: [{so_hieu: \"60/2014/QH13\", ten: \"Luật Hộ tịch\"}].",
    ]
    static let sectionGuidance: [String: String] = [
        SectionName.steps: "các bước nộp hồ sơ, tiếp nhận, giải quyết và trả kết quả",
        SectionName.documents: "bảng các giấy tờ phải nộp, số bản chính và bản sao",
        SectionName.requirements: "yêu cầu, điều kiện thực hiện; ghi “Không” nếu không có",
    ]

    static func render(_ draft: ProcedureDraft, existing: ExistingProcedureFile?) -> String {
        let imported = importedBlocks(draft, existing: existing)
        var lines = ["---"] + (existing?.leadingComments ?? [])
        for key in keyOrder {
            lines += existing?.comments(key) ?? []
            lines += (draft.notes[key] ?? []).map { YAMLText.comment($0) }
            if key == "cong_bo", let number = draft.publicationNumber, let editors = existing?.publicationNumber,
               ProcedureCode.clean(editors) != ProcedureCode.clean(number) {
                lines.append(YAMLText.comment("Theo Cổng DVC: số quyết định công bố “\(number)”."))
            }
            if let block = imported[key] {
                lines += block
            } else if let block = existing?.block(key) {
                lines += block
            } else if let advice = guidance[key], !(key == "thoi_han" && hasChannels(imported, existing)) {
                lines.append(YAMLText.comment("Cần bổ sung: " + advice))
            }
        }
        for block in existing?.blocks ?? [] where !keyOrder.contains(block.key) {
            lines += block.comments + block.lines
        }
        lines += existing?.trailingComments ?? []
        let (body, missing) = renderBody(draft, existing: existing?.body)
        for name in missing {
            let advice = sectionGuidance[name] ?? ""
            lines.append(YAMLText.comment("Cần bổ sung: nội dung mục “## \(name)” ở phần dưới tệp: \(advice)."))
        }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n" + body
    }

    static func hasChannels(_ imported: [String: [String]], _ existing: ExistingProcedureFile?) -> Bool {
        !(imported["cach_thuc"] ?? []).isEmpty || existing?.block("cach_thuc") != nil
    }

    /// The keys the draft fills. An empty block removes the file's key: a new deadline text
    /// without a clear number must not keep the old `thoi_han_ngay`.
    static func importedBlocks(_ draft: ProcedureDraft, existing: ExistingProcedureFile?) -> [String: [String]] {
        var blocks: [String: [String]] = ["ma": [YAMLText.pair("ma", draft.code)]]
        let keys: [String] = ["ten", "linh_vuc", "cap_thuc_hien", "doi_tuong", "co_quan_thuc_hien", "ket_qua"]
        let values: [String?] = [draft.name, draft.field, draft.level, draft.subjects, draft.agency, draft.result]
        for (key, value) in zip(keys, values) {
            if let value { blocks[key] = [YAMLText.pair(key, value)] }
        }
        if let level = draft.onlineLevel { blocks["muc_do"] = ["muc_do: \(level.rawValue)"] }
        if let channels = draft.channels, !channels.isEmpty {
            var lines = ["cach_thuc:"]
            for channel in channels {
                lines.append("  - hinh_thuc: \(channel.channel.rawValue)")
                if let deadline = channel.deadline { lines.append(YAMLText.pair("thoi_han", deadline, indent: 4)) }
                if let fee = channel.fee { lines.append(YAMLText.pair("phi", fee, indent: 4)) }
            }
            blocks["cach_thuc"] = lines
        }
        if let deadline = draft.deadline {
            blocks["thoi_han"] = [YAMLText.pair("thoi_han", deadline)]
            blocks["thoi_han_ngay"] = draft.deadlineAmount.map { ["thoi_han_ngay: \(YAMLText.number($0))"] } ?? []
            blocks["don_vi"] = draft.deadlineUnit.map { ["don_vi: \($0.rawValue)"] } ?? []
        }
        if draft.free, existing?.block("phi") == nil { blocks["phi"] = ["phi: mien"] }
        if let documents = draft.legalBasis, !documents.isEmpty {
            var lines = ["can_cu_phap_ly:"]
            for document in documents {
                lines.append("  - so_hieu: \(YAMLText.quoted(document.number))")
                if let title = document.title { lines.append(YAMLText.pair("ten", title, indent: 4)) }
            }
            blocks["can_cu_phap_ly"] = lines
        }
        // The portal's decision is often the ministry's, while the editor's `cong_bo` is the
        // province's, with the date the posting deadline runs from: the editor's stays.
        // The editor may have put the province's page for this procedure here: theirs stays.
        if let url = draft.onlineURL, existing?.block("dvc_url") == nil {
            blocks["dvc_url"] = [YAMLText.pair("dvc_url", url)]
        }
        if let number = draft.publicationNumber, existing?.block("cong_bo") == nil {
            blocks["cong_bo"] = ["cong_bo:", YAMLText.pair("so", number, indent: 2)]
        }
        return blocks
    }

    /// The body, and the required sections it still lacks.
    static func renderBody(_ draft: ProcedureDraft, existing: MarkdownSections?) -> (String, [String]) {
        var sections: [(heading: String, text: String)] = []
        var used = Set<String>()
        let owned = { (name: String, heading: String) -> Bool in
            SectionName.required.contains(name) ? MarkdownSections.same(heading, as: name)
                : TextFolding.fold(heading) == TextFolding.fold(name)
        }
        if let existing {
            for section in existing.sections {
                guard let replacement = draft.sections.first(where: { owned($0.heading, section.heading) }) else {
                    sections.append(section)
                    continue
                }
                used.insert(replacement.heading)
                if !replacement.text.isEmpty || SectionName.required.contains(replacement.heading) {
                    sections.append((section.heading, replacement.text))
                }
            }
        }
        for name in SectionName.order where !used.contains(name) {
            if let section = draft.sections.first(where: { $0.heading == name }), !section.text.isEmpty {
                sections.append((name, section.text))
            } else if existing == nil, SectionName.required.contains(name) {
                sections.append((name, ""))
            }
        }
        let missing = SectionName.required.filter { name in
            !sections.contains { MarkdownSections.same($0.heading, as: name) && !$0.text.isEmpty }
        }
        var parts: [String] = []
        if let preamble = existing?.preamble, !preamble.isEmpty { parts.append(preamble + "\n") }
        for section in sections {
            parts.append(section.text.isEmpty ? "## \(section.heading)\n" : "## \(section.heading)\n\n\(section.text)\n")
        }
        return (parts.joined(separator: "\n"), missing)
    }
}
