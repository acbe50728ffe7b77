"""The bureau this installation works for (its code, name and case-number prefix)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import ValidationError

BUREAU_FILE = "bureau.json"


@dataclass(frozen=True)
class BureauProfile:
    code: str  # e.g. "JHSJJ"
    name: str  # e.g. "江海区市场监督管理局"
    case_prefix: str  # 案号 prefix, e.g. "江海市监"

    @classmethod
    def load(cls, data_dir: Path) -> BureauProfile:
        """``data_dir/bureau.json`` if present, else the demo bureau.

        A present but broken file is refused (case numbers must never be issued under the
        wrong bureau), with a ValidationError naming the file."""
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
        values = {}
        for name in ("code", "name", "case_prefix"):
            value = raw.get(name)
            if not isinstance(value, str) or not value.strip():
                raise ValidationError("the bureau profile {path} lacks {key}", field="bureau",
                                      rule="bureau.field", path=str(path), key=name)
            values[name] = value.strip()
        return cls(**values)


DEMO_BUREAU = BureauProfile(code="JHSJJ", name="江海区市场监督管理局", case_prefix="江海市监")
