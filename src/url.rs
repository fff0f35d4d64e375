//! Addresses, read one way everywhere: the configuration's checks (`config::validate`,
//! `config::registry`), the embedding contract ([`crate::embed`]: the host's
//! `data-circo-don` value, redirects), the widget's registry links and the command
//! line's sources. Pure string work, no parser crate in the widget.
//!
//! The rules are the browser's, since the browser is what finally follows these
//! addresses (RFC 3986 §3.1 and the WHATWG URL standard agree on them): a scheme is a
//! letter then letters, digits, `+`, `-` or `.`, before the first `:`; anything else
//! (`configs/a:b.json`, `1x:y.json`) is a relative reference. In a web address a
//! backslash ends the authority like a slash, as browsers read it.

/// The scheme in lower case (`https`, `javascript`), if `url` has one.
pub fn scheme(url: &str) -> Option<String> {
    scheme_as_written(url).map(str::to_ascii_lowercase)
}

/// The scheme as written, without copying it.
fn scheme_as_written(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic()) && scheme.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b));
    valid.then_some(scheme)
}

/// The length of `url`'s `scheme:`, colon included (0 without a scheme).
fn scheme_len(url: &str) -> usize {
    scheme_as_written(url).map_or(0, |s| s.len() + 1)
}

/// The authority (`user@host:port`) of an absolute `scheme://authority/...` URL: up to
/// the first `/`, `?`, `#` or `\`.
pub fn authority(url: &str) -> Option<&str> {
    let len = scheme_len(url);
    let rest = url[len..].strip_prefix("//").filter(|_| len > 0)?;
    rest.split(['/', '?', '#', '\\']).next()
}

/// The host of an absolute `scheme://host/...` URL, without user info or port; an IPv6
/// literal keeps its brackets (`[::1]`).
pub fn host(url: &str) -> Option<&str> {
    let host = authority(url)?.rsplit('@').next()?;
    match host.find(']') {
        Some(end) if host.starts_with('[') => Some(&host[..=end]),
        _ => host.split(':').next(),
    }
}

/// Whether `url`'s host is this machine (`localhost`, `127.x.y.z`, `[::1]`): local
/// tests and previews, the only places cleartext `http:` is accepted.
pub fn is_loopback(url: &str) -> bool {
    let host = host(url).unwrap_or("").to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    let ipv4_loopback = labels.len() == 4 && labels[0] == "127" && labels.iter().all(|l| l.parse::<u8>().is_ok());
    host == "localhost" || host == "[::1]" || ipv4_loopback
}

/// Whether `url`'s scheme is `https`, in any case.
pub fn is_https(url: &str) -> bool {
    scheme_as_written(url).is_some_and(|s| s.eq_ignore_ascii_case("https"))
}

/// Whether `url` is a web address to download: `http://` or `https://`.
pub fn is_web(url: &str) -> bool {
    matches!(scheme(url).as_deref(), Some("http" | "https")) && authority(url).is_some()
}

/// Whether `link` is a path relative to its base's folder: no scheme, and not starting
/// with `/` (the origin's root, or `//` another host) or `\`.
pub fn is_relative_path(link: &str) -> bool {
    scheme(link).is_none() && !link.starts_with(['/', '\\'])
}

/// A `link` resolved against the address `base` it was read from (RFC 3986, 5.2), which
/// may itself be relative to the page: the result is then relative to the page too, and
/// the browser's fetch resolves the rest. Pure, so that the widget's views need no
/// browser API to know what a chosen circo will load.
pub fn resolve(link: &str, base: &str) -> String {
    if scheme_as_written(link).is_some() {
        return link.to_owned();
    }
    let base = base.split(['#', '?']).next().unwrap_or("");
    // scheme: and //authority of the base, when it has them.
    let scheme_len = scheme_len(base);
    let authority_len = match base[scheme_len..].strip_prefix("//") {
        Some(rest) => 2 + rest.find('/').unwrap_or(rest.len()),
        None => 0,
    };
    let (origin, path) = base.split_at(scheme_len + authority_len);
    if link.starts_with("//") {
        return format!("{}{link}", &base[..scheme_len]);
    }
    if link.starts_with('/') {
        return format!("{origin}{}", remove_dots(link));
    }
    let dir = match path.rfind('/') {
        Some(i) => &path[..=i],
        // `https://host` alone: its path is `/`.
        None if authority_len > 0 => "/",
        None => "",
    };
    format!("{origin}{}", remove_dots(&format!("{dir}{link}")))
}

/// `path` without its `.` and `..` segments (a `..` beyond the start of a relative path
/// is kept, for the page's address to resolve).
fn remove_dots(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                match out.last() {
                    Some(&s) if s != ".." && !(s.is_empty() && out.len() == 1) => {
                        out.pop();
                    }
                    Some(&"") => {}
                    _ => out.push(".."),
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    out.join("/")
}

/// The fragment that hands a configuration's text to the builder page:
/// `#import=` and the text percent-encoded (every byte but unreserved ones, RFC 3986
/// §2.3). A fragment never reaches any server: the text stays in the browser. The
/// donor's widget links an invalid configuration to `builder.html` with it (issue 22).
pub fn import_fragment(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(8 + text.len() * 3);
    out.push_str(IMPORT);
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

const IMPORT: &str = "#import=";

/// The text an [`import_fragment`] carries (a location's hash, `#` included), if it is
/// one and decodes to UTF-8; `None` for any other fragment.
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub fn imported(hash: &str) -> Option<String> {
    let encoded = hash.strip_prefix(IMPORT)?.as_bytes();
    let mut bytes = Vec::with_capacity(encoded.len());
    let mut i = 0;
    while i < encoded.len() {
        match encoded[i] {
            b'%' => {
                let hex = std::str::from_utf8(encoded.get(i + 1..i + 3)?).ok()?;
                bytes.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b => {
                bytes.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scheme_is_a_letter_then_letters_digits_plus_minus_dot() {
        assert_eq!(scheme("JavaScript:alert(1)").as_deref(), Some("javascript"));
        assert_eq!(scheme("https://x.fr").as_deref(), Some("https"));
        assert_eq!(scheme("web+circo.v-1:x").as_deref(), Some("web+circo.v-1"));
        for none in ["circos/75-01.json", "configs/a:b.json", ":x", "", "c.json", "a b:c", "é:x"] {
            assert_eq!(scheme(none), None, "{none}");
        }
        // Where the configuration and the embed used to differ: a digit first. The
        // browser reads `1x:y.json` as a relative path, so the scheme is none.
        assert_eq!(scheme("1x:y.json"), None);
        assert_eq!(scheme("+x:y"), None);
    }

    #[test]
    fn authority_and_host() {
        assert_eq!(authority("https://user@x.fr:443/a?b#c"), Some("user@x.fr:443"));
        assert_eq!(host("https://user@x.fr:443/a?b#c"), Some("x.fr"));
        assert_eq!(host("https://www.leetchi.com\\@banque-exemple.fr/"), Some("www.leetchi.com"));
        assert_eq!(host("http://[::1]:81/c.json"), Some("[::1]"));
        assert_eq!(host("https://x.fr"), Some("x.fr"));
        assert_eq!(host("https://"), Some(""));
        // Only right after the scheme: not a `://` later in the address.
        assert_eq!(host("https:/x.fr/?next=https://evil.example/"), None);
        assert_eq!(host("circos/https://x.fr"), None);
        assert_eq!(host("//cdn.example/a.json"), None);
    }

    #[test]
    fn loopback_is_this_machine_only() {
        for local in ["http://127.0.0.1:8080/c.json", "http://localhost/c.json", "http://LOCALHOST/c.json", "http://[::1]:81/c.json", "http://127.1.2.3/"] {
            assert!(is_loopback(local), "{local}");
        }
        for remote in ["http://x.fr/c.json", "http://127.0.0.1@x.fr/c.json", "http://127.0.0.1.x.fr/c.json", "http://127.evil.example.com/c.json",
            "http://127.0.0.1%2ecom/c.json", "http://[::1.x.fr/", "http://localhost.x.fr/", "http:\\\\127.0.0.1\\c.json", "c.json"] {
            assert!(!is_loopback(remote), "{remote}");
        }
    }

    #[test]
    fn web_addresses_and_relative_paths() {
        assert!(is_https("HTTPS://x.fr/c.json") && !is_https("http://x.fr/c.json") && !is_https("https-x:y") && !is_https("c.json"));
        assert!(is_web("https://x.fr/c.json") && is_web("HTTP://x.fr/c.json"));
        assert!(!is_web("ftp://x.fr/c.json") && !is_web("https:c.json") && !is_web("demo/c.json") && !is_web("C:\\demo\\c.json"));
        for relative in ["c.json", "circos/75-01.json", "../c.json", "configs/a:b.json", "1x:y.json"] {
            assert!(is_relative_path(relative), "{relative}");
        }
        for not in ["/c.json", "//cdn.example/c.json", "\\c.json", "https://x.fr/c.json", "data:,{}"] {
            assert!(!is_relative_path(not), "{not}");
        }
    }

    #[test]
    fn a_link_resolves_against_its_base_not_the_page() {
        let cases = [
            ("circo-exemple.json", "demo/registry.json", "demo/circo-exemple.json"),
            ("./a/../b.json", "demo/registry.json", "demo/b.json"),
            ("../x.json", "demo/sub/registry.json", "demo/x.json"),
            ("../x.json", "registry.json", "../x.json"),
            ("/c/75-01.json", "https://m.example/r/registry.json", "https://m.example/c/75-01.json"),
            ("75-01.json", "https://m.example/r/registry.json?v=2", "https://m.example/r/75-01.json"),
            ("../75-01.json", "https://m.example/r/registry.json", "https://m.example/75-01.json"),
            ("../../75-01.json", "https://m.example/r/registry.json", "https://m.example/75-01.json"),
            ("https://other.example/a.json", "https://m.example/r.json", "https://other.example/a.json"),
            ("//cdn.example/a.json", "https://m.example/r.json", "https://cdn.example/a.json"),
            ("a.json", "https://m.example", "https://m.example/a.json"),
            ("a.json", "/r/registry.json", "/r/a.json"),
            // Where the embed's resolution used to keep a digit-first "scheme" as is.
            ("1x:y.json", "https://m.example/r/registry.json", "https://m.example/r/1x:y.json"),
        ];
        for (link, base, want) in cases {
            assert_eq!(resolve(link, base), want, "{link} against {base}");
        }
    }

    #[test]
    fn a_configuration_reaches_the_builder_whole_in_the_fragment() {
        let text = "{\"format\": \"circo-don/1\", \"name\": \"Saint-Étienne & Côte #2 100 %\"}\n";
        let fragment = import_fragment(text);
        assert!(fragment.starts_with("#import=%7B%22format%22"), "{fragment}");
        assert!(fragment.bytes().all(|b| b.is_ascii_alphanumeric() || b"#=%-._~".contains(&b)), "{fragment}");
        assert_eq!(imported(&fragment).as_deref(), Some(text));
        assert_eq!(imported("#circo-75-01"), None);
        assert_eq!(imported("#import=%7"), None);
        assert_eq!(imported("#import=%zz"), None);
        assert_eq!(imported("#import=%C3"), None, "not UTF-8");
    }

    proptest::proptest! {
        #[test]
        fn any_text_goes_through_the_fragment_unchanged(text in "\\PC*") {
            let fragment = import_fragment(&text);
            proptest::prop_assert!(fragment.bytes().all(|b| b.is_ascii_alphanumeric() || b"#=%-._~".contains(&b)));
            proptest::prop_assert_eq!(imported(&fragment), Some(text));
        }
    }
}

