//! Text helpers: what a name may hold, and bounds for prefix searches.

/// Whether text holds a control character or one that changes the direction text is shown in
/// (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): such a name would read as another.
pub fn has_hidden_controls(text: &str) -> bool {
    text.chars().any(|c| {
        c.is_control()
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
    })
}

/// Whether text holds a character that shows as nothing: a control or direction character (as
/// above), a zero-width or other format character, a variation selector, a filler or a tag.
pub fn has_invisible_characters(text: &str) -> bool {
    has_hidden_controls(text)
        || text.chars().any(|c| {
            matches!(
                c,
                '\u{00AD}'
                    | '\u{034F}'
                    | '\u{115F}'
                    | '\u{1160}'
                    | '\u{17B4}'
                    | '\u{17B5}'
                    | '\u{180B}'..='\u{180F}'
                    | '\u{200B}'..='\u{200D}'
                    | '\u{2060}'..='\u{2064}'
                    | '\u{206A}'..='\u{206F}'
                    | '\u{3164}'
                    | '\u{FE00}'..='\u{FE0F}'
                    | '\u{FEFF}'
                    | '\u{FFA0}'
                    | '\u{1D173}'..='\u{1D17A}'
                    | '\u{E0000}'..='\u{E0FFF}'
            )
        })
}

/// The smallest string greater than every string that starts with `prefix` (byte order), so
/// that a prefix search is a range an index serves: `prefix <= key < upper`.
pub fn prefix_upper_bound(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        let mut next = last as u32 + 1;
        if (0xD800..=0xDFFF).contains(&next) {
            next = 0xE000;
        }
        if let Some(c) = char::from_u32(next) {
            chars.push(c);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

/// Where an index range for `prefix` ends: `prefix_upper_bound`, or for a prefix with none
/// (empty, or only the last character) the prefix followed by the last character.
pub fn prefix_range_end(prefix: &str) -> String {
    prefix_upper_bound(prefix).unwrap_or_else(|| format!("{prefix}\u{10FFFF}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_upper_bound_follows_every_string_with_the_prefix() {
        assert_eq!(prefix_upper_bound("abc").as_deref(), Some("abd"));
        assert_eq!(prefix_upper_bound("a\u{D7FF}").as_deref(), Some("a\u{E000}"));
        assert_eq!(prefix_upper_bound("a\u{10FFFF}").as_deref(), Some("b"));
        assert_eq!(prefix_upper_bound(""), None);
        assert_eq!(prefix_range_end(""), "\u{10FFFF}");
    }

    #[test]
    fn names_with_control_or_direction_characters_are_caught() {
        assert!(!has_hidden_controls("Zażółć Gęślą Sp. z o.o."));
        for bad in ["a\u{202E}b", "a\u{2066}b", "a\u{200F}", "a\nb", "a\u{7f}"] {
            assert!(has_hidden_controls(bad), "{bad:?}");
        }
    }

    #[test]
    fn invisible_characters_are_caught() {
        assert!(!has_invisible_characters("Zażółć gęślą jaźń 🙂"));
        for bad in ["Ab1\u{200B}\u{200B}", "a\u{FEFF}", "a\u{2060}b", "a\u{00AD}b", "a\u{E0041}"] {
            assert!(has_invisible_characters(bad), "{bad:?}");
        }
    }
}
