"""Evidence from devices (body cameras, rapid-test kits, cameras, recorders): what a device file is,
what a rapid-test result is, and the records an import leaves. Pure data; the import engine lives in
``app.services.evidence`` and the parsing of each device family in ``drivers/``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class MediaKind(StrEnum):
    VIDEO = "video"
    AUDIO = "audio"
    IMAGE = "image"
    RESULT = "result"  # a rapid-test result file (CSV / XML)
    OTHER = "other"


class Verdict(StrEnum):
    PASS = "pass"  # 合格 / 阴性
    FAIL = "fail"  # 不合格 / 阳性
    UNKNOWN = "unknown"  # 无效 / 可疑 / not stated


@dataclass(frozen=True)
class TestResult:
    """One rapid-test result (快检结果) as the device wrote it: values stay text (units and "<0.01"
    forms vary by kit), the verdict is normalised."""

    __test__ = False  # not a pytest class

    item: str  # 检测项目, e.g. 有机磷和氨基甲酸酯类农药
    sample: str  # 样品名称, e.g. 小白菜
    value: str  # 检测值 as written, e.g. "42.5" or "<0.01"
    unit: str  # e.g. "%" or "mg/kg"
    limit: str  # 限量 / 判定标准 as written, e.g. "50"
    verdict: Verdict
    tested_at: datetime | None  # device clock, Asia/Shanghai
    sample_no: str = ""  # 样品编号
    method: str = ""  # 检测方法 / 标准


@dataclass(frozen=True)
class DeviceFile:
    """One file found on a device, with what its driver read from its name, folder and contents.

    ``relpath`` is the path under the volume root with "/" separators exactly as found (it may hold
    any character the device wrote: the import engine checks it, never the driver)."""

    relpath: str
    size: int
    modified_at: datetime  # the file's time on the device (device clock), aware
    kind: MediaKind
    recorded_at: datetime | None = None  # start of recording / time taken (device clock)
    device_serial: str = ""
    officer_no: str = ""  # 警号 / 执法证号 as the device knows it
    sequence: int | None = None
    important: bool = False  # 重要文件: locked on the device
    gps: tuple[float, float] | None = None  # latitude, longitude (WGS-84)
    results: tuple[TestResult, ...] = ()
    note: str = ""  # anything the driver noticed (English; shown in the import log)


@dataclass(frozen=True)
class DeviceInfo:
    """What a docked device says about itself."""

    serial: str
    model: str = ""
    officer_no: str = ""
    officer_name: str = ""
    unit: str = ""
    device_time: datetime | None = None  # the device clock when read
    clock_offset_s: float | None = None  # device clock minus workstation clock, seconds
    free_bytes: int | None = None
    total_bytes: int | None = None
    extra: dict[str, str] = field(default_factory=dict)


# ---- what an import leaves (the store maps its rows to these) -------------------------------------
class ImportState(StrEnum):
    PLANNED = "planned"  # files listed, nothing copied yet
    RUNNING = "running"  # copying (or interrupted while copying: resumable)
    STOPPED = "stopped"  # stopped on purpose or by a fault (cancel, unplug, full disk): resumable
    DONE = "done"  # every listed file ended (copied, skipped or refused)


class FileOutcome(StrEnum):
    PENDING = "pending"
    COPIED = "copied"
    DUPLICATE = "duplicate"  # the same content (SHA-256) was already in the evidence store
    REFUSED = "refused"  # bad name, symlink, empty, ...: never copied
    FAILED = "failed"  # I/O error, truncated while copying, device gone: may succeed on resume


@dataclass(frozen=True)
class EvidenceItem:
    """One stored evidence file, byte for byte as it came off the device."""

    uuid: str
    sha256: str
    size: int
    kind: MediaKind
    name: str  # the original file name (last part of the original path)
    original_path: str  # relpath on the device, printable (undecodable bytes as \\xNN)
    stored_path: str  # relative to the evidence store, "ab/abcdef....mp4"
    device_serial: str
    driver: str
    officer_no: str
    recorded_at: datetime | None  # device clock
    recorded_at_corrected: datetime | None  # device clock minus the device's clock offset at import
    modified_at: datetime | None  # the file's time on the device
    imported_at: datetime
    imported_by: str  # actor name
    workstation: str
    import_uuid: str
    important: bool = False
    gps: tuple[float, float] | None = None
    results: tuple[TestResult, ...] = ()
    warnings: tuple[str, ...] = ()  # English sources (truncated recording, clock far off, ...)
    case_uuids: tuple[str, ...] = ()  # the cases it is linked to (an item may serve several)


@dataclass(frozen=True)
class ImportRecord:
    uuid: str
    source: str  # "usb 2b7e:a001 bus 1 addr 5" or the folder path
    driver: str
    device_serial: str
    officer_no: str
    clock_offset_s: float | None
    state: ImportState
    started_at: datetime
    finished_at: datetime | None
    actor_name: str
    workstation: str
    files: int
    bytes: int
    copied: int
    duplicates: int
    refused: int
    failed: int
    pending: int
    stop_reason: str = ""  # translated when shown


@dataclass(frozen=True)
class ImportFileRecord:
    import_uuid: str
    index: int
    original_path: str
    size: int
    outcome: FileOutcome
    message: str = ""  # in the current UI language ("" when copied)
    sha256: str = ""
    item_uuid: str = ""


@dataclass(frozen=True)
class ImportProgress:
    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int
    current: str  # original path being copied
    elapsed_s: float

    @property
    def rate_bps(self) -> float:
        return self.bytes_done / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def eta_s(self) -> float | None:
        rate = self.rate_bps
        return (self.bytes_total - self.bytes_done) / rate if rate > 0 else None


@dataclass(frozen=True)
class CaseProposal:
    case_uuid: str
    case_number: str
    cause: str
    score: float  # higher is likelier
    reasons: tuple[str, ...]  # in the current UI language


@dataclass(frozen=True)
class TriageItem:
    item: EvidenceItem
    age_days: int
    flagged: bool  # unlinked for longer than the configured number of days
    proposals: tuple[CaseProposal, ...]


@dataclass(frozen=True)
class CustodyEntry:
    """One step in an evidence file's chain of custody, read from the audit chain."""

    item_uuid: str
    at: datetime
    action: str  # "evidence.import" | "evidence.link" | "evidence.unlink" | "evidence.export" | "evidence.verify"
    actor_name: str
    details: dict[str, object]
    audit_seq: int
    audit_hash: str


@dataclass(frozen=True)
class DeviceDefinition:
    """A device an administrator declared in settings, without code: its USB ids and how its file
    names read (see ``app.domain.device_pattern``)."""

    uuid: str
    name: str  # shown on the device card, e.g. "某型号录音笔"
    vendor_id: int
    product_id: int | None  # None: every product of the vendor
    pattern: str  # e.g. "{officer}_{date}_{time}_{seq}.mp4"
    kind: MediaKind = MediaKind.OTHER  # what its files are when the extension does not say
