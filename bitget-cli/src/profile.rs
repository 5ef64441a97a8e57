//! Where the credentials come from: the environment (as `Client::from_env`), or a named
//! profile of a config file (`--profile NAME`), refused when others than its owner can read it.
//!
//! The file (`$BITGET_CONFIG`, else `$HOME/.config/bitget/config`) has one section per profile:
//!
//! ```text
//! [main]
//! api_key = bg_...
//! secret_key = ...
//! passphrase = ...
//!
//! [rehearsal]
//! api_key = ...
//! secret_key = ...
//! passphrase = ...
//! demo = true
//! base_url = http://127.0.0.1:8080
//! ```
//!
//! Whether the key is Classic or Unified is asked of the exchange by each command.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bitget_endpoints::Client;

use crate::Failure;

/// The config file's path.
fn config_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("BITGET_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config/bitget/config"))
}

/// Refuses a file its group or others can read or write: it holds secrets.
#[cfg(unix)]
fn check_private(path: &Path) -> Result<(), Failure> {
    use std::os::unix::fs::PermissionsExt as _;
    let meta =
        std::fs::metadata(path).map_err(|e| Failure::usage(format!("{}: {e}", path.display())))?;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(Failure::usage(format!(
            "{} holds secrets and can be read by others (mode {mode:o}): run `chmod 600 {}`",
            path.display(),
            path.display()
        )));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_path: &Path) -> Result<(), Failure> {
    Ok(())
}

/// The profiles of a config file's text: section name to its `key = value` pairs.
fn parse(text: &str) -> Result<BTreeMap<String, BTreeMap<String, String>>, String> {
    let mut profiles: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let name = name.trim().to_owned();
            profiles.entry(name.clone()).or_default();
            current = Some(name);
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(format!("line {}: `key = value` or `[profile]`", n + 1));
        };
        let Some(profile) = &current else {
            return Err(format!("line {}: a setting before any [profile]", n + 1));
        };
        profiles
            .entry(profile.clone())
            .or_default()
            .insert(key.trim().to_owned(), value.trim().to_owned());
    }
    Ok(profiles)
}

/// The client of `--profile NAME`, or of the environment without one.
pub(crate) fn client(profile: Option<&str>) -> Result<Client, Failure> {
    let Some(name) = profile else {
        return Ok(Client::from_env()?);
    };
    let settings = settings(name)?;
    // The same reading as the environment's, from the profile's settings.
    Ok(Client::from_lookup(|var| {
        let key = match var {
            "BITGET_API_KEY" => "api_key",
            "BITGET_SECRET_KEY" => "secret_key",
            "BITGET_PASSPHRASE" => "passphrase",
            "BITGET_DEMO" => "demo",
            "BITGET_BASE_URL" => "base_url",
            _ => return None,
        };
        settings.get(key).cloned()
    })?)
}

/// The settings of profile `name` from the config file, which must be private to its owner.
pub(crate) fn settings(name: &str) -> Result<BTreeMap<String, String>, Failure> {
    let path = config_path().ok_or_else(|| {
        Failure::usage("--profile needs a config file: set BITGET_CONFIG or HOME")
    })?;
    check_private(&path)?;
    let text = std::fs::read_to_string(&path)
        .map_err(|e| Failure::usage(format!("{}: {e}", path.display())))?;
    let profiles = parse(&text).map_err(|e| Failure::usage(format!("{}: {e}", path.display())))?;
    let Some(settings) = profiles.get(name) else {
        let known: Vec<&str> = profiles.keys().map(String::as_str).collect();
        return Err(Failure::usage(format!(
            "no profile `{name}` in {} (it has: {})",
            path.display(),
            known.join(", ")
        )));
    };
    let unknown: Vec<&str> = settings
        .keys()
        .map(String::as_str)
        .filter(|k| !["api_key", "secret_key", "passphrase", "demo", "base_url"].contains(k))
        .collect();
    if !unknown.is_empty() {
        return Err(Failure::usage(format!(
            "profile `{name}`: unknown settings {unknown:?} (api_key, secret_key, passphrase, demo, base_url)"
        )));
    }
    Ok(settings.clone())
}

#[cfg(test)]
mod tests {
    #[test]
    fn profiles_read_by_section_and_a_stray_line_is_refused() {
        let profiles = super::parse("# mine\n[a]\napi_key = k\n\n[b]\ndemo=true\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(profiles["a"]["api_key"], "k");
        assert_eq!(profiles["b"]["demo"], "true");
        assert!(super::parse("api_key = k\n").is_err());
        assert!(super::parse("[a]\nnonsense\n").is_err());
    }
}
