//! Shell-like word splitting of a kubectl command line: whitespace
//! separates words, single quotes are literal, double quotes allow `\"`,
//! a backslash escapes the next character.

/// An unterminated quote, as a shell would refuse it.
#[derive(Clone, Debug, PartialEq)]
pub struct UnterminatedQuote(pub char);

pub fn split_words(line: &str) -> Result<Vec<String>, UnterminatedQuote> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(ch) = chars.next() {
        match ch {
            '\'' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => current.push(c),
                        None => return Err(UnterminatedQuote('\'')),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(c @ ('"' | '\\' | '$' | '`')) => current.push(c),
                            Some(c) => {
                                current.push('\\');
                                current.push(c);
                            }
                            None => return Err(UnterminatedQuote('"')),
                        },
                        Some(c) => current.push(c),
                        None => return Err(UnterminatedQuote('"')),
                    }
                }
            }
            '\\' => {
                in_word = true;
                if let Some(c) = chars.next() {
                    current.push(c);
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut current));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                current.push(c);
            }
        }
    }
    if in_word {
        words.push(current);
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_like_a_shell() {
        assert_eq!(
            split_words("  set image  deployment/web web=nginx:2.0 ").unwrap(),
            ["set", "image", "deployment/web", "web=nginx:2.0"]
        );
        assert_eq!(
            split_words(
                r#"annotate deploy/web kubernetes.io/change-cause="image to \"v2\"" x='a b'"#
            )
            .unwrap(),
            [
                "annotate",
                "deploy/web",
                "kubernetes.io/change-cause=image to \"v2\"",
                "x=a b"
            ]
        );
        assert_eq!(split_words("a ''").unwrap(), ["a", ""]);
        assert_eq!(split_words("echo 'oops"), Err(UnterminatedQuote('\'')));
        assert_eq!(split_words("").unwrap(), Vec::<String>::new());
    }
}
