#!/usr/bin/env python3
"""Build keywords/keywords.csv from the theme blocks below (written for this project).

Each block: theme, the authority categories/groups it suits (names from authorities/categories.csv,
through the aliases below), whether its information is environmental (EIR 2004 / EISR 2004), and
keywords one a line. A line starting with '+' is environmental in a non-environmental block; '-' the
reverse. Usage: python3 scripts/seed/build_keywords.py [--out keywords]  (standard library only)
"""
import argparse
import csv
import os
import sys

# ---- aliases over authorities/categories.csv ------------------------------------------------
TOP_TIER = ["County councils", "Unitary authorities (England)", "Metropolitan district councils", "London boroughs",
            "Local councils (London)", "Unitary authorities (Wales)", "Unitary authorities (Scotland)"]
LOWER = ["Non-metropolitan district councils", "Unitary authorities (England)", "Metropolitan district councils",
         "London boroughs", "Local councils (London)", "Unitary authorities (Wales)", "Unitary authorities (Scotland)"]
DISTRICTS = LOWER + ["District councils (Northern Ireland)"]
COUNCILS = TOP_TIER + ["Non-metropolitan district councils", "District councils (Northern Ireland)"]
A = {
    "HIGHWAYS": TOP_TIER + ["Highways Operators", "Departments - NI"],
    "PARKING": DISTRICTS + ["County councils"],
    "TRANSPORT": TOP_TIER + ["Combined authorities", "Greater London Authority Group and Family", "Transport and infrastructure"],
    "RAIL": ["Railway companies", "Transport regulators", "Passenger transport executives", "Sub-national transport bodies",
             "Greater London Authority Group and Family", "Ministerial Departments - UK"],
    "POLICE": ["Main police forces", "Other police forces/constabularies", "Police and Crime Commissioners", "Policing bodies"],
    "POLICE_OVERSIGHT": ["Police and Crime Commissioners", "Policing bodies", "Police regulators"],
    "FIRE": ["Fire and rescue services"],
    "FIRE_SAFETY": ["Fire and rescue services"] + LOWER,
    "CARE": TOP_TIER + ["NHS in Northern Ireland", "Integration Joint Boards"],
    "CARE_REG": TOP_TIER + ["NHS in Northern Ireland", "Integration Joint Boards", "Health and social care regulators"],
    "CHILDREN": TOP_TIER + ["NHS in Northern Ireland"],
    "HOUSING": LOWER + ["Registered Social Landlords (Scotland)", "Housing regulators"],
    "HOMELESS": LOWER,
    "ENVIRONMENT": DISTRICTS + ["County councils", "Environmental regulators", "National park and conservation authorities"],
    "WASTE": DISTRICTS + ["County councils", "Waste disposal authorities", "Environmental regulators"],
    "WATER": ["Internal drainage boards", "Environmental regulators", "Water companies"] + TOP_TIER + ["Non-metropolitan district councils"],
    "WATER_CO": ["Water companies", "Utility regulators", "Environmental regulators"],
    "PARKS": DISTRICTS + ["National park and conservation authorities", "Regional park authorities"],
    "TREES": DISTRICTS + ["County councils", "National park and conservation authorities"],
    "PLANNING": DISTRICTS + ["County councils", "National park and conservation authorities", "Mayoral development corporation",
                             "Combined authorities"],
    "LICENSING": DISTRICTS,
    "GAMBLING": DISTRICTS + ["Regulators"],
    "TRADING": TOP_TIER + ["District councils (Northern Ireland)"],
    "ENV_HEALTH": DISTRICTS,
    "ALL": ["Local and regional", "Health and social care", "Emergency services", "Education", "Government Departments",
            "Government - other", "Regulators and ombudsmen", "Environment and conservation", "Transport and infrastructure",
            "Media and culture", "Law-making bodies, the courts and the legal system", "Prisons, probation and holding facilities",
            "Finance", "Housing", "Recreation", "Energy and utilities"],
    # Councils bill and collect council tax and rates; Scotland's valuation boards only value property (band
    # appeals, below) and keep the electoral register.
    "COUNCIL_TAX": LOWER,
    "RATES": DISTRICTS + ["Departments - NI"],
    "BENEFITS": LOWER + ["Ministerial Departments - UK", "Departments - NI"],
    "SCHOOLS": TOP_TIER + ["Education authority", "School inspectorates"],
    "SEND": TOP_TIER + ["Education authority"],
    "EXAMS": ["Exam boards", "Education regulators", "Education authority"] + TOP_TIER,
    "HE": ["Universities", "University colleges", "Further education institutions"],
    "HE_REG": ["Universities", "University colleges", "Education regulators"],
    "FE": ["Further education institutions"],
    "NHS": ["Hospital trusts", "Mental Health Trusts", "Community Services Trusts", "Ambulance Services", "NHS Scotland",
            "NHS Wales Local Health Boards", "NHS in Wales", "NHS in Northern Ireland"],
    "ACUTE": ["Hospital trusts", "NHS Scotland", "NHS Wales Local Health Boards", "NHS in Northern Ireland"],
    "MENTAL": ["Mental Health Trusts", "NHS Scotland", "NHS Wales Local Health Boards", "NHS in Northern Ireland", "Integrated Care Boards"],
    "COMMISSIONING": ["Integrated Care Boards", "NHS Scotland", "NHS Wales Local Health Boards", "NHS bodies"],
    "AMBULANCE": ["Ambulance Services"],
    "PUBLIC_HEALTH": TOP_TIER + ["NHS Scotland", "NHS in Wales", "NHS in Northern Ireland"],
    "COURTS": ["Courts", "Tribunals", "Judicial institutions", "Non-ministerial Departments - UK", "Non-ministerial Departments - Scotland",
               "Departments - NI", "Ministerial Departments - UK"],
    "PRISONS": ["Prisons, probation and holding facilities", "Ministerial Departments - UK", "Departments - NI"],
    "IMMIGRATION": ["Ministerial Departments - UK"],
    # Boards of volunteers who watch a prison or removal centre and report on it: they run nothing, so only
    # their own work suits them (Keyword.suits gives them no group-wide topics).
    "IMB": ["Independent monitoring boards for prisons", "Independent monitoring boards for immigration removal centres"],
    "ASYLUM_LOCAL": TOP_TIER + ["Non-metropolitan district councils", "Ministerial Departments - UK"],
    "ENERGY": COUNCILS + ["NHS", "Universities", "Further education institutions", "Government Departments", "Utility regulators"],
    "ENERGY_POLICY": ["Ministerial Departments - UK", "Utility regulators", "Devolved Administration or Government"],
    "LIBRARIES": TOP_TIER + ["Libraries"],
    "CULTURE": ["Museums", "Galleries", "Arts bodies", "Libraries"] + TOP_TIER + ["Non-metropolitan district councils"],
    "SPORT": DISTRICTS + ["Bodies working in sport"],
    "ELECTIONS": DISTRICTS + ["Valuation joint boards (Scotland)"],
    "GOVERNANCE": COUNCILS + ["Combined authorities", "Police and Crime Commissioners", "Fire and rescue services",
                              "National park and conservation authorities"],
    "EMERGENCY": COUNCILS + ["Fire and rescue services", "Main police forces", "Ambulance Services", "Combined authorities",
                             "Greater London Authority Group and Family"],
    "UNIVERSITY_STAFF": ["Universities", "University colleges", "Further education institutions"],
    "CENTRAL": ["Government Departments", "Government - other"],
    "REGULATORS": ["Regulators and ombudsmen"],
    "OMBUDSMEN": ["Ombudsmen"],
    "NHS_ALL": ["Health and social care"],
    "ANIMAL": DISTRICTS,
    "CEMETERIES": DISTRICTS,
    "ECONOMY": COUNCILS + ["Combined authorities", "Economic development agencies (Scotland)", "Greater London Authority Group and Family"],
}
A["LOWER"] = LOWER
A["COUNCILS"] = COUNCILS
A["ENERGY"] = [c for c in A["ENERGY"] if c != "NHS"] + ["Hospital trusts", "Mental Health Trusts", "NHS Scotland", "NHS Wales Local Health Boards"]

BLOCKS = []


def block(theme, alias, env, text):
    BLOCKS.append((theme, alias, env, text))


block("highways", "HIGHWAYS", False, """
pothole repairs
pothole compensation claims
road defect reports
carriageway resurfacing programme
highway inspections
+street lighting energy use
street lighting faults
+gritting routes
winter maintenance budget
road traffic collisions
speed limit changes
20mph zones
pedestrian crossings
footway repairs
dropped kerbs
highway trip claims
+roadworks permits
bridge inspections
weak bridges
traffic signal maintenance
highway maintenance contracts
road signage
+verge cutting
+highway drainage gullies
""")
block("parking", "PARKING", False, """
penalty charge notices
parking enforcement officers
parking permit charges
car park income
residents' parking zones
blue badge enforcement
parking appeals
pavement parking
school streets enforcement
bus lane cameras
moving traffic enforcement
+electric vehicle charging points
""")
block("policing", "POLICE", False, """
stop and search
use of force
taser deployments
police officer numbers
police community support officers
response times to 999 calls
101 call handling
knife crime
county lines
domestic abuse arrests
hate crime reports
shoplifting reports
burglary outcomes
rape investigations
drug possession charges
body-worn video
facial recognition cameras
automatic number plate recognition
police vehicle pursuits
police dogs
custody deaths
strip searches of children
officer misconduct hearings
vetting failures
firearms licensing
drink driving arrests
speed camera enforcement
fixed penalty notices
antisocial behaviour reports
missing persons reports
police overtime
""")
block("policing", "POLICE_OVERSIGHT", False, """
police complaints
police and crime plan
precept setting
police and crime panel reports
independent custody visitors
""")
block("fire safety", "FIRE", False, """
fire engine response times
on-call firefighters
fire station closures
false alarm call-outs
home fire safety visits
wildfire incidents
water rescues
road traffic collision call-outs
fire appliance availability
firefighter recruitment
attacks on firefighters
fire investigation reports
""")
block("fire safety", "FIRE_SAFETY", False, """
fire safety inspections
high-rise residential buildings
cladding remediation
fire risk assessments
fire safety enforcement notices
houses in multiple occupation
sprinkler systems
""")
block("adult social care", "CARE", False, """
care home placements
care home fees
home care hours
direct payments
care assessments waiting list
deprivation of liberty safeguards
safeguarding adults referrals
carers assessments
delayed discharges
reablement services
learning disability day centres
supported living placements
domiciliary care providers
care charges debt
continuing healthcare disputes
adult social care complaints
occupational therapy waiting times
disabled facilities grants
telecare services
out-of-area placements
""")
block("adult social care", "CARE_REG", False, """
care home inspections
care provider failures
""")
block("children's services", "CHILDREN", False, """
looked after children
children in care placements
foster carer allowances
foster carer recruitment
adoption waiting times
special guardianship orders
kinship care support
residential children's homes
unregulated placements
out-of-area children's placements
child protection plans
section 47 enquiries
social worker caseloads
agency social workers
care leavers support
unaccompanied asylum-seeking children
children missing from care
child sexual exploitation
early help services
family hubs
children's centres
youth services
youth offending teams
private fostering
staying put arrangements
contact centres
children's social care case management system
""")
block("housing", "HOUSING", False, """
council housing waiting list
social housing allocations
housing repairs backlog
damp and mould complaints
void properties
right to buy sales
rent arrears
tenant evictions
housing disrepair claims
gas safety checks
+housing energy efficiency
tower block safety
housing stock condition survey
sheltered housing
housing association transfers
housing complaints
leaseholder service charges
anti-social behaviour in council housing
""")
block("housing", "HOMELESS", False, """
temporary accommodation costs
bed and breakfast placements
homelessness applications
rough sleeping counts
homelessness prevention duty
households in temporary accommodation
""")
block("housing", "LOWER", False, """
empty homes
private rented sector enforcement
selective licensing
landlord licensing
houses in multiple occupation licences
+affordable housing delivery
housing benefit overpayments
""")
block("environment", "ENVIRONMENT", True, """
air quality monitoring
nitrogen dioxide levels
air quality management areas
clean air zones
smoke control areas
noise complaints
noise abatement notices
contaminated land register
light pollution complaints
odour complaints
pesticide use
glyphosate spraying
biodiversity net gain
wildflower verges
climate emergency action plan
carbon emissions reporting
net zero targets
environmental permits
pollution incidents
fly-tipping prosecutions
invasive species control
Japanese knotweed
bird flu outbreaks
badger culling
sites of special scientific interest
""")
block("waste and recycling", "WASTE", True, """
bin collections
missed bin collections
recycling rates
garden waste charges
food waste collections
household waste recycling centres
fly-tipping incidents
waste contracts
incinerator emissions
landfill tonnage
contamination of recycling
bulky waste collections
commercial waste collections
clinical waste
litter fines
dog fouling fines
street cleansing
abandoned vehicles
recycling exports
single-use plastics
refuse collection rounds
waste vehicle fleet
""")
block("water and flooding", "WATER", True, """
flood risk management
surface water flooding
flood defences
flood warnings
sandbag provision
drainage maintenance
watercourse maintenance
culvert inspections
riparian ownership disputes
flood investigation reports
coastal erosion
sea defences
pumping stations
land drainage consents
flood grant funding
""")
block("water and flooding", "WATER_CO", True, """
sewage overflows
storm overflow spills
bathing water quality
river water quality
drinking water quality
water leakage
hosepipe bans
water supply interruptions
""")
block("parks and trees", "PARKS", True, """
parks maintenance
-playground inspections
allotments waiting list
-public toilets
tree preservation orders
tree felling
tree planting
ash dieback
street trees
grass cutting
green flag parks
sports pitches
open spaces
-park events
countryside rights of way
public footpaths
""")
block("parks and trees", "TREES", True, """
highway tree inspections
hedge cutting
""")
block("planning", "PLANNING", True, """
planning applications
planning enforcement
planning appeals
section 106 agreements
community infrastructure levy
local plan
green belt release
housing land supply
permitted development
listed building consent
conservation areas
pre-application advice
planning officer delegated decisions
major developments
wind farm applications
solar farm applications
battery storage applications
minerals planning
fracking applications
brownfield land register
viability assessments
nutrient neutrality
design codes
student accommodation developments
""")
block("licensing", "LICENSING", False, """
premises licences
alcohol licensing reviews
late night levy
taxi licensing
private hire vehicle licences
taxi driver checks
street trading licences
sex establishment licences
scrap metal dealer licences
animal boarding licences
dog breeding licences
temporary event notices
pavement licences
""")
block("licensing", "GAMBLING", False, """
gambling premises licences
betting shop licences
""")
block("trading standards and environmental health", "TRADING", False, """
trading standards investigations
rogue traders
doorstep crime
counterfeit goods seizures
underage sales test purchasing
illegal vapes
weights and measures
consumer complaints
""")
block("trading standards and environmental health", "ENV_HEALTH", False, """
food hygiene ratings
food hygiene inspections
food poisoning outbreaks
pest control
rat infestations
workplace accidents
+statutory nuisance complaints
+bonfire complaints
""")
block("procurement", "ALL", False, """
contracts register
tender evaluations
single tender actions
procurement waivers
framework agreements
supplier spend
late payments to suppliers
purchase card spending
contract extensions
social value in procurement
outsourcing contracts
private finance initiative contracts
modern slavery statements
supplier due diligence
""")
block("IT and cyber security", "ALL", False, """
cyber attacks
ransomware incidents
data breaches
IT contracts
software licences
Microsoft licensing costs
cloud hosting
legacy IT systems
IT outsourcing
penetration testing
phishing incidents
laptop losses
artificial intelligence use
chatbots
algorithmic decision-making
website accessibility
CCTV cameras
mobile phone contracts
data sharing agreements
""")
block("staffing", "ALL", False, """
agency staff spending
staff sickness absence
staff turnover
vacancy rates
senior staff salaries
gender pay gap
ethnicity pay gap
redundancy payments
settlement agreements
non-disclosure agreements
staff grievances
whistleblowing reports
disciplinary cases
staff suspensions
workplace stress
working from home policy
office attendance
trade union facility time
apprenticeships
interim managers
staff overtime payments
employee relocation expenses
zero-hours contracts
staff headcount
""")
block("finance", "ALL", False, """
budget savings
reserves levels
borrowing and debt
investment properties
commercial investments
pension fund investments
fossil fuel divestment
grants to voluntary organisations
external audit findings
internal audit reports
fraud investigations
legal costs
insurance claims
compensation payments
debt write-offs
bank charges
expenses claims
hospitality and gifts
credit card spending
asset disposals
capital programme
""")
block("finance", "COUNCILS", False, """
section 114 notices
exceptional financial support
council tax rise
""")
block("council tax and benefits", "COUNCIL_TAX", False, """
council tax arrears
council tax bailiffs
council tax reduction scheme
council tax single person discount
council tax exemptions
second homes premium
empty homes premium
council tax band appeals
council tax summonses
""")
block("council tax and benefits", "RATES", False, """
business rates relief
business rates arrears
empty property rates
""")
block("council tax and benefits", "BENEFITS", False, """
housing benefit claims
discretionary housing payments
local welfare assistance
free school meals eligibility
crisis grants
household support fund
benefit sanctions
universal credit claims
personal independence payment assessments
""")
block("education", "SCHOOLS", False, """
school admissions appeals
school place planning
school exclusions
elective home education
children missing education
school transport
school meals
school inspections
school funding
school repair backlog
reinforced autoclaved aerated concrete
academy conversions
teacher vacancies
pupil attendance
school absence fines
""")
block("education", "SEND", False, """
education health and care plans
EHCP assessments timescales
SEND tribunal appeals
SEND transport
special school places
independent special school placements
high needs block deficit
additional learning needs
""")
block("education", "EXAMS", False, """
exam results appeals
exam access arrangements
""")
block("higher education", "HE", False, """
tuition fees
international student recruitment
student complaints
student mental health support
student accommodation
academic misconduct
essay mills
vice-chancellor pay
university staff redundancies
casual teaching contracts
research grants
degree classification
student drop-out rates
freedom of speech on campus
non-disclosure agreements with students
sexual misconduct complaints
animal research
""")
block("higher education", "HE_REG", False, """
franchised course providers
""")
block("higher education", "FE", False, """
adult education budget
T-level enrolments
""")
block("health", "NHS", False, """
waiting lists
referral to treatment times
cancelled operations
A&E waiting times
trolley waits
corridor care
bed occupancy
never events
serious incidents
patient safety incidents
clinical negligence claims
hospital-acquired infections
maternity services
stillbirths
nurse vacancies
bank and agency nurses
locum doctors
junior doctors' strikes
international recruitment of nurses
hospital parking charges
staff parking permits
hospital food
private patient income
outsourced services
PFI hospital charges
cancer waiting times
diagnostic waiting times
MRI scanner capacity
hospital discharge delays
interpreting services
patient complaints
overseas visitor charges
""")
block("health", "ACUTE", False, """
hospital deaths
mortality reviews
operating theatre utilisation
""")
block("health", "MENTAL", False, """
mental health waiting times
mental health out-of-area placements
Mental Health Act detentions
child and adolescent mental health services
eating disorder services
psychiatric beds
crisis teams
""")
block("health", "COMMISSIONING", False, """
GP appointments
GP practice closures
dental contracts
NHS dentistry access
prescribing costs
individual funding requests
IVF funding
weight loss injections
ADHD assessments
autism assessments
gender identity services
continuing healthcare assessments
""")
block("health", "AMBULANCE", False, """
ambulance response times
ambulance handover delays
ambulance crew assaults
category 2 calls
private ambulance services
""")
block("public health", "PUBLIC_HEALTH", False, """
smoking cessation services
drug and alcohol services
sexual health clinics
health visitors
school nurses
childhood vaccination rates
obesity programmes
suicide prevention
excess winter deaths
public health grant
""")
block("transport", "TRANSPORT", False, """
bus subsidies
bus route cuts
concessionary bus passes
bus franchising
bus shelters
home to school transport
community transport
+cycle lanes
+low traffic neighbourhoods
+school streets
+active travel schemes
e-scooter trials
taxi ranks
+park and ride
traffic congestion
+road user charging
+workplace parking levy
""")
block("transport", "RAIL", False, """
train cancellations
train delays compensation
railway station accessibility
fare evasion
rail passenger assaults
ticket office closures
rail engineering works
""")
block("courts and justice", "COURTS", False, """
court backlogs
crown court waiting times
court closures
legal aid spending
interpreters in courts
remote hearings
jury trials
prosecution rates
charging decisions
victims' services
witness care
private prosecutions
tribunal waiting times
coroners' inquest delays
""")
block("prisons", "PRISONS", False, """
prison overcrowding
early release scheme
prison deaths
self-harm in prisons
assaults on prison officers
drones in prisons
drugs in prisons
prison staffing levels
prison maintenance backlog
release on temporary licence
probation caseloads
electronic monitoring tags
parole hearings
imprisonment for public protection sentences
prisoner education
young offender institutions
""")
block("immigration", "IMMIGRATION", False, """
asylum claims backlog
asylum accommodation contracts
asylum hotels
immigration detention
removal flights
small boat arrivals
visa processing times
Home Office contracts
age assessments
immigration removal centres
deportations of foreign national offenders
refugee resettlement schemes
""")
block("independent monitoring", "IMB", False, """
segregation and separation units
use of force in custody
healthcare in custody
self-harm in custody
conditions in detention
""")
block("immigration", "ASYLUM_LOCAL", False, """
asylum dispersal
Homes for Ukraine scheme
Afghan resettlement
no recourse to public funds
""")
block("energy", "ENERGY", True, """
energy consumption
electricity bills
gas consumption
renewable energy generation
solar panels on public buildings
heat pumps
energy performance certificates
district heating
carbon reduction plans
LED lighting upgrades
energy contracts
fleet electrification
""")
block("energy", "ENERGY_POLICY", True, """
-energy price cap
onshore wind
offshore wind
nuclear power stations
grid connections
energy company obligation
warm home grants
-fuel poverty
""")
block("libraries and culture", "LIBRARIES", False, """
library closures
library opening hours
library book stock
library volunteers
mobile libraries
library e-books
banned books
""")
block("libraries and culture", "CULTURE", False, """
museum acquisitions
museum collections
repatriation of artefacts
arts funding
public art
heritage grants
theatre funding
gallery visitor numbers
cultural events funding
city of culture bid
""")
block("libraries and culture", "SPORT", False, """
leisure centre closures
swimming pool closures
leisure centre contracts
sports grants
""")
block("elections", "ELECTIONS", False, """
electoral register
voter ID
postal votes
polling station staffing
rejected ballots
election counting costs
election expenses
canvass returns
overseas electors
""")
block("governance", "GOVERNANCE", False, """
councillor allowances
councillor expenses
councillor code of conduct complaints
register of interests
committee meeting minutes
mayoral allowances
chief executive pay
senior management restructure
scrutiny committee reports
decision notices
""")
block("communications and PR", "ALL", False, """
communications team budget
press office staffing
social media advertising
social media accounts
blocked social media users
advertising spend
branding costs
public consultations
consultation responses
newsletters
media monitoring
opinion polling
influencer marketing
complaints about communications
""")
block("equality", "ALL", False, """
equality impact assessments
disability access
reasonable adjustments
workforce diversity
equality and diversity training
accessibility audits
gender identity policy
race equality
anti-racism training
menopause policy
disability confident scheme
Welsh language standards
Gaelic language plan
interpreting and translation costs
""")
block("consultants", "ALL", False, """
consultancy spending
management consultants
external legal advice
interim executives
consultants' day rates
Big Four accounting firms
agency framework fees
recruitment agency fees
executive search firms
external reviews
""")
block("information rights", "ALL", False, """
freedom of information requests
FOI response times
subject access requests
internal reviews
information commissioner decisions
records retention schedule
email deletion policy
data protection impact assessments
personal data breaches
""")
block("emergency planning", "EMERGENCY", False, """
emergency plans
major incident declarations
business continuity plans
+heatwave response
+cold weather plans
+severe weather warnings
community risk register
pandemic preparedness
mass fatalities planning
""")
block("economic development", "ECONOMY", False, """
levelling up fund
shared prosperity fund
town deals
regeneration schemes
inward investment
business grants
high street vacancy
markets income
enterprise zones
freeports
""")
block("animal welfare", "ANIMAL", False, """
stray dogs
dangerous dogs
animal welfare inspections
dog wardens
pet shop licences
horse fly-grazing
""")
block("bereavement services", "CEMETERIES", False, """
cemetery capacity
burial fees
cremation fees
public health funerals
+crematorium emissions
""")
block("central government", "CENTRAL", False, """
ministerial diaries
ministerial correspondence
special advisers
government contracts
departmental spending
civil service headcount
civil service relocation
arm's-length bodies
ministerial private office
cross-government programmes
""")
block("regulation", "REGULATORS", False, """
enforcement actions
regulatory fines
investigations closed
complaints about regulated bodies
register of regulated providers
""")
block("regulation", "OMBUDSMEN", False, """
ombudsman complaints upheld
ombudsman investigation times
""")

# ---- build ----------------------------------------------------------------------------------


# Keywords that suit only the bodies that hold them, narrower than their theme's block: PIP is the DWP's,
# flood warnings a regulator's, pension funds a council's, vice-chancellors a university's.
COUNCIL_CATS = ["County councils", "Unitary authorities (England)", "Metropolitan district councils", "London boroughs",
                "Unitary authorities (Wales)", "Unitary authorities (Scotland)"]
NARROWER = {
    "flood warnings": ["Environmental regulators"],
    "investment properties": COUNCIL_CATS + ["Non-metropolitan district councils", "Combined authorities", "Universities"],
    "pension fund investments": COUNCIL_CATS,
    "fossil fuel divestment": COUNCIL_CATS + ["Universities"],
    "personal independence payment assessments": ["Ministerial Departments - UK", "Departments - NI"],
    # Universal credit is claimed from, and sanctioned by, the DWP (in Northern Ireland the Department for
    # Communities); a council handles housing benefit, not these.
    "universal credit claims": ["Ministerial Departments - UK", "Departments - NI"],
    "benefit sanctions": ["Ministerial Departments - UK", "Departments - NI"],
    # Free school meals are the education authority's (the council; in Northern Ireland the Education Authority),
    # not a benefits department's or a district council's that runs no schools.
    "free school meals eligibility": TOP_TIER + ["Education authority"],
    # Crisis grants are the Scottish Welfare Fund's, paid by Scottish councils (elsewhere the schemes have other names).
    "crisis grants": ["Unitary authorities (Scotland)"],
    # Commercial investment is a council's (and a university's) power; a regulator or a department has none.
    "commercial investments": COUNCIL_CATS + ["Non-metropolitan district councils", "Combined authorities", "Universities"],
    # Bodies that borrow in their own name; departments, regulators and ombudsmen are funded by vote and do not.
    "borrowing and debt": COUNCIL_CATS + ["Non-metropolitan district councils", "District councils (Northern Ireland)",
                                          "Combined authorities", "Police and Crime Commissioners", "Fire and rescue services",
                                          "Hospital trusts", "Mental Health Trusts", "Community Services Trusts", "Ambulance Services",
                                          "Universities", "University colleges", "Further education institutions",
                                          "Registered Social Landlords (Scotland)", "Passenger transport executives"],
    # A further education college makes staff redundant, but it is not a university.
    "university staff redundancies": ["Universities", "University colleges"],
    "vice-chancellor pay": ["Universities", "University colleges"],
    "degree classification": ["Universities", "University colleges"],
    # Household waste recycling centres are the waste disposal authority's, not a district council's.
    "household waste recycling centres": ["Unitary authorities (England)", "Metropolitan district councils", "London boroughs",
                                          "Local councils (London)", "Unitary authorities (Wales)", "Unitary authorities (Scotland)",
                                          "District councils (Northern Ireland)", "County councils", "Waste disposal authorities",
                                          "Environmental regulators"],
    "opinion polling": COUNCIL_CATS + ["Non-metropolitan district councils", "Government Departments", "Combined authorities"],
    "council tax band appeals": LOWER + ["Valuation joint boards (Scotland)"],
    # A combined authority plans strategically but decides no planning applications (seed 812 asked one how many
    # it refused); the local planning authorities do.
    "planning applications": DISTRICTS + ["County councils", "National park and conservation authorities", "Mayoral development corporation"],
    # PFI schemes were signed by councils, NHS trusts and boards, colleges and universities, police, fire and
    # departments; an integrated care board, a regulator or a drainage board holds none.
    "private finance initiative contracts": COUNCIL_CATS + ["Non-metropolitan district councils", "District councils (Northern Ireland)",
                                                            "Hospital trusts", "Mental Health Trusts", "Community Services Trusts",
                                                            "NHS Scotland", "NHS Wales Local Health Boards", "NHS in Northern Ireland",
                                                            "Universities", "Further education institutions", "Education authority",
                                                            "Main police forces", "Police and Crime Commissioners", "Fire and rescue services",
                                                            "Ministerial Departments - UK", "Departments - NI"],
    # The highway authority inspects the trees beside its roads and enforces its bus lanes; in two-tier England
    # that is the county, not the district (seed 9102 asked Lancaster and Basildon).
    "highway tree inspections": TOP_TIER + ["Highways Operators", "Departments - NI"],
    "bus lane cameras": TOP_TIER,
    # Watercourses are the drainage boards', councils' and the Environment Agency's; water companies run pipes.
    "watercourse maintenance": ["Internal drainage boards", "Environmental regulators"] + TOP_TIER + ["Non-metropolitan district councils"],
}

# In two-tier England the district collects the bins and decides most planning applications; the county
# disposes of waste and plans for minerals and waste. These are the district's alone.
DISTRICT_ONLY = [
    "bin collections", "missed bin collections", "garden waste charges", "food waste collections",
    "bulky waste collections", "commercial waste collections", "litter fines", "dog fouling fines", "street cleansing",
    "abandoned vehicles", "refuse collection rounds", "waste vehicle fleet", "contamination of recycling",
    "community infrastructure levy", "green belt release", "housing land supply", "permitted development",
    "listed building consent", "conservation areas", "planning officer delegated decisions", "wind farm applications",
    "solar farm applications", "battery storage applications", "brownfield land register", "design codes",
    "student accommodation developments",
]

# Bodies of a dozen staff (a drainage board) have no press office, and pay gap reporting starts at 250 staff,
# facility time reporting at 50: these keywords go to their group's other categories only.
SMALL_BODIES = ["Internal drainage boards"]
NOT_SMALL = ["gender pay gap", "ethnicity pay gap", "trade union facility time", "communications team budget",
             "press office staffing", "social media advertising", "media monitoring", "opinion polling", "influencer marketing",
             "advertising spend", "branding costs"]

# Scotland's integration joint boards direct health and social care that the NHS board and the council
# provide: they employ almost no staff, let no contracts and hold no assets or debt. Keyword.suits gives them
# only topics that name them; these are the group-wide ones that do.
IJB = "Integration Joint Boards"
ALSO = {k: [IJB] for k in [
    "budget savings", "reserves levels", "external audit findings", "internal audit reports",
    "grants to voluntary organisations", "freedom of information requests", "FOI response times",
    "subject access requests", "internal reviews", "equality impact assessments", "public consultations",
    "consultation responses",
]}


def without_small(cats, groups):
    """`cats` with any group that holds a small body's category replaced by the group's other categories."""
    out = []
    for c in cats:
        if any(x in groups.get(c, []) for x in SMALL_BODIES):
            out += [g for g in groups[c] if g not in SMALL_BODIES and g not in out]
        elif c not in SMALL_BODIES and c not in out:
            out.append(c)
    return out


def expand(alias):
    if alias in A:
        return A[alias]
    return [alias]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(repo, "keywords"))
    a = ap.parse_args()
    groups = {}
    with open(os.path.join(repo, "authorities", "categories.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            groups.setdefault(r["group"], []).append(r["category"])
    rows, seen = [], set()
    for theme, alias, env, text in BLOCKS:
        cats = []
        for c in expand(alias):
            if c not in cats:
                cats.append(c)
        for line in text.strip().splitlines():
            line = line.strip()
            if not line:
                continue
            e = env
            if line[0] in "+-":
                e, line = line[0] == "+", line[1:].strip()
            if line in seen:
                sys.exit("duplicate keyword %r" % line)
            seen.add(line)
            suited = [c for c in NARROWER.get(line, cats) if not (line in DISTRICT_ONLY and c == "County councils")]
            if line in NOT_SMALL:
                suited = without_small(suited, groups)
            rows.append([line, theme, ";".join(suited + ALSO.get(line, [])), "true" if e else "false"])
    for table in (NARROWER, ALSO, dict.fromkeys(DISTRICT_ONLY), dict.fromkeys(NOT_SMALL)):
        for k in table:
            if k not in seen:
                sys.exit("not a keyword: %r" % k)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "keywords.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["keyword", "theme", "categories", "environmental"])
        w.writerows(rows)
    print("wrote %d keywords in %d themes" % (len(rows), len({r[1] for r in rows})))


if __name__ == "__main__":
    main()
