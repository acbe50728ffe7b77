"""Sample device trees built from REAL FAT32 images (mkfs.vfat + mtools), extracted into a folder that
stands for the mounted volume (no vfat mount here).

- :func:`fat32_tree` (files -> image -> folder) for any test;
- :func:`build_tree` for the sample of each driver (``SAMPLES``: files plus what the driver must read
  from them, used by tests/drivers/test_contract.py). Images are built once per process.

mtools runs with TZ=Asia/Shanghai so the FAT holds Shanghai wall time, as a device would write it.
Read-only files (FAT attribute R, set with mattrib) come out without write permission, as on a vfat
mount. Without mkfs.vfat / mcopy the caller's test is skipped, unless ZHIFA_REQUIRE_MTOOLS=1.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

from tests.fakes.device_samples import DEFAULT_TIME, ODD_FILES, SAMPLE_DEFINITION, SAMPLES, Sample

__all__ = ["DEFAULT_TIME", "ODD_FILES", "SAMPLES", "SAMPLE_DEFINITION", "Sample", "build_tree", "fat32_tree",
           "odd_tree", "require_mtools", "snapshot"]

IMAGE_KB = 40_000  # the smallest image: FAT32 needs >= 65525 clusters, with 512-byte clusters ~33 MB
FileSpec = bytes | tuple[bytes, datetime]


def require_mtools() -> None:
    """Skip the calling test when mkfs.vfat or mtools is missing (fail when ZHIFA_REQUIRE_MTOOLS=1)."""
    missing = [tool for tool in ("mkfs.vfat", "mcopy", "mmd", "mattrib") if _which(tool) is None]
    if not missing:
        return
    message = f"{', '.join(missing)} not installed (apt install dosfstools mtools)"
    if os.environ.get("ZHIFA_REQUIRE_MTOOLS") == "1":
        pytest.fail(message + "; ZHIFA_REQUIRE_MTOOLS=1 makes it mandatory")
    pytest.skip(message)


def _which(tool: str) -> str | None:
    return shutil.which(tool) or shutil.which(tool, path="/usr/sbin:/sbin")


def _env() -> dict[str, str]:
    return {**os.environ, "MTOOLS_SKIP_CHECK": "1", "TZ": "Asia/Shanghai", "LC_ALL": "C.UTF-8"}


def _run(*args: str) -> str:
    done = subprocess.run([_which(args[0]) or args[0], *args[1:]], env=_env(), capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def make_image(files: dict[str, FileSpec], image: Path, *, read_only: frozenset[str] = frozenset(),
               label: str = "ZHIFA") -> Path:
    """A FAT32 image holding ``files`` (relpath -> bytes or (bytes, mtime)); a relpath ending in "/" is an
    empty folder; ``read_only`` relpaths get the FAT read-only attribute."""
    require_mtools()
    image.unlink(missing_ok=True)
    payload = sum(len(spec[0] if isinstance(spec, tuple) else spec) + 4096 for spec in files.values())
    size_kb = max(IMAGE_KB, payload * 11 // 10 // 1024 + 8192)  # big trees (bench) get a big image
    cluster = "1" if size_kb < 256_000 else "8"  # 4 KiB clusters keep a large FAT small
    _run("mkfs.vfat", "-F", "32", "-s", cluster, "-S", "512", "-n", label, "-C", str(image), str(size_kb))
    with tempfile.TemporaryDirectory(prefix="fat32-stage-") as stage:
        root = Path(stage)
        for relpath, spec in files.items():
            target = root / relpath
            if relpath.endswith("/"):
                target.mkdir(parents=True, exist_ok=True)
                continue
            data, when = spec if isinstance(spec, tuple) else (spec, DEFAULT_TIME)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            os.utime(target, (when.timestamp(), when.timestamp()))  # mcopy -m keeps it
        tops = sorted(str(p) for p in root.iterdir())
        if tops:
            _run("mcopy", "-s", "-m", "-Q", "-D", "o", "-i", str(image), *tops, "::/")
    for relpath in sorted(read_only):
        _run("mattrib", "-i", str(image), "+r", f"::/{relpath}")
    return image


def extract(image: Path, dest: Path) -> Path:
    """Copy every file of the image into ``dest`` (keeping times), then take write permission from the
    files that are read-only in the FAT, as a vfat mount shows them."""
    dest.mkdir(parents=True, exist_ok=True)
    try:
        listing = _run("mattrib", "-i", str(image), "-/", "::/")
    except RuntimeError as exc:  # an empty volume: mattrib finds nothing to list
        if "not found" not in str(exc):
            raise
        listing = ""
    entries = [line for line in listing.splitlines() if "::/" in line]
    if any(line.split("::/", 1)[1] for line in entries):
        _run("mcopy", "-s", "-m", "-n", "-Q", "-i", str(image), "::/*", str(dest) + "/")
    for line in entries:
        flags, _, relpath = line.partition("::/")
        path = dest / relpath
        if "R" in flags and path.is_file():
            path.chmod(0o444)
    return dest


def fat32_tree(files: dict[str, bytes | tuple[bytes, datetime]], dest: Path, *,
               read_only: frozenset[str] | set[str] = frozenset()) -> Path:
    """Build a FAT32 image of ``files`` (relpath -> bytes | (bytes, mtime); default mtime
    ``DEFAULT_TIME``), extract it into ``dest`` (created) and return ``dest``."""
    with tempfile.TemporaryDirectory(prefix="fat32-") as tmp:
        image = make_image(files, Path(tmp) / "volume.img", read_only=frozenset(read_only))
        return extract(image, Path(dest))


_IMAGES = Path(tempfile.mkdtemp(prefix="zhifa-device-images-"))
atexit.register(shutil.rmtree, _IMAGES, ignore_errors=True)


@functools.cache
def _sample_image(name: str) -> Path:
    sample = SAMPLES[name]
    return make_image(sample.files, _IMAGES / f"{name}.img", read_only=sample.read_only, label=sample.label)


def build_tree(name: str, dest: Path) -> Path:
    """The sample device tree ``name`` (a key of SAMPLES: "ga947", "rapid_test", "camera",
    "recorder", "custom") extracted into ``dest``; the image is built once per process."""
    if name not in SAMPLES:
        raise KeyError(f"no sample device tree {name!r}; known: {sorted(SAMPLES)}")
    require_mtools()
    return extract(_sample_image(name), Path(dest))


def odd_tree(dest: Path) -> Path:
    """A FAT32 volume with odd names (no scheme, emoji, empty, dots, placeholders, garbage content)."""
    require_mtools()
    image = _IMAGES / "odd.img"
    if not image.exists():
        make_image(ODD_FILES, image)
    return extract(image, Path(dest))


def snapshot(volume: Path) -> dict[str, tuple[int, int, int]]:
    """relpath -> (size, mtime_ns, mode) of everything under ``volume``, to show nothing was written."""
    found = {}
    for path in sorted(Path(volume).rglob("*")):
        st = path.lstat()
        found[path.relative_to(volume).as_posix()] = (st.st_size, st.st_mtime_ns, st.st_mode)
    return found
