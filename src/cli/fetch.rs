//! `http(s)://` configurations, fetched as the widget fetches them. No HTTP client is
//! linked into the tool: the system's `curl` does the transfer, one request per
//! redirect, and this module only moves bytes. Every decision is the widget's own, in
//! [`crate::embed`]: the address ([`Source::parse`]: https, or http to this machine),
//! each redirect ([`check_redirect`]), the head ([`check_head`]: status, type, declared
//! size), the body while it streams ([`check_received`]) and once read ([`check_body`]),
//! all within [`FETCH_TIMEOUT_MS`]. So `circo-don check URL` refuses what the widget
//! refuses, and says it in the widget's words ([`LoadFailure::for_collective`]).

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::Output;
use crate::embed::{check_body, check_head, check_received, check_redirect, LoadFailure, Source, FETCH_TIMEOUT_MS};
use crate::i18n::Text;

/// Why a configuration was not read.
#[derive(Debug, PartialEq, Eq)]
pub enum Unread {
    /// Exit 2: the file cannot be read, or `curl` cannot run; the message names the
    /// command on each line.
    Input(String),
    /// Exit 1: the widget would refuse this answer.
    Refused(LoadFailure),
}

impl Unread {
    /// On stderr: the message, or what the widget would tell the collective.
    pub(super) fn output(self, command: &str, source: &str) -> Output {
        match self {
            Unread::Input(message) => Output::fail(2, format!("{message}\n")),
            Unread::Refused(failure) => Output::fail(1, format!("{command}: {}\n", failure.for_collective(source))),
        }
    }
}

/// The most redirects a browser follows (the Fetch standard).
const MAX_REDIRECTS: usize = 20;

/// Past this, an answer's head is not one: the widget's browser would give up too.
const MAX_HEAD_BYTES: usize = 256 * 1024;

/// The configuration at `url` (absolute), as the widget would have it; `command` names
/// the command in messages.
pub(super) fn fetch(command: &str, url: &str) -> Result<String, Unread> {
    Source::parse(url).map_err(Unread::Refused)?;
    let started = Instant::now();
    let mut at = url.to_owned();
    for hop in 0..=MAX_REDIRECTS {
        let deadline = Duration::from_millis(u64::from(FETCH_TIMEOUT_MS));
        let left = deadline.checked_sub(started.elapsed()).filter(|d| !d.is_zero()).ok_or(Unread::Refused(LoadFailure::Timeout))?;
        let mut curl = spawn(command, &at, left)?;
        let step = answer(url, (hop > 0).then_some(at.as_str()), &at, &mut curl);
        // Stops whatever is still coming once decided (an oversized body, a redirect's
        // body), and reaps the process.
        let _ = curl.kill();
        let _ = curl.wait();
        match step? {
            Step::Text(text) => return Ok(text),
            Step::Redirect(to) => at = to,
        }
    }
    Err(Unread::Refused(LoadFailure::Network(format!("{} redirects", MAX_REDIRECTS + 1))))
}

/// What one request gave.
enum Step {
    Text(String),
    Redirect(String),
}

/// `curl` for `url`: the head (`--dump-header -`) then the body on its stdout, with no
/// credentials and, as the widget, revalidated with the server.
fn spawn(command: &str, url: &str, left: Duration) -> Result<Child, Unread> {
    let mut curl = Command::new("curl");
    curl.args(["--silent", "--show-error", "--dump-header", "-", "--suppress-connect-headers", "--proto", "=http,https"])
        .args(["--header", "Cache-Control: no-cache", "--max-time"])
        .arg(format!("{}.{:03}", left.as_secs(), left.subsec_millis()));
    // Cleartext is only ever to this machine ([`Source::parse`]): never through a proxy.
    if url.get(..7).is_some_and(|s| s.eq_ignore_ascii_case("http://")) {
        curl.args(["--noproxy", "*"]);
    }
    curl.arg("--").arg(url).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    curl.spawn().map_err(|e| {
        // Two lines, one per language, each naming the command.
        let why = Text::new(
            format!("impossible de lancer curl ({e}) : téléchargez le fichier et donnez son chemin."),
            format!("could not run curl ({e}): download the file and give its path."),
        );
        Unread::Input(format!("{command}: {}\n{command}: {}", why.fr, why.en))
    })
}

/// Reads one answer from `curl` and decides on it as the widget does. `requested` is
/// the URL first asked for, `redirected_to` where redirects led (then `at`).
fn answer(requested: &str, redirected_to: Option<&str>, at: &str, curl: &mut Child) -> Result<Step, Unread> {
    let refused = Unread::Refused;
    let Some(mut out) = curl.stdout.take() else { return Err(refused(LoadFailure::Network("curl".to_owned()))) };
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    let (head, used) = loop {
        if let Some(found) = parse_head(&bytes) {
            break found;
        }
        if bytes.len() > MAX_HEAD_BYTES {
            let _ = curl.kill();
            return Err(refused(LoadFailure::Network(format!("more than {MAX_HEAD_BYTES} bytes of header fields"))));
        }
        let n = out.read(&mut chunk).unwrap_or(0);
        if n == 0 {
            return Err(refused(failure(curl, false)));
        }
        bytes.extend_from_slice(&chunk[..n]);
    };
    let mut body = bytes.split_off(used);
    if matches!(head.status, 301 | 302 | 303 | 307 | 308) {
        if let Some(location) = head.get("location") {
            let to = crate::url::resolve(location, at);
            check_redirect(requested, &to).map_err(refused)?;
            return Ok(Step::Redirect(to));
        }
    }
    let length = head.get("content-length");
    check_head(requested, redirected_to, head.status, head.get("content-type"), length).map_err(refused)?;
    loop {
        check_received(body.len() as u64).map_err(refused)?;
        match out.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => body.extend_from_slice(&chunk[..n]),
            Err(e) => return Err(refused(LoadFailure::CutShort(e.to_string()))),
        }
    }
    // As the widget: out of time first, then fewer bytes than declared, then whatever
    // else cut the transfer, then the body's own checks.
    let stopped = (!curl.wait().is_ok_and(|status| status.success())).then(|| failure(curl, true));
    match (stopped, check_body(body, length)) {
        (Some(LoadFailure::Timeout), _) => Err(refused(LoadFailure::Timeout)),
        (_, Err(cut @ LoadFailure::CutShort(_))) => Err(refused(cut)),
        (Some(stopped), _) => Err(refused(stopped)),
        (None, text) => text.map(Step::Text).map_err(refused),
    }
}

/// Why `curl` stopped: out of time, or its own message (a connection refused, a name
/// unknown, a transfer cut), before or `after_head`.
fn failure(curl: &mut Child, after_head: bool) -> LoadFailure {
    let code = curl.wait().ok().and_then(|s| s.code());
    let mut message = String::new();
    if let Some(mut err) = curl.stderr.take() {
        let _ = err.read_to_string(&mut message);
    }
    let message = message.trim().to_owned();
    match code {
        // CURLE_OPERATION_TIMEDOUT
        Some(28) => LoadFailure::Timeout,
        _ if after_head => LoadFailure::CutShort(message),
        _ => LoadFailure::Network(message),
    }
}

/// An answer's status and header fields (names in lower case).
#[derive(Debug, PartialEq, Eq)]
struct Head {
    status: u16,
    fields: Vec<(String, String)>,
}

impl Head {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// The final head at the start of `bytes` (informational `1xx` heads skipped), and
/// where the body starts; `None` while it is incomplete.
fn parse_head(bytes: &[u8]) -> Option<(Head, usize)> {
    let mut start = 0;
    loop {
        let rest = &bytes[start..];
        let crlf = rest.windows(4).position(|w| w == b"\r\n\r\n").map(|i| (i, 4));
        let lf = rest.windows(2).position(|w| w == b"\n\n").map(|i| (i, 2));
        let (len, blank) = match (crlf, lf) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        let text = String::from_utf8_lossy(&rest[..len]);
        let mut lines = text.lines();
        // `HTTP/1.1 200 OK`, `HTTP/2 200`: a status curl could not read is no success.
        let status = lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
        start += len + blank;
        if (100..200).contains(&status) {
            continue;
        }
        let fields = lines.filter_map(|l| l.split_once(':')).map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned())).collect();
        return Some((Head { status, fields }, start));
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_head, Head};

    fn head(status: u16, fields: &[(&str, &str)]) -> Head {
        Head { status, fields: fields.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect() }
    }

    #[test]
    fn the_head_is_read_from_curls_output() {
        let http1 = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
        assert_eq!(parse_head(http1), Some((head(200, &[("content-type", "application/json"), ("content-length", "2")]), http1.len() - 2)));
        let http2 = b"HTTP/2 404\r\ncontent-type: text/html\r\n\r\n<p>";
        assert_eq!(parse_head(http2), Some((head(404, &[("content-type", "text/html")]), http2.len() - 3)));
        let hints = b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 302 Found\nLocation: /b.json\n\n";
        assert_eq!(parse_head(hints), Some((head(302, &[("location", "/b.json")]), hints.len())));
        assert_eq!(parse_head(b"HTTP/1.1 200 OK\r\nContent-Type: applic"), None);
        assert_eq!(parse_head(b"HTTP/1.1 100 Continue\r\n\r\n"), None);
        assert_eq!(parse_head(b"garbage\r\n\r\n").map(|(h, _)| h.status), Some(0));
        assert_eq!(head(200, &[("content-length", "2")]).get("content-length"), Some("2"));
    }
}
