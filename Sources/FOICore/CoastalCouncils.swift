/// Councils whose area meets the sea or a true estuary: the coast protection and tidal flood authorities. Sea
/// defences and coastal erosion are asked of these councils only (a reading asked West Lindsey, inland
/// Lincolnshire, for the staff working on its sea defences). Judged by us, session 17, for every council of the
/// categories those keywords name; a council on a tidal river far upstream (Gloucester, Newcastle, Preston) counts
/// as inland, and so does one we were unsure of.
package enum CoastalCouncils {
    package static let names: Set<String> = [
        "Liverpool City Council", "North Tyneside Council", "Sefton Metropolitan Borough Council",
        "South Tyneside Council", "Sunderland City Council", "Wirral Borough Council", "Adur District Council",
        "Arun District Council", "Babergh District Council", "Borough Council of Kings Lynn and West Norfolk",
        "Boston Borough Council", "Canterbury City Council", "Castle Point Borough Council",
        "Chichester District Council", "Colchester Borough Council", "Dartford Borough Council",
        "Dover District Council", "East Devon District Council", "East Lindsey District Council",
        "East Suffolk Council", "Eastbourne Borough Council", "Eastleigh Borough Council", "Exeter City Council",
        "Fareham Borough Council", "Folkestone and Hythe District Council", "Forest of Dean District Council",
        "Fylde Borough Council", "Gosport Borough Council", "Gravesham Borough Council",
        "Great Yarmouth Borough Council", "Hastings Borough Council", "Havant Borough Council",
        "Ipswich Borough Council", "Lancaster City Council", "Lewes District Council", "Maldon District Council",
        "New Forest District Council", "North Devon District Council", "North Norfolk District Council",
        "Rochford District Council", "Rother District Council", "South Hams District Council",
        "South Holland District Council", "Stroud District Council", "Swale Borough Council",
        "Teignbridge District Council", "Tendring District Council", "Thanet District Council",
        "Torridge District Council", "Wealden District Council", "West Lancashire Borough Council",
        "Worthing Borough Council", "Wyre Borough Council", "Blackpool Borough Council",
        "Bournemouth, Christchurch and Poole Council", "Brighton and Hove City Council", "Bristol City Council",
        "Cheshire West and Chester Council", "Cornwall Council", "Council of the Isles of Scilly",
        "Cumberland Council", "Dorset Council", "Durham County Council", "East Riding of Yorkshire Council",
        "Halton Borough Council", "Hartlepool Borough Council", "Hull City Council", "Isle of Wight Council",
        "Medway Council", "Middlesbrough Borough Council", "North East Lincolnshire Council",
        "North Lincolnshire Council", "North Somerset Council", "North Yorkshire Council",
        "Northumberland County Council", "Plymouth City Council", "Portsmouth City Council",
        "Redcar and Cleveland Borough Council", "Somerset Council", "South Gloucestershire Council",
        "Southampton City Council", "Southend-on-Sea City Council", "Stockton-on-Tees Borough Council",
        "Thurrock Council", "Torbay Council", "Westmorland and Furness Council", "Aberdeen City Council",
        "Aberdeenshire Council", "Angus Council", "Argyll and Bute Council", "City of Edinburgh Council",
        "Clackmannanshire Council", "Comhairle nan Eilean Siar", "Dumfries and Galloway Council",
        "Dundee City Council", "East Lothian Council", "Falkirk Council", "Fife Council", "Glasgow City Council",
        "Inverclyde Council", "North Ayrshire Council", "Orkney Islands Council", "Perth and Kinross Council",
        "Renfrewshire Council", "Scottish Borders Council", "Shetland Islands Council", "South Ayrshire Council",
        "The Highland Council", "The Moray Council", "West Dunbartonshire Council", "Bridgend County Borough Council",
        "Carmarthenshire County Council", "Ceredigion County Council", "City and County of Swansea Council",
        "City of Cardiff Council", "Conwy County Borough Council", "Denbighshire County Council",
        "Flintshire County Council", "Gwynedd Council", "Isle of Anglesey County Council",
        "Monmouthshire County Council", "Neath Port Talbot County Borough Council", "Newport City Council",
        "Pembrokeshire County Council", "Vale of Glamorgan Council",
    ]

    /// Topics only a council with a coast has.
    package static let topics: Set<String> = ["sea defences", "coastal erosion"]

    /// The councils' categories: other bodies (the Environment Agency, SEPA) keep their own pairing.
    package static let categories: Set<String> = ["Unitary authorities (England)", "Metropolitan district councils",
        "Non-metropolitan district councils", "Unitary authorities (Wales)", "Unitary authorities (Scotland)"]
}
