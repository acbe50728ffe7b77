"""Demo evidence: body-camera footage and photos of a few demo cases, and one rapid-test kit's results,
imported through the real path (a device folder, its driver, the import engine), so the 证据 tab,
the triage queue and the custody report have something to show. Some items are linked to their case,
the rest wait in 待关联证据 with proposals."""

from __future__ import annotations

import io
import struct
import tempfile
from datetime import datetime, time, timedelta
from pathlib import Path

from app.domain.officers import Actor, Role
from app.services import Services
from app.services.cases import CaseFilter
from app.services.catalogue import RESOURCES
from app.services.clock import SHANGHAI

FOOTAGE = RESOURCES / "demo" / "footage.mp4"  # one second of test pattern (64×48, H.264)
CAMERAS = 6  # cases whose officers recorded something
LINKED = 4  # of them, linked to their case at once; the rest wait in triage


def _footage(n: int) -> bytes:
    """The demo clip, made distinct by a trailing MP4 ``free`` box (players skip it), so each recording
    is its own evidence item."""
    pad = f"zhifa demo recording {n}".encode()
    return FOOTAGE.read_bytes() + struct.pack(">I4s", 8 + len(pad), b"free") + pad


def _photo(taken: datetime, n: int) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (320, 240), (70 + (20 * n) % 160, 110, 140))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 60, 280, 200), outline=(240, 240, 240), width=4)
    draw.text((52, 72), f"SCENE {n:02d}  {taken:%Y-%m-%d %H:%M}", fill=(255, 255, 255))
    exif = Image.Exif()
    exif[0x010F] = "ZHIFA DEMO"
    exif.get_ifd(0x8769)[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=85)
    return out.getvalue()


def _write_camera(root: Path, serial: str, officer_no: str, officer_name: str, start: datetime, n: int) -> None:
    info = f"[设备信息]\r\n设备编号={serial}\r\n警号={officer_no}\r\n姓名={officer_name}\r\n型号=DSJ-K7\r\n"
    (root / "DEVINFO.TXT").write_bytes(info.encode("gbk"))
    folder = root / "DCIM" / f"{start:%Y%m%d}"
    folder.mkdir(parents=True)
    for seq, (offset, suffix) in enumerate([(0, ".MP4"), (6, ".JPG"), (9, ".JPG"), (15, "_IMP.MP4")], start=1):
        at = start + timedelta(minutes=offset)
        name = f"{serial}_{officer_no}_{at:%Y%m%d%H%M%S}_{seq:04d}{suffix}"
        data = _photo(at, n * 10 + seq) if suffix == ".JPG" else _footage(n * 10 + seq)
        (folder / name).write_bytes(data)


def _write_rapid_test(root: Path, tested: datetime) -> None:
    (root / "DEVINFO.TXT").write_text("仪器编号=KJ-NC2000-0117\n型号=农残快检仪\n", encoding="utf-8")
    folder = root / "检测结果"
    folder.mkdir()
    rows = ["样品编号,样品名称,检测项目,检测值,单位,限量,结果,检测时间,检测方法"]
    for i, (sample, value, verdict) in enumerate([("小白菜", "23.5", "合格"), ("菠菜", "61.2", "不合格"),
                                                  ("芹菜", "12.0", "合格")], start=1):
        rows.append(f"S{i:03d},{sample},有机磷和氨基甲酸酯类农药,{value},%,50,{verdict},"
                    f"{tested + timedelta(minutes=5 * i):%Y-%m-%d %H:%M:%S},GB/T 5009.199")
    (folder / f"{tested:%Y%m%d}_result.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("gbk"))


def _import(services: Services, folder: Path, actor: Actor) -> list[str]:
    from app.services.evidence import ImportSource

    docked = services.devices.add_folder(folder)
    if docked.driver is None or docked.info is None:
        return []
    record = services.evidence.plan(ImportSource(folder, docked.driver, docked.info, docked.label), actor)
    services.evidence.run(record.uuid, actor)
    return [f.item_uuid for f in services.evidence.files(record.uuid) if f.item_uuid]


def seed_demo_evidence(services: Services) -> int:
    """Import the demo devices once (nothing when evidence is already stored); returns the items made."""
    if services.evidence.imports(limit=1):
        return 0
    officers = {o.uuid: o for o in services.officers.all()}
    cases = [services.cases.get(row.uuid) for row in services.cases.list_cases(CaseFilter(), 0, 60)]
    cases = [c for c in cases if c.officer_uuids and c.officer_uuids[0] in officers and c.events][:CAMERAS]
    made = 0
    with tempfile.TemporaryDirectory(prefix="zhifa-demo-devices-") as tmp:
        for n, case in enumerate(cases, start=1):
            officer = officers[case.officer_uuids[0]]
            day = min(case.events.values())
            start = datetime.combine(day, time(9, 30), SHANGHAI) + timedelta(minutes=7 * n)
            folder = Path(tmp) / f"camera{n}"
            folder.mkdir()
            _write_camera(folder, f"DEMO{n:05d}", officer.certificate_no, officer.name, start, n)
            actor = Actor(f"demo-officer-{n}", officer.name, Role.OFFICER, officer_uuid=officer.uuid)
            items = _import(services, folder, actor)
            made += len(items)
            if n <= LINKED and items:
                services.evidence.link(items, case.uuid, actor, how="confirmed")
        kit = Path(tmp) / "rapid-test"
        kit.mkdir()
        yesterday = services.clock.now().date() - timedelta(days=1)
        _write_rapid_test(kit, datetime.combine(yesterday, time(10, 0), SHANGHAI))
        made += len(_import(services, kit, Actor("demo-officer-kit", "演示快检员", Role.OFFICER)))
    return made
