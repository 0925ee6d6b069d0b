import Catalog
import Testing
import Workflow

@Suite struct ShippedWorkflowsTests {
    @Test func allCompile() throws {
        let workflows = try Shipped.loaded.get()
        #expect(workflows.keys.sorted() == ["invoice-financing", "loan-lifecycle", "restructure", "retail-origination",
                                            "waiver", "write-off"])
    }
}
