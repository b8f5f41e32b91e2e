import Foundation
import Testing
@testable import FOI

/// Names as people write them, through the one resolver, against the shipped authorities (issue 23).
@Suite struct ResolverTableTests {
    enum Want { case resolved(String), ambiguous([String]), unknown }

    /// At least 60 names: councils, police, departments, short forms, Welsh names, typos, and names
    /// that are ambiguous or that no one would recognise.
    static let table: [(String, Want)] = [
        ("Leeds City Council", .resolved("Leeds City Council")),
        ("leeds city council", .resolved("Leeds City Council")),
        ("Leeds", .resolved("Leeds City Council")),
        ("Leeds Council", .resolved("Leeds City Council")),
        ("Council of the City of Leeds", .resolved("Leeds City Council")),
        ("the Home Office", .resolved("Home Office")),
        ("Home office", .resolved("Home Office")),
        ("HMRC", .resolved("HM Revenue and Customs")),
        ("HM Revenue & Customs", .resolved("HM Revenue and Customs")),
        ("Revenue and Customs", .resolved("HM Revenue and Customs")),
        ("DWP", .resolved("Department for Work and Pensions")),
        ("Department of Work and Pensions", .resolved("Department for Work and Pensions")),
        ("Dept for Work & Pensions", .resolved("Department for Work and Pensions")),
        ("MoD", .resolved("Ministry of Defence")),
        ("TfL", .resolved("Transport for London")),
        ("Met Police", .resolved("Metropolitan Police Service")),
        ("the Met", .resolved("Metropolitan Police Service")),
        ("Metropolitan Police", .resolved("Metropolitan Police Service")),
        ("Scotland Yard", .resolved("Metropolitan Police Service")),
        ("NHS England", .resolved("NHS England")),
        ("HSE", .resolved("Health and Safety Executive")),
        ("DVLA", .resolved("Driver and Vehicle Licensing Agency")),
        ("Defra", .resolved("Department for Environment, Food and Rural Affairs")),
        ("Foreign Office", .resolved("Foreign, Commonwealth and Development Office")),
        ("The Treasury", .resolved("HM Treasury")),
        ("Land Registry", .resolved("HM Land Registry")),
        ("Highland Council", .resolved("The Highland Council")),
        ("Swansea Council", .resolved("City and County of Swansea Council")),
        ("Cardiff Council", .resolved("City of Cardiff Council")),
        ("Edinburgh Council", .resolved("City of Edinburgh Council")),
        ("Glasgow Council", .resolved("Glasgow City Council")),
        ("Bristol Council", .resolved("Bristol City Council")),
        ("Kensington and Chelsea Council", .resolved("Royal Borough of Kensington and Chelsea")),
        ("Camden Council", .resolved("London Borough of Camden")),
        ("Westminster Council", .resolved("City of Westminster")),
        ("Blaenau Gwent Council", .resolved("Blaenau Gwent County Borough Council")),
        ("Gwynedd Council", .resolved("Gwynedd Council")),
        ("Durham Police", .resolved("Durham Constabulary")),
        ("Kent Constabulary", .resolved("Kent Police")),
        ("Essex Constabulary", .resolved("Essex Police")),
        ("Northern Ireland Police", .resolved("Police Service of Northern Ireland")),
        ("Police Service Scotland", .resolved("Police Scotland")),
        ("Dyfed Powys Police", .resolved("Dyfed-Powys Police")),
        ("Department for Health and Social Care", .resolved("Department of Health and Social Care")),
        ("Department of Transport", .resolved("Department for Transport")),
        // Welsh and English names of the same body.
        ("Cyngor Caerdydd", .resolved("City of Cardiff Council")),
        ("Cyngor Gwynedd", .resolved("Gwynedd Council")),
        ("Cyngor Sir Ynys Mon", .resolved("Isle of Anglesey County Council")),
        ("Cyngor Sir Ynys Môn", .resolved("Isle of Anglesey County Council")),
        ("Natural Resources Wales", .resolved("Natural Resources Wales")),
        ("Cyfoeth Naturiol Cymru", .resolved("Natural Resources Wales")),
        ("Llywodraeth Cymru", .resolved("Welsh Government")),
        ("Trafnidiaeth Cymru", .resolved("Transport for Wales")),
        ("Senedd", .resolved("Senedd Commission")),
        // Typos.
        ("Birmingam City Council", .resolved("Birmingham City Council")),
        ("Leeds Counsil", .resolved("Leeds City Council")),
        ("Manchestr City Council", .resolved("Manchester City Council")),
        ("Environment Agncy", .resolved("Environment Agency")),
        ("Minstry of Justice", .resolved("Ministry of Justice")),
        // Several bodies fit: listed, not guessed.
        ("Department of Education", .ambiguous(["Department for Education", "Department of Education (Northern Ireland)"])),
        ("Department of Health", .ambiguous(["Department of Health (Northern Ireland)", "Department of Health and Social Care"])),
        ("BEIS", .ambiguous(["Department for Business and Trade", "Department for Energy Security and Net Zero",
                             "Department for Science, Innovation and Technology"])),
        ("Durham", .ambiguous(["Durham Constabulary", "Durham County Council", "Durham Police and Crime Commissioner", "Durham University"])),
        ("Bath", .ambiguous(["Bath College", "Bath Spa University", "Bath and North East Somerset Council"])),
        // No body anyone would recognise.
        ("Lowland Council", .unknown),
        ("Ministry of Magic", .unknown),
        ("Llanfair Community Council", .unknown),
        ("Barsetshire County Council", .unknown),
        ("University of", .unknown),
        ("xyz", .unknown),
    ]

    static let resolver: AuthorityResolver? = repoRoot().flatMap { try? AuthorityResolver(SeedData.authorities(root: $0)) }

    @Test func tableOfNamesAsPeopleWriteThem() throws {
        let r = try #require(Self.resolver, "the shipped authorities/authorities.csv")
        #expect(Self.table.count >= 60)
        for (query, want) in Self.table {
            let got = r.resolve(query)
            switch (want, got) {
            case (.resolved(let name), .resolved(let a, _)):
                #expect(a.name == name, "\(query): \(a.name), want \(name)")
            case (.ambiguous(let names), .ambiguous(let list)):
                #expect(list.map(\.name) == names, "\(query): \(list.map(\.name))")
            case (.unknown, .unknown(let s)):
                if query.count > 3 { #expect(!s.isEmpty, "\(query): no suggestions") }
            default:
                Issue.record("\(query): \(got), want \(want)")
            }
        }
    }

    @Test func notesSayWhatANameResolvedTo() throws {
        let r = try #require(Self.resolver)
        guard case .resolved(let a, let how) = r.resolve("Met Police") else { Issue.record("Met Police"); return }
        #expect(AuthorityResolver.note(query: "Met Police", authority: a, match: how) == "'Met Police' is Metropolitan Police Service (by short name)")
        guard case .resolved(let b, let how2) = r.resolve("the home office") else { Issue.record("home office"); return }
        #expect(AuthorityResolver.note(query: "the home office", authority: b, match: how2) == nil)
        #expect(AuthorityResolver.failure(query: "BEIS", r.resolve("BEIS"))?.contains("could be any of: 'Department for Business and Trade'") == true)
        #expect(r.suggestions("Hieland Council").first == "The Highland Council", "\(r.suggestions("Hieland Council"))")
    }

    /// The search box: what a query resolves to first, then word-prefix matches (Welsh names too).
    @Test func searchPutsTheResolvedBodyFirst() throws {
        let r = try #require(Self.resolver)
        #expect(r.search("the Home Office").first?.name == "Home Office")
        #expect(r.search("Met Police").first?.name == "Metropolitan Police Service")
        #expect(r.search("Ynys").first?.name == "Isle of Anglesey County Council")
        #expect(r.search("leeds", limit: 50).count > 5)
    }

    /// Suggestions and typo matching stay bounded (issue 26 fixed a stall here): a query of 7,200 characters
    /// over every shipped name is answered exactly as its first `InputLimits.suggestionCharacters` are, so it
    /// costs a short name's work whatever a caller sends. Checked by the answers, not a clock, so a busy
    /// machine cannot fail it nor a fast one hide a path that reads the whole query.
    @Test func longQueriesStayCheap() throws {
        let r = try #require(Self.resolver)
        let long = String(repeating: "Borough Council of the Metropolitan ", count: 200)
        let cut = String(long.prefix(InputLimits.suggestionCharacters))
        #expect(r.resolve(long) == r.resolve(cut))
        #expect(r.search(long) == r.search(cut))
        #expect(r.suggestions(long) == r.suggestions(cut))
    }

    /// A body that is not listed, given with its nation: FOIA in Wales, FOISA in Scotland; a nation also
    /// narrows an ambiguous name.
    @Test func unlistedBodiesTakeTheirNationsLaw() throws {
        let r = try #require(Self.resolver)
        let wales = try r.body("Llanfair Community Council", nation: "Wales", category: "community council").get()
        #expect(wales.authority.nation == .wales && Legislation.regime(for: wales.authority) == .foia2000)
        #expect(BodyProfile.of(wales.authority).reference == "the council")
        #expect(wales.note?.contains("not in the database") == true)
        let scot = try r.body("Tain Community Council", nation: "scotland").get()
        #expect(Legislation.regime(for: scot.authority) == .foisa2002)
        let narrowed = try r.body("Department of Education", nation: "Northern Ireland").get()
        #expect(narrowed.authority.name == "Department of Education (Northern Ireland)")
        let listed = try r.body("Met Police", nation: "England").get()
        #expect(listed.authority.name == "Metropolitan Police Service")
        #expect(throws: NameError.self) { try r.body("Llanfair Community Council").get() }
        #expect(throws: NameError.self) { try r.body("Llanfair Community Council", nation: "Atlantis").get() }
    }
}
