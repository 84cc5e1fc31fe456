//! Writing files so that a reader (or a crash) never sees half of one.

use std::io::Write as _;
use std::path::Path;

use anyhow::Context as _;

/// Writes through a temporary file in the same directory, syncs it, and
/// renames it over `path`: an interrupted write leaves the old file or the
/// new one under the name, never a truncated one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".iface-tmp-")
        .tempfile_in(dir)
        .with_context(|| format!("could not create a file in {}", dir.display()))?;
    file.write_all(bytes)
        .and_then(|()| file.as_file().sync_all())
        .with_context(|| format!("could not write {}", path.display()))?;
    file.persist(path)
        .with_context(|| format!("could not write {}", path.display()))?;
    Ok(())
}
