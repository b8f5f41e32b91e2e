#!/usr/bin/env python3
"""Build authorities/authorities.csv and authorities/categories.csv.

Sources (see authorities/README.md for licences):
  <data>/uk-local-authorities/uk_local_authorities_current.csv   (mySociety, CC-BY-4.0)
  <data>/uk-police-forces/police-force.tsv                        (OGL v3)
  <data>/uk-further-education-colleges/*.tsv                      (OGL v3)
  <data>/uk-internal-drainage-boards/internal-drainage-board.tsv  (OGL v3)
  <data>/uk-central-government-organisations/*.tsv                (OGL v3, 2017: curated below)
  <data>/wdtk-authority-categories/authorities_categories.csv     (CC-BY-SA-4.0, taxonomy)
  scripts/seed/hand_authorities.csv                               (written for this project)

Usage: python3 scripts/seed/build_authorities.py [--data ../shared/data] [--out authorities]
Python 3 standard library only. Output is deterministic (sorted by group, category, name).
"""
import argparse
import csv
import os
import sys

HEADER = ["name", "short_name", "group", "category", "nation", "regime", "website"]
NATIONS = {"England", "Wales", "Scotland", "Northern Ireland", "UK"}

# Categories that WhatDoTheyKnow's taxonomy lacks; ours (documented in authorities/README.md).
OWN_CATEGORIES = {("Prisons, probation and holding facilities", "Prison and probation services")}

# --- local authorities -------------------------------------------------------------------

LA_TYPES = {
    "County": ("Local and regional", "County councils"),
    "Unitary authority": ("Local and regional", "Unitary authorities (England)"),
    "Metropolitan district": ("Local and regional", "Metropolitan district councils"),
    "London borough": ("Local and regional", "London boroughs"),
    "Non-metropolitan district": ("Local and regional", "Non-metropolitan district councils"),
    "Welsh unitary authority": ("Local and regional", "Unitary authorities (Wales)"),
    "Scottish unitary authority": ("Local and regional", "Unitary authorities (Scotland)"),
    "NI district": ("Local and regional", "District councils (Northern Ireland)"),
    "Combined authority": ("Local and regional", "Combined authorities"),
    "Strategic Regional Authority": ("Local and regional", "Greater London Authority Group and Family"),
    "City corporation": ("Local and regional", "Local councils (London)"),
}

# Official Welsh names of the 22 principal councils (used as short_name: the common Welsh form).
WELSH_COUNCILS = {
    "Isle of Anglesey County Council": "Cyngor Sir Ynys Môn",
    "Blaenau Gwent County Borough Council": "Cyngor Bwrdeistref Sirol Blaenau Gwent",
    "Bridgend County Borough Council": "Cyngor Bwrdeistref Sirol Pen-y-bont ar Ogwr",
    "Caerphilly County Borough Council": "Cyngor Bwrdeistref Sirol Caerffili",
    "City of Cardiff Council": "Cyngor Caerdydd",
    "Carmarthenshire County Council": "Cyngor Sir Gâr",
    "Ceredigion County Council": "Cyngor Sir Ceredigion",
    "Conwy County Borough Council": "Cyngor Bwrdeistref Sirol Conwy",
    "Denbighshire County Council": "Cyngor Sir Ddinbych",
    "Flintshire County Council": "Cyngor Sir y Fflint",
    "Gwynedd Council": "Cyngor Gwynedd",
    "Merthyr Tydfil County Borough Council": "Cyngor Bwrdeistref Sirol Merthyr Tudful",
    "Monmouthshire County Council": "Cyngor Sir Fynwy",
    "Neath Port Talbot County Borough Council": "Cyngor Bwrdeistref Sirol Castell-nedd Port Talbot",
    "Newport City Council": "Cyngor Dinas Casnewydd",
    "Pembrokeshire County Council": "Cyngor Sir Penfro",
    "Powys County Council": "Cyngor Sir Powys",
    "Rhondda Cynon Taf County Borough Council": "Cyngor Bwrdeistref Sirol Rhondda Cynon Taf",
    "City and County of Swansea Council": "Cyngor Dinas a Sir Abertawe",
    "Torfaen County Borough Council": "Cyngor Bwrdeistref Sirol Torfaen",
    "Vale of Glamorgan Council": "Cyngor Bro Morgannwg",
    "Wrexham County Borough Council": "Cyngor Bwrdeistref Sirol Wrecsam",
}

# Corrections to the mySociety snapshot (names changed or bodies abolished since).
LA_RENAME = {
    "Southend-on-Sea Borough Council": "Southend-on-Sea City Council",   # city status 2022
    "Liverpool City Region": "Liverpool City Region Combined Authority",
}
LA_SHORT = {
    "Comhairle nan Eilean Siar": "Western Isles",
    "Hull and East Yorkshire Mayoral Combined Authority": "Hull and East Yorkshire MCA",
    "South Yorkshire Mayoral Combined Authority": "SYMCA",
    "Greater London Authority": "GLA",
    "City of London Corporation": "City of London",
    "Greater Manchester Combined Authority": "GMCA",
    "West Midlands Combined Authority": "WMCA",
    "West Yorkshire Combined Authority": "WYCA",
    "Liverpool City Region Combined Authority": "LCRCA",
    "North East Combined Authority": "NECA",
    "Tees Valley Combined Authority": "TVCA",
    "West of England Combined Authority": "WECA",
    "Cambridgeshire and Peterborough Combined Authority": "CPCA",
    "York and North Yorkshire Mayoral Combined Authority": "York and North Yorkshire CA",
}
LA_DROP = {
    "North of Tyne Combined Authority",  # merged into North East Combined Authority, May 2024
}
LA_WEBSITE = {
    "Greater London Authority": "https://www.london.gov.uk",
    "City of London Corporation": "https://www.cityoflondon.gov.uk",
}


def local_authorities(data):
    path = os.path.join(data, "uk-local-authorities", "uk_local_authorities_current.csv")
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["current-authority"] != "True" or r["end-date"].strip():
                continue
            name = " ".join(r["official-name"].split())
            if name in LA_DROP:
                continue
            name = LA_RENAME.get(name, name)
            group, category = LA_TYPES[r["local-authority-type-name"]]
            nation = r["nation"].strip()
            short = WELSH_COUNCILS.get(name) or LA_SHORT.get(name) or " ".join(r["nice-name"].split())
            if nation == "Wales" and name not in WELSH_COUNCILS:
                sys.exit("no Welsh name for %s" % name)
            rows.append([name, short, group, category, nation, regime_for(nation), LA_WEBSITE.get(name, "")])
    return rows


# --- police ----------------------------------------------------------------------------

POLICE_NATION = {"dyfed-powys": "Wales", "gwent": "Wales", "north-wales": "Wales", "south-wales": "Wales",
                 "northern-ireland": "Northern Ireland"}
POLICE_SHORT = {"metropolitan": "Met Police", "greater-manchester": "GMP", "northern-ireland": "PSNI",
                "west-midlands": "WMP", "west-yorkshire": "WYP", "thames-valley": "TVP", "south-yorkshire": "SYP",
                "devon-and-cornwall": "Devon and Cornwall Police", "avon-and-somerset": "Avon and Somerset Police",
                "city-of-london": "City Police"}
POLICE_NAME = {"devon-and-cornwall": "Devon and Cornwall Police"}
POLICE_WEB = {"metropolitan": "https://www.met.police.uk", "northern-ireland": "https://www.psni.police.uk"}


def police(data):
    rows = []
    with open(os.path.join(data, "uk-police-forces", "police-force.tsv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            slug = r["police-force"]
            nation = POLICE_NATION.get(slug, "England")
            name = POLICE_NAME.get(slug, r["name"].strip())
            rows.append([name, POLICE_SHORT.get(slug, name), "Emergency services", "Main police forces",
                         nation, regime_for(nation), POLICE_WEB.get(slug, "")])
    return rows


# --- further education -----------------------------------------------------------------

FE_NATION = {"1": "England", "2": "Northern Ireland", "3": "Wales", "4": "Scotland"}
# Colleges merged or closed since the 2018 snapshot (left out).
FE_DROP = {
    "Hadlow College Group", "West Kent and Ashford College", "Easton and Otley College", "Bolton Sixth Form College",
    "Brooksby Melton College", "Central Bedfordshire College", "Barnfield College", "Guildford College of Further and Higher Education",
    "Bracknell and Wokingham College", "Kensington and Chelsea College", "Lambeth College", "Havering College of Further and Higher Education",
    "Havering Sixth Form College", "Worthing College", "Northumberland College", "Accrington and Rossendale College",
    "Ruskin College", "National College for High Speed Rail", "National College for Creative and Cultural Industries",
    "Alton College", "Henley College (The)", "Richmond upon Thames College", "East Riding College", "Coleg Ceredigion",
    "Prospects College of Advanced Technology", "John Ruskin College", "Stephenson College",
    "Lews Castle College UHI", "North Highland College UHI", "West Highland College UHI",
}
FE_RENAME = {
    "HCUC": "Harrow, Richmond and Uxbridge Colleges",
    "Grimsby Institute Group of Further and Higher Education": "TEC Partnership",
    "Seevic and Palmers College Group": "USP College",
    "Peterborough Regional College": "Inspire Education Group",
    "Coleg Sir Gar": "Coleg Sir Gâr",
    "Grwp Llandrillo Menai": "Grŵp Llandrillo Menai",
    "Coleg Y Cymoedd": "Coleg y Cymoedd",
    "Dumfries & Galloway College": "Dumfries and Galloway College",
    "Argyll College UHI": "UHI Argyll",
    "Inverness College UHI": "UHI Inverness",
    "Moray College UHI": "UHI Moray",
    "Orkney College UHI": "UHI Orkney",
    "Perth College UHI": "UHI Perth",
    "Shetland College UHI": "UHI Shetland",
    "Sabhal Mòr Ostaig UHI": "Sabhal Mòr Ostaig",
    "NCG (Newcastle College)": "NCG",
    "NPTC Group": "NPTC Group of Colleges",
    "Capital City College Group (CCCG)": "Capital City College Group",
    "East Kent Colleges (EKC) Group": "EKC Group",
    "London South East Colleges (LSEC)": "London South East Colleges",
    "Newcastle and Stafford Colleges Group (NSCG)": "Newcastle and Stafford Colleges Group",
}
FE_EXTRA = [("UHI North, West and Hebrides", "4")]  # 2023 merger of Lews Castle, North Highland and West Highland


def tidy_college(name):
    # "Sheffield College (The)" -> "The Sheffield College"
    if name.endswith(" (The)"):
        return "The " + name[: -len(" (The)")]
    return name


def colleges(data):
    rows = []
    items = []
    with open(os.path.join(data, "uk-further-education-colleges", "further-education-college-uk.tsv"),
              encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["end-date"].strip():
                continue
            items.append((r["name"].strip(), r["region"].split(":")[-1]))
    for name, region in items + FE_EXTRA:
        if name in FE_DROP:
            continue
        name = tidy_college(FE_RENAME.get(name, name))
        nation = FE_NATION[region]
        rows.append([name, name, "Education", "Further education institutions", nation, regime_for(nation), ""])
    return rows


# --- internal drainage boards ----------------------------------------------------------

IDB_RENAME = {
    "Wavenery Lower Yare and Lothingland Internal Drainage Board": "Waveney, Lower Yare and Lothingland Internal Drainage Board",
    "March west and White Fen Internal Drainage Board": "March West and White Fen Internal Drainage Board",
    "Witham Third District": "Witham Third District Internal Drainage Board",
}


def idb_short(name):
    for suffix in (" Internal Drainage Board", " Internal Drainage District"):
        if name.endswith(suffix):
            return name[: -len(suffix)] + " IDB"
    return name


def drainage_boards(data):
    rows = []
    with open(os.path.join(data, "uk-internal-drainage-boards", "internal-drainage-board.tsv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["end-date"].strip():
                continue
            name = IDB_RENAME.get(r["name"].strip(), r["name"].strip())
            rows.append([name, idb_short(name), "Environment and conservation", "Internal drainage boards",
                         "England", "FOIA 2000", ""])
    return rows


# --- central government (2017 GOV.UK list, curated by hand) -----------------------------
# slug -> (current name or None to keep, short name, group, category, nation, website or None to keep)
# Bodies not listed here are left out (abolished, merged, not subject to FOIA, or added in hand_authorities.csv).
GD, GO = "Government Departments", "Government - other"
MIN, NMD, EA, ENDPB, PC = ("Ministerial Departments - UK", "Non-ministerial Departments - UK", "Executive agencies",
                           "Executive non-departmental public bodies", "Public corporations")
RO, LAW = "Regulators and ombudsmen", "Law-making bodies, the courts and the legal system"
MC, REC = "Media and culture", "Recreation"
GOVUK = {
    "attorney-generals-office": (None, "AGO", GD, MIN, "UK", None),
    "cabinet-office": (None, "Cabinet Office", GD, MIN, "UK", None),
    "department-for-communities-and-local-government": ("Ministry of Housing, Communities and Local Government", "MHCLG", GD, MIN, "UK",
        "https://www.gov.uk/government/organisations/ministry-of-housing-communities-local-government"),
    "department-for-culture-media-sport": ("Department for Culture, Media and Sport", "DCMS", GD, MIN, "UK", None),
    "department-for-education": (None, "DfE", GD, MIN, "England", None),
    "department-for-environment-food-rural-affairs": ("Department for Environment, Food and Rural Affairs", "Defra", GD, MIN, "UK", None),
    "foreign-commonwealth-office": ("Foreign, Commonwealth and Development Office", "FCDO", GD, MIN, "UK",
        "https://www.gov.uk/government/organisations/foreign-commonwealth-development-office"),
    "department-for-transport": (None, "DfT", GD, MIN, "UK", None),
    "department-for-work-pensions": (None, "DWP", GD, MIN, "UK", None),
    "department-of-health": ("Department of Health and Social Care", "DHSC", GD, MIN, "UK",
        "https://www.gov.uk/government/organisations/department-of-health-and-social-care"),
    "hm-treasury": (None, "HMT", GD, MIN, "UK", None),
    "home-office": (None, "Home Office", GD, MIN, "UK", None),
    "ministry-of-defence": (None, "MOD", GD, MIN, "UK", None),
    "ministry-of-justice": (None, "MoJ", GD, MIN, "UK", None),
    "northern-ireland-office": (None, "NIO", GD, MIN, "UK", None),
    "office-of-the-advocate-general-for-scotland": (None, "OAG", GD, MIN, "UK", None),
    "scotland-office": ("Office of the Secretary of State for Scotland", "Scotland Office", GD, MIN, "UK", None),
    "office-of-the-secretary-of-state-for-wales": (None, "Wales Office", GD, MIN, "UK", None),
    "uk-export-finance": (None, "UKEF", GD, MIN, "UK", None),
    "department-for-international-trade": ("Department for Business and Trade", "DBT", GD, MIN, "UK",
        "https://www.gov.uk/government/organisations/department-for-business-and-trade"),
    "hm-revenue-customs": ("HM Revenue and Customs", "HMRC", GD, NMD, "UK", None),
    "government-legal-department": (None, "GLD", GD, NMD, "UK", None),
    "land-registry": (None, "HMLR", GD, NMD, "England", None),
    "the-national-archives": (None, "TNA", GD, NMD, "UK", None),
    "forestry-commission": (None, "Forestry Commission", GD, NMD, "England", None),
    "crown-prosecution-service": (None, "CPS", GD, NMD, "UK", None),
    "food-standards-agency": (None, "FSA", GD, NMD, "UK", None),
    "government-actuarys-department": (None, "GAD", GD, NMD, "UK", None),
    "ns-i": ("National Savings and Investments", "NS&I", GD, NMD, "UK", None),
    "serious-fraud-office": (None, "SFO", GD, NMD, "UK", None),
    "uk-statistics-authority": (None, "UKSA", GD, NMD, "UK", None),
    "competition-and-markets-authority": (None, "CMA", RO, "Regulators", "UK", None),
    "charity-commission": ("Charity Commission for England and Wales", "Charity Commission", RO, "Charity regulators", "UK", None),
    "ofsted": (None, "Ofsted", "Education", "School inspectorates", "England", None),
    "ofqual": (None, "Ofqual", RO, "Education regulators", "England", None),
    "ofgem": (None, "Ofgem", RO, "Utility regulators", "UK", None),
    "the-water-services-regulation-authority": ("Water Services Regulation Authority", "Ofwat", RO, "Utility regulators", "UK", None),
    "office-of-rail-and-road": (None, "ORR", RO, "Transport regulators", "UK", None),
    "civil-aviation-authority": (None, "CAA", RO, "Transport regulators", "UK", None),
    "traffic-commissioners": (None, "Traffic Commissioners", RO, "Transport regulators", "UK", None),
    "information-commissioner-s-office": (None, "ICO", RO, "Information regulators", "UK", None),
    "environment-agency": (None, "EA", RO, "Environmental regulators", "England", None),
    "natural-england": (None, "Natural England", RO, "Environmental regulators", "England", None),
    "office-for-nuclear-regulation": (None, "ONR", RO, "Regulators", "UK", None),
    "health-and-safety-executive": (None, "HSE", RO, "Regulators", "UK", None),
    "gambling-commission": (None, "Gambling Commission", RO, "Regulators", "UK", None),
    "security-industry-authority": (None, "SIA", RO, "Regulators", "UK", None),
    "architects-registration-board": (None, "ARB", RO, "Regulators", "UK", None),
    "gangmasters-licensing-authority": ("Gangmasters and Labour Abuse Authority", "GLAA", RO, "Regulators", "UK", None),
    "office-of-the-immigration-services-commissioner": ("Immigration Advice Authority", "IAA", RO, "Regulators", "UK", None),
    "single-source-regulations-office": (None, "SSRO", RO, "Regulators", "UK", None),
    "legal-services-board": (None, "LSB", RO, "Regulators", "UK", None),
    "regulator-of-social-housing": (None, "RSH", RO, "Housing regulators", "England", None),
    "the-pensions-regulator": (None, "TPR", RO, "Financial regulators", "UK", None),
    "housing-ombudsman": (None, "Housing Ombudsman", RO, "Ombudsmen", "England", None),
    "pensions-ombudsman": (None, "Pensions Ombudsman", RO, "Ombudsmen", "UK", None),
    "care-quality-commission": (None, "CQC", "Health and social care", "Health and social care regulators", "England", None),
    "medicines-and-healthcare-products-regulatory-agency": (None, "MHRA", "Health and social care", "Health and social care regulators", "UK", None),
    "human-fertilisation-and-embryology-authority": (None, "HFEA", "Health and social care", "Health and social care regulators", "UK", None),
    "human-tissue-authority": (None, "HTA", "Health and social care", "Health and social care regulators", "UK", None),
    "national-institute-for-clinical-excellence": (None, "NICE", "Health and social care", "NHS bodies", "England", None),
    "health-research-authority": (None, "HRA", "Health and social care", "NHS bodies", "England", None),
    "supreme-court-of-the-united-kingdom": (None, "UK Supreme Court", LAW, "Courts", "UK", None),
    "hm-courts-and-tribunals-service": ("HM Courts and Tribunals Service", "HMCTS", LAW, "Courts", "UK", None),
    "competition-appeal-tribunal": (None, "CAT", LAW, "Tribunals", "UK", None),
    "central-arbitration-committee": (None, "CAC", LAW, "Tribunals", "UK", None),
    "valuation-tribunal-for-england": (None, "VTE", LAW, "Tribunals", "England", None),
    "judicial-appointments-commission": (None, "JAC", LAW, "Judicial institutions", "UK", None),
    "parole-board": ("Parole Board for England and Wales", "Parole Board", "Prisons, probation and holding facilities", "Parole boards", "UK", None),
    "companies-house": (None, "Companies House", GO, EA, "UK", None),
    "uk-space-agency": (None, "UKSA space", GO, EA, "UK", None),
    "insolvency-service": (None, "Insolvency Service", GO, EA, "UK", None),
    "intellectual-property-office": (None, "IPO", GO, EA, "UK", None),
    "planning-inspectorate": (None, "PINS", GO, EA, "England", None),
    "queen-elizabeth-ii-conference-centre": ("Queen Elizabeth II Centre", "QEII Centre", GO, EA, "UK", None),
    "defence-science-and-technology-laboratory": (None, "Dstl", GO, EA, "UK", None),
    "met-office": (None, "Met Office", GO, EA, "UK", None),
    "uk-hydrographic-office": (None, "UKHO", GO, EA, "UK", None),
    "centre-for-environment-fisheries-and-aquaculture-science": (None, "Cefas", GO, EA, "UK", None),
    "forest-research": (None, "Forest Research", GO, EA, "UK", None),
    "rural-payments-agency": (None, "RPA", GO, EA, "England", None),
    "veterinary-medicines-directorate": (None, "VMD", GO, EA, "UK", None),
    "wilton-park": (None, "Wilton Park", GO, EA, "UK", None),
    "office-of-the-public-guardian": (None, "OPG", GO, EA, "UK", None),
    "driver-and-vehicle-licensing-agency": (None, "DVLA", GO, EA, "UK", None),
    "driver-and-vehicle-standards-agency": (None, "DVSA", GO, EA, "UK", None),
    "maritime-and-coastguard-agency": (None, "MCA", GO, EA, "UK", None),
    "vehicle-certification-agency": (None, "VCA", GO, EA, "UK", None),
    "uk-debt-management-office": (None, "DMO", GO, EA, "UK", None),
    "criminal-injuries-compensation-authority": (None, "CICA", GO, EA, "UK", None),
    "legal-aid-agency": (None, "LAA", GO, EA, "UK", None),
    "her-majestys-prison-and-probation-service": ("His Majesty's Prison and Probation Service", "HMPPS", "Prisons, probation and holding facilities", "Prison and probation services", "UK",
        "https://www.gov.uk/government/organisations/her-majestys-prison-and-probation-service"),
    "animal-and-plant-health-agency": (None, "APHA", GO, EA, "UK", None),
    "government-internal-audit-agency": (None, "GIAA", GO, EA, "UK", None),
    "crown-commercial-service": (None, "CCS", GO, EA, "UK", None),
    "defence-electronics-and-components-agency": (None, "DECA", GO, EA, "UK", None),
    "student-loans-company": (None, "SLC", GO, ENDPB, "UK", None),
    "acas": (None, "Acas", GO, ENDPB, "UK", None),
    "marine-management-organisation": (None, "MMO", GO, ENDPB, "England", None),
    "construction-industry-training-board": (None, "CITB", GO, ENDPB, "UK", None),
    "engineering-construction-industry-training-board": (None, "ECITB", GO, ENDPB, "UK", None),
    "uk-atomic-energy-authority": (None, "UKAEA", GO, ENDPB, "UK", None),
    "british-hallmarking-council": (None, "BHC", GO, ENDPB, "UK", None),
    "horserace-betting-levy-board": (None, "HBLB", GO, ENDPB, "UK", None),
    "homes-and-communities-agency": ("Homes England", "Homes England", GO, ENDPB, "England", "https://www.gov.uk/government/organisations/homes-england"),
    "national-heritage-memorial-fund": (None, "NHMF", GO, ENDPB, "UK", None),
    "big-lottery-fund": ("The National Lottery Community Fund", "TNLCF", GO, ENDPB, "UK", None),
    "the-coal-authority": ("Mining Remediation Authority", "MRA", GO, ENDPB, "UK", None),
    "committee-on-climate-change": ("Climate Change Committee", "CCC", GO, ENDPB, "UK", None),
    "nuclear-decommissioning-authority": (None, "NDA", GO, ENDPB, "UK", None),
    "consumer-council-for-water": (None, "CCW", GO, ENDPB, "UK", None),
    "joint-nature-conservation-committee": (None, "JNCC", GO, ENDPB, "UK", None),
    "agriculture-and-horticulture-development-board": (None, "AHDB", GO, ENDPB, "UK", None),
    "sea-fish-industry-authority": (None, "Seafish", GO, ENDPB, "UK", None),
    "commonwealth-scholarship-commission-in-the-uk": (None, "CSC scholarships", GO, ENDPB, "UK", None),
    "national-employment-savings-trust": (None, "NEST", GO, ENDPB, "UK", None),
    "children-and-family-court-advisory-and-support-service": (None, "Cafcass", GO, ENDPB, "England", None),
    "office-for-budget-responsibility": (None, "OBR", GO, ENDPB, "UK", None),
    "equality-and-human-rights-commission": (None, "EHRC", GO, ENDPB, "UK", None),
    "youth-justice-board-for-england-and-wales": (None, "YJB", GO, ENDPB, "UK", None),
    "british-council": (None, "British Council", GO, ENDPB, "UK", None),
    "marshall-aid-commemoration-commission": (None, "Marshall Commission", GO, ENDPB, "UK", None),
    "westminster-foundation-for-democracy": (None, "WFD", GO, ENDPB, "UK", None),
    "criminal-cases-review-commission": (None, "CCRC", GO, ENDPB, "UK", None),
    "civil-service-commission": (None, "Civil Service Commission", GO, ENDPB, "UK", None),
    "leasehold-advisory-service": (None, "LEASE", GO, ENDPB, "England", None),
    "valuation-tribunal-service-for-england-valuation-tribunal-service": (None, "VTS", GO, ENDPB, "England", None),
    "office-of-the-children-s-commissioner": ("Children's Commissioner for England", "Children's Commissioner", GO, ENDPB, "England", None),
    "national-forest-company": (None, "NFC", GO, ENDPB, "England", None),
    "disclosure-and-barring-service": (None, "DBS", GO, ENDPB, "UK", None),
    "transport-focus": (None, "Transport Focus", GO, ENDPB, "UK", None),
    "historic-england": (None, "Historic England", GO, ENDPB, "England", None),
    "ebbsfleet-development-corporation": (None, "EDC", GO, ENDPB, "England", None),
    "board-of-trustees-of-the-royal-botanic-gardens-kew": ("Royal Botanic Gardens, Kew", "Kew", GO, ENDPB, "UK", None),
    "civil-nuclear-police-authority": (None, "CNPA", "Emergency services", "Policing bodies", "UK", None),
    "ordnance-survey": (None, "OS", GO, PC, "UK", None),
    "pension-protection-fund": (None, "PPF", GO, PC, "UK", None),
    "oil-and-pipelines-agency": (None, "OPA", GO, PC, "UK", None),
    "london-and-continental-railways-ltd": ("London and Continental Railways", "LCR", GO, PC, "UK", None),
    "channel-4": ("Channel Four Television Corporation", "Channel 4", MC, "Media organisations", "UK", None),
    "bbc": ("British Broadcasting Corporation", "BBC", MC, "Media organisations", "UK", None),
    "arts-council-england": (None, "ACE", MC, "Arts bodies", "England", None),
    "british-film-institute": (None, "BFI", MC, "Arts bodies", "UK", None),
    "british-library": (None, "British Library", MC, "Libraries", "UK", None),
    "british-museum": (None, "British Museum", MC, "Museums", "UK", None),
    "geffrye-museum": ("Museum of the Home", "Museum of the Home", MC, "Museums", "England", None),
    "horniman-museum": (None, "Horniman", MC, "Museums", "England", None),
    "imperial-war-museum": ("Imperial War Museums", "IWM", MC, "Museums", "UK", None),
    "science-museum-group": (None, "Science Museum Group", MC, "Museums", "UK", None),
    "national-museums-liverpool": (None, "NML", MC, "Museums", "England", None),
    "natural-history-museum": (None, "NHM", MC, "Museums", "UK", None),
    "royal-armouries-museum": ("Royal Armouries", "Royal Armouries", MC, "Museums", "UK", None),
    "sir-john-soane-s-museum": (None, "Soane Museum", MC, "Museums", "England", None),
    "royal-naval-museum": (None, "NMRN", MC, "Museums", "UK", None),
    "royal-museums-greenwich": (None, "RMG", MC, "Museums", "UK", None),
    "national-army-museum": (None, "NAM", MC, "Museums", "UK", None),
    "royal-air-force-museum": (None, "RAF Museum", MC, "Museums", "UK", None),
    "victoria-and-albert-museum": (None, "V&A", MC, "Museums", "UK", None),
    "national-gallery": (None, "National Gallery", MC, "Galleries", "UK", None),
    "national-portrait-gallery": (None, "NPG", MC, "Galleries", "UK", None),
    "tate": (None, "Tate", MC, "Galleries", "UK", None),
    "wallace-collection": (None, "Wallace Collection", MC, "Galleries", "UK", None),
    "sport-england": (None, "Sport England", REC, "Bodies working in sport", "England", None),
    "uk-sport": (None, "UK Sport", REC, "Bodies working in sport", "UK", None),
    "uk-anti-doping": (None, "UKAD", REC, "Bodies working in sport", "UK", None),
    "sports-grounds-safety-authority": (None, "SGSA", REC, "Bodies working in sport", "UK", None),
    "visitbritain": (None, "VisitBritain", GO, ENDPB, "UK", None),
}


def central_government(data):
    d = os.path.join(data, "uk-central-government-organisations")
    rows = []
    found = set()
    with open(os.path.join(d, "govuk_organisations.tsv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            slug = r["govuk"]
            if slug not in GOVUK or slug in found:
                continue
            found.add(slug)
            name, short, group, category, nation, web = GOVUK[slug]
            name = name or r["name"].strip().replace(" & ", " and ")
            web = web if web is not None else r["website"].strip()
            rows.append([name, short, group, category, nation, regime_for(nation), web])
    missing = set(GOVUK) - found
    if missing:
        sys.exit("curated slugs not in data: %s" % sorted(missing))
    return rows


# --- hand-added bodies ----------------------------------------------------------------

def hand(path):
    with open(path, encoding="utf-8", newline="") as f:
        rd = csv.reader(f)
        header = next(rd)
        if header != HEADER:
            sys.exit("%s: bad header %r" % (path, header))
        return [row for row in rd if row]


def regime_for(nation):
    return "FOISA 2002" if nation == "Scotland" else "FOIA 2000"


def wdtk_pairs(data):
    pairs = set()
    with open(os.path.join(data, "wdtk-authority-categories", "authorities_categories.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            for g in r["top-level-category"].split("|"):
                if g not in ("Defunct authorities", "Forthcoming", "Signposts"):
                    pairs.add((g, r["category-name"]))
    return pairs


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(repo, "..", "shared", "data"), help="shared data folder (default ../shared/data from the repo root)")
    ap.add_argument("--out", default=os.path.join(repo, "authorities"), help="output folder")
    ap.add_argument("--hand", default=os.path.join(here, "hand_authorities.csv"))
    a = ap.parse_args()

    rows = (local_authorities(a.data) + police(a.data) + colleges(a.data) + drainage_boards(a.data)
            + central_government(a.data) + hand(a.hand))

    allowed = wdtk_pairs(a.data) | OWN_CATEGORIES
    seen = {}
    for row in rows:
        name, short, group, category, nation, regime, web = row
        if len(row) != 7 or not name or not short:
            sys.exit("bad row %r" % row)
        if name in seen:
            sys.exit("duplicate name %r" % name)
        seen[name] = row
        if (group, category) not in allowed:
            sys.exit("(%s, %s) is not a current WhatDoTheyKnow pair: %r" % (group, category, row))
        if nation not in NATIONS or regime != regime_for(nation):
            sys.exit("bad nation/regime %r" % row)

    rows.sort(key=lambda r: (r[2], r[3], r[0]))
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "authorities.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)
    pairs = sorted({(r[2], r[3]) for r in rows})
    with open(os.path.join(a.out, "categories.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["group", "category"])
        w.writerows(pairs)
    print("wrote %d authorities, %d (group, category) pairs" % (len(rows), len(pairs)))


if __name__ == "__main__":
    main()
