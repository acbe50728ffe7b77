"""The bureau this installation works for: its code, name, case-number and 文号 prefixes, the
details its documents print (address, 复议机关, court, bank account) and the 文号 blocks its
workstations may issue from."""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from app.domain.errors import ValidationError

BUREAU_FILE = "bureau.json"
ANY_WORKSTATION = "*"
TEXT_FIELDS = ("address", "phone", "postcode", "review_body", "court", "bank", "account_name", "account_no",
               "document_prefix")
BLOCK_KEYS = ("series", "year", "first", "last", "workstation")


@dataclass(frozen=True)
class ProfileBlock:
    """文号 first..last of ``series`` in ``year`` for ``workstation`` ("*" = any workstation)."""

    series: str  # e.g. "罚" → 江海市监罚〔2026〕12号
    year: int
    first: int
    last: int
    workstation: str = ANY_WORKSTATION

    def serves(self, workstation: str) -> bool:
        return self.workstation in (workstation, ANY_WORKSTATION)


@dataclass(frozen=True)
class BureauProfile:
    code: str  # e.g. "JHSJJ"
    name: str  # e.g. "江海区市场监督管理局"
    case_prefix: str  # 案号 prefix, e.g. "江海市监"
    address: str = ""
    phone: str = ""
    postcode: str = ""
    review_body: str = ""  # 复议机关, e.g. "江海区人民政府"
    court: str = ""  # e.g. "江门市江海区人民法院"
    bank: str = ""  # where fines are paid
    account_name: str = ""
    account_no: str = ""
    document_prefix: str = ""  # 文号 agency code; "" = the case prefix
    number_blocks: tuple[ProfileBlock, ...] = ()

    def __post_init__(self) -> None:
        if not self.document_prefix:
            object.__setattr__(self, "document_prefix", self.case_prefix)

    def document_number(self, series: str, year: int, seq: int) -> str:
        """The 文号 text: agency code + series + 〔year〕 + number + 号, e.g. 江海市监罚〔2026〕12号."""
        return f"{self.document_prefix}{series}〔{year}〕{seq}号"

    def blocks_for(self, workstation: str) -> tuple[ProfileBlock, ...]:
        """The blocks a workstation may issue from (its own and those for any workstation)."""
        return tuple(b for b in self.number_blocks if b.serves(workstation))

    @classmethod
    def load(cls, data_dir: Path) -> BureauProfile:
        """``data_dir/bureau.json`` if present, else the demo bureau.

        A present but broken file is refused (case numbers must never be issued under the
        wrong bureau), with a ValidationError naming the file (and the entry at fault). Only
        code, name and case_prefix are required; files written before the other fields existed
        stay valid."""
        path = Path(data_dir) / BUREAU_FILE
        if not path.exists():
            return DEMO_BUREAU
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValidationError("cannot read the bureau profile {path}: {reason}", field="bureau",
                                  rule="bureau.file", path=str(path), reason=str(exc)) from exc
        if not isinstance(raw, dict):
            raise ValidationError("the bureau profile {path} must be a JSON object", field="bureau",
                                  rule="bureau.file", path=str(path))
        values: dict[str, object] = {}
        for name in ("code", "name", "case_prefix"):
            value = raw.get(name)
            if not isinstance(value, str) or not value.strip():
                raise ValidationError("the bureau profile {path} lacks {key}", field="bureau",
                                      rule="bureau.field", path=str(path), key=name)
            values[name] = value.strip()
        for name in TEXT_FIELDS:
            value = raw.get(name, "")
            if value is None:
                value = ""
            if not isinstance(value, str):
                raise ValidationError("the bureau profile {path}: {key} must be text, not {value!r}",
                                      field="bureau", rule="bureau.field", path=str(path), key=name, value=value)
            values[name] = value.strip()
        values["number_blocks"] = _parse_blocks(raw.get("number_blocks", []), str(path))
        return cls(**values)  # type: ignore[arg-type]


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _parse_block(raw: object, entry: str, path: str) -> ProfileBlock:
    if not isinstance(raw, dict):
        raise ValidationError("the bureau profile {path}: {entry} must be an object with series, year, first, last "
                              "and workstation", field="bureau", rule="bureau.number_blocks", path=path, entry=entry)
    unknown = sorted(set(raw) - set(BLOCK_KEYS))
    if unknown:
        raise ValidationError("the bureau profile {path}: {entry} has the unknown key {key}", field="bureau",
                              rule="bureau.number_blocks", path=path, entry=entry, key=unknown[0])
    for key in ("series", "workstation"):
        value = raw.get(key, ANY_WORKSTATION if key == "workstation" else None)
        if not isinstance(value, str) or not value.strip():
            raise ValidationError("the bureau profile {path}: {entry} lacks {key}", field="bureau",
                                  rule="bureau.number_blocks", path=path, entry=entry, key=key)
    for key in ("year", "first", "last"):
        if key not in raw:
            raise ValidationError("the bureau profile {path}: {entry} lacks {key}", field="bureau",
                                  rule="bureau.number_blocks", path=path, entry=entry, key=key)
        if not _whole(raw[key]):
            raise ValidationError("the bureau profile {path}: {entry}: {key} must be a whole number, not {value!r}",
                                  field="bureau", rule="bureau.number_blocks", path=path, entry=entry, key=key,
                                  value=raw[key])
    year, first, last = raw["year"], raw["first"], raw["last"]
    if not 1000 <= year <= 9999:
        raise ValidationError("the bureau profile {path}: {entry}: {value} is not a four-digit year", field="bureau",
                              rule="bureau.number_blocks", path=path, entry=entry, value=year)
    if first < 1:
        raise ValidationError("the bureau profile {path}: {entry}: a block starts at 1 or above, not {value}",
                              field="bureau", rule="bureau.number_blocks", path=path, entry=entry, value=first)
    if last < first:
        raise ValidationError("the bureau profile {path}: {entry}: last ({last}) is before first ({first})",
                              field="bureau", rule="bureau.number_blocks", path=path, entry=entry, last=last,
                              first=first)
    return ProfileBlock(series=raw["series"].strip(), year=year, first=first, last=last,
                        workstation=raw.get("workstation", ANY_WORKSTATION).strip())


def _parse_blocks(raw: object, path: str) -> tuple[ProfileBlock, ...]:
    """The ``number_blocks`` list; blocks of one series and year must not overlap (whatever their
    workstations: a number belongs to one workstation only)."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ValidationError("the bureau profile {path}: number_blocks must be a list of blocks", field="bureau",
                              rule="bureau.number_blocks", path=path)
    blocks = [(_parse_block(item, f"number_blocks[{i}]", path), i) for i, item in enumerate(raw)]
    ordered = sorted(blocks, key=lambda b: (b[0].series, b[0].year, b[0].first))
    for (a, i), (b, j) in pairwise(ordered):
        if (a.series, a.year) == (b.series, b.year) and b.first <= a.last:
            raise ValidationError("the bureau profile {path}: number_blocks[{i}] ({series} {year} {first}–{last}) "
                                  "overlaps number_blocks[{j}] ({other_first}–{other_last})", field="bureau",
                                  rule="bureau.number_blocks", path=path, i=min(i, j), j=max(i, j),
                                  series=a.series, year=a.year, first=(a if i < j else b).first,
                                  last=(a if i < j else b).last, other_first=(b if i < j else a).first,
                                  other_last=(b if i < j else a).last)
    return tuple(b for b, _ in blocks)


DEMO_SERIES = ("罚", "当罚", "不罚", "告", "强", "催", "责改", "听")
DEMO_BUREAU = BureauProfile(
    code="JHSJJ", name="江海区市场监督管理局", case_prefix="江海市监",
    address="广东省江门市江海区东海路268号", phone="0750-3861234", postcode="529040",
    review_body="江海区人民政府", court="江门市江海区人民法院",
    bank="中国工商银行江门江海支行", account_name="江门市江海区财政局非税收入专户",
    account_no="2012004309200123456",
    number_blocks=tuple(ProfileBlock(series=s, year=y, first=1, last=5000, workstation=ANY_WORKSTATION)
                        for y in range(2024, 2028) for s in DEMO_SERIES))
