/**
 * INTERPOL member countries and the international entities that may also request notices.
 *
 * Membership (196, unchanged from Palau's admission in November 2023 through 2026) is not the UN's:
 * - UN member states that are NOT INTERPOL members: North Korea (KP) and Tuvalu (TV). 193 - 2 = 191.
 * - Non-UN members: Palestine (PS, admitted 2017), Vatican City State (VA) and the three Dutch
 *   Caribbean countries Aruba (AW, since 1987), Curaçao (CW) and Sint Maarten (SX) (both admitted
 *   October 2011). These three have their own National Central Bureaus and a vote; they are members
 *   in their own right, unlike the Caribbean Netherlands (BES islands), which is a sub-bureau of
 *   NCB The Hague. 191 + 5 = 196.
 * - Recent admissions: Solomon Islands and Palestine (2017), Kiribati and Vanuatu (2018),
 *   Federated States of Micronesia (2021, the 195th), Palau (2023, the 196th). Kosovo's 2018
 *   application failed. Taiwan, Western Sahara etc. are not members.
 * Sources: INTERPOL press releases and country pages (interpol.int "Member countries"; "Palau becomes
 * INTERPOL's 196th member country", 29 Nov 2023; Curaçao "Member since 31 October 2011").
 *
 * Names are English short names (ISO 3166-1 style, shortened where the ISO name is a long form).
 */
export interface MemberCountry {
  alpha2: string;
  alpha3: string;
  name: string;
}

// [alpha2, alpha3, name], sorted by name.
const rows: ReadonlyArray<readonly [string, string, string]> = [
  ["AF", "AFG", "Afghanistan"],
  ["AL", "ALB", "Albania"],
  ["DZ", "DZA", "Algeria"],
  ["AD", "AND", "Andorra"],
  ["AO", "AGO", "Angola"],
  ["AG", "ATG", "Antigua and Barbuda"],
  ["AR", "ARG", "Argentina"],
  ["AM", "ARM", "Armenia"],
  ["AW", "ABW", "Aruba"],
  ["AU", "AUS", "Australia"],
  ["AT", "AUT", "Austria"],
  ["AZ", "AZE", "Azerbaijan"],
  ["BS", "BHS", "Bahamas"],
  ["BH", "BHR", "Bahrain"],
  ["BD", "BGD", "Bangladesh"],
  ["BB", "BRB", "Barbados"],
  ["BY", "BLR", "Belarus"],
  ["BE", "BEL", "Belgium"],
  ["BZ", "BLZ", "Belize"],
  ["BJ", "BEN", "Benin"],
  ["BT", "BTN", "Bhutan"],
  ["BO", "BOL", "Bolivia"],
  ["BA", "BIH", "Bosnia and Herzegovina"],
  ["BW", "BWA", "Botswana"],
  ["BR", "BRA", "Brazil"],
  ["BN", "BRN", "Brunei Darussalam"],
  ["BG", "BGR", "Bulgaria"],
  ["BF", "BFA", "Burkina Faso"],
  ["BI", "BDI", "Burundi"],
  ["CV", "CPV", "Cabo Verde"],
  ["KH", "KHM", "Cambodia"],
  ["CM", "CMR", "Cameroon"],
  ["CA", "CAN", "Canada"],
  ["CF", "CAF", "Central African Republic"],
  ["TD", "TCD", "Chad"],
  ["CL", "CHL", "Chile"],
  ["CN", "CHN", "China"],
  ["CO", "COL", "Colombia"],
  ["KM", "COM", "Comoros"],
  ["CG", "COG", "Congo"],
  ["CD", "COD", "Congo, Democratic Republic of the"],
  ["CR", "CRI", "Costa Rica"],
  ["CI", "CIV", "Côte d'Ivoire"],
  ["HR", "HRV", "Croatia"],
  ["CU", "CUB", "Cuba"],
  ["CW", "CUW", "Curaçao"],
  ["CY", "CYP", "Cyprus"],
  ["CZ", "CZE", "Czechia"],
  ["DK", "DNK", "Denmark"],
  ["DJ", "DJI", "Djibouti"],
  ["DM", "DMA", "Dominica"],
  ["DO", "DOM", "Dominican Republic"],
  ["EC", "ECU", "Ecuador"],
  ["EG", "EGY", "Egypt"],
  ["SV", "SLV", "El Salvador"],
  ["GQ", "GNQ", "Equatorial Guinea"],
  ["ER", "ERI", "Eritrea"],
  ["EE", "EST", "Estonia"],
  ["SZ", "SWZ", "Eswatini"],
  ["ET", "ETH", "Ethiopia"],
  ["FJ", "FJI", "Fiji"],
  ["FI", "FIN", "Finland"],
  ["FR", "FRA", "France"],
  ["GA", "GAB", "Gabon"],
  ["GM", "GMB", "Gambia"],
  ["GE", "GEO", "Georgia"],
  ["DE", "DEU", "Germany"],
  ["GH", "GHA", "Ghana"],
  ["GR", "GRC", "Greece"],
  ["GD", "GRD", "Grenada"],
  ["GT", "GTM", "Guatemala"],
  ["GN", "GIN", "Guinea"],
  ["GW", "GNB", "Guinea-Bissau"],
  ["GY", "GUY", "Guyana"],
  ["HT", "HTI", "Haiti"],
  ["HN", "HND", "Honduras"],
  ["HU", "HUN", "Hungary"],
  ["IS", "ISL", "Iceland"],
  ["IN", "IND", "India"],
  ["ID", "IDN", "Indonesia"],
  ["IR", "IRN", "Iran"],
  ["IQ", "IRQ", "Iraq"],
  ["IE", "IRL", "Ireland"],
  ["IL", "ISR", "Israel"],
  ["IT", "ITA", "Italy"],
  ["JM", "JAM", "Jamaica"],
  ["JP", "JPN", "Japan"],
  ["JO", "JOR", "Jordan"],
  ["KZ", "KAZ", "Kazakhstan"],
  ["KE", "KEN", "Kenya"],
  ["KI", "KIR", "Kiribati"],
  ["KR", "KOR", "Korea, Republic of"],
  ["KW", "KWT", "Kuwait"],
  ["KG", "KGZ", "Kyrgyzstan"],
  ["LA", "LAO", "Lao People's Democratic Republic"],
  ["LV", "LVA", "Latvia"],
  ["LB", "LBN", "Lebanon"],
  ["LS", "LSO", "Lesotho"],
  ["LR", "LBR", "Liberia"],
  ["LY", "LBY", "Libya"],
  ["LI", "LIE", "Liechtenstein"],
  ["LT", "LTU", "Lithuania"],
  ["LU", "LUX", "Luxembourg"],
  ["MG", "MDG", "Madagascar"],
  ["MW", "MWI", "Malawi"],
  ["MY", "MYS", "Malaysia"],
  ["MV", "MDV", "Maldives"],
  ["ML", "MLI", "Mali"],
  ["MT", "MLT", "Malta"],
  ["MH", "MHL", "Marshall Islands"],
  ["MR", "MRT", "Mauritania"],
  ["MU", "MUS", "Mauritius"],
  ["MX", "MEX", "Mexico"],
  ["FM", "FSM", "Micronesia, Federated States of"],
  ["MD", "MDA", "Moldova"],
  ["MC", "MCO", "Monaco"],
  ["MN", "MNG", "Mongolia"],
  ["ME", "MNE", "Montenegro"],
  ["MA", "MAR", "Morocco"],
  ["MZ", "MOZ", "Mozambique"],
  ["MM", "MMR", "Myanmar"],
  ["NA", "NAM", "Namibia"],
  ["NR", "NRU", "Nauru"],
  ["NP", "NPL", "Nepal"],
  ["NL", "NLD", "Netherlands"],
  ["NZ", "NZL", "New Zealand"],
  ["NI", "NIC", "Nicaragua"],
  ["NE", "NER", "Niger"],
  ["NG", "NGA", "Nigeria"],
  ["MK", "MKD", "North Macedonia"],
  ["NO", "NOR", "Norway"],
  ["OM", "OMN", "Oman"],
  ["PK", "PAK", "Pakistan"],
  ["PW", "PLW", "Palau"],
  ["PS", "PSE", "Palestine, State of"],
  ["PA", "PAN", "Panama"],
  ["PG", "PNG", "Papua New Guinea"],
  ["PY", "PRY", "Paraguay"],
  ["PE", "PER", "Peru"],
  ["PH", "PHL", "Philippines"],
  ["PL", "POL", "Poland"],
  ["PT", "PRT", "Portugal"],
  ["QA", "QAT", "Qatar"],
  ["RO", "ROU", "Romania"],
  ["RU", "RUS", "Russian Federation"],
  ["RW", "RWA", "Rwanda"],
  ["KN", "KNA", "Saint Kitts and Nevis"],
  ["LC", "LCA", "Saint Lucia"],
  ["VC", "VCT", "Saint Vincent and the Grenadines"],
  ["WS", "WSM", "Samoa"],
  ["SM", "SMR", "San Marino"],
  ["ST", "STP", "Sao Tome and Principe"],
  ["SA", "SAU", "Saudi Arabia"],
  ["SN", "SEN", "Senegal"],
  ["RS", "SRB", "Serbia"],
  ["SC", "SYC", "Seychelles"],
  ["SL", "SLE", "Sierra Leone"],
  ["SG", "SGP", "Singapore"],
  ["SX", "SXM", "Sint Maarten"],
  ["SK", "SVK", "Slovakia"],
  ["SI", "SVN", "Slovenia"],
  ["SB", "SLB", "Solomon Islands"],
  ["SO", "SOM", "Somalia"],
  ["ZA", "ZAF", "South Africa"],
  ["SS", "SSD", "South Sudan"],
  ["ES", "ESP", "Spain"],
  ["LK", "LKA", "Sri Lanka"],
  ["SD", "SDN", "Sudan"],
  ["SR", "SUR", "Suriname"],
  ["SE", "SWE", "Sweden"],
  ["CH", "CHE", "Switzerland"],
  ["SY", "SYR", "Syrian Arab Republic"],
  ["TJ", "TJK", "Tajikistan"],
  ["TZ", "TZA", "Tanzania, United Republic of"],
  ["TH", "THA", "Thailand"],
  ["TL", "TLS", "Timor-Leste"],
  ["TG", "TGO", "Togo"],
  ["TO", "TON", "Tonga"],
  ["TT", "TTO", "Trinidad and Tobago"],
  ["TN", "TUN", "Tunisia"],
  ["TR", "TUR", "Türkiye"],
  ["TM", "TKM", "Turkmenistan"],
  ["UG", "UGA", "Uganda"],
  ["UA", "UKR", "Ukraine"],
  ["AE", "ARE", "United Arab Emirates"],
  ["GB", "GBR", "United Kingdom"],
  ["US", "USA", "United States of America"],
  ["UY", "URY", "Uruguay"],
  ["UZ", "UZB", "Uzbekistan"],
  ["VU", "VUT", "Vanuatu"],
  ["VA", "VAT", "Vatican City State (Holy See)"],
  ["VE", "VEN", "Venezuela"],
  ["VN", "VNM", "Viet Nam"],
  ["YE", "YEM", "Yemen"],
  ["ZM", "ZMB", "Zambia"],
  ["ZW", "ZWE", "Zimbabwe"],
];

export const memberCountries: ReadonlyArray<MemberCountry> = rows.map(([alpha2, alpha3, name]) => ({
  alpha2,
  alpha3,
  name,
}));

const byAlpha2 = new Map(memberCountries.map((c) => [c.alpha2, c]));

export const isMemberCountry = (alpha2: string): boolean => byAlpha2.has(alpha2);
export const memberCountry = (alpha2: string): MemberCountry | undefined => byAlpha2.get(alpha2);

/**
 * International entities that may own records and request notices besides member countries.
 *
 * Code scheme: ISO 3166-1 leaves AA, QM-QZ, XA-XZ and ZZ to user assignment; ISO will never give
 * them to a country, so they cannot collide with a member's alpha-2. We take them from XA-XZ, with
 * a mnemonic letter, and avoid XK (widely used for Kosovo by the EU and IMF) and XX (often "unknown").
 * The alpha-3 codes follow the same rule (X followed by two letters) except where ICAO Doc 9303 already
 * names the body as a document issuer: XPO (INTERPOL) and UNO (United Nations Organization).
 * The Special Tribunal for Lebanon is left out: it closed on 31 December 2023.
 */
export interface InternationalEntity {
  code: string;
  alpha3: string;
  name: string;
  kind: "general_secretariat" | "international_organisation" | "international_court";
}

export const internationalEntities: ReadonlyArray<InternationalEntity> = [
  { code: "XG", alpha3: "XPO", name: "INTERPOL General Secretariat", kind: "general_secretariat" },
  {
    code: "XU",
    alpha3: "UNO",
    name: "United Nations (Security Council sanctions committees)",
    kind: "international_organisation",
  },
  { code: "XI", alpha3: "XIC", name: "International Criminal Court", kind: "international_court" },
  {
    code: "XR",
    alpha3: "XRM",
    name: "International Residual Mechanism for Criminal Tribunals",
    kind: "international_court",
  },
];

/** The code of the General Secretariat, the reviewer of every notice. */
export const GENERAL_SECRETARIAT = "XG";

export const isInternationalEntity = (code: string): boolean =>
  internationalEntities.some((e) => e.code === code);
