//! The configuration's JSON, read by a small reader of our own: [`parse`] turns the text
//! into a tree of [`Node`]s (each knowing where it is in the text), and [`read`] reads a
//! configuration type from a node (each type's [`Read`] in `format`, over the few helpers
//! of [`Reader`]), with the field path of any error (`payment.transfer.iban`).
//!
//! Size: serde_json's parser, its `Value`, its float parsing and printing cost the widget
//! more than this reader, and so did serde's derived code (see the README's "Size: the
//! moves"); the widget and the command line share this code, so `circo-don check` and
//! the widget say the same.
//!
//! What it says is what serde_json says, word for word: a syntax error has serde_json's
//! message, line and column (`parse` follows serde_json's parser step by step); a type
//! error has the message serde's derived code writes, and the path and reading of
//! serde_json's `Value` reader under `serde_path_to_error`, but for four choices:
//! - a struct is read from an object only, as the JSON Schema says (serde_json also takes
//!   a list of its fields' values);
//! - keys are read in the file's order and a key given twice is an error (`duplicate
//!   field`), as serde_json's text reader does;
//! - a number with a fraction is never turned into a float (no floating point in the
//!   core): it is named with its text as written, ``floating point `1.5` ``, and refused
//!   even where any value would do (in the cheque's address, an untagged enum, where
//!   serde says that no variant matched): the path is then the number's;
//! - an error's line and column are where serde_json's text reader puts them when both
//!   readers agree (after a value, at the `:` of an unknown key, after a closing brace).
//!
//! `tests` checks each point against serde_json and serde_path_to_error.

use std::borrow::Cow;
use std::fmt;


/// One JSON value and where it is: `start` is the index of its first byte, `end` the
/// index just after its last.
pub(crate) struct Node<'a> {
    pub value: Value<'a>,
    start: usize,
    end: usize,
}

pub(crate) enum Value<'a> {
    Null,
    Bool(bool),
    /// The number as written, already checked to be a JSON number in range.
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    /// The members in the file's order, a key given twice included.
    Object(Vec<Member<'a>>),
}

pub(crate) struct Member<'a> {
    key: Cow<'a, str>,
    /// Just after the key's closing quote.
    key_end: usize,
    /// The index of the `:`.
    colon: usize,
    value: Node<'a>,
}

impl<'a> Node<'a> {
    /// The value of `key`, if this is an object that has it (the last one, if given twice).
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        match &self.value {
            Value::Object(members) => members.iter().rev().find(|m| m.key == key).map(|m| &m.value),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Node<'a>]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self.value, Value::Object(_))
    }
}

/// A syntax error or a type error. Boxed, as serde_json's: every `Result` of the
/// reader carries it, and one pointer is cheaper to move than five words (size).
#[derive(Debug)]
pub(crate) struct Error(Box<ErrorImpl>);

/// `line` is 0 when the error has no place.
#[derive(Debug)]
struct ErrorImpl {
    message: String,
    syntax: bool,
    line: usize,
    column: usize,
    /// The field path, once known (`None` while the error climbs to where it happened).
    path: Option<String>,
}

impl Error {
    fn new(message: String, syntax: bool, (line, column): (usize, usize)) -> Error {
        Error(Box::new(ErrorImpl { message, syntax, line, column, path: None }))
    }

    /// What is wrong, without its place (serde_json's message without " at line …").
    pub fn message(&self) -> &str {
        &self.0.message
    }

    pub fn is_syntax(&self) -> bool {
        self.0.syntax
    }

    pub fn line(&self) -> usize {
        self.0.line
    }

    pub fn column(&self) -> usize {
        self.0.column
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for Error {}


/// How serde_json names a value it did not expect (serde's words, `null` for serde's
/// "unit value"), in a type message: `integer `5``, `string "x"`, `sequence`. An integer
/// is named by its text, which is how serde prints it; a number with a fraction (or
/// beyond 64 bits) by its text too, never as a float (no float printing in the widget).
struct Unexpected<'n>(&'n Value<'n>);

impl fmt::Display for Unexpected<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "boolean `{b}`"),
            Value::Number(n) if integer(n).is_some() => write!(f, "integer `{n}`"),
            Value::Number(n) => write!(f, "floating point `{n}`"),
            Value::String(s) => {
                // As `{s:?}` writes it, without the Unicode table of printable characters
                // that `Debug` brings (size): what could hide or act on the message (a
                // control, a bidi or invisible character) is written as its code point.
                f.write_str("string \"")?;
                for c in s.chars() {
                    match c {
                        '"' | '\\' => write!(f, "\\{c}")?,
                        '\0' => f.write_str("\\0")?,
                        '\n' => f.write_str("\\n")?,
                        '\r' => f.write_str("\\r")?,
                        '\t' => f.write_str("\\t")?,
                        c if c.is_control() || crate::text_safety::hidden_kind(c).is_some() => write!(f, "\\u{{{:x}}}", u32::from(c))?,
                        c => fmt::Write::write_char(f, c)?,
                    }
                }
                f.write_str("\"")
            }
            Value::Array(_) => f.write_str("sequence"),
            Value::Object(_) => f.write_str("map"),
        }
    }
}

/// serde_json's line and column of the byte at `index` (the column counts bytes).
fn place(text: &str, index: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..index.min(text.len())];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    (1 + before[..line_start].iter().filter(|&&b| b == b'\n').count(), before.len() - line_start)
}

/// Parses `text` as serde_json parses a `Value`, with the same syntax errors.
pub(crate) fn parse(text: &str) -> Result<Node<'_>, Error> {
    let mut p = Parser { text, bytes: text.as_bytes(), index: 0, remaining_depth: 128 };
    let node = p.value()?;
    match p.whitespace() {
        Some(_) => Err(p.peek_error("trailing characters")),
        None => Ok(node),
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    index: usize,
    remaining_depth: u8,
}

impl<'a> Parser<'a> {
    fn error_at(&self, index: usize, message: &str) -> Error {
        let (line, column) = place(self.text, index);
        Error::new(message.to_owned(), true, (line, column))
    }

    /// An error at what was read last.
    fn error(&self, message: &str) -> Error {
        self.error_at(self.index, message)
    }

    /// An error at the byte looked at but not read.
    fn peek_error(&self, message: &str) -> Error {
        self.error_at((self.index + 1).min(self.bytes.len()), message)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.index).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.index += 1;
        Some(b)
    }

    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.index += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Result<Node<'a>, Error> {
        let Some(peek) = self.whitespace() else { return Err(self.peek_error("EOF while parsing a value")) };
        let start = self.index;
        let value = match peek {
            b'n' => self.ident(b"null", Value::Null)?,
            b't' => self.ident(b"true", Value::Bool(true))?,
            b'f' => self.ident(b"false", Value::Bool(false))?,
            b'-' | b'0'..=b'9' => self.number()?,
            b'"' => {
                self.index += 1;
                Value::String(self.string()?)
            }
            b'[' | b'{' => {
                self.remaining_depth -= 1;
                if self.remaining_depth == 0 {
                    return Err(self.peek_error("recursion limit exceeded"));
                }
                self.index += 1;
                let value = if peek == b'[' { Value::Array(self.elements()?) } else { Value::Object(self.members()?) };
                self.remaining_depth += 1;
                // The closing bracket, seen by `elements` or `members`.
                self.index += 1;
                value
            }
            _ => return Err(self.peek_error("expected value")),
        };
        Ok(Node { value, start, end: self.index })
    }

    fn ident(&mut self, ident: &[u8], value: Value<'a>) -> Result<Value<'a>, Error> {
        self.index += 1;
        for expected in &ident[1..] {
            match self.next() {
                None => return Err(self.error("EOF while parsing a value")),
                Some(b) if b != *expected => return Err(self.error("expected ident")),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    /// Up to the closing `]`, not read.
    fn elements(&mut self) -> Result<Vec<Node<'a>>, Error> {
        let mut items = Vec::new();
        loop {
            match self.whitespace() {
                None => return Err(self.peek_error("EOF while parsing a list")),
                Some(b']') => return Ok(items),
                Some(_) if items.is_empty() => {}
                Some(b',') => {
                    self.index += 1;
                    match self.whitespace() {
                        Some(b']') => return Err(self.peek_error("trailing comma")),
                        Some(_) => {}
                        None => return Err(self.peek_error("EOF while parsing a value")),
                    }
                }
                Some(_) => return Err(self.peek_error("expected `,` or `]`")),
            }
            items.push(self.value()?);
        }
    }

    /// Up to the closing `}`, not read.
    fn members(&mut self) -> Result<Vec<Member<'a>>, Error> {
        let mut members = Vec::new();
        loop {
            match self.whitespace() {
                None => return Err(self.peek_error("EOF while parsing an object")),
                Some(b'}') => return Ok(members),
                Some(b'"') if members.is_empty() => {}
                Some(_) if members.is_empty() => return Err(self.peek_error("key must be a string")),
                Some(b',') => {
                    self.index += 1;
                    match self.whitespace() {
                        Some(b'"') => {}
                        Some(b'}') => return Err(self.peek_error("trailing comma")),
                        Some(_) => return Err(self.peek_error("key must be a string")),
                        None => return Err(self.peek_error("EOF while parsing a value")),
                    }
                }
                Some(_) => return Err(self.peek_error("expected `,` or `}`")),
            }
            self.index += 1;
            let key = self.string()?;
            let key_end = self.index;
            match self.whitespace() {
                Some(b':') => self.index += 1,
                Some(_) => return Err(self.peek_error("expected `:`")),
                None => return Err(self.peek_error("EOF while parsing an object")),
            }
            let colon = self.index - 1;
            let value = self.value()?;
            members.push(Member { key, key_end, colon, value });
        }
    }

    /// A number, its first byte not yet read: serde_json's grammar and errors. Its value
    /// is only checked to be finite, as a float would be, without computing it.
    fn number(&mut self) -> Result<Value<'a>, Error> {
        let start = self.index;
        if self.peek() == Some(b'-') {
            self.index += 1;
        }
        match self.next() {
            None => return Err(self.error("EOF while parsing a value")),
            Some(b'0') => {
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.peek_error("invalid number"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            Some(_) => return Err(self.error("invalid number")),
        }
        let integer_end = self.index;
        if self.peek() == Some(b'.') {
            self.index += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.peek_error(if self.peek().is_some() { "invalid number" } else { "EOF while parsing a value" }));
            }
            self.digits();
        }
        let mantissa_end = self.index;
        let mut exponent: i64 = 0;
        if let Some(b'e' | b'E') = self.peek() {
            self.index += 1;
            let negative = match self.peek() {
                Some(b'+') => {
                    self.index += 1;
                    false
                }
                Some(b'-') => {
                    self.index += 1;
                    true
                }
                _ => false,
            };
            match self.next() {
                None => return Err(self.error("EOF while parsing a value")),
                Some(b'0'..=b'9') => {}
                Some(_) => return Err(self.error("invalid number")),
            }
            exponent = i64::from(self.bytes[self.index - 1] - b'0');
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.index += 1;
                exponent = exponent * 10 + i64::from(d - b'0');
                // serde_json stops at the digit that overflows an i32.
                if exponent > i64::from(i32::MAX) {
                    let zero = self.text[start..mantissa_end].bytes().all(|b| matches!(b, b'-' | b'0' | b'.'));
                    if !zero && !negative {
                        return Err(self.error("number out of range"));
                    }
                    self.digits();
                    exponent = i64::from(i32::MAX);
                }
            }
            if negative {
                exponent = -exponent;
            }
        }
        let text = &self.text[start..self.index];
        if out_of_range(&self.text[start..integer_end], &self.text[integer_end..mantissa_end], exponent) {
            return Err(self.error("number out of range"));
        }
        Ok(Value::Number(text))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.index += 1;
        }
    }

    /// A string's content, its opening quote read; the closing quote is read too.
    fn string(&mut self) -> Result<Cow<'a, str>, Error> {
        let mut start = self.index;
        let mut owned: Option<String> = None;
        loop {
            let Some(b) = self.peek() else { return Err(self.error("EOF while parsing a string")) };
            match b {
                b'"' => {
                    let rest = &self.text[start..self.index];
                    self.index += 1;
                    return Ok(match owned {
                        Some(mut s) => {
                            s.push_str(rest);
                            Cow::Owned(s)
                        }
                        None => Cow::Borrowed(rest),
                    });
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[start..self.index]);
                    self.index += 1;
                    let c = self.escape()?;
                    owned.get_or_insert_with(String::new).push(c);
                    start = self.index;
                }
                0..=0x1f => {
                    self.index += 1;
                    return Err(self.error("control character (\\u0000-\\u001F) found while parsing a string"));
                }
                _ => self.index += 1,
            }
        }
    }

    /// An escape, its backslash read.
    fn escape(&mut self) -> Result<char, Error> {
        let Some(b) = self.next() else { return Err(self.error("EOF while parsing a string")) };
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let n = self.hex()?;
                if (0xDC00..=0xDFFF).contains(&n) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                if !(0xD800..=0xDBFF).contains(&n) {
                    return Ok(char::from_u32(n).unwrap_or(char::REPLACEMENT_CHARACTER));
                }
                for expected in [b'\\', b'u'] {
                    match self.next() {
                        None => return Err(self.error("EOF while parsing a string")),
                        Some(b) if b != expected => return Err(self.error("unexpected end of hex escape")),
                        Some(_) => {}
                    }
                }
                let n2 = self.hex()?;
                if !(0xDC00..=0xDFFF).contains(&n2) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                char::from_u32((((n - 0xD800) << 10) | (n2 - 0xDC00)) + 0x1_0000).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            _ => return Err(self.error("invalid escape")),
        })
    }

    fn hex(&mut self) -> Result<u32, Error> {
        let Some(digits) = self.bytes.get(self.index..self.index + 4) else {
            self.index = self.bytes.len();
            return Err(self.error("EOF while parsing a string"));
        };
        self.index += 4;
        let mut n = 0;
        for &d in digits {
            let Some(v) = char::from(d).to_digit(16) else { return Err(self.error("invalid escape")) };
            n = n * 16 + v;
        }
        Ok(n)
    }
}

/// Whether the number `integer` (sign and digits) `.fraction` (with its dot) `e exponent`
/// is beyond the largest float, where serde_json refuses it. Decided on the digits, by
/// comparing with the largest float's first 17 digits (the boundary itself is a question
/// of rounding no configuration will ever meet).
fn out_of_range(integer: &str, fraction: &str, exponent: i64) -> bool {
    let digits = integer.trim_start_matches('-').bytes().chain(fraction.bytes().skip(1));
    let integer_digits = integer.trim_start_matches('-').len() as i64;
    let mut leading_zeros = 0;
    let mut significant = Vec::new();
    for d in digits {
        if significant.is_empty() && d == b'0' {
            leading_zeros += 1;
        } else {
            significant.push(d);
        }
    }
    if significant.is_empty() {
        return false;
    }
    // The value is 0.d1d2… × 10^magnitude.
    let magnitude = integer_digits - leading_zeros + exponent;
    match magnitude.cmp(&309) {
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => significant.as_slice() >= b"17976931348623158".as_slice(),
    }
}

/// A configuration type read from a node by hand, with serde's messages (see [`read`]).
pub(crate) trait Read: Sized {
    fn read(r: &Reader<'_>) -> Result<Self, Error>;
}

/// Reads `T` from `node` of `text`; an error comes with the path of where it happened
/// (`payment.transfer.iban`, `circos[3]`; empty for `node` itself).
///
/// Each type's reader (in `format`) says what serde's derived code would say, in the
/// same order (the members in the file's order, then the first missing field), through
/// the few non-generic helpers of [`Reader`]: serde's generated code, inlined per type,
/// cost the widget more than these (size; see the README's "Size: the moves").
pub(crate) fn read<T: Read>(node: &Node<'_>, text: &str) -> Result<T, (String, Error)> {
    T::read(&Reader { node, path: Path::Root, text }).map_err(|mut e| (e.0.path.take().unwrap_or_default(), e))
}

/// Where a value is, from the node read: `a.b[2].c`.
#[derive(Clone, Copy)]
enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// A node being read, with its path.
pub(crate) struct Reader<'r> {
    node: &'r Node<'r>,
    path: Path<'r>,
    text: &'r str,
}

/// serde's list of what was expected: `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` ``.
struct OneOf<'n>(&'n [&'n str]);

impl fmt::Display for OneOf<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            [one] => write!(f, "`{one}`"),
            [a, b] => write!(f, "`{a}` or `{b}`"),
            names => {
                f.write_str("one of ")?;
                for (i, name) in names.iter().enumerate() {
                    write!(f, "{}`{name}`", if i == 0 { "" } else { ", " })?;
                }
                Ok(())
            }
        }
    }
}

impl<'r> Reader<'r> {
    /// A type error at this reader's path, placed at `index`, as serde_json's text reader
    /// places it.
    fn fail(&self, message: String, index: usize) -> Error {
        let mut e = Error::new(message, false, place(self.text, index));
        e.0.path = Some(self.path.to_string());
        e
    }

    /// Where an error about this value as a whole is placed: a container's opening
    /// bracket, the end of any other value.
    fn here(&self) -> usize {
        match self.node.value {
            Value::Array(_) | Value::Object(_) => self.node.start,
            _ => self.node.end,
        }
    }

    /// `invalid type: integer `5`, expected a string`.
    fn invalid_type(&self, expected: &str) -> Error {
        self.fail(format!("invalid type: {}, expected {expected}", Unexpected(&self.node.value)), self.here())
    }

    fn child<'c>(&'c self, node: &'c Node<'c>, path: Path<'c>) -> Reader<'c> {
        Reader { node, path, text: self.text }
    }

    /// This reader, unless its value is `null` (an `Option`'s `None`).
    pub fn some(&self) -> Option<&Self> {
        (!matches!(self.node.value, Value::Null)).then_some(self)
    }

    pub fn string(&self) -> Result<String, Error> {
        match &self.node.value {
            Value::String(s) => Ok(s.to_string()),
            _ => Err(self.invalid_type("a string")),
        }
    }

    pub fn opt_string(&self) -> Result<Option<String>, Error> {
        self.some().map(Reader::string).transpose()
    }

    pub fn int(&self) -> Result<i64, Error> {
        match &self.node.value {
            Value::Number(n) => match integer(n) {
                Some(Ok(i)) => Ok(i),
                Some(Err(u)) => Err(self.fail(format!("invalid value: integer `{u}`, expected i64"), self.here())),
                None => Err(self.invalid_type("i64")),
            },
            _ => Err(self.invalid_type("i64")),
        }
    }

    pub fn opt_int(&self) -> Result<Option<i64>, Error> {
        self.some().map(Reader::int).transpose()
    }

    pub fn boolean(&self) -> Result<bool, Error> {
        match self.node.value {
            Value::Bool(b) => Ok(b),
            _ => Err(self.invalid_type("a boolean")),
        }
    }

    /// A list: each element, in order, given to `item` with its reader.
    pub fn list(&self, item: &mut dyn FnMut(&Reader<'_>) -> Result<(), Error>) -> Result<(), Error> {
        let Value::Array(items) = &self.node.value else { return Err(self.invalid_type("a sequence")) };
        for (i, node) in items.iter().enumerate() {
            item(&self.child(node, Path::Index(&self.path, i)))?;
        }
        Ok(())
    }

    pub fn strings(&self) -> Result<Vec<String>, Error> {
        let mut out = Vec::new();
        self.list(&mut |r| {
            out.push(r.string()?);
            Ok(())
        })?;
        Ok(out)
    }

    pub fn ints(&self) -> Result<Vec<i64>, Error> {
        let mut out = Vec::new();
        self.list(&mut |r| {
            out.push(r.int()?);
            Ok(())
        })?;
        Ok(out)
    }

    /// An object of the struct `name` with these `fields`, none other (serde's
    /// `deny_unknown_fields`): each member, in the file's order, is given to `field` with
    /// its index in `fields`; then the first field of `required` (a bit per field, by
    /// index) that was not given is missing.
    pub fn object(&self, name: &str, fields: &[&str], required: u32, field: &mut dyn FnMut(usize, &Reader<'_>) -> Result<(), Error>) -> Result<(), Error> {
        let Value::Object(members) = &self.node.value else { return Err(self.invalid_type(&format!("struct {name}"))) };
        let mut seen = 0u32;
        for m in members {
            let value = self.child(&m.value, Path::Key(&self.path, &m.key));
            let Some(i) = fields.iter().position(|f| *f == m.key) else {
                return Err(value.fail(format!("unknown field `{}`, expected {}", m.key, OneOf(fields)), m.colon));
            };
            if seen & 1 << i != 0 {
                return Err(self.fail(format!("duplicate field `{}`", m.key), m.colon));
            }
            seen |= 1 << i;
            field(i, &value)?;
        }
        match (0..fields.len()).find(|&i| required & !seen & 1 << i != 0) {
            Some(i) => Err(self.fail(format!("missing field `{}`", fields.get(i).unwrap_or(&"")), self.node.end)),
            None => Ok(()),
        }
    }

    /// An enum of unit variants, written as its name (`"legislative"`) or as an object
    /// of one key, its name, with `null`: the index of the variant in `variants`.
    pub fn variant(&self, variants: &[&str]) -> Result<usize, Error> {
        let (name, value, at) = match &self.node.value {
            Value::String(s) => (&**s, None, self.node.end),
            Value::Object(members) if members.len() == 1 => (&*members[0].key, Some(&members[0]), members[0].key_end),
            Value::Object(_) => return Err(self.fail("invalid value: map, expected map with a single key".to_owned(), self.here())),
            _ => return Err(self.invalid_type("string or map")),
        };
        let Some(i) = variants.iter().position(|v| *v == name) else {
            return Err(self.fail(format!("unknown variant `{name}`, expected {}", OneOf(variants)), at));
        };
        if let Some(m) = value {
            let unit = self.child(&m.value, Path::Key(&self.path, &m.key));
            if unit.some().is_some() {
                return Err(unit.invalid_type("unit"));
            }
        }
        Ok(i)
    }

    /// serde's untagged enum of a list of strings or a string (the cheque's address):
    /// any value is read first, where a number with a fraction is refused at its place;
    /// then neither form is an error about the value as a whole.
    pub fn lines_or_text(&self, name: &str) -> Result<Result<Vec<String>, String>, Error> {
        self.no_fraction()?;
        match &self.node.value {
            Value::String(s) => Ok(Err(s.to_string())),
            Value::Array(items) if items.iter().all(|n| n.as_str().is_some()) => Ok(Ok(items.iter().filter_map(Node::as_str).map(str::to_owned).collect())),
            _ => Err(self.fail(format!("data did not match any variant of untagged enum {name}"), closing(self.text, self.node.end))),
        }
    }

    /// The first number with a fraction in this value, in the file's order, as an error.
    fn no_fraction(&self) -> Result<(), Error> {
        match &self.node.value {
            Value::Number(n) if integer(n).is_none() => Err(self.invalid_type("any value")),
            Value::Array(items) => items.iter().enumerate().try_for_each(|(i, node)| self.child(node, Path::Index(&self.path, i)).no_fraction()),
            Value::Object(members) => members.iter().try_for_each(|m| self.child(&m.value, Path::Key(&self.path, &m.key)).no_fraction()),
            _ => Ok(()),
        }
    }
}

/// The number as serde_json reads it into an `i64`: `Ok` when it has no fraction or
/// exponent and fits, `Err` with the value when it fits a `u64` only; `None` for what
/// serde_json reads as a float (`-0` included).
fn integer(n: &str) -> Option<Result<i64, u64>> {
    if n.contains(['.', 'e', 'E']) {
        return None;
    }
    // One parse (of the digits, as a `u64`) rather than two (size).
    let (negative, digits) = match n.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, n),
    };
    let u: u64 = digits.parse().ok()?;
    match negative {
        true if u == 0 => None,
        true => 0i64.checked_sub_unsigned(u).map(Ok),
        false => Some(i64::try_from(u).map_err(|_| u)),
    }
}

/// Where serde_json's text reader places an error raised after an object's value was
/// read, the value ending at `end`: past a closing brace that follows.
fn closing(text: &str, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = end;
    while let Some(b' ' | b'\n' | b'\t' | b'\r') = bytes.get(i) {
        i += 1;
    }
    match bytes.get(i) {
        Some(b']' | b'}') => i + 1,
        _ => i,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::config::format::{AccountFile, LinkFile};
    use crate::config::registry::RegistryHead as OurRegistryHead;
    use serde::de;
    use serde_json::json;

    /// serde's reading of a registry's head: the reference for `registry::RegistryHead`'s
    /// reader (the widget's type has no serde code).
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct RegistryHead {
        format: String,
        #[serde(rename = "$schema", default)]
        schema: Option<String>,
        #[serde(default)]
        name: Option<String>,
        circos: Vec<de::IgnoredAny>,
    }

    impl Read for RegistryHead {
        fn read(r: &Reader<'_>) -> Result<Self, Error> {
            OurRegistryHead::read(r).map(|_| RegistryHead { format: String::new(), schema: None, name: None, circos: Vec::new() })
        }
    }

    type Outcome = Result<(), (String, String)>;

    /// serde_json's syntax error, as `message (line:column)`.
    fn theirs_syntax(text: &str) -> Result<(), String> {
        serde_json::from_str::<serde_json::Value>(text).map(drop).map_err(|e| {
            let full = e.to_string();
            let message = full.rfind(" at line ").map_or(full.clone(), |i| full[..i].to_owned());
            format!("{message} ({}:{})", e.line(), e.column())
        })
    }

    fn ours_syntax(text: &str) -> Result<(), String> {
        parse(text).map(drop).map_err(|e| format!("{} ({}:{})", e.message(), e.line(), e.column()))
    }

    fn syntax_agrees(text: &str) -> usize {
        assert_eq!(ours_syntax(text), theirs_syntax(text), "{text:?}");
        1
    }

    /// serde prints a float (`1.5`, `-0.0`) where this reader shows the number as written.
    fn fraction_unprinted(mut message: String) -> String {
        if let Some(start) = message.find("floating point `") {
            let end = message[start + 16..].find('`').map_or(message.len(), |i| start + 16 + i + 1);
            message.replace_range(start..end, "a number with a fraction");
        }
        message
    }

    fn ours<T: Read>(text: &str, placed: bool) -> Outcome {
        let root = parse(text).map_err(|e| (String::new(), e.to_string()))?;
        read::<T>(&root, text).map(drop).map_err(|(path, e)| {
            let place = if placed { format!(" ({}:{})", e.line(), e.column()) } else { String::new() };
            (path, fraction_unprinted(format!("{}{place}", e.message())))
        })
    }

    /// serde_json's `Value` reader under serde_path_to_error: path and message.
    fn value_reader<T: de::DeserializeOwned>(value: &serde_json::Value) -> Outcome {
        serde_path_to_error::deserialize::<_, T>(value).map(drop).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            (path, fraction_unprinted(e.inner().to_string()))
        })
    }

    /// serde_json's text reader under serde_path_to_error, when it gives a type error
    /// (it gives syntax errors for a few well-formed values: an enum written as a number
    /// or a list; a struct written as a too-long list): path, message and place.
    fn text_reader<T: de::DeserializeOwned>(text: &str) -> Option<Result<(), (String, String, String)>> {
        let mut de = serde_json::Deserializer::from_str(text);
        match serde_path_to_error::deserialize::<_, T>(&mut de) {
            Ok(_) => Some(Ok(())),
            Err(e) if e.inner().is_data() => {
                let path = e.path().to_string();
                let path = if path == "." { String::new() } else { path };
                let full = e.inner().to_string();
                let message = full.rfind(" at line ").map_or(full.clone(), |i| full[..i].to_owned());
                Some(Err((path, fraction_unprinted(message), format!(" ({}:{})", e.inner().line(), e.inner().column()))))
            }
            Err(_) => None,
        }
    }

    fn placed(outcome: Result<(), (String, String, String)>) -> Outcome {
        outcome.map_err(|(path, message, place)| (path, format!("{message}{place}")))
    }

    /// Both readers of serde_json against ours, for `T`; returns how many were compared.
    /// Ours reads as the `Value` reader; where the text reader says the same, ours also
    /// places the error where the text reader does.
    fn data_agrees<T: de::DeserializeOwned + Read>(value: &serde_json::Value) -> usize {
        // serde_json's `Value` keeps keys sorted: so is the text written from it.
        let compact = value.to_string();
        let expected = value_reader::<T>(value);
        let found = ours::<T>(&compact, false);
        // The one place where a number with a fraction is read as "any value": an untagged
        // enum (the cheque's address) buffers what it reads; ours refuses the fraction
        // there, at its path (the address or one of its lines), where serde says no
        // variant matched.
        if let (Err((path, message)), Err((their_path, their_message))) = (&found, &expected) {
            if message.ends_with("a number with a fraction, expected any value") && their_message.starts_with("data did not match any variant of untagged enum") {
                assert!(path.starts_with(their_path.as_str()), "{path} {their_path}");
                return 1;
            }
        }
        // A struct written as a list: serde reads it as its fields in order, ours refuses
        // it (see `Reader::object`), at the list's path.
        if let Err((path, message)) = &found {
            if message.starts_with("invalid type: sequence, expected struct ") {
                let pointer: String = path.split(['.', '[']).map(|s| format!("/{}", s.trim_end_matches(']'))).collect();
                let at = if path.is_empty() { Some(value) } else { value.pointer(&pointer) };
                assert!(at.is_some_and(serde_json::Value::is_array), "{path}: {compact}");
                return 1;
            }
        }
        assert_eq!(found, expected, "{compact}");
        let mut compared = 1;
        for text in [compact, serde_json::to_string_pretty(value).unwrap()] {
            let Some(theirs) = text_reader::<T>(&text) else { continue };
            let unplaced = theirs.clone().map_err(|(path, message, _)| (path, message));
            if unplaced == expected {
                assert_eq!(ours::<T>(&text, true), placed(theirs), "{text}");
                compared += 1;
            }
        }
        compared
    }

    /// The examples first (`demo/`), then the corpus: each file's text and value (null
    /// when it is not JSON), and whether it is an example.
    fn documents() -> Vec<(String, serde_json::Value, bool)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut documents = Vec::new();
        for dir in ["demo", "tests/configs/broken", "tests/configs/warnings"] {
            let mut files: Vec<_> = std::fs::read_dir(root.join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
            files.sort();
            for file in files.iter().filter(|f| f.extension().is_some_and(|x| x == "json")) {
                let text = std::fs::read_to_string(file).unwrap();
                let value = serde_json::from_str(&text).unwrap_or(serde_json::Value::Null);
                documents.push((text, value, dir == "demo"));
            }
        }
        assert!(documents.len() > 40);
        documents
    }

    fn pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| pointers(v, format!("{at}/{k}"), out)),
            serde_json::Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
            _ => {}
        }
        if !at.is_empty() {
            out.push(at);
        }
    }

    /// Every file of the examples and corpus, cut short at every byte, with a byte
    /// removed or one of JSON's delimiters slipped in at every place: the same syntax
    /// error, line and column as serde_json, or both accept it.
    #[test]
    fn syntax_errors_are_serde_jsons() {
        let mut checked = 0;
        for (n, (text, _, example)) in documents().into_iter().enumerate() {
            // Every place of the examples; a sample of the corpus, which repeats them
            // but for its mistakes (a different sample in each file).
            let cuts: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i) && (example || (i + n) % 29 == 0)).collect();
            for &i in &cuts {
                checked += syntax_agrees(&text[..i]);
                if i < text.len() {
                    let next = text[i..].chars().next().map_or(1, char::len_utf8);
                    checked += syntax_agrees(&format!("{}{}", &text[..i], &text[i + next..]));
                }
                if i % 4 == 0 {
                    for insert in [",", "\"", "}", "]", ":", "\\", "x", "0", "-", ".", "e", "\u{1}", "[", "{"] {
                        checked += syntax_agrees(&format!("{}{insert}{}", &text[..i], &text[i..]));
                    }
                }
            }
        }
        let cases = [
            "", " ", "nul", "nulx", "tru", "fals", "-", "-x", "01", "1.", "1.x", "1e", "1e+", "1ex", "-0", "1.5e3", "1E-2",
            "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809", "1e308",
            "1.7976931348623157e308", "1.8e308", "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "1e400", "0.0000001e400", "1e-400", "0e99999999999", "1e99999999999", "1e-99999999999", "[1e2147483648]",
            r#""\u00e9""#, r#""\ud83d\ude00""#, r#""\ud83d""#, r#""\ud83dx""#, r#""\ud83d\x""#, r#""\ud83d\u0041""#, r#""\ude00""#,
            r#""\u12"#, r#""\u12x4""#, r#""\q""#, r#""\"#, "\"a\u{7f}b\"", "\"tab\there\"", "\"\n\"", "[1,]", "[1 2]", "{\"a\":1,}",
            "{\"a\" 1}", "{1:2}", "{\"a\":1 \"b\":2}", "{,}", "[,]", "[] x", "\u{feff}{}", "{\"a\":\n\n  tru}", "[\"é\", x]",
        ];
        for case in cases {
            checked += syntax_agrees(case);
        }
        checked += syntax_agrees(&"[".repeat(127));
        checked += syntax_agrees(&"[".repeat(128));
        checked += syntax_agrees(&format!("{}{}", "[".repeat(127), "]".repeat(127)));
        checked += syntax_agrees(&format!("{}1{}", "{\"a\":".repeat(127), "}".repeat(127)));
        assert!(checked > 35_000, "{checked}");
    }

    /// The examples and corpus, and each with a value replaced (by every kind of JSON
    /// value, at every place), a key left out, renamed or given twice: the same path and
    /// message as serde_json's `Value` reader, and as its text reader, line and column
    /// included, wherever that one gives a type error.
    #[test]
    fn type_errors_are_serdes_with_their_paths() {
        let replacements = [
            json!(null), json!(true), json!(0), json!(-3), json!(1.5), json!(-0.0), json!(1e300), json!(18446744073709551615u64),
            json!(""), json!("x"), json!("legislative"), json!("fr"), json!("2027-06-11"), json!([]), json!(["a"]), json!([1]),
            json!(["75", 1, "x"]), json!(["75", 1, "x", null, 5]), json!(["x", ["a"]]), json!(["x", null]), json!({}),
            json!({"legislative": null}), json!({"legislative": 1}), json!({"legislative": []}), json!({"by_election": "x"}),
            json!({"fr": null, "en": null}), json!({"typo": 1}), json!({"a": [1, {"b": 2}]}), json!({"payee": "x", "address": 3}),
            json!({"address": 3, "payee": "x"}), json!({"k\"e\\y": 1}),
            json!("quote \" backslash \\ tab \t line \n nul \u{0} bell \u{7} bidi \u{202e} zero-width \u{200b} é ü"),
        ];
        let mut checked = 0;
        let mut subjects: Vec<serde_json::Value> = Vec::new();
        for (text, document, example) in documents() {
            if document.is_null() {
                continue;
            }
            checked += data_agrees::<AccountFile>(&document) + data_agrees::<RegistryHead>(&document);
            // A registry's entries are read on their own, as accounts or links.
            let circos = document.get("circos").and_then(serde_json::Value::as_array).cloned().unwrap_or_default();
            for entry in &circos {
                checked += if entry.get("url").is_some() { data_agrees::<LinkFile>(entry) } else { data_agrees::<AccountFile>(entry) };
            }
            // The examples are mutated below; the corpus repeats them but for its mistakes.
            if example {
                subjects.extend(circos);
                subjects.push(document);
            }
            // Each key given twice, in the text as written.
            let Ok(root) = parse(&text) else { continue };
            let Value::Object(members) = &root.value else { continue };
            for m in members {
                let mut twice = text.clone();
                twice.insert_str(m.value.end, &format!(", \"{}\": {}", m.key, &text[m.value.start..m.value.end]));
                for (ours, theirs) in [(ours::<AccountFile>(&twice, true), text_reader::<AccountFile>(&twice)), (ours::<RegistryHead>(&twice, true), text_reader::<RegistryHead>(&twice))] {
                    assert_eq!(Some(ours), theirs.map(placed), "{twice}");
                    checked += 1;
                }
            }
        }
        for subject in &subjects {
            let mut all = Vec::new();
            pointers(subject, String::new(), &mut all);
            let is_link = subject.get("url").is_some();
            let agree = |v: &serde_json::Value| if is_link { data_agrees::<LinkFile>(v) } else { data_agrees::<AccountFile>(v) + data_agrees::<RegistryHead>(v) };
            for pointer in all {
                for replacement in &replacements {
                    let mut v = subject.clone();
                    *v.pointer_mut(&pointer).unwrap() = replacement.clone();
                    checked += agree(&v);
                }
                let (parent, key) = pointer.rsplit_once('/').unwrap();
                // Left out (a missing field, or a default), then renamed.
                for renamed in [false, true] {
                    let mut v = subject.clone();
                    let object = if parent.is_empty() { Some(&mut v) } else { v.pointer_mut(parent) };
                    if let Some(serde_json::Value::Object(m)) = object {
                        let old = m.remove(key).unwrap();
                        if renamed {
                            m.insert(format!("{key}x"), old);
                        }
                        checked += agree(&v);
                    }
                }
            }
        }
        assert!(checked > 40_000, "{checked}");
    }

    /// A struct is read from an object only, as the JSON Schema says (serde_json would
    /// also take a list of the fields' values).
    #[test]
    fn a_struct_written_as_a_list_is_refused_at_its_path() {
        let text = r#"{"format": "circo-don/1", "circo": ["75", 1, "Paris 1"]}"#;
        let root = parse(text).unwrap();
        let (path, e) = read::<AccountFile>(&root, text).map(drop).unwrap_err();
        assert_eq!((path.as_str(), e.message(), e.column()), ("circo", "invalid type: sequence, expected struct CircoFile", 35));
        assert!(serde_json::from_str::<CircoFileForTests>(r#"["75", 1, "Paris 1"]"#).is_ok(), "serde_json takes it");
        let loaded = crate::config::load(text);
        assert!(loaded.problems.iter().any(|p| p.path == "circo" && p.rule == "json-type"), "{:?}", loaded.problems);
    }

    type CircoFileForTests = crate::config::format::CircoFile;

    /// Integers as serde_json reads them for an `i64`: the boundaries of `i64` and `u64`.
    #[test]
    fn integers_are_read_as_serde_json_reads_them() {
        for n in ["0", "-0", "7", "-7", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616", "1.0", "1e2"] {
            let theirs = match serde_json::from_str::<serde_json::Value>(n).unwrap() {
                serde_json::Value::Number(x) if x.is_i64() => Some(Ok(x.as_i64().unwrap())),
                serde_json::Value::Number(x) if x.is_u64() => Some(Err(x.as_u64().unwrap())),
                _ => None,
            };
            assert_eq!(integer(n), theirs, "{n}");
        }
    }

    /// The place of a type error, in a file of several lines.
    #[test]
    fn a_type_error_is_placed_where_serde_json_places_it() {
        let text = "{\n  \"format\": \"circo-don/1\",\n  \"presets\": [20, \"x\"],\n  \"typo\": 1\n}";
        let root = parse(text).unwrap();
        let (path, e) = read::<AccountFile>(&root, text).map(drop).unwrap_err();
        assert_eq!((path.as_str(), e.message(), e.line(), e.column()), ("presets[1]", "invalid type: string \"x\", expected i64", 3, 21));
    }
}
