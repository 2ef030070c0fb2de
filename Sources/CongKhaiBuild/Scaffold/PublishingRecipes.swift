/// The CI files `new site` writes: GitHub Pages and GitLab Pages, each rebuilding on every push
/// and once a day, because the checklist's "còn N ngày" and "trễ hạn" are computed for the day
/// of the build. `.ci/run` validates both against their published schemas and runs their steps.
public enum PublishingRecipes {
    static func files(_ unit: SiteScaffold.Unit) -> [(path: String, text: String)] {
        [(".github/workflows/congkhai.yml", github), (".gitlab-ci.yml", gitlab)]
    }

    /// Gets the release binary into `.congkhai/`: a copy committed at `bin/congkhai`, else the
    /// tarball at `$CONGKHAI_URL` (a repository or project variable).
    public static let fetchSteps = [
        "mkdir -p .congkhai",
        "if [ -x bin/congkhai ]; then cp bin/congkhai .congkhai/congkhai; elif [ -n \"${CONGKHAI_URL:-}\" ]; then curl -fsSL \"$CONGKHAI_URL\" -o .congkhai/congkhai.tar.gz && tar -xzf .congkhai/congkhai.tar.gz -C .congkhai --strip-components=1; else echo \"Chưa có CongKhai: đặt biến CONGKHAI_URL là địa chỉ tệp congkhai-...-linux-x86_64.tar.gz, hoặc chép tệp congkhai vào thư mục bin/ của kho.\" >&2; exit 1; fi",
        ".congkhai/congkhai --version",
    ]

    public static let github = """
    # Dựng trang bằng CongKhai và đăng lên GitHub Pages.
    # Chạy mỗi khi đẩy nội dung lên nhánh main (nhánh chính tên khác thì sửa dòng `branches`) và
    # mỗi ngày một lần (lúc 0 giờ 05, giờ Việt Nam): danh mục công khai tính “còn N ngày”, “trễ hạn”
    # theo ngày dựng, nên trang phải được dựng lại hằng ngày.
    # Làm một lần trên GitHub:
    #   - Settings → Pages → Build and deployment → Source: GitHub Actions.
    #   - Settings → Secrets and variables → Actions → Variables → New repository variable:
    #     CONGKHAI_URL = địa chỉ tệp congkhai-<phiên bản>-linux-x86_64.tar.gz
    #     (hoặc chép tệp congkhai vào thư mục bin/ của kho thay cho biến này).
    name: Dựng và đăng trang
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
    jobs:
      build:
        runs-on: ubuntu-latest
        env:
          CONGKHAI_URL: ${{ vars.CONGKHAI_URL }}
        steps:
          - uses: actions/checkout@v4
          - name: Lấy CongKhai
            run: |
    \(fetchSteps.map { "          " + $0 }.joined(separator: "\n"))
          - name: Kiểm tra nội dung
            run: .congkhai/congkhai check
          - name: Dựng trang
            run: .congkhai/congkhai build
          - uses: actions/upload-pages-artifact@v3
            with:
              path: public
      deploy:
        needs: build
        runs-on: ubuntu-latest
        environment:
          name: github-pages
          url: ${{ steps.deployment.outputs.page_url }}
        steps:
          - name: Đăng lên GitHub Pages
            id: deployment
            uses: actions/deploy-pages@v4

    """

    public static let gitlab = """
    # Dựng trang bằng CongKhai và đăng lên GitLab Pages (job tên `pages`, kết quả trong public/).
    # Job chạy mỗi khi đẩy nội dung lên nhánh mặc định. Danh mục công khai tính “còn N ngày”,
    # “trễ hạn” theo ngày dựng, nên trang phải được dựng lại hằng ngày. Làm một lần trên GitLab:
    #   - Build → Pipeline schedules → New schedule: "5 0 * * *", múi giờ Asia/Ho_Chi_Minh.
    #   - Settings → CI/CD → Variables: CONGKHAI_URL = địa chỉ tệp
    #     congkhai-<phiên bản>-linux-x86_64.tar.gz (hoặc chép tệp congkhai vào thư mục bin/).
    pages:
      image: buildpack-deps:bookworm
      script:
    \(fetchSteps.map { "    - " + YAMLScalar.single($0) }.joined(separator: "\n"))
        - .congkhai/congkhai check
        - .congkhai/congkhai build
      artifacts:
        paths:
          - public
      rules:
        - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH

    """
}

/// A YAML single-quoted scalar: a shell line with `:` or `#` stays one string.
public enum YAMLScalar {
    public static func single(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
