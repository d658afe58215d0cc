//! Conformance of the generated Rust to the test vectors (out/vectors/<platform>.json), run
//! by cargo test as the root (src/lib.rs) of a crate that depends on the generated one;
//! tests/test_toolchains.py (build_rust) sets one up in a temporary directory, with a copy of
//! out/rust, so that cargo never writes into out/:
//!
//! ```sh
//! CONFORMANCE_VECTORS=out/vectors cargo test --offline
//! ```
//!
//! Besides this file the crate holds a small adapter (src/modules.rs), written
//! from the vectors, that names each generated module and each code by its Rust identifier,
//! aliases too, so that a missing or misnamed one does not compile:
//!
//! ```ignore
//! pub fn modules() -> Vec<(&'static str, Module)> {
//!     vec![("weex", module!(errcodes::weex, integer, [AccessKeyHeaderMissing], []))]
//! }
//! ```
//!
//! The last list names the typed constructor of each code with placeholders, with the
//! index of each of its arguments: `[(InvalidOp, invalid_op, [0])]`.
//!
//! The vectors are read at run time, as the other languages' harnesses read them. The crate
//! may use no other crate (the tests build offline), so a small JSON reader is part of this
//! file: it decodes every text itself, independently of how the generator escapes them.
//!
//! The classify cases run each module's `classify` on the case's body, converted to the
//! crate's own `Json` value, or its `classify_text` on the case's text.
//!
//! One test; each disagreement is reported as `<platform> <code> <field>: got ..., want ...`,
//! or `<platform> classify[<index>] <field>: got ..., want ...`.
#![cfg(test)]
#![allow(deprecated)] // deprecated codes and their aliases are named on purpose

mod modules;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// A JSON value, objects in the order of the text; a number is an `Int` when it is an
/// integer that an `i64` holds, else a `Float`.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn get(&self, key: &str) -> &Json {
        match self {
            Json::Object(members) => members
                .iter()
                .find(|(k, _)| k == key)
                .map_or(&Json::Null, |(_, v)| v),
            _ => &Json::Null,
        }
    }

    fn text(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    fn items(&self) -> &[Json] {
        match self {
            Json::Array(items) => items,
            _ => &[],
        }
    }

    fn members(&self) -> &[(String, Json)] {
        match self {
            Json::Object(members) => members,
            _ => &[],
        }
    }
}

/// Reads one JSON document: what json.dumps writes.
fn parse(text: &str) -> Result<Json, String> {
    let mut reader = Reader {
        chars: text.chars().collect(),
        at: 0,
    };
    let value = reader.value()?;
    reader.blank();
    if reader.at != reader.chars.len() {
        return Err(format!("text after the document at {}", reader.at));
    }
    Ok(value)
}

struct Reader {
    chars: Vec<char>,
    at: usize,
}

impl Reader {
    fn blank(&mut self) {
        while matches!(self.peek(), Some(' ' | '\n' | '\r' | '\t')) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn next(&mut self) -> Result<char, String> {
        let c = self.peek().ok_or("unexpected end")?;
        self.at += 1;
        Ok(c)
    }

    fn expect(&mut self, word: &str) -> Result<(), String> {
        for c in word.chars() {
            if self.next()? != c {
                return Err(format!("expected {word} at {}", self.at));
            }
        }
        Ok(())
    }

    fn value(&mut self) -> Result<Json, String> {
        self.blank();
        match self.peek().ok_or("unexpected end")? {
            'n' => self.expect("null").map(|_| Json::Null),
            't' => self.expect("true").map(|_| Json::Bool(true)),
            'f' => self.expect("false").map(|_| Json::Bool(false)),
            '"' => self.string().map(Json::Str),
            '[' => {
                self.at += 1;
                let mut items = Vec::new();
                while self.separator(']', items.is_empty())? {
                    items.push(self.value()?);
                }
                Ok(Json::Array(items))
            }
            '{' => {
                self.at += 1;
                let mut members = Vec::new();
                while self.separator('}', members.is_empty())? {
                    self.blank();
                    let key = self.string()?;
                    self.blank();
                    self.expect(":")?;
                    members.push((key, self.value()?));
                }
                Ok(Json::Object(members))
            }
            _ => self.number(),
        }
    }

    /// Before each item of an array or object: false at its end.
    fn separator(&mut self, end: char, first: bool) -> Result<bool, String> {
        self.blank();
        if self.peek() == Some(end) {
            self.at += 1;
            return Ok(false);
        }
        if !first {
            self.expect(",")?;
        }
        Ok(true)
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.at;
        while matches!(self.peek(), Some('-' | '+' | '.' | 'e' | 'E' | '0'..='9')) {
            self.at += 1;
        }
        let digits: String = self.chars[start..self.at].iter().collect();
        if let Ok(n) = digits.parse() {
            return Ok(Json::Int(n));
        }
        match digits.parse() {
            Ok(n) if digits.bytes().any(|b| b.is_ascii_digit()) => Ok(Json::Float(n)),
            _ => Err(format!("not a number at {start}: {digits:?}")),
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.expect("\"")?;
        let mut out = String::new();
        loop {
            match self.next()? {
                '"' => return Ok(out),
                '\\' => match self.next()? {
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    't' => out.push('\t'),
                    'u' => {
                        let mut unit = self.hex()?;
                        if (0xd800..0xdc00).contains(&unit) {
                            self.expect("\\u")?;
                            let low = self.hex()?;
                            unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                        }
                        out.push(char::from_u32(unit).ok_or("a lone surrogate")?);
                    }
                    c => out.push(c), // \" \\ \/
                },
                c => out.push(c),
            }
        }
    }

    fn hex(&mut self) -> Result<u32, String> {
        let digits: String = (0..4).map(|_| self.next()).collect::<Result<_, _>>()?;
        u32::from_str_radix(&digits, 16).map_err(|_| format!("bad \\u escape at {}", self.at))
    }
}

/// A value as JSON, as the vectors write it (json.dumps with ensure_ascii=False).
fn show(value: &Json) -> String {
    let mut out = String::new();
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Int(n) => out.push_str(&n.to_string()),
        Json::Float(n) => out.push_str(&format!("{n:?}")),
        Json::Str(s) => {
            out.push('"');
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    '\u{8}' => out.push_str("\\b"),
                    '\u{c}' => out.push_str("\\f"),
                    c if (c as u32) < 0x20 => {
                        let _ = write!(out, "\\u{:04x}", c as u32);
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
        }
        Json::Array(items) => {
            let shown: Vec<String> = items.iter().map(show).collect();
            out = format!("[{}]", shown.join(", "));
        }
        Json::Object(members) => {
            let shown: Vec<String> = members
                .iter()
                .map(|(k, v)| format!("{}: {}", show(&Json::Str(k.clone())), show(v)))
                .collect();
            out = format!("{{{}}}", shown.join(", "));
        }
    }
    out
}

/// A parameter's value in a format case: an integer or a string, shown as Rust shows it.
pub enum Param {
    Int(i64),
    Str(String),
}

impl std::fmt::Display for Param {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Param::Int(n) => n.fmt(f),
            Param::Str(s) => f.write_str(s),
        }
    }
}

impl Param {
    fn from_json(value: &Json) -> Param {
        match value {
            Json::Int(n) => Param::Int(*n),
            other => Param::Str(other.text().unwrap_or_default().to_string()),
        }
    }
}

/// A formatting or construction that failed: (kind, parameter), as the vectors write them.
pub type Problem = (&'static str, String);

/// What an error built from a code and parameters says, in a form every module shares.
pub struct ErrorSaid {
    pub code: Json,
    pub text: String,
    pub message: String,
    pub message_in: String,
    pub solution: Option<String>,
    pub solution_in: Option<String>,
    pub params: Vec<(String, String)>,
    pub category: Option<&'static str>,
    pub http_status: Option<u16>,
    pub retryable: Option<bool>,
    pub doc_url: Option<String>,
    /// The error from the typed constructor, if the code has one: its text, and whether it
    /// equals the error that `Error::new` built.
    pub typed: Option<(String, bool)>,
}

/// What formatting a code with parameters gives, and the error built from them.
pub struct Formatted {
    pub message: Result<String, Problem>,
    pub solution: Result<Option<String>, Problem>,
    pub error: Result<ErrorSaid, Problem>,
}

/// Formats a code (by its JSON value) with parameters in a language; `None` when the
/// lookup of the code finds nothing.
pub type Format = fn(&Json, &[(String, Param)], Option<&str>) -> Option<Formatted>;

/// A code's text in a language, if it has one: `message_in` or `solution_in`.
pub type TextIn = Box<dyn Fn(&str) -> Option<&'static str>>;

/// What one code of a generated module says, in a form every module shares.
pub struct Said {
    pub code: Json,
    pub name: &'static str,
    pub message: &'static str,
    pub display: String,
    pub messages: Vec<(&'static str, &'static str)>,
    pub message_in: TextIn,
    pub solution: Option<&'static str>,
    pub solutions: Vec<(&'static str, &'static str)>,
    pub solution_in: TextIn,
    pub category: Option<&'static str>,
    pub http_status: Option<u16>,
    pub retryable: Option<bool>,
    pub doc_url: Option<String>,
    /// (reason, the name of the code that replaces it)
    pub deprecation: Option<(&'static str, Option<&'static str>)>,
    pub placeholders: Vec<&'static str>,
    /// `code.error()`: its text, or the message it panics with.
    pub error: Result<String, String>,
    /// The name of the code's typed constructor, if it has placeholders.
    pub constructor: Option<&'static str>,
}

/// What classifying a response gave, in a form every module shares.
pub struct Classified {
    pub code: Json,
    pub how: &'static str,
    /// `how()` written by its `Display`.
    pub how_text: String,
    pub params: Vec<(String, String)>,
    /// `error()`: its text, if any.
    pub error: Option<String>,
    /// The error the error API builds from the code and the params: `Error::new` when they
    /// are exactly the code's placeholders, `code.error()` when it has none, else none.
    pub api_error: Option<String>,
    /// Whether `error()` equals that error (`==`).
    pub error_agrees: bool,
}

/// A classify case's status: an HTTP status, if it is one.
pub type Status = Option<u16>;

/// A generated module, through its public API.
pub struct Module {
    /// `Code::ALL`, in order.
    pub all: Vec<Said>,
    /// Each identifier the adapter names (variants and alias constants) with its code.
    pub identifiers: Vec<(&'static str, Json)>,
    /// `TryFrom<i64>` for integer codes, `FromStr` for string codes; both must agree with
    /// `FromStr` of the code's decimal text for integer codes, or the lookup fails.
    pub lookup: fn(&Json) -> Option<Said>,
    /// `Code::from_name`: the code found, as JSON.
    pub from_name: fn(&str) -> Option<Json>,
    pub format: Format,
    /// `classify` of the body (converted to the crate's `Json`).
    pub classify: fn(Status, &Json) -> Option<Classified>,
    /// `classify_text`.
    pub classify_text: fn(Status, &str) -> Option<Classified>,
}

/// The Module of a generated module:
/// `module!(errcodes::weex, integer, [Identifier, ...], [(Identifier, constructor, [0]), ...])`.
#[macro_export]
macro_rules! module {
    (
        $krate:ident::$platform:ident,
        $kind:ident,
        [$($identifier:ident),* $(,)?],
        [$(($variant:ident, $constructor:ident, [$($index:literal),*])),* $(,)?]
    ) => {{
        use $krate as root;
        use $krate::$platform as generated;
        use $crate::{Classified, ErrorSaid, Formatted, Json, Module, Param, Problem, Said};

        /// Each code with placeholders, its typed constructor's name, and a call of it with
        /// the values in the order of its placeholders.
        type Typed = fn(&[Param]) -> generated::Error;
        const TYPED: &[(generated::Code, &str, Typed)] = &[$((
            generated::Code::$variant,
            stringify!($constructor),
            |values| generated::Error::$constructor($(&values[$index]),*),
        )),*];

        fn typed(c: generated::Code) -> Option<&'static (generated::Code, &'static str, Typed)> {
            TYPED.iter().find(|(code, _, _)| *code == c)
        }

        fn problem(e: root::FormatError) -> Problem {
            let kind = match e.kind() {
                root::FormatErrorKind::Missing => "missing",
                root::FormatErrorKind::Unknown => "unknown",
                _ => "?",
            };
            let text = e.to_string();
            let named = text.contains(&format!("{:?}", e.param()));
            let code = text.contains(&format!("{} ", <generated::Code as root::PlatformCode>::PLATFORM));
            let param = if named && code { e.param().to_string() } else { format!("{text:?} names neither parameter nor code") };
            (kind, param)
        }

        /// `code.error()`: its text, or what it panics with.
        fn error(c: generated::Code) -> Result<String, String> {
            // The panic is expected: no report of it on stderr.
            let report = std::panic::take_hook();
            std::panic::set_hook(Box::new(|_| {}));
            let caught = std::panic::catch_unwind(|| c.error().to_string());
            std::panic::set_hook(report);
            caught.map_err(|payload| {
                payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default()
            })
        }

        fn format(code: &Json, params: &[(String, Param)], language: Option<&str>) -> Option<Formatted> {
            let c = module!(@lookup $kind, code)?;
            let given: Vec<(&str, &dyn std::fmt::Display)> = params
                .iter()
                .map(|(name, value)| (name.as_str(), value as &dyn std::fmt::Display))
                .collect();
            let error = generated::Error::new(c, &given).map_err(problem).map(|e| {
                let values: Vec<Param> = c
                    .placeholders()
                    .iter()
                    .filter_map(|name| params.iter().find(|(n, _)| n == name))
                    .map(|(_, value)| match value {
                        Param::Int(n) => Param::Int(*n),
                        Param::Str(s) => Param::Str(s.clone()),
                    })
                    .collect();
                let typed = typed(c).map(|(_, _, call)| {
                    let built = call(&values);
                    (built.to_string(), built == e)
                });
                let language = language.unwrap_or("");
                ErrorSaid {
                    code: module!(@code $kind, e.code()),
                    text: e.to_string(),
                    message: e.message().to_string(),
                    message_in: e.message_in(language),
                    solution: e.solution().map(str::to_string),
                    solution_in: e.solution_in(language),
                    params: e.params().map(|(n, v)| (n.to_string(), v.to_string())).collect(),
                    category: e.category(),
                    http_status: e.http_status(),
                    retryable: e.retryable(),
                    doc_url: e.doc_url(),
                    typed,
                }
            });
            Some(Formatted {
                message: c.format(&given, language).map_err(problem),
                solution: c.format_solution(&given, language).map_err(problem),
                error,
            })
        }

        fn said(c: generated::Code) -> Said {
            Said {
                code: module!(@code $kind, c),
                name: c.name(),
                message: c.message(),
                display: c.to_string(),
                messages: c.messages().collect(),
                message_in: Box::new(move |language| c.message_in(language)),
                solution: c.solution(),
                solutions: c.solutions().collect(),
                solution_in: Box::new(move |language| c.solution_in(language)),
                category: c.category(),
                http_status: c.http_status(),
                retryable: c.retryable(),
                doc_url: c.doc_url(),
                deprecation: c
                    .deprecation()
                    .map(|d| (d.reason(), d.replaced_by().map(generated::Code::name))),
                placeholders: c.placeholders(),
                error: error(c),
                constructor: typed(c).map(|(_, name, _)| *name),
            }
        }

        fn lookup(code: &Json) -> Option<Said> {
            module!(@lookup $kind, code).map(said)
        }

        /// A value of the harness as the crate's own JSON value.
        fn body(value: &Json) -> root::Json {
            match value {
                Json::Null => root::Json::Null,
                Json::Bool(b) => root::Json::Bool(*b),
                Json::Int(n) => root::Json::Number(*n as f64),
                Json::Float(n) => root::Json::Number(*n),
                Json::Str(s) => root::Json::String(s.clone()),
                Json::Array(items) => root::Json::Array(items.iter().map(body).collect()),
                Json::Object(members) => root::Json::Object(
                    members.iter().map(|(k, v)| (k.clone(), body(v))).collect(),
                ),
            }
        }

        fn classified(found: Option<generated::Classification>) -> Option<Classified> {
            let found = found?;
            let c = found.code();
            let params: Vec<(String, String)> =
                found.params().map(|(n, v)| (n.to_string(), v.to_string())).collect();
            let given: Vec<(&str, &dyn std::fmt::Display)> = params
                .iter()
                .map(|(name, value)| (name.as_str(), value as &dyn std::fmt::Display))
                .collect();
            let placeholders = c.placeholders();
            let exact = placeholders.len() == params.len()
                && placeholders.iter().all(|p| params.iter().any(|(n, _)| n == p));
            let api_error = if exact {
                generated::Error::new(c, &given).ok()
            } else if placeholders.is_empty() {
                Some(c.error())
            } else {
                None
            };
            let error = found.error();
            Some(Classified {
                code: module!(@code $kind, c),
                how: found.how().as_str(),
                how_text: found.how().to_string(),
                params,
                error: error.as_ref().map(|e| e.to_string()),
                api_error: api_error.as_ref().map(|e| e.to_string()),
                error_agrees: error == api_error,
            })
        }

        // A constant array: one expression per identifier keeps the build fast.
        let named: &[(&str, generated::Code)] =
            &[$((stringify!($identifier), generated::Code::$identifier)),*];
        Module {
            all: generated::Code::ALL.iter().copied().map(said).collect(),
            identifiers: named.iter().map(|&(i, c)| (i, said(c).code)).collect(),
            lookup,
            from_name: |name| generated::Code::from_name(name).map(|c| module!(@code $kind, c)),
            format,
            classify: |status, value| classified(generated::classify(status, &body(value))),
            classify_text: |status, text| classified(generated::classify_text(status, text)),
        }
    }};
    (@code integer, $c:expr) => {
        Json::Int($c.code())
    };
    (@code string, $c:expr) => {
        Json::Str($c.code().to_string())
    };
    (@lookup integer, $code:expr) => {
        match $code {
            Json::Int(n) => {
                let found = generated::Code::try_from(*n).ok();
                let parsed = n.to_string().parse::<generated::Code>().ok();
                if found == parsed { found } else { None }
            }
            _ => None,
        }
    };
    (@lookup string, $code:expr) => {
        $code.text().and_then(|text| text.parse::<generated::Code>().ok())
    };
}

fn text(value: Option<&str>) -> Json {
    value.map_or(Json::Null, |s| Json::Str(s.to_string()))
}

fn languages(texts: &[(&str, &str)]) -> Json {
    let sorted: BTreeSet<&str> = texts.iter().map(|(language, _)| *language).collect();
    Json::Array(
        sorted
            .into_iter()
            .map(|s| Json::Str(s.to_string()))
            .collect(),
    )
}

fn keys(texts: &Json) -> Json {
    let sorted: BTreeSet<&str> = texts.members().iter().map(|(k, _)| k.as_str()).collect();
    Json::Array(
        sorted
            .into_iter()
            .map(|s| Json::Str(s.to_string()))
            .collect(),
    )
}

/// Every disagreement between a module and its vectors.
fn check(vectors: &Json, module: &Module) -> Vec<String> {
    let platform = vectors.get("platform").text().unwrap_or("?");
    let problems = RefCell::new(Vec::new());
    let note = |code: &Json, what: &str| {
        problems
            .borrow_mut()
            .push(format!("{platform} {} {what}", show(code)));
    };
    let expect = |code: &Json, field: &str, got: Json, want: &Json| {
        if got != *want {
            problems.borrow_mut().push(format!(
                "{platform} {} {field}: got {}, want {}",
                show(code),
                show(&got),
                show(want)
            ));
        }
    };
    let identified = |identifier: &str| {
        let found = module.identifiers.iter().find(|(i, _)| *i == identifier);
        found.map_or(Json::Null, |(_, code)| code.clone())
    };
    let found = |name: &str| (module.from_name)(name).unwrap_or(Json::Null);
    let unknown_languages = vectors.get("unknown").get("languages").items();
    for vector in vectors.get("codes").items() {
        let code = vector.get("code");
        let Some(said) = (module.lookup)(code) else {
            note(code, "lookup: finds nothing");
            continue;
        };
        let identifier = vector.get("identifiers").get("rust").text().unwrap_or("");
        expect(
            code,
            &format!("identifier {identifier}"),
            identified(identifier),
            code,
        );
        for alias in vector.get("aliases").items() {
            let name = alias.get("name").text().unwrap_or("");
            let identifier = alias.get("identifiers").get("rust").text().unwrap_or("");
            expect(code, &format!("alias {name}"), identified(identifier), code);
        }
        expect(code, "code", said.code.clone(), code);
        expect(code, "name", text(Some(said.name)), vector.get("name"));
        for (kind, texts, get) in [
            ("message", vector.get("message"), &said.message_in),
            ("solution", vector.get("solution"), &said.solution_in),
        ] {
            for (language, want) in texts.members() {
                expect(
                    code,
                    &format!("{kind}.{language}"),
                    text(get(language)),
                    want,
                );
            }
            for language in unknown_languages {
                let language = language.text().unwrap_or("");
                expect(
                    code,
                    &format!("{kind}.{language}"),
                    text(get(language)),
                    &Json::Null,
                );
            }
        }
        let messages = keys(vector.get("message"));
        expect(
            code,
            "message languages",
            languages(&said.messages),
            &messages,
        );
        let solutions = keys(vector.get("solution"));
        expect(
            code,
            "solution languages",
            languages(&said.solutions),
            &solutions,
        );
        let default = vector.get("default_message");
        expect(code, "default_message", text(Some(said.message)), default);
        expect(code, "to_string()", text(Some(&said.display)), default);
        let default = vector.get("default_solution");
        expect(code, "default_solution", text(said.solution), default);
        expect(
            code,
            "category",
            text(said.category),
            vector.get("category"),
        );
        let status = said.http_status.map_or(Json::Null, |s| Json::Int(s.into()));
        expect(code, "http_status", status, vector.get("http_status"));
        let retryable = said.retryable.map_or(Json::Null, Json::Bool);
        expect(code, "retryable", retryable, vector.get("retryable"));
        let deprecated = said
            .deprecation
            .map_or(Json::Null, |(reason, replaced_by)| {
                Json::Object(vec![
                    ("reason".into(), text(Some(reason))),
                    ("replaced_by".into(), text(replaced_by)),
                ])
            });
        expect(code, "deprecated", deprecated, vector.get("deprecated"));
        let doc_url = text(said.doc_url.as_deref());
        expect(code, "doc_url", doc_url, vector.get("doc_url"));
        let placeholders = strings(said.placeholders.iter().copied());
        expect(
            code,
            "placeholders",
            placeholders,
            vector.get("placeholders"),
        );
        let name = vector.get("name").text().unwrap_or("");
        expect(code, "from_name", found(name), code);
        for alias in vector.get("aliases").items() {
            let name = alias.get("name").text().unwrap_or("");
            expect(code, &format!("from_name {name}"), found(name), code);
        }
        if vector.get("placeholders").items().is_empty() {
            let text = format!("{platform} {}: {}", written(code), said.message);
            expect(code, "error()", text_of(&said.error), &Json::Str(text));
        } else {
            // A code with placeholders has a typed constructor, which error() names.
            match (&said.error, said.constructor) {
                (Err(panic), Some(constructor))
                    if panic.contains(&format!("Error::{constructor}(")) => {}
                (error, constructor) => note(
                    code,
                    &format!("error(): got {error:?}, want a panic naming Error::{constructor:?}"),
                ),
            }
        }
    }
    let defined: Vec<&Json> = vectors
        .get("codes")
        .items()
        .iter()
        .map(|v| v.get("code"))
        .collect();
    for said in &module.all {
        if !defined.contains(&&said.code) {
            problems.borrow_mut().push(format!(
                "{platform} {}: not in the vectors",
                show(&said.code)
            ));
        }
    }
    let order: Vec<Json> = module.all.iter().map(|said| said.code.clone()).collect();
    let want: Vec<Json> = defined.iter().map(|&code| code.clone()).collect();
    if order != want {
        let shown = |codes: Vec<Json>| show(&Json::Array(codes));
        problems.borrow_mut().push(format!(
            "{platform} Code::ALL: got {}, want {}",
            shown(order),
            shown(want)
        ));
    }
    for name in vectors.get("unknown").get("names").items() {
        let name = name.text().unwrap_or("");
        if let Some(code) = (module.from_name)(name) {
            note(
                &code,
                &format!("from_name {}: finds a code", show(&Json::Str(name.into()))),
            );
        }
    }
    for case in vectors.get("format").items() {
        check_format(platform, case, module, &problems);
    }
    for (index, case) in vectors.get("classify").items().iter().enumerate() {
        check_classify(vectors, index, case, module, &problems);
    }
    for unknown in vectors.get("unknown").get("codes").items() {
        if (module.lookup)(unknown).is_some() {
            note(
                unknown,
                "lookup: finds a code the catalogue does not define",
            );
        }
    }
    problems.into_inner()
}

fn strings<'a>(texts: impl Iterator<Item = &'a str>) -> Json {
    Json::Array(texts.map(|s| Json::Str(s.to_string())).collect())
}

/// A code as the catalogue writes it: an integer in decimal, a string as it is.
fn written(code: &Json) -> String {
    match code {
        Json::Int(n) => n.to_string(),
        other => other.text().unwrap_or_default().to_string(),
    }
}

fn text_of(result: &Result<String, String>) -> Json {
    match result {
        Ok(text) => Json::Str(text.clone()),
        Err(panic) => Json::Str(format!("a panic: {panic}")),
    }
}

fn problem_of<T>(result: &Result<T, Problem>) -> Json {
    match result {
        Ok(_) => Json::Null,
        Err((kind, param)) => Json::Object(vec![
            ("kind".into(), Json::Str(kind.to_string())),
            ("param".into(), Json::Str(param.clone())),
        ]),
    }
}

/// Every disagreement between a module and one format case of its vectors.
fn check_format(platform: &str, case: &Json, module: &Module, problems: &RefCell<Vec<String>>) {
    let code = case.get("code");
    let language = case.get("language").text();
    let params: Vec<(String, Param)> = case
        .get("params")
        .members()
        .iter()
        .map(|(name, value)| (name.clone(), Param::from_json(value)))
        .collect();
    let what = format!(
        "format {} in {}",
        show(case.get("params")),
        language.unwrap_or("the default language")
    );
    let expect = |field: &str, got: Json, want: &Json| {
        if got != *want {
            problems.borrow_mut().push(format!(
                "{platform} {} {what} {field}: got {}, want {}",
                show(code),
                show(&got),
                show(want)
            ));
        }
    };
    let Some(formatted) = (module.format)(code, &params, language) else {
        expect("lookup", Json::Null, code);
        return;
    };
    let want = case.get("problem");
    expect("message problem", problem_of(&formatted.message), want);
    expect("solution problem", problem_of(&formatted.solution), want);
    expect("Error::new problem", problem_of(&formatted.error), want);
    if *want != Json::Null {
        return;
    }
    if let Ok(message) = &formatted.message {
        expect("message", Json::Str(message.clone()), case.get("message"));
    }
    if let Ok(solution) = &formatted.solution {
        expect("solution", text(solution.as_deref()), case.get("solution"));
    }
    let Ok(error) = &formatted.error else {
        return;
    };
    let error_text = case.get("error_text");
    expect("error text", Json::Str(error.text.clone()), error_text);
    expect("error code", error.code.clone(), code);
    let prefix = format!("{platform} {}: ", written(code));
    let message = error_text.text().and_then(|t| t.strip_prefix(&prefix));
    expect(
        "error message()",
        Json::Str(error.message.clone()),
        &text(message),
    );
    if language.is_some() {
        let got = Json::Str(error.message_in.clone());
        expect("error message_in", got, case.get("message"));
        let got = text(error.solution_in.as_deref());
        expect("error solution_in", got, case.get("solution"));
    } else {
        let got = text(error.solution.as_deref());
        expect("error solution()", got, case.get("solution"));
    }
    let given: Vec<(String, String)> = params
        .iter()
        .map(|(name, value)| (name.clone(), value.to_string()))
        .collect();
    let mut got = error.params.clone();
    got.sort();
    let mut want = given.clone();
    want.sort();
    if got != want {
        expect(
            "error params()",
            Json::Str(format!("{got:?}")),
            &Json::Str(format!("{want:?}")),
        );
    }
    let said = (module.lookup)(code);
    let category = said.as_ref().and_then(|s| s.category);
    expect("error category", text(error.category), &text(category));
    let status = |s: Option<u16>| s.map_or(Json::Null, |s| Json::Int(s.into()));
    let want_status = status(said.as_ref().and_then(|s| s.http_status));
    expect("error http_status", status(error.http_status), &want_status);
    let retryable = |r: Option<bool>| r.map_or(Json::Null, Json::Bool);
    let want_retryable = retryable(said.as_ref().and_then(|s| s.retryable));
    expect(
        "error retryable",
        retryable(error.retryable),
        &want_retryable,
    );
    let want_doc_url = text(said.as_ref().and_then(|s| s.doc_url.as_deref()));
    expect(
        "error doc_url",
        text(error.doc_url.as_deref()),
        &want_doc_url,
    );
    match &error.typed {
        Some((typed_text, equal)) => {
            expect(
                "typed constructor text",
                Json::Str(typed_text.clone()),
                error_text,
            );
            expect(
                "typed constructor == Error::new",
                Json::Bool(*equal),
                &Json::Bool(true),
            );
        }
        None if !params.is_empty() => expect("typed constructor", Json::Null, &Json::Bool(true)),
        None => {}
    }
}

/// Every disagreement between a module and one classify case of its vectors.
fn check_classify(
    vectors: &Json,
    index: usize,
    case: &Json,
    module: &Module,
    problems: &RefCell<Vec<String>>,
) {
    let platform = vectors.get("platform").text().unwrap_or("?");
    let expect = |field: &str, got: Json, want: &Json| {
        if got != *want {
            problems.borrow_mut().push(format!(
                "{platform} classify[{index}] {field}: got {}, want {}",
                show(&got),
                show(want)
            ));
        }
    };
    let status = match case.get("status") {
        Json::Int(n) => u16::try_from(*n).ok(),
        _ => None,
    };
    let has = |key: &str| case.members().iter().any(|(k, _)| k == key);
    let got = match (has("body"), case.get("text").text()) {
        (true, None) => (module.classify)(status, case.get("body")),
        (false, Some(text)) => (module.classify_text)(status, text),
        _ => {
            expect("case", Json::Null, &Json::Str("a body or a text".into()));
            return;
        }
    };
    let want = case.get("want");
    let Some(got) = got else {
        expect("result", Json::Null, want);
        return;
    };
    let pairs = |params: &[(String, String)]| {
        Json::Object(
            params
                .iter()
                .map(|(name, value)| (name.clone(), Json::Str(value.clone())))
                .collect(),
        )
    };
    if *want == Json::Null {
        let said = Json::Object(vec![
            ("code".into(), got.code.clone()),
            ("how".into(), Json::Str(got.how.into())),
            ("params".into(), pairs(&got.params)),
        ]);
        expect("result", said, want);
        return;
    }
    expect("code", got.code.clone(), want.get("code"));
    expect("how", Json::Str(got.how.into()), want.get("how"));
    expect("how (Display)", Json::Str(got.how_text.clone()), want.get("how"));
    expect("params", pairs(&got.params), want.get("params"));
    // error(): an error exactly when the params are the code's placeholders or it has none.
    let code = vectors
        .get("codes")
        .items()
        .iter()
        .find(|vector| vector.get("code") == &got.code);
    let placeholders = code.map_or(&[][..], |vector| vector.get("placeholders").items());
    let names: BTreeSet<&str> = placeholders.iter().filter_map(Json::text).collect();
    let given: BTreeSet<&str> = got.params.iter().map(|(name, _)| name.as_str()).collect();
    let has_error = names == given || names.is_empty();
    expect(
        "error() is some",
        Json::Bool(got.error.is_some()),
        &Json::Bool(has_error),
    );
    expect("error()", text(got.error.as_deref()), &text(got.api_error.as_deref()));
    expect(
        "error() == the error API's",
        Json::Bool(got.error_agrees),
        &Json::Bool(true),
    );
}

#[test]
fn conformance() {
    let directory = std::env::var("CONFORMANCE_VECTORS")
        .expect("CONFORMANCE_VECTORS is not set: see how to run this file at its top");
    let mut paths: Vec<_> = std::fs::read_dir(&directory)
        .unwrap_or_else(|e| panic!("{directory}: {e}"))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no vectors (*.json) in {directory}");
    let mut modules = modules::modules();
    let mut problems = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("readable vectors");
        let vectors = parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let platform = vectors.get("platform").text().unwrap_or("?").to_string();
        match modules.iter().position(|(name, _)| *name == platform) {
            Some(i) => problems.extend(check(&vectors, &modules.remove(i).1)),
            None => problems.push(format!("{platform}: the adapter names no module for it")),
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
