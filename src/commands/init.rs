use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde_json::json;

use crate::cli::InitArgs;
use crate::error::{ErrorCode, ExitStatus, coded};
use crate::tree::Role;
use crate::uri;

use super::Context;

pub fn run(ctx: &Context, args: &InitArgs) -> anyhow::Result<ExitStatus> {
    uri::validate_name(&args.name).map_err(|err| {
        coded(
            ErrorCode::Invalid,
            format!(
                "{:?} is not a valid interface name: {}",
                args.name, err.reason
            ),
        )
    })?;
    let dir = args
        .dir
        .clone()
        .unwrap_or_else(|| PathBuf::from(&args.name));
    if dir.exists() {
        let mut listing =
            std::fs::read_dir(&dir).with_context(|| format!("could not read {}", dir.display()))?;
        if listing.next().is_some() {
            return Err(crate::error::CodedError::new(
                ErrorCode::Conflict,
                format!("{} exists and is not empty; iface init writes only into a new or empty directory", dir.display()),
            )
            .hint(format!("choose another directory: iface init {} NEW_DIR", args.name))
            .into());
        }
    }
    let roles: &[Role] = if args.peer {
        &[Role::Peer]
    } else {
        &[Role::Provides, Role::Requires]
    };
    let maintainer = args
        .maintainer
        .clone()
        .or_else(git_maintainer)
        .unwrap_or_else(|| "Unknown <unknown@example.com>".to_string());
    let files = scaffold(args, roles, &maintainer);
    write_staged(&dir, &files)?;

    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    if ctx.printer.is_json() {
        ctx.printer.json(&json!({
            "name": args.name,
            "dir": dir,
            "roles": roles,
            "files": paths,
        }))?;
    } else {
        ctx.printer.data(&format!("{}", dir.display()))?;
        ctx.printer.info(format!(
            "created interface {} in {} ({} files); next: edit the README and schema, then `iface check {}`",
            args.name,
            dir.display(),
            paths.len(),
            dir.display()
        ));
    }
    Ok(ExitStatus::Success)
}

/// "Name <email>" from git's configuration, which is what most charm
/// authors have set already.
fn git_maintainer() -> Option<String> {
    let get = |key: &str| {
        std::process::Command::new("git")
            .args(["config", "--get", key])
            .stderr(std::process::Stdio::null())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    Some(format!("{} <{}>", get("user.name")?, get("user.email")?))
}

/// Builds every file in memory, then writes them all to a staging directory
/// next to the target and renames it into place: a failure half-way leaves
/// nothing behind.
fn write_staged(dir: &Path, files: &[(String, String)]) -> anyhow::Result<()> {
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)
        .with_context(|| format!("could not create {}", parent.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(".iface-init-")
        .tempdir_in(&parent)
        .with_context(|| {
            format!(
                "could not create a staging directory in {}",
                parent.display()
            )
        })?;
    for (rel, contents) in files {
        let path = staging.path().join(rel);
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p)
                .with_context(|| format!("could not create {}", p.display()))?;
        }
        std::fs::write(&path, contents)
            .with_context(|| format!("could not write {}", path.display()))?;
    }
    if dir.exists() {
        // Known to be empty (checked above).
        std::fs::remove_dir(dir).with_context(|| format!("could not replace {}", dir.display()))?;
    }
    let staged = staging.keep();
    std::fs::rename(&staged, dir).with_context(|| format!("could not create {}", dir.display()))?;
    Ok(())
}

fn scaffold(args: &InitArgs, roles: &[Role], maintainer: &str) -> Vec<(String, String)> {
    let name = &args.name;
    let summary = args
        .summary
        .clone()
        .unwrap_or_else(|| format!("The {name} relation interface"));
    let mut files = vec![
        (
            "interface.yaml".to_string(),
            format!(
                "name: {name}\nsummary: {summary}\nmaintainer: {maintainer}\ncategory: {category}\n\
                 # The protocol's major version. Raise it only for a change that breaks\n\
                 # charms already using the interface (the index enforces this).\n\
                 version: 1\ndescription: |\n  {summary}.\n",
                summary = yaml_scalar(&summary),
                maintainer = yaml_scalar(maintainer),
                category = yaml_scalar(&args.category),
            ),
        ),
        ("README.md".to_string(), readme(name, &summary, roles)),
    ];
    for role in roles {
        files.push((
            format!("{}/__init__.py", role.seed_dir()),
            role_stub(name, *role),
        ));
        files.push((
            format!("schema/{}", role.schema_file()),
            empty_schema(name, *role),
        ));
    }
    files
}

/// Quotes a YAML scalar when plain style would change its meaning.
fn yaml_scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && !value.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`', ' ',
        ])
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.ends_with([' ', ':'])
        && value.parse::<f64>().is_err()
        && !matches!(
            value.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~"
        );
    if plain {
        value.to_string()
    } else {
        serde_json::to_string(value).expect("a string serialises")
    }
}

fn readme(name: &str, summary: &str, roles: &[Role]) -> String {
    let mut text = format!(
        "# {name}\n\n{summary}.\n\n## Using it\n\nIn your charm's `metadata.yaml`:\n\n```yaml\n"
    );
    if roles.contains(&Role::Peer) {
        text.push_str(&format!(
            "peers:\n  {name}:\n    interface: {name}\n```\n\n"
        ));
    } else {
        text.push_str(&format!(
            "provides:\n  {name}:\n    interface: {name}\n# or, on the other side:\nrequires:\n  {name}:\n    interface: {name}\n```\n\n"
        ));
    }
    text.push_str(
        "Then run `iface compose` in the charm directory.\n\n## Relation data\n\n\
         Describe here what each side writes to its application and unit databags, and\n\
         keep `schema/` in step: the index refuses a new revision whose schema would\n\
         break charms already using this interface.\n\n",
    );
    for role in roles {
        let side = match role {
            Role::Provides => "The provider",
            Role::Requires => "The requirer",
            Role::Peer => "Each peer",
        };
        text.push_str(&format!(
            "### {side} (`schema/{}`)\n\n| databag | key | meaning |\n|---|---|---|\n| app | | |\n| unit | | |\n\n",
            role.schema_file()
        ));
    }
    text
}

fn role_stub(name: &str, role: Role) -> String {
    let class = format!(
        "{}{}",
        name.split('-')
            .map(|s| {
                let mut c = s.chars();
                c.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                    .unwrap_or_default()
            })
            .collect::<String>(),
        match role {
            Role::Provides => "Provides",
            Role::Requires => "Requires",
            Role::Peer => "Peers",
        }
    );
    let endpoint = match role {
        Role::Peer => "peers",
        other => other.as_str(),
    };
    format!(
        r#""""The {role} side of the {name} interface.

charms.reactive discovers this class through the `{endpoint}` endpoint that
names `interface: {name}` in the charm's metadata.yaml.
"""

from charms.reactive import Endpoint, clear_flag, set_flag, when, when_not


class {class}(Endpoint):
    @when("endpoint.{{endpoint_name}}.joined")
    def joined(self):
        # A remote unit joined: publish what this side offers, e.g.
        # self.relations[0].to_publish_app["key"] = "value"
        set_flag(self.expand_name("{{endpoint_name}}.connected"))

    @when("endpoint.{{endpoint_name}}.changed")
    def changed(self):
        # The remote side changed its data: read it with
        # self.all_joined_units.received["key"], then tell the charm.
        set_flag(self.expand_name("{{endpoint_name}}.available"))
        clear_flag(self.expand_name("endpoint.{{endpoint_name}}.changed"))

    @when("endpoint.{{endpoint_name}}.departed")
    def departed(self):
        # A remote unit left; the relation may still have other units.
        clear_flag(self.expand_name("endpoint.{{endpoint_name}}.departed"))

    @when_not("endpoint.{{endpoint_name}}.joined")
    def broken(self):
        # The relation is gone: undo everything joined() and changed() did.
        clear_flag(self.expand_name("{{endpoint_name}}.connected"))
        clear_flag(self.expand_name("{{endpoint_name}}.available"))
"#,
        role = role.as_str(),
    )
}

fn empty_schema(name: &str, role: Role) -> String {
    let body = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!("{name}: databags written by the {} side", role.as_str()),
        "type": "object",
        "properties": {
            "app": {"type": "object", "properties": {}},
            "unit": {"type": "object", "properties": {}}
        }
    });
    let mut text = serde_json::to_string_pretty(&body).expect("a schema serialises");
    text.push('\n');
    text
}
