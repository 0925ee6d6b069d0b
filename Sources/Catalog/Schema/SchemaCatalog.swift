/// Every kind of configuration file with a schema, for `lendline schema`.
public enum SchemaCatalog {
    /// (schema file name, title, shape) for each kind.
    public static var kinds: [(file: String, title: String, node: SchemaNode)] {
        [
            ("product.schema.json", "Lendline loan product (products/*.yaml)", .object(Schemas.product)),
            ("terms.schema.json", "Lendline loan terms (terms files, product defaults)", .object(Schemas.terms)),
            ("calendar.schema.json", "Lendline holiday calendar (policies/calendars/*.yaml)", .object(Schemas.calendar)),
            ("workflow.schema.json", "Lendline workflow (workflows/*.yaml)", .object(Schemas.workflow)),
            ("policy.schema.json", "Lendline policy (policies/*.yaml)", .object(Schemas.policy)),
            ("policy-tests.schema.json", "Lendline policy tests (policies/tests/*.yaml)", .object(Schemas.policyTests)),
            (
                "application-model.schema.json", "Lendline application model (policies/application-model.yaml)",
                .object(Schemas.applicationModel)
            ),
            (
                "asset-classification.schema.json",
                "Lendline asset classification and provisioning (policies/asset-classification.yaml)",
                .object(Schemas.assetClassification)
            ),
            (
                "accounting.schema.json", "Lendline chart of accounts and posting map (policies/accounting.yaml)",
                .object(Schemas.accounting)
            ),
            (
                "roles.schema.json", "Lendline staff roles, maker-checker and sign-in (policies/roles.yaml)",
                .object(Schemas.roles)
            ),
            (
                "integrations.schema.json", "Lendline integration adapters (policies/integrations.yaml)",
                .object(Schemas.integrations)
            ),
        ]
    }
}
