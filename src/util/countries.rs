//! ISO 3166-1 alpha-2 countries with their English and Polish names: the one list the
//! invitation form offers and the server accepts, and the names pages show instead of codes.

/// (code, English name, Polish name), in code order (`find` relies on it).
pub const COUNTRIES: &[(&str, &str, &str)] = &[
    ("AD", "Andorra", "Andora"),
    ("AE", "United Arab Emirates", "Zjednoczone Emiraty Arabskie"),
    ("AF", "Afghanistan", "Afganistan"),
    ("AG", "Antigua and Barbuda", "Antigua i Barbuda"),
    ("AI", "Anguilla", "Anguilla"),
    ("AL", "Albania", "Albania"),
    ("AM", "Armenia", "Armenia"),
    ("AO", "Angola", "Angola"),
    ("AQ", "Antarctica", "Antarktyda"),
    ("AR", "Argentina", "Argentyna"),
    ("AS", "American Samoa", "Samoa Amerykańskie"),
    ("AT", "Austria", "Austria"),
    ("AU", "Australia", "Australia"),
    ("AW", "Aruba", "Aruba"),
    ("AX", "Åland Islands", "Wyspy Alandzkie"),
    ("AZ", "Azerbaijan", "Azerbejdżan"),
    ("BA", "Bosnia and Herzegovina", "Bośnia i Hercegowina"),
    ("BB", "Barbados", "Barbados"),
    ("BD", "Bangladesh", "Bangladesz"),
    ("BE", "Belgium", "Belgia"),
    ("BF", "Burkina Faso", "Burkina Faso"),
    ("BG", "Bulgaria", "Bułgaria"),
    ("BH", "Bahrain", "Bahrajn"),
    ("BI", "Burundi", "Burundi"),
    ("BJ", "Benin", "Benin"),
    ("BL", "Saint Barthélemy", "Saint-Barthélemy"),
    ("BM", "Bermuda", "Bermudy"),
    ("BN", "Brunei Darussalam", "Brunei"),
    ("BO", "Bolivia", "Boliwia"),
    ("BQ", "Bonaire, Sint Eustatius and Saba", "Bonaire, Sint Eustatius i Saba"),
    ("BR", "Brazil", "Brazylia"),
    ("BS", "Bahamas", "Bahamy"),
    ("BT", "Bhutan", "Bhutan"),
    ("BV", "Bouvet Island", "Wyspa Bouveta"),
    ("BW", "Botswana", "Botswana"),
    ("BY", "Belarus", "Białoruś"),
    ("BZ", "Belize", "Belize"),
    ("CA", "Canada", "Kanada"),
    ("CC", "Cocos (Keeling) Islands", "Wyspy Kokosowe"),
    ("CD", "Congo (Democratic Republic)", "Demokratyczna Republika Konga"),
    ("CF", "Central African Republic", "Republika Środkowoafrykańska"),
    ("CG", "Congo", "Kongo"),
    ("CH", "Switzerland", "Szwajcaria"),
    ("CI", "Côte d’Ivoire", "Wybrzeże Kości Słoniowej"),
    ("CK", "Cook Islands", "Wyspy Cooka"),
    ("CL", "Chile", "Chile"),
    ("CM", "Cameroon", "Kamerun"),
    ("CN", "China", "Chiny"),
    ("CO", "Colombia", "Kolumbia"),
    ("CR", "Costa Rica", "Kostaryka"),
    ("CU", "Cuba", "Kuba"),
    ("CV", "Cabo Verde", "Republika Zielonego Przylądka"),
    ("CW", "Curaçao", "Curaçao"),
    ("CX", "Christmas Island", "Wyspa Bożego Narodzenia"),
    ("CY", "Cyprus", "Cypr"),
    ("CZ", "Czechia", "Czechy"),
    ("DE", "Germany", "Niemcy"),
    ("DJ", "Djibouti", "Dżibuti"),
    ("DK", "Denmark", "Dania"),
    ("DM", "Dominica", "Dominika"),
    ("DO", "Dominican Republic", "Dominikana"),
    ("DZ", "Algeria", "Algieria"),
    ("EC", "Ecuador", "Ekwador"),
    ("EE", "Estonia", "Estonia"),
    ("EG", "Egypt", "Egipt"),
    ("EH", "Western Sahara", "Sahara Zachodnia"),
    ("ER", "Eritrea", "Erytrea"),
    ("ES", "Spain", "Hiszpania"),
    ("ET", "Ethiopia", "Etiopia"),
    ("FI", "Finland", "Finlandia"),
    ("FJ", "Fiji", "Fidżi"),
    ("FK", "Falkland Islands (Malvinas)", "Falklandy"),
    ("FM", "Micronesia", "Mikronezja"),
    ("FO", "Faroe Islands", "Wyspy Owcze"),
    ("FR", "France", "Francja"),
    ("GA", "Gabon", "Gabon"),
    ("GB", "United Kingdom", "Wielka Brytania"),
    ("GD", "Grenada", "Grenada"),
    ("GE", "Georgia", "Gruzja"),
    ("GF", "French Guiana", "Gujana Francuska"),
    ("GG", "Guernsey", "Guernsey"),
    ("GH", "Ghana", "Ghana"),
    ("GI", "Gibraltar", "Gibraltar"),
    ("GL", "Greenland", "Grenlandia"),
    ("GM", "Gambia", "Gambia"),
    ("GN", "Guinea", "Gwinea"),
    ("GP", "Guadeloupe", "Gwadelupa"),
    ("GQ", "Equatorial Guinea", "Gwinea Równikowa"),
    ("GR", "Greece", "Grecja"),
    (
        "GS",
        "South Georgia and the South Sandwich Islands",
        "Georgia Południowa i Sandwich Południowy",
    ),
    ("GT", "Guatemala", "Gwatemala"),
    ("GU", "Guam", "Guam"),
    ("GW", "Guinea-Bissau", "Gwinea Bissau"),
    ("GY", "Guyana", "Gujana"),
    ("HK", "Hong Kong", "Hongkong"),
    ("HM", "Heard Island and McDonald Islands", "Wyspy Heard i McDonalda"),
    ("HN", "Honduras", "Honduras"),
    ("HR", "Croatia", "Chorwacja"),
    ("HT", "Haiti", "Haiti"),
    ("HU", "Hungary", "Węgry"),
    ("ID", "Indonesia", "Indonezja"),
    ("IE", "Ireland", "Irlandia"),
    ("IL", "Israel", "Izrael"),
    ("IM", "Isle of Man", "Wyspa Man"),
    ("IN", "India", "Indie"),
    ("IO", "British Indian Ocean Territory", "Brytyjskie Terytorium Oceanu Indyjskiego"),
    ("IQ", "Iraq", "Irak"),
    ("IR", "Iran", "Iran"),
    ("IS", "Iceland", "Islandia"),
    ("IT", "Italy", "Włochy"),
    ("JE", "Jersey", "Jersey"),
    ("JM", "Jamaica", "Jamajka"),
    ("JO", "Jordan", "Jordania"),
    ("JP", "Japan", "Japonia"),
    ("KE", "Kenya", "Kenia"),
    ("KG", "Kyrgyzstan", "Kirgistan"),
    ("KH", "Cambodia", "Kambodża"),
    ("KI", "Kiribati", "Kiribati"),
    ("KM", "Comoros", "Komory"),
    ("KN", "Saint Kitts and Nevis", "Saint Kitts i Nevis"),
    ("KP", "North Korea", "Korea Północna"),
    ("KR", "South Korea", "Korea Południowa"),
    ("KW", "Kuwait", "Kuwejt"),
    ("KY", "Cayman Islands", "Kajmany"),
    ("KZ", "Kazakhstan", "Kazachstan"),
    ("LA", "Laos", "Laos"),
    ("LB", "Lebanon", "Liban"),
    ("LC", "Saint Lucia", "Saint Lucia"),
    ("LI", "Liechtenstein", "Liechtenstein"),
    ("LK", "Sri Lanka", "Sri Lanka"),
    ("LR", "Liberia", "Liberia"),
    ("LS", "Lesotho", "Lesotho"),
    ("LT", "Lithuania", "Litwa"),
    ("LU", "Luxembourg", "Luksemburg"),
    ("LV", "Latvia", "Łotwa"),
    ("LY", "Libya", "Libia"),
    ("MA", "Morocco", "Maroko"),
    ("MC", "Monaco", "Monako"),
    ("MD", "Moldova", "Mołdawia"),
    ("ME", "Montenegro", "Czarnogóra"),
    ("MF", "Saint Martin (French part)", "Saint-Martin"),
    ("MG", "Madagascar", "Madagaskar"),
    ("MH", "Marshall Islands", "Wyspy Marshalla"),
    ("MK", "North Macedonia", "Macedonia Północna"),
    ("ML", "Mali", "Mali"),
    ("MM", "Myanmar", "Mjanma"),
    ("MN", "Mongolia", "Mongolia"),
    ("MO", "Macao", "Makau"),
    ("MP", "Northern Mariana Islands", "Mariany Północne"),
    ("MQ", "Martinique", "Martynika"),
    ("MR", "Mauritania", "Mauretania"),
    ("MS", "Montserrat", "Montserrat"),
    ("MT", "Malta", "Malta"),
    ("MU", "Mauritius", "Mauritius"),
    ("MV", "Maldives", "Malediwy"),
    ("MW", "Malawi", "Malawi"),
    ("MX", "Mexico", "Meksyk"),
    ("MY", "Malaysia", "Malezja"),
    ("MZ", "Mozambique", "Mozambik"),
    ("NA", "Namibia", "Namibia"),
    ("NC", "New Caledonia", "Nowa Kaledonia"),
    ("NE", "Niger", "Niger"),
    ("NF", "Norfolk Island", "Norfolk"),
    ("NG", "Nigeria", "Nigeria"),
    ("NI", "Nicaragua", "Nikaragua"),
    ("NL", "Netherlands", "Holandia"),
    ("NO", "Norway", "Norwegia"),
    ("NP", "Nepal", "Nepal"),
    ("NR", "Nauru", "Nauru"),
    ("NU", "Niue", "Niue"),
    ("NZ", "New Zealand", "Nowa Zelandia"),
    ("OM", "Oman", "Oman"),
    ("PA", "Panama", "Panama"),
    ("PE", "Peru", "Peru"),
    ("PF", "French Polynesia", "Polinezja Francuska"),
    ("PG", "Papua New Guinea", "Papua-Nowa Gwinea"),
    ("PH", "Philippines", "Filipiny"),
    ("PK", "Pakistan", "Pakistan"),
    ("PL", "Poland", "Polska"),
    ("PM", "Saint Pierre and Miquelon", "Saint-Pierre i Miquelon"),
    ("PN", "Pitcairn", "Pitcairn"),
    ("PR", "Puerto Rico", "Portoryko"),
    ("PS", "Palestine", "Palestyna"),
    ("PT", "Portugal", "Portugalia"),
    ("PW", "Palau", "Palau"),
    ("PY", "Paraguay", "Paragwaj"),
    ("QA", "Qatar", "Katar"),
    ("RE", "Réunion", "Reunion"),
    ("RO", "Romania", "Rumunia"),
    ("RS", "Serbia", "Serbia"),
    ("RU", "Russia", "Rosja"),
    ("RW", "Rwanda", "Rwanda"),
    ("SA", "Saudi Arabia", "Arabia Saudyjska"),
    ("SB", "Solomon Islands", "Wyspy Salomona"),
    ("SC", "Seychelles", "Seszele"),
    ("SD", "Sudan", "Sudan"),
    ("SE", "Sweden", "Szwecja"),
    ("SG", "Singapore", "Singapur"),
    (
        "SH",
        "Saint Helena, Ascension and Tristan da Cunha",
        "Wyspa Świętej Heleny, Wyspa Wniebowstąpienia i Tristan da Cunha",
    ),
    ("SI", "Slovenia", "Słowenia"),
    ("SJ", "Svalbard and Jan Mayen", "Svalbard i Jan Mayen"),
    ("SK", "Slovakia", "Słowacja"),
    ("SL", "Sierra Leone", "Sierra Leone"),
    ("SM", "San Marino", "San Marino"),
    ("SN", "Senegal", "Senegal"),
    ("SO", "Somalia", "Somalia"),
    ("SR", "Suriname", "Surinam"),
    ("SS", "South Sudan", "Sudan Południowy"),
    ("ST", "Sao Tome and Principe", "Wyspy Świętego Tomasza i Książęca"),
    ("SV", "El Salvador", "Salwador"),
    ("SX", "Sint Maarten (Dutch part)", "Sint Maarten"),
    ("SY", "Syria", "Syria"),
    ("SZ", "Eswatini", "Eswatini"),
    ("TC", "Turks and Caicos Islands", "Turks i Caicos"),
    ("TD", "Chad", "Czad"),
    ("TF", "French Southern Territories", "Francuskie Terytoria Południowe i Antarktyczne"),
    ("TG", "Togo", "Togo"),
    ("TH", "Thailand", "Tajlandia"),
    ("TJ", "Tajikistan", "Tadżykistan"),
    ("TK", "Tokelau", "Tokelau"),
    ("TL", "Timor-Leste", "Timor Wschodni"),
    ("TM", "Turkmenistan", "Turkmenistan"),
    ("TN", "Tunisia", "Tunezja"),
    ("TO", "Tonga", "Tonga"),
    ("TR", "Türkiye", "Turcja"),
    ("TT", "Trinidad and Tobago", "Trynidad i Tobago"),
    ("TV", "Tuvalu", "Tuvalu"),
    ("TW", "Taiwan", "Tajwan"),
    ("TZ", "Tanzania", "Tanzania"),
    ("UA", "Ukraine", "Ukraina"),
    ("UG", "Uganda", "Uganda"),
    ("UM", "United States Minor Outlying Islands", "Dalekie Wyspy Mniejsze Stanów Zjednoczonych"),
    ("US", "United States", "Stany Zjednoczone"),
    ("UY", "Uruguay", "Urugwaj"),
    ("UZ", "Uzbekistan", "Uzbekistan"),
    ("VA", "Holy See", "Watykan"),
    ("VC", "Saint Vincent and the Grenadines", "Saint Vincent i Grenadyny"),
    ("VE", "Venezuela", "Wenezuela"),
    ("VG", "Virgin Islands (British)", "Brytyjskie Wyspy Dziewicze"),
    ("VI", "Virgin Islands (U.S.)", "Wyspy Dziewicze Stanów Zjednoczonych"),
    ("VN", "Viet Nam", "Wietnam"),
    ("VU", "Vanuatu", "Vanuatu"),
    ("WF", "Wallis and Futuna", "Wallis i Futuna"),
    ("WS", "Samoa", "Samoa"),
    ("YE", "Yemen", "Jemen"),
    ("YT", "Mayotte", "Majotta"),
    ("ZA", "South Africa", "Republika Południowej Afryki"),
    ("ZM", "Zambia", "Zambia"),
    ("ZW", "Zimbabwe", "Zimbabwe"),
];

fn find(code: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    COUNTRIES.binary_search_by(|(c, _, _)| (*c).cmp(code)).ok().map(|i| &COUNTRIES[i])
}

/// Whether `code` (upper case) is an ISO 3166-1 alpha-2 country.
pub fn is_listed(code: &str) -> bool {
    find(code).is_some()
}

/// The country's name in `lang` ("pl" or "en"); a code not on the list is shown as it is.
pub fn name<'a>(code: &'a str, lang: &str) -> &'a str {
    match find(code) {
        Some((_, _, pl)) if lang == "pl" => pl,
        Some((_, en, _)) => en,
        None => code,
    }
}

/// Orders Polish names as a Polish reader expects: "Ł" after "L", not after "Z".
fn sort_key(name: &str) -> Vec<(char, u8)> {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ą' => ('a', 1),
            'ć' => ('c', 1),
            'ę' => ('e', 1),
            'ł' => ('l', 1),
            'ń' => ('n', 1),
            'ó' => ('o', 1),
            'ś' => ('s', 1),
            'ź' => ('z', 1),
            'ż' => ('z', 2),
            'å' | 'ä' | 'á' | 'à' => ('a', 2),
            'é' | 'è' => ('e', 2),
            'ô' | 'ö' => ('o', 2),
            'ç' => ('c', 2),
            'ü' => ('u', 2),
            c => (c, 0),
        })
        .collect()
}

/// Every country as (code, name in `lang`), in the order of the names.
pub fn by_name(lang: &str) -> Vec<(&'static str, &'static str)> {
    let mut all: Vec<(&'static str, &'static str)> =
        COUNTRIES.iter().map(|(code, _, _)| (*code, name(code, lang))).collect();
    all.sort_by_cached_key(|(_, n)| sort_key(n));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_list_in_code_order() {
        assert_eq!(COUNTRIES.len(), 249);
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(COUNTRIES.iter().all(|(c, en, pl)| {
            c.len() == 2
                && c.chars().all(|ch| ch.is_ascii_uppercase())
                && !en.is_empty()
                && !pl.is_empty()
        }));
    }

    #[test]
    fn names_and_refusals() {
        assert!(is_listed("PL") && is_listed("DE"));
        assert!(!is_listed("PO") && !is_listed("pl") && !is_listed("POLSKA"));
        assert_eq!(name("PL", "pl"), "Polska");
        assert_eq!(name("DE", "en"), "Germany");
        assert_eq!(name("XX", "pl"), "XX");
    }

    #[test]
    fn polish_order_puts_l_stroke_after_l() {
        let names: Vec<&str> = by_name("pl").into_iter().map(|(_, n)| n).collect();
        let pos = |n: &str| names.iter().position(|x| *x == n).unwrap();
        assert!(pos("Litwa") < pos("Łotwa") && pos("Łotwa") < pos("Madagaskar"));
        assert!(pos("Słowacja") < pos("Szwecja"));
    }
}
