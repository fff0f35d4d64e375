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
//! What it finds is what serde_json finds, as a typed [`Error`] (its [`Kind`], the values
//! involved, the path, the line and column) from which `config::words` writes the
//! collective's message: a syntax error is serde_json's, at its line and column (`parse`
//! follows serde_json's parser step by step); a type error is the one serde's derived
//! code raises, with the path and reading of serde_json's `Value` reader under
//! `serde_path_to_error`, but for four choices:
//! - a struct is read from an object only, as the JSON Schema says (serde_json also takes
//!   a list of its fields' values);
//! - keys are read in the file's order and a key given twice is an error (`duplicate
//!   field`), as serde_json's text reader does;
//! - a number with a fraction is never turned into a float (no floating point in the
//!   core): it is named with its text as written ([`Found::Fraction`]), and refused
//!   even where any value would do (in the cheque's address, an untagged enum, where
//!   serde says that no variant matched): the path is then the number's;
//! - an error's line and column are where serde_json's text reader puts them when both
//!   readers agree (after a value, at the `:` of an unknown key, after a closing brace).
//!
//! `tests` checks each point against serde_json and serde_path_to_error, writing serde's
//! English from the typed error to compare it with theirs (the widget has none of it).

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

/// A syntax error or a type error: what went wrong ([`Kind`]), where (the field path and
/// the line and column), and the values involved. Boxed, as serde_json's: every `Result`
/// of the reader carries it, and one pointer is cheaper to move than five words (size).
/// The words a collective reads are written from it (`config::words`); serde's English
/// is written from it only by the tests that compare this reader with serde's.
#[derive(Debug)]
pub(crate) struct Error(Box<ErrorImpl>);

/// `line` is 0 when the error has no place.
#[derive(Debug)]
struct ErrorImpl {
    kind: Kind,
    line: usize,
    column: usize,
    /// The field path, once known (`None` while the error climbs to where it happened).
    path: Option<String>,
}

/// What is wrong: serde_json's syntax errors, and the type errors serde's derived code
/// gives, each with the values it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The text is not JSON.
    Syntax(Syntax),
    /// A value of another type than the field's (serde's `invalid_type`).
    InvalidType { found: Found, expected: Expected },
    /// A value of the right type that the field cannot hold (serde's `invalid_value`):
    /// an integer beyond `i64`, an enum written as an object of several keys.
    InvalidValue { found: Found, expected: Expected },
    /// A key the struct does not have; `expected` is the struct's keys.
    UnknownField { key: String, expected: &'static [&'static str] },
    /// A key given twice in one object.
    DuplicateField(&'static str),
    /// The first required key the object lacks.
    MissingField(&'static str),
    /// A name that is none of the enum's; `expected` is their names.
    UnknownVariant { name: String, expected: &'static [&'static str] },
    /// A value that is none of an untagged enum's forms (the cheque's address).
    NoVariant { found: Found, expected: Expected },
}

/// serde_json's syntax errors (its `ErrorCode`s that a text can give), in the order of
/// the words that describe them (`config::words`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Syntax {
    EofWhileParsingValue,
    EofWhileParsingList,
    EofWhileParsingObject,
    EofWhileParsingString,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedIdent,
    ExpectedValue,
    InvalidNumber,
    NumberOutOfRange,
    InvalidEscape,
    ControlCharacterWhileParsingString,
    KeyMustBeAString,
    LoneLeadingSurrogateInHexEscape,
    UnexpectedEndOfHexEscape,
    TrailingComma,
    TrailingCharacters,
    RecursionLimitExceeded,
}

/// The value found where another was expected, as serde's `Unexpected` names it: an
/// integer or a number with a fraction by its text as written (never printed from a
/// float: no float printing in the widget), a string by its content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Found {
    Null,
    Bool(bool),
    Integer(String),
    Fraction(String),
    String(String),
    Sequence,
    Map,
}

impl Found {
    fn of(value: &Value<'_>) -> Found {
        match value {
            Value::Null => Found::Null,
            Value::Bool(b) => Found::Bool(*b),
            Value::Number(n) if integer(n).is_some() => Found::Integer((*n).to_owned()),
            Value::Number(n) => Found::Fraction((*n).to_owned()),
            Value::String(s) => Found::String(s.to_string()),
            Value::Array(_) => Found::Sequence,
            Value::Object(_) => Found::Map,
        }
    }
}

/// What the field takes, as serde's derived code says it expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Expected {
    String,
    I64,
    Bool,
    Sequence,
    /// An object: the struct with these fields.
    Struct(&'static Fields),
    /// An enum of unit variants: its name, or an object of one key.
    StringOrMap,
    /// `null`, the value of a unit variant written as an object.
    Unit,
    /// Any value but a number with a fraction (see [`Reader::lines_or_text`]).
    AnyValue,
    /// An enum written as an object: of one key.
    SingleKeyMap,
    /// The cheque's address: a list of strings or a string.
    LinesOrText,
}

impl Error {
    fn new(kind: Kind, (line, column): (usize, usize)) -> Error {
        Error(Box::new(ErrorImpl { kind, line, column, path: None }))
    }

    pub fn kind(&self) -> &Kind {
        &self.0.kind
    }

    pub fn line(&self) -> usize {
        self.0.line
    }

    pub fn column(&self) -> usize {
        self.0.column
    }
}

/// A string as Rust's `{s:?}` writes it, without the Unicode table of printable
/// characters that `Debug` brings (size): what could hide or act on a message (a
/// control, a bidi or invisible character) is written as its code point.
pub(crate) struct Quoted<'s>(pub &'s str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for c in self.0.chars() {
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
        Some(_) => Err(p.peek_error(Syntax::TrailingCharacters)),
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
    fn error_at(&self, index: usize, code: Syntax) -> Error {
        Error::new(Kind::Syntax(code), place(self.text, index))
    }

    /// An error at what was read last.
    fn error(&self, code: Syntax) -> Error {
        self.error_at(self.index, code)
    }

    /// An error at the byte looked at but not read.
    fn peek_error(&self, code: Syntax) -> Error {
        self.error_at((self.index + 1).min(self.bytes.len()), code)
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
        let Some(peek) = self.whitespace() else { return Err(self.peek_error(Syntax::EofWhileParsingValue)) };
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
                    return Err(self.peek_error(Syntax::RecursionLimitExceeded));
                }
                self.index += 1;
                let value = if peek == b'[' { Value::Array(self.elements()?) } else { Value::Object(self.members()?) };
                self.remaining_depth += 1;
                // The closing bracket, seen by `elements` or `members`.
                self.index += 1;
                value
            }
            _ => return Err(self.peek_error(Syntax::ExpectedValue)),
        };
        Ok(Node { value, start, end: self.index })
    }

    fn ident(&mut self, ident: &[u8], value: Value<'a>) -> Result<Value<'a>, Error> {
        self.index += 1;
        for expected in &ident[1..] {
            match self.next() {
                None => return Err(self.error(Syntax::EofWhileParsingValue)),
                Some(b) if b != *expected => return Err(self.error(Syntax::ExpectedIdent)),
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
                None => return Err(self.peek_error(Syntax::EofWhileParsingList)),
                Some(b']') => return Ok(items),
                Some(_) if items.is_empty() => {}
                Some(b',') => {
                    self.index += 1;
                    match self.whitespace() {
                        Some(b']') => return Err(self.peek_error(Syntax::TrailingComma)),
                        Some(_) => {}
                        None => return Err(self.peek_error(Syntax::EofWhileParsingValue)),
                    }
                }
                Some(_) => return Err(self.peek_error(Syntax::ExpectedListCommaOrEnd)),
            }
            items.push(self.value()?);
        }
    }

    /// Up to the closing `}`, not read.
    fn members(&mut self) -> Result<Vec<Member<'a>>, Error> {
        let mut members = Vec::new();
        loop {
            match self.whitespace() {
                None => return Err(self.peek_error(Syntax::EofWhileParsingObject)),
                Some(b'}') => return Ok(members),
                Some(b'"') if members.is_empty() => {}
                Some(_) if members.is_empty() => return Err(self.peek_error(Syntax::KeyMustBeAString)),
                Some(b',') => {
                    self.index += 1;
                    match self.whitespace() {
                        Some(b'"') => {}
                        Some(b'}') => return Err(self.peek_error(Syntax::TrailingComma)),
                        Some(_) => return Err(self.peek_error(Syntax::KeyMustBeAString)),
                        None => return Err(self.peek_error(Syntax::EofWhileParsingValue)),
                    }
                }
                Some(_) => return Err(self.peek_error(Syntax::ExpectedObjectCommaOrEnd)),
            }
            self.index += 1;
            let key = self.string()?;
            let key_end = self.index;
            match self.whitespace() {
                Some(b':') => self.index += 1,
                Some(_) => return Err(self.peek_error(Syntax::ExpectedColon)),
                None => return Err(self.peek_error(Syntax::EofWhileParsingObject)),
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
            None => return Err(self.error(Syntax::EofWhileParsingValue)),
            Some(b'0') => {
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.peek_error(Syntax::InvalidNumber));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            Some(_) => return Err(self.error(Syntax::InvalidNumber)),
        }
        let integer_end = self.index;
        if self.peek() == Some(b'.') {
            self.index += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.peek_error(if self.peek().is_some() { Syntax::InvalidNumber } else { Syntax::EofWhileParsingValue }));
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
                None => return Err(self.error(Syntax::EofWhileParsingValue)),
                Some(b'0'..=b'9') => {}
                Some(_) => return Err(self.error(Syntax::InvalidNumber)),
            }
            exponent = i64::from(self.bytes[self.index - 1] - b'0');
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.index += 1;
                exponent = exponent * 10 + i64::from(d - b'0');
                // serde_json stops at the digit that overflows an i32.
                if exponent > i64::from(i32::MAX) {
                    let zero = self.text[start..mantissa_end].bytes().all(|b| matches!(b, b'-' | b'0' | b'.'));
                    if !zero && !negative {
                        return Err(self.error(Syntax::NumberOutOfRange));
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
            return Err(self.error(Syntax::NumberOutOfRange));
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
            let Some(b) = self.peek() else { return Err(self.error(Syntax::EofWhileParsingString)) };
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
                    return Err(self.error(Syntax::ControlCharacterWhileParsingString));
                }
                _ => self.index += 1,
            }
        }
    }

    /// An escape, its backslash read.
    fn escape(&mut self) -> Result<char, Error> {
        let Some(b) = self.next() else { return Err(self.error(Syntax::EofWhileParsingString)) };
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
                    return Err(self.error(Syntax::LoneLeadingSurrogateInHexEscape));
                }
                if !(0xD800..=0xDBFF).contains(&n) {
                    return Ok(char::from_u32(n).unwrap_or(char::REPLACEMENT_CHARACTER));
                }
                for expected in [b'\\', b'u'] {
                    match self.next() {
                        None => return Err(self.error(Syntax::EofWhileParsingString)),
                        Some(b) if b != expected => return Err(self.error(Syntax::UnexpectedEndOfHexEscape)),
                        Some(_) => {}
                    }
                }
                let n2 = self.hex()?;
                if !(0xDC00..=0xDFFF).contains(&n2) {
                    return Err(self.error(Syntax::LoneLeadingSurrogateInHexEscape));
                }
                char::from_u32((((n - 0xD800) << 10) | (n2 - 0xDC00)) + 0x1_0000).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            _ => return Err(self.error(Syntax::InvalidEscape)),
        })
    }

    fn hex(&mut self) -> Result<u32, Error> {
        let Some(digits) = self.bytes.get(self.index..self.index + 4) else {
            self.index = self.bytes.len();
            return Err(self.error(Syntax::EofWhileParsingString));
        };
        self.index += 4;
        let mut n = 0;
        for &d in digits {
            let Some(v) = char::from(d).to_digit(16) else { return Err(self.error(Syntax::InvalidEscape)) };
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

/// A configuration type read from a node by hand (see [`read`]): a struct's reader is
/// written by [`fields!`] from its fields, declared once; an enum's by [`variants!`].
pub(crate) trait Read: Sized {
    fn read(r: &Reader<'_>) -> Result<Self, Error>;
}

impl Read for String {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        r.string()
    }
}

impl Read for i64 {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        r.int()
    }
}

impl Read for bool {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        r.boolean()
    }
}

/// `null` or absent is `None` (serde's reading of an `Option`).
impl<T: Read> Read for Option<T> {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        r.some().map(T::read).transpose()
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(r: &Reader<'_>) -> Result<Self, Error> {
        let mut out = Vec::new();
        r.list(&mut |v| {
            out.push(T::read(v)?);
            Ok(())
        })?;
        Ok(out)
    }
}

/// A struct's fields, as [`fields!`] declares them: the keys as the file names them, in
/// the struct's order (serde's: the order of its expected keys and of the first missing
/// one), and a bit per required key, by index.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Fields {
    /// The struct's name (natively only: serde's messages name it, the widget's don't).
    #[cfg(not(target_arch = "wasm32"))]
    pub name: &'static str,
    pub keys: &'static [&'static str],
    pub required: u32,
}

impl Fields {
    // Read by the builder and the tests: unused in a wasm build without the builder,
    // such as the widget's and the register page's.
    #[cfg_attr(all(target_arch = "wasm32", not(feature = "builder")), allow(dead_code))]
    pub fn is_required(&self, index: usize) -> bool {
        self.required & 1 << index != 0
    }
}

/// The bits of `required`, by index: for [`fields!`].
pub(crate) const fn mask(required: &[bool]) -> u32 {
    let mut bits = 0;
    let mut i = 0;
    while i < required.len() {
        if required[i] {
            bits |= 1 << i;
        }
        i += 1;
    }
    bits
}

/// A declared struct and the shapes of its fields' values: what the builder needs to
/// order a file's keys and to know which of its fields are required. Not in the widget.
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
#[derive(Debug)]
pub(crate) struct Shape {
    pub fields: &'static Fields,
    /// By field index: the shape of the field's value (or of its items, or of the value
    /// in its `Option`), when it is a declared struct.
    pub children: &'static [Option<&'static Shape>],
}

#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
impl Shape {
    /// The index and the shape of `key`'s value, if `key` is one of the fields.
    pub fn field(&self, key: &str) -> Option<(usize, Option<&'static Shape>)> {
        let i = self.fields.keys.iter().position(|k| *k == key)?;
        Some((i, self.children.get(i).copied().flatten()))
    }
}

/// The shape of a field's value: a declared struct's, or none (a leaf).
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub(crate) trait Child {
    const SHAPE: Option<&'static Shape>;
}

#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
mod leaves {
    use super::{Child, Shape};

    impl Child for String {
        const SHAPE: Option<&'static Shape> = None;
    }
    impl Child for i64 {
        const SHAPE: Option<&'static Shape> = None;
    }
    impl Child for bool {
        const SHAPE: Option<&'static Shape> = None;
    }
    impl<T: Child> Child for Option<T> {
        const SHAPE: Option<&'static Shape> = T::SHAPE;
    }
    impl<T: Child> Child for Vec<T> {
        const SHAPE: Option<&'static Shape> = T::SHAPE;
    }
}

/// The shape of the field that `field` reads of an `S`: for [`fields!`], which knows a
/// field's name but not its type.
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub(crate) const fn child<S, T: Child>(_field: fn(&S) -> &T) -> Option<&'static Shape> {
    T::SHAPE
}

/// Declares a format struct's fields once, in the struct's order, each with its key when
/// the file names it otherwise (`schema = "$schema"`) and `: required` when serde has no
/// default for it; writes from that the struct's `FIELDS`, its [`Read`] (each key read
/// by its field type's `Read`, in the file's order, then the first missing required key)
/// and, natively and in the builder, its [`Shape`]. The declaration must name every
/// field of the struct (the reader destructures it without `..`); the tests check it
/// against the JSON Schema that schemars generates from the struct.
macro_rules! fields {
    ($ty:ident { $($field:ident $(= $key:literal)? $(: $req:ident)?),* $(,)? }) => {
        impl $ty {
            pub(crate) const FIELDS: $crate::config::json::Fields = $crate::config::json::Fields {
                #[cfg(not(target_arch = "wasm32"))]
                name: stringify!($ty),
                keys: &[$($crate::config::json::fields!(@key $field $($key)?)),*],
                required: $crate::config::json::mask(&[$($crate::config::json::fields!(@required $($req)?)),*]),
            };
        }

        impl $crate::config::json::Read for $ty {
            fn read(r: &$crate::config::json::Reader<'_>) -> Result<Self, $crate::config::json::Error> {
                let mut f = Self::default();
                r.object(&Self::FIELDS, &mut |i, v| {
                    $crate::config::json::fields!(@set f i v; $($field)*);
                    Ok(())
                })?;
                let Self { $($field: _),* } = &f;
                Ok(f)
            }
        }

        #[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
        impl $crate::config::json::Child for $ty {
            const SHAPE: Option<&'static $crate::config::json::Shape> = Some(&$crate::config::json::Shape {
                fields: &Self::FIELDS,
                children: &[$($crate::config::json::child(|s: &Self| &s.$field)),*],
            });
        }
    };
    (@key $field:ident $key:literal) => { $key };
    (@key $field:ident) => { stringify!($field) };
    (@required required) => { true };
    (@required) => { false };
    (@set $f:ident $i:ident $v:ident; $field:ident $($rest:ident)*) => {
        if $i == 0 {
            $f.$field = $crate::config::json::Read::read($v)?;
        } else {
            let $i = $i - 1;
            $crate::config::json::fields!(@set $f $i $v; $($rest)*)
        }
    };
    (@set $f:ident $i:ident $v:ident;) => {{
        let _ = $i;
    }};
}
pub(crate) use fields;

/// Declares an enum of unit variants once, each with its name in the file; writes from
/// that its `NAMES` and its [`Read`] (the name, or an object of one key, the name, with
/// `null`, as serde reads an externally tagged unit variant).
macro_rules! variants {
    ($ty:ident { $($variant:ident = $name:literal),+ $(,)? }) => {
        impl $ty {
            pub(crate) const NAMES: &'static [&'static str] = &[$($name),+];
        }

        impl $crate::config::json::Read for $ty {
            fn read(r: &$crate::config::json::Reader<'_>) -> Result<Self, $crate::config::json::Error> {
                let i = r.variant(Self::NAMES)?;
                Ok($crate::config::json::variants!(@pick $ty i; $($variant)+))
            }
        }

        #[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
        impl $crate::config::json::Child for $ty {
            const SHAPE: Option<&'static $crate::config::json::Shape> = None;
        }
    };
    // `i` is an index into `NAMES`: the last variant is the one left.
    (@pick $ty:ident $i:ident; $last:ident) => {{
        let _ = $i;
        $ty::$last
    }};
    (@pick $ty:ident $i:ident; $first:ident $($rest:ident)+) => {
        if $i == 0 {
            $ty::$first
        } else {
            let $i = $i - 1;
            $crate::config::json::variants!(@pick $ty $i; $($rest)+)
        }
    };
}
pub(crate) use variants;

/// Reads `T` from `node` of `text`; an error comes with the path of where it happened
/// (`payment.transfer.iban`, `circos[3]`; empty for `node` itself).
///
/// Each type's reader (in `format`) reads what serde's derived code would, and fails
/// where it would, with the same kind of error, in the same order (the members in the
/// file's order, then the first missing field), through the few non-generic helpers of
/// [`Reader`]: serde's generated code, inlined per type, cost the widget more than these
/// (size; see the README's "Size: the moves").
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

impl<'r> Reader<'r> {
    /// A type error at this reader's path, placed at `index`, as serde_json's text reader
    /// places it.
    fn fail(&self, kind: Kind, index: usize) -> Error {
        let mut e = Error::new(kind, place(self.text, index));
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

    /// This value where `expected` was.
    fn invalid_type(&self, expected: Expected) -> Error {
        self.fail(Kind::InvalidType { found: Found::of(&self.node.value), expected }, self.here())
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
            _ => Err(self.invalid_type(Expected::String)),
        }
    }

    pub fn int(&self) -> Result<i64, Error> {
        match &self.node.value {
            Value::Number(n) => match integer(n) {
                Some(Ok(i)) => Ok(i),
                Some(Err(_)) => Err(self.fail(Kind::InvalidValue { found: Found::of(&self.node.value), expected: Expected::I64 }, self.here())),
                None => Err(self.invalid_type(Expected::I64)),
            },
            _ => Err(self.invalid_type(Expected::I64)),
        }
    }

    pub fn boolean(&self) -> Result<bool, Error> {
        match self.node.value {
            Value::Bool(b) => Ok(b),
            _ => Err(self.invalid_type(Expected::Bool)),
        }
    }

    /// A list: each element, in order, given to `item` with its reader.
    pub fn list(&self, item: &mut dyn FnMut(&Reader<'_>) -> Result<(), Error>) -> Result<(), Error> {
        let Value::Array(items) = &self.node.value else { return Err(self.invalid_type(Expected::Sequence)) };
        for (i, node) in items.iter().enumerate() {
            item(&self.child(node, Path::Index(&self.path, i)))?;
        }
        Ok(())
    }

    /// An object of a struct with these `fields`, none other (serde's
    /// `deny_unknown_fields`): each member, in the file's order, is given to `field` with
    /// its index in `fields.keys`; then the first required field not given is missing.
    pub fn object(&self, fields: &'static Fields, field: &mut dyn FnMut(usize, &Reader<'_>) -> Result<(), Error>) -> Result<(), Error> {
        let Value::Object(members) = &self.node.value else { return Err(self.invalid_type(Expected::Struct(fields))) };
        let mut seen = 0u32;
        for m in members {
            let value = self.child(&m.value, Path::Key(&self.path, &m.key));
            let Some((i, key)) = fields.keys.iter().enumerate().find(|(_, k)| **k == m.key) else {
                return Err(value.fail(Kind::UnknownField { key: m.key.to_string(), expected: fields.keys }, m.colon));
            };
            if seen & 1 << i != 0 {
                return Err(self.fail(Kind::DuplicateField(key), m.colon));
            }
            seen |= 1 << i;
            field(i, &value)?;
        }
        match fields.keys.iter().enumerate().find(|(i, _)| fields.required & !seen & 1 << i != 0) {
            Some((_, key)) => Err(self.fail(Kind::MissingField(key), self.node.end)),
            None => Ok(()),
        }
    }

    /// An enum of unit variants, written as its name (`"legislative"`) or as an object
    /// of one key, its name, with `null`: the index of the variant in `variants`.
    pub fn variant(&self, variants: &'static [&'static str]) -> Result<usize, Error> {
        let (name, value, at) = match &self.node.value {
            Value::String(s) => (&**s, None, self.node.end),
            Value::Object(members) if members.len() == 1 => (&*members[0].key, Some(&members[0]), members[0].key_end),
            Value::Object(_) => return Err(self.fail(Kind::InvalidValue { found: Found::Map, expected: Expected::SingleKeyMap }, self.here())),
            _ => return Err(self.invalid_type(Expected::StringOrMap)),
        };
        let Some(i) = variants.iter().position(|v| *v == name) else {
            return Err(self.fail(Kind::UnknownVariant { name: name.to_owned(), expected: variants }, at));
        };
        if let Some(m) = value {
            let unit = self.child(&m.value, Path::Key(&self.path, &m.key));
            if unit.some().is_some() {
                return Err(unit.invalid_type(Expected::Unit));
            }
        }
        Ok(i)
    }

    /// serde's untagged enum of a list of strings or a string (the cheque's address):
    /// any value is read first, where a number with a fraction is refused at its place;
    /// then neither form is an error about the value as a whole.
    pub fn lines_or_text(&self) -> Result<Result<Vec<String>, String>, Error> {
        self.no_fraction()?;
        match &self.node.value {
            Value::String(s) => Ok(Err(s.to_string())),
            Value::Array(items) if items.iter().all(|n| n.as_str().is_some()) => Ok(Ok(items.iter().filter_map(Node::as_str).map(str::to_owned).collect())),
            value => Err(self.fail(Kind::NoVariant { found: Found::of(value), expected: Expected::LinesOrText }, closing(self.text, self.node.end))),
        }
    }

    /// The first number with a fraction in this value, in the file's order, as an error.
    fn no_fraction(&self) -> Result<(), Error> {
        match &self.node.value {
            Value::Number(n) if integer(n).is_none() => Err(self.invalid_type(Expected::AnyValue)),
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
        #[serde(default)]
        communes_url: Option<String>,
    }

    impl Read for RegistryHead {
        fn read(r: &Reader<'_>) -> Result<Self, Error> {
            OurRegistryHead::read(r).map(|_| RegistryHead { format: String::new(), schema: None, name: None, circos: Vec::new(), communes_url: None })
        }
    }

    /// serde_json's and serde's English for an error of this reader: what the tests
    /// compare with theirs (the widget never carries these words).
    fn serde_message(kind: &Kind) -> String {
        match kind {
            Kind::Syntax(code) => serde_syntax(*code).to_owned(),
            Kind::InvalidType { found, expected } => format!("invalid type: {}, expected {}", serde_found(found), serde_expected(*expected)),
            Kind::InvalidValue { found, expected } => format!("invalid value: {}, expected {}", serde_found(found), serde_expected(*expected)),
            Kind::UnknownField { key, expected } => format!("unknown field `{key}`, expected {}", one_of(expected)),
            Kind::DuplicateField(key) => format!("duplicate field `{key}`"),
            Kind::MissingField(key) => format!("missing field `{key}`"),
            Kind::UnknownVariant { name, expected } => format!("unknown variant `{name}`, expected {}", one_of(expected)),
            // The one untagged enum read (see `Reader::lines_or_text`).
            Kind::NoVariant { .. } => "data did not match any variant of untagged enum AddressFile".to_owned(),
        }
    }

    /// serde_json's `ErrorCode` messages.
    fn serde_syntax(code: Syntax) -> &'static str {
        match code {
            Syntax::EofWhileParsingValue => "EOF while parsing a value",
            Syntax::EofWhileParsingList => "EOF while parsing a list",
            Syntax::EofWhileParsingObject => "EOF while parsing an object",
            Syntax::EofWhileParsingString => "EOF while parsing a string",
            Syntax::ExpectedColon => "expected `:`",
            Syntax::ExpectedListCommaOrEnd => "expected `,` or `]`",
            // `\u{7d}` is `}`, written so for tests/architecture.rs, which counts braces.
            Syntax::ExpectedObjectCommaOrEnd => "expected `,` or `\u{7d}`",
            Syntax::ExpectedIdent => "expected ident",
            Syntax::ExpectedValue => "expected value",
            Syntax::InvalidNumber => "invalid number",
            Syntax::NumberOutOfRange => "number out of range",
            Syntax::InvalidEscape => "invalid escape",
            Syntax::ControlCharacterWhileParsingString => "control character (\\u0000-\\u001F) found while parsing a string",
            Syntax::KeyMustBeAString => "key must be a string",
            Syntax::LoneLeadingSurrogateInHexEscape => "lone leading surrogate in hex escape",
            Syntax::UnexpectedEndOfHexEscape => "unexpected end of hex escape",
            Syntax::TrailingComma => "trailing comma",
            Syntax::TrailingCharacters => "trailing characters",
            Syntax::RecursionLimitExceeded => "recursion limit exceeded",
        }
    }

    /// serde's `Unexpected`, as serde_json writes it (`null` for serde's unit value).
    fn serde_found(found: &Found) -> String {
        match found {
            Found::Null => "null".to_owned(),
            Found::Bool(b) => format!("boolean `{b}`"),
            Found::Integer(n) => format!("integer `{n}`"),
            Found::Fraction(n) => format!("floating point `{n}`"),
            Found::String(s) => format!("string {}", Quoted(s)),
            Found::Sequence => "sequence".to_owned(),
            Found::Map => "map".to_owned(),
        }
    }

    /// What serde's derived code says it expects.
    fn serde_expected(expected: Expected) -> String {
        match expected {
            Expected::String => "a string".to_owned(),
            Expected::I64 => "i64".to_owned(),
            Expected::Bool => "a boolean".to_owned(),
            Expected::Sequence => "a sequence".to_owned(),
            Expected::Struct(fields) => format!("struct {}", fields.name),
            Expected::StringOrMap => "string or map".to_owned(),
            Expected::Unit => "unit".to_owned(),
            Expected::AnyValue => "any value".to_owned(),
            Expected::SingleKeyMap => "map with a single key".to_owned(),
            Expected::LinesOrText => "a list of strings or a string".to_owned(),
        }
    }

    /// serde's list of what was expected: `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` ``.
    fn one_of(names: &[&str]) -> String {
        match names {
            [one] => format!("`{one}`"),
            [a, b] => format!("`{a}` or `{b}`"),
            names => format!("one of {}", names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")),
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
        parse(text).map(drop).map_err(|e| format!("{} ({}:{})", serde_message(e.kind()), e.line(), e.column()))
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
        let root = parse(text).map_err(|e| (String::new(), serde_message(e.kind())))?;
        read::<T>(&root, text).map(drop).map_err(|(path, e)| {
            let place = if placed { format!(" ({}:{})", e.line(), e.column()) } else { String::new() };
            (path, fraction_unprinted(format!("{}{place}", serde_message(e.kind()))))
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
        assert_eq!((path.as_str(), e.kind(), e.column()), ("circo", &Kind::InvalidType { found: Found::Sequence, expected: Expected::Struct(&CircoFileForTests::FIELDS) }, 35));
        assert_eq!(serde_message(e.kind()), "invalid type: sequence, expected struct CircoFile");
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
        assert_eq!((path.as_str(), e.kind(), e.line(), e.column()), ("presets[1]", &Kind::InvalidType { found: Found::String("x".into()), expected: Expected::I64 }, 3, 21));
    }

    /// The schema object of a declared struct: the root, or its `$defs` entry.
    fn schema_object<'s>(root: &'s serde_json::Value, fields: &Fields) -> &'s serde_json::Value {
        root.get("$defs").and_then(|d| d.get(fields.name)).unwrap_or(root)
    }

    /// Each format type's declaration (its keys and which are required, each enum's
    /// names) is the JSON Schema's, which schemars generates from the struct and serde's
    /// attributes: the reader, the builder and the published schema say the same.
    #[test]
    fn every_declaration_is_the_schemas() {
        use crate::config::format::{ElectionKind, LangFile, MandataireKind};
        fn walk(root: &serde_json::Value, shape: &'static Shape, checked: &mut usize) {
            let schema = schema_object(root, shape.fields);
            let mut properties: Vec<&str> = schema["properties"].as_object().unwrap().keys().map(String::as_str).collect();
            let mut keys = shape.fields.keys.to_vec();
            properties.sort_unstable();
            keys.sort_unstable();
            assert_eq!(properties, keys, "{}", shape.fields.name);
            let mut required: Vec<&str> = schema["required"].as_array().map(|r| r.iter().filter_map(|k| k.as_str()).collect()).unwrap_or_default();
            let mut declared: Vec<&str> = shape.fields.keys.iter().enumerate().filter(|(i, _)| shape.fields.is_required(*i)).map(|(_, k)| *k).collect();
            required.sort_unstable();
            declared.sort_unstable();
            assert_eq!(required, declared, "{}", shape.fields.name);
            assert_eq!(schema["additionalProperties"], json!(false), "{}", shape.fields.name);
            *checked += 1;
            for child in shape.children.iter().flatten() {
                walk(root, child, checked);
            }
        }
        let account = crate::config::account_schema();
        let registry = crate::config::registry_schema();
        let mut checked = 0;
        walk(&account, AccountFile::SHAPE.unwrap(), &mut checked);
        walk(&registry, LinkFile::SHAPE.unwrap(), &mut checked);
        // The registry's head is the registry's root (its entries are read on their own).
        walk(&registry, OurRegistryHead::SHAPE.unwrap(), &mut checked);
        assert!(checked >= 15, "{checked}");
        for (name, names) in [("ElectionKind", ElectionKind::NAMES), ("MandataireKind", MandataireKind::NAMES), ("LangFile", LangFile::NAMES)] {
            // A unit enum's names: its `enum` list, or each variant's `const` when some
            // carry a description.
            let mut found: Vec<String> = Vec::new();
            let def = &account["$defs"][name];
            found.extend(def["enum"].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)));
            for alternative in def["oneOf"].as_array().into_iter().flatten() {
                found.extend(alternative["enum"].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)));
                found.extend(alternative["const"].as_str().map(str::to_owned));
            }
            assert_eq!(found, names, "{name}");
        }
    }

    /// The reader's errors are data: each kind with the values involved, at its path and
    /// place, whatever serde's words for it.
    #[test]
    fn errors_are_kinds_with_their_values() {
        let cases: [(&str, &str, Kind, (usize, usize)); 6] = [
            (r#"{"kind": "legislative", "first_round": "x", "zz": 1}"#, "zz", Kind::UnknownField { key: "zz".into(), expected: ElectionFileForTests::FIELDS.keys }, (1, 48)),
            (r#"{"kind": "legislative"}"#, "", Kind::MissingField("first_round"), (1, 23)),
            (r#"{"kind": "legislative", "kind": "european"}"#, "", Kind::DuplicateField("kind"), (1, 30)),
            (r#"{"kind": "snap", "first_round": "x"}"#, "kind", Kind::UnknownVariant { name: "snap".into(), expected: crate::config::format::ElectionKind::NAMES }, (1, 15)),
            (r#"{"kind": 5, "first_round": "x"}"#, "kind", Kind::InvalidType { found: Found::Integer("5".into()), expected: Expected::StringOrMap }, (1, 10)),
            (r#"{"kind": "legislative", "first_round": null}"#, "first_round", Kind::InvalidType { found: Found::Null, expected: Expected::String }, (1, 43)),
        ];
        for (text, path, kind, place) in cases {
            let root = parse(text).unwrap();
            let (p, e) = read::<ElectionFileForTests>(&root, text).map(drop).unwrap_err();
            assert_eq!((p.as_str(), e.kind(), (e.line(), e.column())), (path, &kind, place), "{text}");
        }
        let e = parse("[1,]").map(drop).unwrap_err();
        assert_eq!((e.kind(), e.line(), e.column()), (&Kind::Syntax(Syntax::TrailingComma), 1, 4));
    }

    type ElectionFileForTests = crate::config::format::ElectionFile;
}
