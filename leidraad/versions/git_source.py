"""Versions of the content from git, through the git command line (no library needed; the rest of the
app works on a plain folder without git).

A version is named by a *spec*: an existing folder (read as it is) or a git revision (a tag, a
branch, a commit) of the repository that holds the content folder, read with `git ls-tree` and one
`git cat-file --batch` into a temporary folder and loaded from there. `REVIEW` names the last commit
that stamped a review date.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from leidraad.content.load import CONTENT_SUFFIXES, LoadResult, load_folder

REVIEW = "laatste-review"
# A line that stamps a review date (git log -G takes a basic regular expression).
REVIEW_LINE = r"^reviewed:[[:space:]]*[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
WORKTREE = "werkmap"
_SAFE_REV = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./@{}~^-]{0,120}$")
_TIMEOUT = 30


class VersionError(ValueError):
    """A version that cannot be read; the message is Dutch and meant for the editor."""


@dataclass(frozen=True)
class Repository:
    root: Path
    prefix: str  # the content folder inside the repository, 'processes/' (or '' at the root)


@dataclass(frozen=True)
class Revision:
    sha: str
    short: str
    date: str  # YYYY-MM-DD, committer date
    subject: str
    tags: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        tags = f" [{', '.join(self.tags)}]" if self.tags else ""
        return f"{self.short} · {self.date} · {self.subject}{tags}"


def git_available() -> bool:
    return shutil.which("git") is not None


def run_git(repo: Path, *args: str, data: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), *args], input=data, capture_output=True, timeout=_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise VersionError(f"git kon niet worden uitgevoerd: {exc}") from exc
    if done.returncode != 0:
        raise VersionError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} mislukte")
    return done.stdout


def find_repository(folder: str | Path) -> Repository | None:
    """The git repository holding `folder`, or None (no git, or a plain folder)."""
    path = Path(folder)
    if not git_available() or not path.is_dir():
        return None
    try:
        root = run_git(path, "rev-parse", "--show-toplevel").decode().strip()
        prefix = run_git(path, "rev-parse", "--show-prefix").decode().strip()
        run_git(path, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    except VersionError:
        return None
    return Repository(Path(root), prefix)


def resolve(repo: Repository, rev: str) -> str:
    """A revision name -> its full commit id; a clear Dutch message when it is unknown."""
    if rev == REVIEW:
        found = last_review_commit(repo)
        if found is None:
            raise VersionError("er is nog geen review vastgelegd in git (geen commit die 'reviewed:' zet)")
        return found
    if not _SAFE_REV.match(rev) or ".." in rev:
        raise VersionError(f"'{rev}' is geen geldige versie (een tag, branch of commit)")
    try:
        return run_git(repo.root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except VersionError:
        raise VersionError(f"versie '{rev}' bestaat niet in {repo.root}") from None


def last_review_commit(repo: Repository, path: str | None = None) -> str | None:
    """The newest commit that changed a 'reviewed:' line (under `path`, default the content folder)."""
    out = run_git(repo.root, "log", "-1", "--format=%H", "-G", REVIEW_LINE, "--", path or repo.prefix or ".")
    return out.decode().strip() or None


def revisions(repo: Repository, limit: int = 200) -> list[Revision]:
    """Commits that touched the content folder, newest first, with their tags."""
    tags: dict[str, list[str]] = {}
    listing = run_git(repo.root, "tag", "--list", "--format=%(objectname) %(*objectname) %(refname:short)")
    for tag_line in listing.decode().splitlines():
        parts = tag_line.split()
        if parts:
            tags.setdefault(parts[1] if len(parts) == 3 else parts[0], []).append(parts[-1])
    out = run_git(repo.root, "log", f"-{limit}", "--format=%H%x00%h%x00%cs%x00%s", "--", repo.prefix or ".")
    found = []
    for line in out.decode("utf-8", "replace").splitlines():
        sha, short, date, subject = [*line.split("\x00"), "", "", ""][:4]
        found.append(Revision(sha, short, date, subject, tuple(sorted(tags.get(sha, [])))))
    return found


def tags(repo: Repository) -> list[tuple[str, str]]:
    """(tag, commit) pairs in the order they were made (oldest first)."""
    fmt = "%(refname:short)%00%(objectname)%00%(*objectname)"
    out = run_git(repo.root, "tag", "--list", "--sort=creatordate", f"--format={fmt}")
    pairs = []
    for line in out.decode().splitlines():
        name, obj, peeled = ([*line.split("\x00"), "", ""])[:3]
        pairs.append((name, peeled or obj))
    return pairs


def commits_since(repo: Repository, since: str | None, path: str) -> int:
    """How many commits changed `path` after commit `since` (all of them when None)."""
    spec = f"{since}..HEAD" if since else "HEAD"
    return int(run_git(repo.root, "rev-list", "--count", spec, "--", path).decode().strip() or 0)


def commit_of_line(repo: Repository, path: str, text: str) -> str | None:
    """The newest commit that added or removed exactly `text` in `path` (git log -S)."""
    out = run_git(repo.root, "log", "-1", "--format=%H", "-S", text, "--", path)
    return out.decode().strip() or None


def head_version(repo: Repository) -> tuple[str, bool]:
    """(short id of the newest commit that touched the content, whether the files differ from it)."""
    short = run_git(repo.root, "log", "-1", "--format=%h", "--", repo.prefix or ".").decode().strip()
    dirty = bool(run_git(repo.root, "status", "--porcelain", "--", repo.prefix or ".").strip())
    return short, dirty


def load_revision(repo: Repository, commit: str) -> LoadResult:
    """The content folder as it was in `commit`, loaded from a temporary copy."""
    listing = run_git(repo.root, "ls-tree", "-r", "-z", commit, "--", repo.prefix or ".")
    entries = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        kind, blob = meta.split()[1:3]
        path = name.decode("utf-8", "replace")
        if kind == b"blob" and path.endswith(CONTENT_SUFFIXES):
            entries.append((blob.decode(), path[len(repo.prefix) :]))
    if not entries:
        raise VersionError(f"versie {commit[:10]} bevat geen inhoud onder '{repo.prefix or '.'}'")
    batch = run_git(repo.root, "cat-file", "--batch", data="".join(f"{b}\n" for b, _ in entries).encode())
    with tempfile.TemporaryDirectory(prefix="ltv-version-") as tmp:
        offset = 0
        for _, relative in entries:
            header_end = batch.index(b"\n", offset)
            size = int(batch[offset:header_end].split()[2])
            body = batch[header_end + 1 : header_end + 1 + size]
            offset = header_end + 1 + size + 1
            target = Path(tmp, relative)
            if ".." in Path(relative).parts:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)
        return load_folder(tmp)


def load_spec(spec: str, content: str | Path = "processes") -> tuple[LoadResult, str]:
    """A folder or a git revision -> (loaded content, a label for it). `content` is the folder whose
    repository revisions are read from."""
    if spec == WORKTREE:
        spec = str(content)
    if Path(spec).is_dir():
        return load_folder(spec), spec
    repo = find_repository(content)
    if repo is None:
        reason = "git is niet geïnstalleerd" if not git_available() else f"'{content}' staat niet in een git-repository"
        raise VersionError(f"'{spec}' is geen map, en versies uit git lezen kan niet: {reason}")
    commit = resolve(repo, spec)
    return load_revision(repo, commit), spec


def content_digest(folder: str | Path) -> str:
    """A version of the content by its bytes (names and contents of the files), the same on every
    machine; unlike the app's cache key it ignores modification times."""
    digest = hashlib.sha256()
    root = Path(folder)
    for path in sorted(p for p in root.rglob("*") if p.suffix in CONTENT_SUFFIXES and p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def version_stamp(folder: str | Path) -> str:
    """The content version as editors quote it: the git commit (and whether the files differ from it)
    and the content hash."""
    digest = content_digest(folder)
    repo = find_repository(folder)
    if repo is None:
        return f"inhoud-hash {digest}"
    try:
        short, dirty = head_version(repo)
    except VersionError:
        return f"inhoud-hash {digest}"
    return f"git {short}{' met lokale wijzigingen' if dirty else ''}, inhoud-hash {digest}"
