import Rules

extension DocumentModel {
    /// The No Objection Certificate issued when a loan is closed, with the release of any security.
    public static let noObjectionCertificate = DocumentModel(
        name: "noc", summary: "No Objection Certificate on closure",
        fields: [
            Field("reference_number", .string, "the certificate's reference number"),
            Field("issue_date", .date, "date the certificate is issued"),
            Field("lender", DocumentRecords.lender, "the lender"),
            Field("borrower", DocumentRecords.borrower, "the borrower"),
            Field("co_borrowers", .list(.string), "co-borrowers' names, if any"),
            Field("loan_account_number", .string, "the loan account number"),
            Field("product_name", .string, "the loan product"),
            Field("sanctioned_amount", .money, "loan amount sanctioned"),
            Field("disbursement_date", .date, "date of disbursal"),
            Field("closure_date", .date, "date the loan was closed"),
            Field(
                "closure_reason",
                .enumeration(
                    EnumType(
                        name: "closure_reason",
                        values: ["repaid", "foreclosed", "settled"])),
                "repaid on schedule, foreclosed or settled"),
            Field("total_repaid", .money, "everything the borrower paid over the life of the loan"),
            Field("secured", .bool, "whether a security is released"),
            Field("security_description", .string, "the security released, e.g. hypothecation of a vehicle"),
            Field("documents_return_by", .date, "date by which original documents are returned (30 days)"),
        ])
}
