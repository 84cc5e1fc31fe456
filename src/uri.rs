//! Interface URIs: `interface:~owner/name-N` (DESIGN.md section 2).
//!
//! Parsing is strict and left to right (scheme, owner, name, revision): the first part that is
//! wrong is the one reported, so a message never blames a later part for an earlier mistake.

use std::fmt;
use std::str::FromStr;

/// The scheme every canonical URI starts with. Optional on input.
pub const PREFIX: &str = "interface:";

/// Longest owner, in characters.
pub const MAX_OWNER_LEN: usize = 64;

/// Longest name (without the revision), in characters.
pub const MAX_NAME_LEN: usize = 64;

/// A parsed, validated interface URI.
///
/// The fields are public for matching and destructuring; build values through [`InterfaceUri::parse`]
/// or [`InterfaceUri::new`] so that they print as URIs that parse back.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InterfaceUri {
    pub owner: Option<String>,
    pub name: String,
    pub revision: Option<u32>,
}

/// Which part of a URI an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UriPart {
    Scheme,
    Owner,
    Name,
    Revision,
    Whole,
}

impl fmt::Display for UriPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UriPart::Scheme => "scheme",
            UriPart::Owner => "owner",
            UriPart::Name => "name",
            UriPart::Revision => "revision",
            UriPart::Whole => "URI",
        })
    }
}

/// A rejected URI, owner or name. `reason` is a full sentence fragment that names the part and
/// the problem, so the Display output can go to a user as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid interface URI {input:?}: {reason}")]
pub struct UriError {
    pub input: String,
    pub part: UriPart,
    pub reason: String,
}

/// What the validators produce before they know which input string to blame.
type Problem = (UriPart, String);

fn err(input: &str, (part, reason): Problem) -> UriError {
    UriError {
        input: input.to_string(),
        part,
        reason,
    }
}

impl InterfaceUri {
    /// Parses `[interface:][~owner/]name[-N]`.
    pub fn parse(input: &str) -> Result<Self, UriError> {
        parse_parts(input).map_err(|p| err(input, p))
    }

    /// Builds a URI from its parts, applying the same rules as [`InterfaceUri::parse`].
    pub fn new(owner: Option<&str>, name: &str, revision: Option<u32>) -> Result<Self, UriError> {
        // Errors quote what the caller asked for, even when it would not print as a valid URI.
        let shown = || {
            let mut s = String::from(PREFIX);
            if let Some(o) = owner {
                s.push('~');
                s.push_str(o);
                s.push('/');
            }
            s.push_str(name);
            if let Some(r) = revision {
                s.push('-');
                s.push_str(&r.to_string());
            }
            s
        };
        if let Some(o) = owner {
            check_owner(o).map_err(|p| err(&shown(), p))?;
        }
        check_name(name).map_err(|p| err(&shown(), p))?;
        if revision == Some(0) {
            return Err(err(&shown(), revision_zero("0")));
        }
        Ok(InterfaceUri {
            owner: owner.map(str::to_string),
            name: name.to_string(),
            revision,
        })
    }

    /// The same interface at another revision (`None`: the latest).
    ///
    /// Revision 0 is never published, so passing `Some(0)` is a caller bug.
    pub fn with_revision(&self, revision: Option<u32>) -> Self {
        debug_assert_ne!(revision, Some(0), "revision 0 does not exist");
        InterfaceUri {
            revision,
            ..self.clone()
        }
    }

    pub fn without_revision(&self) -> Self {
        self.with_revision(None)
    }

    /// True for `interface:name[-N]`, which only resolves through a promulgation.
    pub fn is_promulgated_form(&self) -> bool {
        self.owner.is_none()
    }
}

impl FromStr for InterfaceUri {
    type Err = UriError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        InterfaceUri::parse(s)
    }
}

impl fmt::Display for InterfaceUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(PREFIX)?;
        if let Some(owner) = &self.owner {
            write!(f, "~{owner}/")?;
        }
        f.write_str(&self.name)?;
        if let Some(rev) = self.revision {
            write!(f, "-{rev}")?;
        }
        Ok(())
    }
}

impl serde::Serialize for InterfaceUri {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for InterfaceUri {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct UriVisitor;

        impl serde::de::Visitor<'_> for UriVisitor {
            type Value = InterfaceUri;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an interface URI such as \"interface:~owner/name-2\"")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<InterfaceUri, E> {
                InterfaceUri::parse(v).map_err(E::custom)
            }
        }

        deserializer.deserialize_str(UriVisitor)
    }
}

/// Checks a bare interface name (no scheme, owner or revision).
pub fn validate_name(name: &str) -> Result<(), UriError> {
    check_name(name).map_err(|p| err(name, p))
}

/// Checks a bare owner (no `~` or `/`).
pub fn validate_owner(owner: &str) -> Result<(), UriError> {
    check_owner(owner).map_err(|p| err(owner, p))
}

fn parse_parts(input: &str) -> Result<InterfaceUri, Problem> {
    if input.is_empty() {
        return Err((UriPart::Whole, "the input is empty".into()));
    }
    // Whitespace is checked on the whole input first because it usually sits between parts
    // (`interface: mysql`) and would otherwise be blamed on whichever part it touches.
    if let Some((i, c)) = input.chars().enumerate().find(|(_, c)| c.is_whitespace()) {
        return Err((
            UriPart::Whole,
            format!(
                "it contains whitespace ({} at character {}); an interface URI has no spaces",
                describe(c),
                i + 1
            ),
        ));
    }

    let rest = input.strip_prefix(PREFIX).unwrap_or(input);
    check_scheme(rest)?;

    let (owner, name_rev) = split_owner(rest)?;
    if let Some(o) = owner {
        check_owner(o)?;
    }

    let (name, revision) = split_revision(name_rev);
    check_name(name)?;
    let revision = match revision {
        None => None,
        Some(tail) => Some(check_revision(owner, name, tail)?),
    };

    Ok(InterfaceUri {
        owner: owner.map(str::to_string),
        name: name.to_string(),
        revision,
    })
}

/// Rejects anything that looks like another scheme (`cs:`, `ch:`, `https:`). Neither owners nor
/// names may hold `:`, so a colon before any `~` or `/` can only be a scheme.
fn check_scheme(rest: &str) -> Result<(), Problem> {
    let Some(colon) = rest.find(':') else {
        return Ok(());
    };
    let scheme = &rest[..colon];
    if scheme.contains(['~', '/']) {
        // The colon sits inside the owner or name; their own checks name it.
        return Ok(());
    }
    let reason = if scheme.is_empty() {
        "it starts with \":\" but has no scheme before it; only \"interface:\" is accepted, \
         and it may be left out"
            .to_string()
    } else if scheme == "interface" {
        "the scheme \"interface:\" appears twice".to_string()
    } else if scheme.eq_ignore_ascii_case("interface") {
        format!(
            "the scheme \"{scheme}:\" is not accepted; only \"interface:\" is accepted \
             (in lower case), and it may be left out"
        )
    } else {
        format!(
            "the scheme \"{scheme}:\" is not accepted; only \"interface:\" is accepted, \
             and it may be left out"
        )
    };
    Err((UriPart::Scheme, reason))
}

/// Splits `~owner/name-N` into owner and `name-N`. The split is on the last `/` so that a stray
/// `/` lands in the owner, whose check names it, rather than producing a confusing name error.
fn split_owner(rest: &str) -> Result<(Option<&str>, &str), Problem> {
    match rest.strip_prefix('~') {
        Some(after) => match after.rfind('/') {
            Some(slash) => Ok((Some(&after[..slash]), &after[slash + 1..])),
            None => Err((
                UriPart::Owner,
                "\"~\" starts an owner but no \"/\" follows it; write \"~owner/name\"".into(),
            )),
        },
        None if rest.contains('/') => {
            let fix = if rest.starts_with('/') {
                "\"~owner/name\"".to_string()
            } else {
                format!("{:?}", format!("~{rest}"))
            };
            Err((
                UriPart::Owner,
                format!("it has a \"/\" but no \"~\" before the owner; write {fix}"),
            ))
        }
        None => Ok((None, rest)),
    }
}

/// What follows the last `-` of `name-N`, when it is meant as a revision.
enum RevisionTail<'a> {
    /// `-N`: ASCII digits, not yet checked for zero, leading zeros or size.
    Digits(&'a str),
    /// `--N` or `-+N`: a signed number; the payload is the sign plus digits.
    Signed(&'a str),
}

/// Splits off a trailing revision. Every name segment holds a letter, so `-<digits>` at the end
/// can only be a revision. Signed forms are split too so the message can talk about a revision
/// sign instead of an odd-looking name.
fn split_revision(name_rev: &str) -> (&str, Option<RevisionTail<'_>>) {
    let Some(dash) = name_rev.rfind('-') else {
        return (name_rev, None);
    };
    let (before, tail) = (&name_rev[..dash], &name_rev[dash + 1..]);
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if all_digits(tail) {
        if let Some(name) = before.strip_suffix('-') {
            return (name, Some(RevisionTail::Signed(&name_rev[dash..])));
        }
        return (before, Some(RevisionTail::Digits(tail)));
    }
    if let Some(digits) = tail.strip_prefix('+')
        && all_digits(digits)
    {
        return (before, Some(RevisionTail::Signed(tail)));
    }
    (name_rev, None)
}

fn check_revision(owner: Option<&str>, name: &str, tail: RevisionTail<'_>) -> Result<u32, Problem> {
    let digits = match tail {
        RevisionTail::Signed(signed) => {
            return Err((
                UriPart::Revision,
                format!(
                    "the revision \"{signed}\" has a sign; a revision is a plain positive \
                     number, as in \"{name}-2\""
                ),
            ));
        }
        RevisionTail::Digits(d) => d,
    };
    let significant = digits.trim_start_matches('0');
    if significant.is_empty() {
        return Err(revision_zero(digits));
    }
    let Ok(n) = significant.parse::<u32>() else {
        return Err((
            UriPart::Revision,
            format!(
                "the revision {digits} is too large; the largest revision is {}",
                u32::MAX
            ),
        ));
    };
    if significant.len() != digits.len() {
        let canonical = InterfaceUri {
            owner: owner.map(str::to_string),
            name: name.to_string(),
            revision: Some(n),
        };
        return Err((
            UriPart::Revision,
            format!(
                "the revision \"{digits}\" has a leading zero; the canonical form is \"{canonical}\""
            ),
        ));
    }
    Ok(n)
}

fn revision_zero(digits: &str) -> Problem {
    let shown = if digits == "0" {
        String::new()
    } else {
        format!(" (\"{digits}\")")
    };
    (
        UriPart::Revision,
        format!("the revision is 0{shown}; revisions start at 1"),
    )
}

fn check_owner(owner: &str) -> Result<(), Problem> {
    const ALLOWED: &str = "owners use a-z, 0-9, \".\", \"+\" and \"-\"";
    let problem = |reason: String| Err((UriPart::Owner, reason));
    if owner.is_empty() {
        return problem("the owner is empty; write \"~owner/name\"".into());
    }
    if let Some(c) = owner.chars().find(|&c| !is_owner_char(c)) {
        return problem(match c {
            c if c.is_ascii_uppercase() => {
                format!("the owner {owner:?} has upper-case letters; {ALLOWED}")
            }
            '/' => format!(
                "the owner {owner:?} contains \"/\"; only one \"/\" may follow \"~owner\", and {ALLOWED}"
            ),
            c => format!("the owner {owner:?} contains {}; {ALLOWED}", describe(c)),
        });
    }
    if let Some(c) = owner.chars().next().filter(|c| !c.is_ascii_alphanumeric()) {
        return problem(format!(
            "the owner {owner:?} starts with \"{c}\"; owners must start with a-z or 0-9"
        ));
    }
    let len = owner.len();
    if len > MAX_OWNER_LEN {
        return problem(format!(
            "the owner is {len} characters long; the limit is {MAX_OWNER_LEN}"
        ));
    }
    Ok(())
}

fn is_owner_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '+' | '.' | '-')
}

fn check_name(name: &str) -> Result<(), Problem> {
    const ALLOWED: &str = "names use a-z, 0-9 and \"-\"";
    let problem = |reason: String| Err((UriPart::Name, reason));
    if name.is_empty() {
        return problem("the name is empty".into());
    }
    if let Some(c) = name.chars().find(|&c| !is_name_char(c)) {
        return problem(match c {
            c if c.is_ascii_uppercase() => {
                format!("the name {name:?} has upper-case letters; {ALLOWED}")
            }
            c => format!("the name {name:?} contains {}; {ALLOWED}", describe(c)),
        });
    }
    let len = name.len();
    if len > MAX_NAME_LEN {
        return problem(format!(
            "the name is {len} characters long; the limit is {MAX_NAME_LEN}"
        ));
    }
    if name.starts_with('-') {
        return problem(format!("the name {name:?} starts with \"-\""));
    }
    if name.ends_with('-') {
        return problem(format!(
            "the name {name:?} ends with \"-\"; a revision follows the dash, as in \"{}-2\"",
            name.trim_end_matches('-')
        ));
    }
    if name.contains("--") {
        return problem(format!(
            "the name {name:?} has an empty part between two \"-\"; use a single \"-\""
        ));
    }
    if !name.bytes().any(|b| b.is_ascii_lowercase()) {
        return problem(format!(
            "the name {name:?} has no letter; names need at least one letter (a-z)"
        ));
    }
    if let Some(seg) = name
        .split('-')
        .find(|seg| !seg.bytes().any(|b| b.is_ascii_lowercase()))
    {
        return problem(format!(
            "the name {name:?} has a part {seg:?} that holds no letter; every \"-\"-separated \
             part of a name needs a letter, because a trailing \"-<digits>\" is read as a revision"
        ));
    }
    Ok(())
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
}

/// How to show a rejected character so that invisible and look-alike ones are unambiguous.
fn describe(c: char) -> String {
    match c {
        ' ' => "a space".into(),
        c if c.is_ascii_graphic() => format!("{:?}", c.to_string()),
        c if c.is_ascii() || c.is_control() || c.is_whitespace() => format!("U+{:04X}", c as u32),
        c => format!("the non-ASCII character \"{c}\" (U+{:04X})", c as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// (input, owner, name, revision, canonical)
    type ValidRow = (
        &'static str,
        Option<&'static str>,
        &'static str,
        Option<u32>,
        &'static str,
    );

    const VALID: &[ValidRow] = &[
        ("mysql", None, "mysql", None, "interface:mysql"),
        ("interface:mysql", None, "mysql", None, "interface:mysql"),
        ("mysql-2", None, "mysql", Some(2), "interface:mysql-2"),
        (
            "interface:mysql-2",
            None,
            "mysql",
            Some(2),
            "interface:mysql-2",
        ),
        (
            "~bcsaller/mysql",
            Some("bcsaller"),
            "mysql",
            None,
            "interface:~bcsaller/mysql",
        ),
        (
            "interface:~bcsaller/mysql-12",
            Some("bcsaller"),
            "mysql",
            Some(12),
            "interface:~bcsaller/mysql-12",
        ),
        (
            "tls-certificates",
            None,
            "tls-certificates",
            None,
            "interface:tls-certificates",
        ),
        ("juju-info", None, "juju-info", None, "interface:juju-info"),
        (
            "interface:juju-info-1",
            None,
            "juju-info",
            Some(1),
            "interface:juju-info-1",
        ),
        ("s3", None, "s3", None, "interface:s3"),
        ("s3-7", None, "s3", Some(7), "interface:s3-7"),
        (
            "kube-control",
            None,
            "kube-control",
            None,
            "interface:kube-control",
        ),
        (
            "k8s-service",
            None,
            "k8s-service",
            None,
            "interface:k8s-service",
        ),
        (
            "~charmers/tls-certificates-3",
            Some("charmers"),
            "tls-certificates",
            Some(3),
            "interface:~charmers/tls-certificates-3",
        ),
        ("~a.b/x", Some("a.b"), "x", None, "interface:~a.b/x"),
        ("~a+b/x-9", Some("a+b"), "x", Some(9), "interface:~a+b/x-9"),
        ("~a-b/x", Some("a-b"), "x", None, "interface:~a-b/x"),
        ("~0day/x", Some("0day"), "x", None, "interface:~0day/x"),
        ("~a./x", Some("a."), "x", None, "interface:~a./x"),
        ("~1/a", Some("1"), "a", None, "interface:~1/a"),
        ("a", None, "a", None, "interface:a"),
        ("mysql-2x", None, "mysql-2x", None, "interface:mysql-2x"),
        (
            "2x-mysql-10",
            None,
            "2x-mysql",
            Some(10),
            "interface:2x-mysql-10",
        ),
        ("interface", None, "interface", None, "interface:interface"),
        (
            "interface:interface-3",
            None,
            "interface",
            Some(3),
            "interface:interface-3",
        ),
        ("mysql-10", None, "mysql", Some(10), "interface:mysql-10"),
        (
            "mysql-4294967295",
            None,
            "mysql",
            Some(u32::MAX),
            "interface:mysql-4294967295",
        ),
        ("a1b2-c3d4", None, "a1b2-c3d4", None, "interface:a1b2-c3d4"),
    ];

    /// (input, part, substring the message must contain)
    const INVALID: &[(&str, UriPart, &str)] = &[
        ("", UriPart::Whole, "empty"),
        ("interface:", UriPart::Name, "the name is empty"),
        (
            "cs:mysql",
            UriPart::Scheme,
            "only \"interface:\" is accepted",
        ),
        ("charm:x", UriPart::Scheme, "\"charm:\" is not accepted"),
        ("https://charmhub.io/mysql", UriPart::Scheme, "\"https:\""),
        ("Interface:mysql", UriPart::Scheme, "lower case"),
        (":mysql", UriPart::Scheme, "no scheme"),
        (
            "interface:interface:mysql",
            UriPart::Scheme,
            "appears twice",
        ),
        ("~bcsaller", UriPart::Owner, "no \"/\" follows"),
        ("interface:~", UriPart::Owner, "no \"/\" follows"),
        ("~/mysql", UriPart::Owner, "the owner is empty"),
        (
            "bcsaller/mysql",
            UriPart::Owner,
            "write \"~bcsaller/mysql\"",
        ),
        (
            "~aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/x",
            UriPart::Owner,
            "is 65 characters long; the limit is 64",
        ),
        ("~.bob/x", UriPart::Owner, "starts with \".\""),
        ("~-bob/x", UriPart::Owner, "starts with \"-\""),
        ("~+bob/x", UriPart::Owner, "starts with \"+\""),
        ("~a/b/c", UriPart::Owner, "the owner \"a/b\" contains \"/\""),
        ("~bob_smith/x", UriPart::Owner, "contains \"_\""),
        ("~Bob/x", UriPart::Owner, "upper-case"),
        (
            "~bøb/x",
            UriPart::Owner,
            "non-ASCII character \"ø\" (U+00F8)",
        ),
        ("~~bob/x", UriPart::Owner, "contains \"~\""),
        ("~bob/", UriPart::Name, "the name is empty"),
        (
            "interface:MySQL",
            UriPart::Name,
            "the name \"MySQL\" has upper-case letters",
        ),
        (
            "mysql-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            UriPart::Name,
            "is 65 characters long; the limit is 64",
        ),
        ("foo--bar", UriPart::Name, "empty part between two \"-\""),
        ("-mysql", UriPart::Name, "starts with \"-\""),
        ("mysql-", UriPart::Name, "ends with \"-\""),
        ("mysql-2-", UriPart::Name, "ends with \"-\""),
        (
            "foo-12-bar",
            UriPart::Name,
            "part \"12\" that holds no letter",
        ),
        (
            "mysql-2-3",
            UriPart::Name,
            "part \"2\" that holds no letter",
        ),
        ("interface:123", UriPart::Name, "at least one letter"),
        ("1-2", UriPart::Name, "at least one letter"),
        ("interface:-2", UriPart::Name, "the name is empty"),
        ("--2", UriPart::Name, "the name is empty"),
        (
            "mysql-é",
            UriPart::Name,
            "non-ASCII character \"é\" (U+00E9)",
        ),
        ("my_sql", UriPart::Name, "contains \"_\""),
        ("mysql.2", UriPart::Name, "contains \".\""),
        ("mysql~2", UriPart::Name, "contains \"~\""),
        ("mysql\u{7}", UriPart::Name, "U+0007"),
        ("~bob/cs:mysql", UriPart::Name, "contains \":\""),
        (
            "interface: mysql",
            UriPart::Whole,
            "whitespace (a space at character 11)",
        ),
        (" mysql", UriPart::Whole, "whitespace"),
        ("mysql\t", UriPart::Whole, "whitespace (U+0009"),
        (
            "mysql-0",
            UriPart::Revision,
            "the revision is 0; revisions start at 1",
        ),
        ("mysql-00", UriPart::Revision, "revisions start at 1"),
        (
            "mysql-+2",
            UriPart::Revision,
            "the revision \"+2\" has a sign",
        ),
        (
            "mysql--2",
            UriPart::Revision,
            "the revision \"-2\" has a sign",
        ),
        (
            "mysql-02",
            UriPart::Revision,
            "the canonical form is \"interface:mysql-2\"",
        ),
        (
            "~bob/mysql-007",
            UriPart::Revision,
            "the canonical form is \"interface:~bob/mysql-7\"",
        ),
        (
            "mysql-4294967296",
            UriPart::Revision,
            "too large; the largest revision is 4294967295",
        ),
        ("mysql-99999999999999999999", UriPart::Revision, "too large"),
        // Earlier parts are reported before later ones.
        ("~Bob/MySQL-0", UriPart::Owner, "upper-case"),
        ("MySQL-0", UriPart::Name, "upper-case"),
        ("MySQL--2", UriPart::Name, "upper-case"),
    ];

    #[test]
    fn table_has_enough_rows() {
        assert!(VALID.len() + INVALID.len() >= 40);
    }

    #[test]
    fn valid_inputs() {
        for &(input, owner, name, revision, canonical) in VALID {
            let uri = InterfaceUri::parse(input)
                .unwrap_or_else(|e| panic!("{input:?} should parse, got: {e}"));
            assert_eq!(uri.owner.as_deref(), owner, "owner of {input:?}");
            assert_eq!(uri.name, name, "name of {input:?}");
            assert_eq!(uri.revision, revision, "revision of {input:?}");
            assert_eq!(uri.to_string(), canonical, "canonical form of {input:?}");
            assert_eq!(InterfaceUri::parse(canonical).as_ref(), Ok(&uri));
            assert_eq!(input.parse::<InterfaceUri>().as_ref(), Ok(&uri));
            assert_eq!(InterfaceUri::new(owner, name, revision).as_ref(), Ok(&uri));
            // Inputs without the prefix must mean the same thing with it.
            if !input.starts_with(PREFIX) {
                let prefixed = format!("{PREFIX}{input}");
                assert_eq!(InterfaceUri::parse(&prefixed).as_ref(), Ok(&uri));
            }
        }
    }

    #[test]
    fn invalid_inputs() {
        for &(input, part, needle) in INVALID {
            let e = match InterfaceUri::parse(input) {
                Ok(uri) => panic!("{input:?} should be rejected, parsed as {uri:?}"),
                Err(e) => e,
            };
            let msg = e.to_string();
            assert_eq!(e.part, part, "part for {input:?}: {msg}");
            assert_eq!(e.input, input);
            assert!(
                msg.contains(needle),
                "message for {input:?} should contain {needle:?}, got: {msg}"
            );
            assert!(
                msg.starts_with(&format!("invalid interface URI {input:?}: ")),
                "{msg}"
            );
        }
    }

    #[test]
    fn message_reads_as_documented() {
        let e = InterfaceUri::parse("interface:MySQL").unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid interface URI \"interface:MySQL\": the name \"MySQL\" has upper-case \
             letters; names use a-z, 0-9 and \"-\""
        );
    }

    #[test]
    fn length_limits_are_inclusive() {
        let name = "a".repeat(MAX_NAME_LEN);
        let owner = "b".repeat(MAX_OWNER_LEN);
        let uri = InterfaceUri::parse(&format!("~{owner}/{name}-1")).unwrap();
        assert_eq!(uri.name.len(), 64);
        assert_eq!(uri.owner.as_deref().map(str::len), Some(64));
        assert_eq!(
            validate_name(&format!("{name}a")).unwrap_err().part,
            UriPart::Name
        );
        assert_eq!(
            validate_owner(&format!("{owner}b")).unwrap_err().part,
            UriPart::Owner
        );
    }

    #[test]
    fn bare_validators() {
        assert!(validate_name("tls-certificates").is_ok());
        assert!(validate_name("s3").is_ok());
        let e = validate_name("mysql-2").unwrap_err();
        assert_eq!((e.part, e.input.as_str()), (UriPart::Name, "mysql-2"));
        assert!(e.reason.contains("part \"2\""), "{e}");
        assert_eq!(validate_name("my sql").unwrap_err().part, UriPart::Name);
        assert!(validate_owner("bcsaller").is_ok());
        assert!(validate_owner("a.b+c-d").is_ok());
        assert!(validate_owner("").unwrap_err().reason.contains("empty"));
        assert!(validate_owner("a/b").unwrap_err().reason.contains("\"/\""));
        assert!(
            validate_owner(".a")
                .unwrap_err()
                .reason
                .contains("starts with")
        );
    }

    #[test]
    fn new_validates_parts() {
        let uri = InterfaceUri::new(Some("bob"), "mysql", Some(3)).unwrap();
        assert_eq!(uri.to_string(), "interface:~bob/mysql-3");
        let e = InterfaceUri::new(Some("Bob"), "mysql", None).unwrap_err();
        assert_eq!(
            (e.part, e.input.as_str()),
            (UriPart::Owner, "interface:~Bob/mysql")
        );
        assert_eq!(
            InterfaceUri::new(None, "mysql-2", None).unwrap_err().part,
            UriPart::Name
        );
        assert_eq!(
            InterfaceUri::new(None, "", None).unwrap_err().part,
            UriPart::Name
        );
        assert_eq!(
            InterfaceUri::new(None, "mysql", Some(0)).unwrap_err().part,
            UriPart::Revision
        );
    }

    #[test]
    fn revision_helpers() {
        let uri = InterfaceUri::parse("~bob/mysql-4").unwrap();
        assert!(!uri.is_promulgated_form());
        assert_eq!(uri.without_revision().to_string(), "interface:~bob/mysql");
        assert_eq!(
            uri.with_revision(Some(9)).to_string(),
            "interface:~bob/mysql-9"
        );
        assert!(InterfaceUri::parse("mysql").unwrap().is_promulgated_form());
    }

    #[test]
    fn ordering_puts_latest_before_revisions() {
        let mut v: Vec<InterfaceUri> = ["mysql-10", "~a/mysql", "mysql-2", "mysql"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        v.sort();
        let shown: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "interface:mysql",
                "interface:mysql-2",
                "interface:mysql-10",
                "interface:~a/mysql"
            ]
        );
    }

    #[test]
    fn serde_round_trip() {
        let uri = InterfaceUri::parse("~charmers/tls-certificates-3").unwrap();
        let json = serde_json::to_string(&uri).unwrap();
        assert_eq!(json, "\"interface:~charmers/tls-certificates-3\"");
        let back: InterfaceUri = serde_json::from_str(&json).unwrap();
        assert_eq!(back, uri);

        // The prefix is optional on input here too, as everywhere else.
        let short: InterfaceUri = serde_json::from_str("\"mysql-2\"").unwrap();
        assert_eq!(short, InterfaceUri::new(None, "mysql", Some(2)).unwrap());

        let list: Vec<InterfaceUri> =
            serde_json::from_str(r#"["mysql", "interface:~a/b-1"]"#).unwrap();
        assert_eq!(
            serde_json::to_string(&list).unwrap(),
            r#"["interface:mysql","interface:~a/b-1"]"#
        );

        let e = serde_json::from_str::<InterfaceUri>("\"MySQL\"").unwrap_err();
        assert!(e.to_string().contains("upper-case"), "{e}");
        let e = serde_json::from_str::<InterfaceUri>("42").unwrap_err();
        assert!(e.to_string().contains("an interface URI"), "{e}");
    }

    fn owner_strategy() -> impl Strategy<Value = String> {
        "[a-z0-9][a-z0-9+.-]{0,63}"
    }

    fn name_strategy() -> impl Strategy<Value = String> {
        // At most 4 segments of at most 15 characters: 63 with dashes, inside the 64 limit.
        prop::collection::vec("[a-z0-9]{0,7}[a-z][a-z0-9]{0,7}", 1..=4).prop_map(|s| s.join("-"))
    }

    proptest! {
        #[test]
        fn round_trip(
            owner in prop::option::of(owner_strategy()),
            name in name_strategy(),
            revision in prop::option::of(1..=u32::MAX),
            prefixed in any::<bool>(),
        ) {
            let mut text = String::new();
            if prefixed {
                text.push_str(PREFIX);
            }
            if let Some(o) = &owner {
                text.push_str(&format!("~{o}/"));
            }
            text.push_str(&name);
            if let Some(r) = revision {
                text.push_str(&format!("-{r}"));
            }

            let first = InterfaceUri::parse(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(first.owner.as_deref(), owner.as_deref());
            prop_assert_eq!(&first.name, &name);
            prop_assert_eq!(first.revision, revision);

            let printed = first.to_string();
            let second = InterfaceUri::parse(&printed).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&second, &first);
            prop_assert_eq!(second.to_string(), printed.clone());
            if prefixed {
                prop_assert_eq!(printed, text);
            }
        }

        #[test]
        fn arbitrary_input_never_panics(input in ".{0,24}") {
            check_total(&input)?;
        }

        // Arbitrary text rarely reaches the later checks; this alphabet does.
        #[test]
        fn grammar_like_input_never_panics(input in "[a-cA0-2~/:+.é -]{0,20}") {
            check_total(&input)?;
        }
    }

    /// Parsing either succeeds with a value that prints and reparses to itself, or fails with an
    /// error that quotes the input.
    fn check_total(input: &str) -> Result<(), TestCaseError> {
        match InterfaceUri::parse(input) {
            Ok(uri) => {
                let printed = uri.to_string();
                prop_assert_eq!(InterfaceUri::parse(&printed), Ok(uri));
            }
            Err(e) => {
                prop_assert_eq!(&e.input, input);
                prop_assert!(!e.reason.is_empty());
            }
        }
        Ok(())
    }
}
