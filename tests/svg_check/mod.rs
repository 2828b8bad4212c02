//! A small reader of the SVG the charts write: enough to check that it is
//! well formed and to pull out elements and their attributes, so tests can
//! count bars and read labels instead of searching for substrings.

#[derive(Debug, Clone)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    /// Text directly inside the element, unescaped and trimmed.
    pub text: String,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub fn num(&self, name: &str) -> f64 {
        self.attr(name).and_then(|v| v.parse().ok()).unwrap_or_else(|| panic!("{} has no numeric {name}", self.name))
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// Parses `svg`, panicking with a message if it is not well formed.
pub fn parse(svg: &str) -> Vec<Element> {
    let mut out: Vec<Element> = Vec::new();
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut rest = svg;
    while let Some(lt) = rest.find('<') {
        let text = &rest[..lt];
        if let Some((_, idx)) = stack.last() {
            out[*idx].text.push_str(&unescape(text.trim()));
        } else {
            assert!(text.trim().is_empty(), "text outside the root: {text:?}");
        }
        let gt = rest[lt..].find('>').map(|g| lt + g).expect("unclosed tag");
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let (open, _) = stack.pop().unwrap_or_else(|| panic!("closing </{name}> with nothing open"));
            assert_eq!(open, name.trim(), "mismatched tags");
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let (name, mut attrs_src) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
        let mut attrs = Vec::new();
        loop {
            attrs_src = attrs_src.trim_start();
            if attrs_src.is_empty() {
                break;
            }
            let eq = attrs_src.find('=').expect("attribute without value");
            let key = attrs_src[..eq].trim().to_string();
            let after = &attrs_src[eq + 1..];
            assert!(after.starts_with('"'), "unquoted attribute {key}");
            let end = after[1..].find('"').expect("unterminated attribute") + 1;
            let value = &after[1..end];
            assert!(!value.contains('<'), "raw < in attribute {key}");
            assert!(!attrs.iter().any(|(k, _): &(String, String)| *k == key), "duplicate attribute {key}");
            attrs.push((key, unescape(value)));
            attrs_src = &after[end + 1..];
        }
        out.push(Element { name: name.to_string(), attrs, text: String::new() });
        if !self_closing {
            stack.push((name.to_string(), out.len() - 1));
        }
    }
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
    assert!(rest.trim().is_empty(), "trailing text");
    out
}
