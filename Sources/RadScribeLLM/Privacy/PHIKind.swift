/// The kinds of protected health information the ``Pseudonymizer`` replaces.
public enum PHIKind: String, Sendable, Hashable, CaseIterable {
    /// A person's name: the patient, a relative, a referring or reporting physician.
    case person
    /// A patient, case, order, accession or insurance number, or another long identifying digit run.
    case patientIdentifier
    /// A date of birth or a birth year.
    case birthDate
    /// Any other calendar date.
    case date
    /// A telephone, fax or pager number.
    case phone
    /// An e-mail address.
    case email
    /// A street address, postcode or city of residence.
    case address

    /// The word a placeholder of this kind starts with: `PERSON` in `[PERSON_1]`.
    var placeholderPrefix: String {
        switch self {
        case .person: "PERSON"
        case .patientIdentifier: "ID"
        case .birthDate: "DOB"
        case .date: "DATE"
        case .phone: "PHONE"
        case .email: "EMAIL"
        case .address: "ADDRESS"
        }
    }
}
