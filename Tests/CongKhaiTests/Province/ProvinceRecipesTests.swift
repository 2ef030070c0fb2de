import CongKhaiModel
@testable import CongKhaiProvince
import Foundation
import Testing

/// `congkhai new ci-tinh`: the CI files' matrix is the province's communes, every job builds for
/// one date, and the merge job runs after all commune jobs. Their schemas and a run of the matrix
/// as separate processes are checked by scripts/check-province-ci.sh (in .ci/run).
@Suite struct ProvinceRecipesTests {
    func files() throws -> [String: String] {
        let log = DiagnosticLog()
        let province = try #require(ProvinceLoader.load(ProvinceBuildTests.example, log: log))
        return Dictionary(uniqueKeysWithValues: ProvinceRecipes.files(province).map { ($0.path, $0.text) })
    }

    @Test func theGitHubMatrixListsTheCommunesAndTheMergeJobWaitsForThem() throws {
        let github = try #require(try files()[ProvinceRecipes.githubPath])
        #expect(github.contains("        xa: [hoa-van, suoi-da, tan-lap]\n"))
        #expect(github.contains("build --xa \"${{ matrix.xa }}\" --as-of \"${{ needs.ngay.outputs.as_of }}\""))
        #expect(github.contains("needs: [ngay, xa]"))
        #expect(github.contains("build --chi-tinh --as-of \"${{ needs.ngay.outputs.as_of }}\""))
        #expect(github.contains("merge-multiple: true"))
        #expect(!github.contains("\t"))
    }

    @Test func theGitLabMatrixListsTheCommunesAndPagesRunsInALaterStage() throws {
        let gitlab = try #require(try files()[ProvinceRecipes.gitlabPath])
        #expect(gitlab.contains("      - XA: [hoa-van, suoi-da, tan-lap]\n"))
        #expect(gitlab.contains("stages: [xa, tinh]"))
        #expect(gitlab.contains("pages:\n  extends: .congkhai\n  stage: tinh\n"))
        #expect(gitlab.contains("build --xa \"$XA\" --as-of \"$AS_OF\""))
        #expect(gitlab.contains("CI_PIPELINE_CREATED_AT"))
    }
}
