import CongKhaiBuild
import CongKhaiModel
import Foundation

/// The CI files `congkhai new ci-tinh` writes into a province repository: a GitHub Actions
/// workflow whose `matrix` builds one commune per job (`build --xa`), then a job that downloads
/// every commune's output and builds the province pages (`build --chi-tinh`) and publishes; and
/// the same for GitLab with `parallel:matrix`. The CI system spreads the work over machines;
/// CongKhai schedules nothing. Every job builds for the same date (the pipeline's), so the result
/// is the bytes of one `congkhai build` (`.ci/run` runs both as separate processes and compares).
public enum ProvinceRecipes {
    public static let githubPath = ".github/workflows/congkhai-tinh.yml"
    public static let gitlabPath = ".gitlab-ci.yml"

    public static func files(_ province: ProvinceConfig) -> [(path: String, text: String)] {
        let slugs = province.communes.map(\.slug)
        return [(githubPath, github(slugs)), (gitlabPath, gitlab(slugs))]
    }

    /// `[hoa-van, suoi-da]`: slugs are lowercase ASCII letters, digits and dashes, plain YAML.
    static func list(_ slugs: [String]) -> String {
        "[" + slugs.joined(separator: ", ") + "]"
    }

    static func github(_ slugs: [String]) -> String {
        let fetch = PublishingRecipes.fetchSteps.map { "          " + $0 }.joined(separator: "\n")
        return """
        # Dựng cổng của tỉnh bằng CongKhai và đăng lên GitHub Pages: mỗi xã một việc (ma trận “xa”),
        # chạy song song trên nhiều máy, rồi việc “tinh” ghép kết quả các xã, dựng các trang của tỉnh.
        # Chạy mỗi khi đẩy nội dung lên nhánh main và mỗi ngày một lần (0 giờ 05, giờ Việt Nam): danh
        # mục công khai tính “còn N ngày”, “trễ hạn” theo ngày dựng. Mọi việc dựng theo cùng một ngày
        # (việc “ngay”), nên kết quả giống hệt một lần `congkhai build` trên một máy.
        # Danh sách xã trong `matrix` lấy từ tinh.yaml lúc tạo tệp: thêm, bớt xã thì sửa dòng `xa:`
        # dưới đây (hoặc xóa tệp này và chạy lại `congkhai new ci-tinh`).
        # Làm một lần trên GitHub:
        #   - Settings → Pages → Build and deployment → Source: GitHub Actions.
        #   - Settings → Secrets and variables → Actions → Variables: CONGKHAI_URL = địa chỉ tệp
        #     congkhai-<phiên bản>-linux-x86_64.tar.gz (hoặc chép tệp congkhai vào thư mục bin/ của kho).
        name: Dựng và đăng cổng của tỉnh
        on:
          push:
            branches: [main]
          schedule:
            - cron: "5 17 * * *"
          workflow_dispatch:
        permissions:
          contents: read
          pages: write
          id-token: write
        concurrency:
          group: pages
          cancel-in-progress: false
        env:
          CONGKHAI_URL: ${{ vars.CONGKHAI_URL }}
        jobs:
          ngay:
            runs-on: ubuntu-latest
            outputs:
              as_of: ${{ steps.ngay.outputs.as_of }}
            steps:
              - id: ngay
                run: echo "as_of=$(TZ=Asia/Ho_Chi_Minh date +%F)" >> "$GITHUB_OUTPUT"
          xa:
            needs: ngay
            runs-on: ubuntu-latest
            strategy:
              fail-fast: false
              matrix:
                xa: \(list(slugs))
            steps:
              - uses: actions/checkout@v4
              - name: Lấy CongKhai
                run: |
        \(fetch)
              - name: Dựng xã
                run: .congkhai/congkhai build --xa "${{ matrix.xa }}" --as-of "${{ needs.ngay.outputs.as_of }}"
              - uses: actions/upload-artifact@v4
                with:
                  name: xa-${{ matrix.xa }}
                  path: public/
                  include-hidden-files: true
                  retention-days: 1
          tinh:
            needs: [ngay, xa]
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - name: Lấy CongKhai
                run: |
        \(fetch)
              - uses: actions/download-artifact@v4
                with:
                  pattern: xa-*
                  path: public
                  merge-multiple: true
              - name: Dựng trang của tỉnh
                run: .congkhai/congkhai build --chi-tinh --as-of "${{ needs.ngay.outputs.as_of }}"
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: public
          deploy:
            needs: tinh
            runs-on: ubuntu-latest
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - name: Đăng lên GitHub Pages
                id: deployment
                uses: actions/deploy-pages@v4

        """
    }

    static func gitlab(_ slugs: [String]) -> String {
        let fetch = PublishingRecipes.fetchSteps.map { "    - " + YAMLScalar.single($0) }.joined(separator: "\n")
        return """
        # Dựng cổng của tỉnh bằng CongKhai và đăng lên GitLab Pages: giai đoạn “xa” dựng mỗi xã một
        # việc (parallel:matrix), chạy song song; giai đoạn “tinh” (việc `pages`) nhận kết quả các xã
        # và dựng các trang của tỉnh vào public/. Mọi việc dựng theo ngày tạo pipeline, nên kết quả
        # giống hệt một lần `congkhai build` trên một máy. Danh sách xã trong `XA` lấy từ tinh.yaml lúc
        # tạo tệp: thêm, bớt xã thì sửa dòng đó (hoặc xóa tệp này và chạy lại `congkhai new ci-tinh`).
        # Làm một lần trên GitLab:
        #   - Build → Pipeline schedules → New schedule: "5 0 * * *", múi giờ Asia/Ho_Chi_Minh.
        #   - Settings → CI/CD → Variables: CONGKHAI_URL = địa chỉ tệp
        #     congkhai-<phiên bản>-linux-x86_64.tar.gz (hoặc chép tệp congkhai vào thư mục bin/).
        stages: [xa, tinh]
        .congkhai:
          image: buildpack-deps:bookworm
          before_script:
        \(fetch)
            - 'export AS_OF="$(TZ=Asia/Ho_Chi_Minh date -d "$CI_PIPELINE_CREATED_AT" +%F)"'
          rules:
            - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
        xa:
          extends: .congkhai
          stage: xa
          parallel:
            matrix:
              - XA: \(list(slugs))
          script:
            - .congkhai/congkhai build --xa "$XA" --as-of "$AS_OF"
          artifacts:
            paths:
              - public/
            expire_in: 1 day
        pages:
          extends: .congkhai
          stage: tinh
          script:
            - .congkhai/congkhai build --chi-tinh --as-of "$AS_OF"
          artifacts:
            paths:
              - public

        """
    }
}

extension ProvinceRecipes {
    /// A CI file whose commune list no longer matches `tinh.yaml`: a commune added to the province
    /// but not to the matrix is never built on CI, and the merge job stops for want of its output;
    /// one removed is built for nothing. Found at the list's line, with the line to write. A file
    /// whose list the IT helper rewrote in another form is left alone.
    public static func staleMatrices(_ province: ProvinceConfig) -> [Diagnostic] {
        let slugs = province.communes.map(\.slug)
        return [(githubPath, "xa:"), (gitlabPath, "- XA:")].compactMap { path, key in
            let url = province.folder.appendingPathComponent(path)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.drop { $0 == " " }
                guard trimmed.hasPrefix(key + " ["), trimmed.hasSuffix("]") else { continue }
                let listed = trimmed.dropFirst(key.count + 2).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                // The jobs' order does not matter: only a commune built or not built does.
                guard Set(listed) != Set(slugs) else { return nil }
                let missing = slugs.filter { !listed.contains($0) }
                let extra = listed.filter { !slugs.contains($0) }
                var parts: [String] = []
                if !missing.isEmpty { parts.append("thiếu \(missing.joined(separator: ", ")) (CI sẽ không dựng các xã này và việc ghép trang của tỉnh sẽ dừng)") }
                if !extra.isEmpty { parts.append("thừa \(extra.joined(separator: ", ")) (không có trong tinh.yaml)") }
                let column = line.count - trimmed.count + 1
                return .warning("province.ci-matrix", at: SourceLocation(path: path, line: index + 1, column: column),
                                "Danh sách xã của CI khác với tinh.yaml: \(parts.joined(separator: "; ")).",
                                hint: "Sửa dòng này thành: \(key) \(list(slugs))")
            }
            return nil
        }
    }
}
