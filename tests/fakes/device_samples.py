"""What the sample device trees hold (tests/fakes/device_trees.py writes them into FAT32 images) and
what each driver must read from them. Content is tiny but real: JPEGs with EXIF made by Pillow,
MP4/WAV headers, CSV in GBK and UTF-8 with BOM, XML declared as GBK."""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.devices.base import SHANGHAI
from app.domain.evidence import DeviceDefinition, MediaKind, Verdict


def at(day: int, hour: int, minute: int, second: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, second, tzinfo=SHANGHAI)


DEFAULT_TIME = at(2, 8, 0)


@dataclass(frozen=True)
class Sample:
    files: dict[str, bytes | tuple[bytes, datetime]]
    expect: dict[str, dict[str, object]]  # relpath -> DeviceFile fields scan() must give
    info: dict[str, object] = field(default_factory=dict)  # DeviceInfo fields probe() must give
    unlisted: frozenset[str] = frozenset()  # files scan() must leave out (the device's own info file)
    read_only: frozenset[str] = frozenset()
    label: str = "ZHIFA"


def mp4(seconds: int) -> bytes:
    """An MP4-looking payload (ftyp box + filler); never decoded."""
    return struct.pack(">I4s4sI", 24, b"ftyp", b"mp42", 0) + b"mp42isom" + bytes(range(256)) * (4 + seconds % 7)


def wav(seconds: int) -> bytes:
    frames = b"\x00\x00" * 800 * max(1, seconds % 5)
    header = struct.pack("<4sI4s4sIHHIIHH4sI", b"RIFF", 36 + len(frames), b"WAVE", b"fmt ", 16, 1, 1, 8000,
                         16000, 2, 16, b"data", len(frames))
    return header + frames


def jpeg(taken: str | None = None, offset: str | None = None, gps: tuple[str, tuple, str, tuple] | None = None,
         ifd0_time: str | None = None, color: tuple[int, int, int] = (120, 30, 30)) -> bytes:
    """A tiny valid JPEG, with EXIF DateTimeOriginal / OffsetTimeOriginal / GPS when given."""
    from PIL import Image

    image = Image.new("RGB", (16, 12), color)
    exif = Image.Exif()
    exif[0x010F] = "ZHIFA"
    if ifd0_time:
        exif[0x0132] = ifd0_time
    if taken:
        exif.get_ifd(0x8769)[0x9003] = taken
    if offset:
        exif.get_ifd(0x8769)[0x9011] = offset
    if gps:
        ifd = exif.get_ifd(0x8825)
        ifd[1], ifd[2], ifd[3], ifd[4] = gps
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=80)
    return out.getvalue()


# ---- ga947: a GA/T 947 body camera ----------------------------------------------------------------
SERIAL, OFFICER = "HK7B00315", "031582"
GA947_INFO = ("[设备信息]\r\n设备编号=HK7B00315\r\n警号=031582\r\n姓名=张伟\r\n"
              "单位=某市市场监督管理局综合行政执法支队\r\n型号=DSJ-K7\r\n固件版本=V2.1.8\r\n").encode("gbk")


def _ga947() -> Sample:
    files: dict[str, bytes | tuple[bytes, datetime]] = {"DEVINFO.TXT": (GA947_INFO, at(1, 18, 0))}
    expect: dict[str, dict[str, object]] = {}

    def rec(relpath: str, start: datetime | None, seq: int | None, kind: MediaKind, *, important: bool = False,
            note: str = "", officer: str = OFFICER, length: int = 180, ended: datetime | None = None) -> None:
        data = {MediaKind.VIDEO: mp4, MediaKind.AUDIO: wav}.get(kind, lambda _s: jpeg())(length)
        modified = ended or (start or DEFAULT_TIME) + timedelta(seconds=length)
        files[relpath] = (data, modified)
        expect[relpath] = {"kind": kind, "recorded_at": start, "sequence": seq, "important": important,
                           "device_serial": SERIAL, "officer_no": officer, "note": note, "modified_at": modified,
                           "size": len(data)}

    day = "DCIM/20260302/"
    rec(day + "HK7B00315_031582_20260302091502_0001.MP4", at(2, 9, 15, 2), 1, MediaKind.VIDEO)
    rec(day + "HK7B00315_031582_20260302093010_0002_IMP.MP4", at(2, 9, 30, 10), 2, MediaKind.VIDEO, important=True)
    rec(day + "IMP_HK7B00315_031582_20260302094522_0003.MP4", at(2, 9, 45, 22), 3, MediaKind.VIDEO, important=True)
    rec(day + "HK7B00315_031582_20260302100000_0004.WAV", at(2, 10, 0, 0), 4, MediaKind.AUDIO, length=62)
    rec(day + "HK7B00315_031582_20260302100104_0005.JPG", at(2, 10, 1, 4), 5, MediaKind.IMAGE, length=0)
    rec(day + "hk7b00315_031582_20260302102000_0008.mp4", at(2, 10, 20, 0), 8, MediaKind.VIDEO)
    rec(day + "HK7B00315_031582_20261399250000_0007.MP4", None, 7, MediaKind.VIDEO, ended=at(2, 10, 40, 0),
        note="the time in the file name is not a valid date")
    rec(day + "现场检查_001.MP4", None, None, MediaKind.VIDEO, ended=at(2, 10, 50, 0),
        note="name does not follow the GA/T 947 scheme")
    rec("DCIM/20260301/HK7B00315_031582_20260301235958_0099.MP4", at(1, 23, 59, 58), 99, MediaKind.VIDEO,
        important=True)  # read-only on the card
    rec("DCIM/重要/HK7B00315_031582_20260302101020_0006.MP4", at(2, 10, 10, 20), 6, MediaKind.VIDEO, important=True)
    rec("LOG/20260302.LOG", None, None, MediaKind.OTHER, ended=at(2, 11, 0, 0),
        note="name does not follow the GA/T 947 scheme")
    files["LOG/20260302.LOG"] = (b"2026-03-02 09:15:02 REC START\r\n", at(2, 11, 0, 0))
    expect["LOG/20260302.LOG"]["size"] = len(files["LOG/20260302.LOG"][0])
    return Sample(files=files, expect=expect, unlisted=frozenset({"DEVINFO.TXT"}), label="DSJ-K7",
                  read_only=frozenset({"DCIM/20260301/HK7B00315_031582_20260301235958_0099.MP4"}),
                  info={"serial": SERIAL, "officer_no": OFFICER, "officer_name": "张伟", "model": "DSJ-K7",
                        "unit": "某市市场监督管理局综合行政执法支队"})


# ---- rapid_test: a pesticide-residue analyser ---------------------------------------------------
RT_SERIAL = "KJ-NC2000-0117"
NC_HEADER = "样品编号,样品名称,检测项目,检测值,单位,限量,结果,检测时间,检测方法"
PESTICIDE = "有机磷和氨基甲酸酯类农药"
NC_CSV = "\r\n".join([
    "农药残留快速检测结果", NC_HEADER,
    f"S20260302-01,小白菜,{PESTICIDE},12.5,%,50,合格,2026-03-02 09:40:12,GB/T 5009.199-2003",
    f"S20260302-02,豇豆,{PESTICIDE},63.8,%,50,不合格,2026-03-02 09:52:40,GB/T 5009.199-2003",
    "S20260302-03,韭菜,毒死蜱,,mg/kg,0.02,无效,2026-03-02 10:05:01,胶体金免疫层析法", ""]).encode("gbk")
VET_CSV = "\ufeff" + "\r\n".join([
    NC_HEADER,
    "R01,猪肉,克伦特罗,<0.5,μg/kg,0.5,阴性,2026/03/02 11:20,胶体金免疫层析法",
    "R02,牛肉,莱克多巴胺,,μg/kg,0.5,阳性,2026/03/02 11:26,胶体金免疫层析法",
    "R03,羊肉,沙丁胺醇",  # cut short: row 4
    "R04,鸡蛋,氟苯尼考,,μg/kg,,可疑,2026-03-02 25:00:00,胶体金免疫层析法",  # no such hour: row 5
    ""])
RESULT_XML = """<?xml version="1.0" encoding="GBK"?>
<检测报告 仪器编号="KJ-NC2000-0117">
  <Record SampleNo="S20260301-07" SampleName="菠菜">
    <Item>有机磷和氨基甲酸酯类农药</Item><Value>18.2</Value><Unit>%</Unit><Limit>50</Limit>
    <Result>合格</Result><TestTime>2026-03-01 15:20:11</TestTime><Method>GB/T 5009.199-2003</Method>
  </Record>
  <记录><样品编号>S20260301-08</样品编号><样品名称>芹菜</样品名称><检测项目>甲胺磷</检测项目>
    <检测值>0.3</检测值><单位>mg/kg</单位><限量>0.05</限量><结果>可疑</结果><检测时间>2026-03-01 15:31:02</检测时间>
  </记录>
</检测报告>
""".encode("gbk")


def _rapid_test() -> Sample:
    def res(sample_no, sample, item, value, unit, limit, verdict, tested_at, method):
        return {"sample_no": sample_no, "sample": sample, "item": item, "value": value, "unit": unit,
                "limit": limit, "verdict": verdict, "tested_at": tested_at, "method": method}

    nc = "GB/T 5009.199-2003"
    gold = "胶体金免疫层析法"
    folder = "检测结果/"
    files: dict[str, bytes | tuple[bytes, datetime]] = {
        "DEVINFO.TXT": ("仪器编号=KJ-NC2000-0117\n仪器型号=NC-2000\n单位=某区市场监督管理局快检室\n".encode(), at(1, 8, 0)),
        folder + "20260302_农残.csv": (NC_CSV, at(2, 10, 5, 30)),
        folder + "20260302_兽残.csv": (VET_CSV.encode("utf-8"), at(2, 11, 30, 0)),
        folder + "20260301.xml": (RESULT_XML, at(1, 15, 32, 0)),
        folder + "损坏的结果.xml": ("<检测报告><Record><Item>甲醛".encode(), at(1, 16, 0, 0)),
        folder + "样品照片_S20260302-02.JPG": (jpeg(color=(30, 120, 30)), at(2, 9, 53, 0)),
    }
    expect: dict[str, dict[str, object]] = {
        folder + "20260302_农残.csv": {"kind": MediaKind.RESULT, "note": "", "recorded_at": at(2, 9, 40, 12),
                                      "results": [
            res("S20260302-01", "小白菜", PESTICIDE, "12.5", "%", "50", Verdict.PASS, at(2, 9, 40, 12), nc),
            res("S20260302-02", "豇豆", PESTICIDE, "63.8", "%", "50", Verdict.FAIL, at(2, 9, 52, 40), nc),
            res("S20260302-03", "韭菜", "毒死蜱", "", "mg/kg", "0.02", Verdict.UNKNOWN, at(2, 10, 5, 1), gold)]},
        folder + "20260302_兽残.csv": {"kind": MediaKind.RESULT, "note": "rows that could not be read: 4, 5",
                                      "recorded_at": at(2, 11, 20), "results": [
            res("R01", "猪肉", "克伦特罗", "<0.5", "μg/kg", "0.5", Verdict.PASS, at(2, 11, 20), gold),
            res("R02", "牛肉", "莱克多巴胺", "", "μg/kg", "0.5", Verdict.FAIL, at(2, 11, 26), gold)]},
        folder + "20260301.xml": {"kind": MediaKind.RESULT, "note": "", "recorded_at": at(1, 15, 20, 11), "results": [
            res("S20260301-07", "菠菜", PESTICIDE, "18.2", "%", "50", Verdict.PASS, at(1, 15, 20, 11), nc),
            res("S20260301-08", "芹菜", "甲胺磷", "0.3", "mg/kg", "0.05", Verdict.UNKNOWN, at(1, 15, 31, 2), "")]},
        folder + "损坏的结果.xml": {"kind": MediaKind.RESULT, "note": "the result file could not be read",
                                   "results": []},
        folder + "样品照片_S20260302-02.JPG": {"kind": MediaKind.IMAGE, "results": []},
    }
    for relpath, fields in expect.items():
        fields.update(device_serial=RT_SERIAL, modified_at=files[relpath][1])
    return Sample(files=files, expect=expect, unlisted=frozenset({"DEVINFO.TXT"}), label="NC2000",
                  info={"serial": RT_SERIAL, "model": "NC-2000", "unit": "某区市场监督管理局快检室"})


# ---- camera: a digital camera with EXIF -----------------------------------------------------------
SHANGHAI_GPS = ("N", (31.0, 13.0, 49.5), "E", (121.0, 28.0, 25.32))  # 31.2304167, 121.4737
SHENZHEN_GPS = ("N", (22.0, 32.0, 35.16), "E", (114.0, 3.0, 28.44))  # 22.5431, 114.0579


def _camera() -> Sample:
    d = "DCIM/100MEDIA/"
    files: dict[str, bytes | tuple[bytes, datetime]] = {
        d + "DSC_0001.JPG": (jpeg("2026:03:02 10:20:30", gps=SHANGHAI_GPS), at(2, 10, 20, 32)),
        d + "DSC_0002.JPG": (jpeg("2026:03:02 11:25:00", "+09:00", gps=SHENZHEN_GPS), at(2, 10, 25, 2)),
        d + "现场照片_01.JPG": (jpeg(), at(2, 10, 30, 0)),
        d + "DSC_0003.MOV": (mp4(30), at(2, 10, 31, 10)),
        "DCIM/101_PANA/P1010001.JPG": (jpeg(ifd0_time="2026:03:01 16:45:10"), at(1, 16, 45, 12)),
    }
    expect: dict[str, dict[str, object]] = {
        d + "DSC_0001.JPG": {"kind": MediaKind.IMAGE, "recorded_at": at(2, 10, 20, 30), "gps": (31.2304167, 121.4737),
                             "note": ""},
        d + "DSC_0002.JPG": {"kind": MediaKind.IMAGE, "recorded_at": at(2, 10, 25, 0), "gps": (22.5431, 114.0579),
                             "note": ""},
        d + "现场照片_01.JPG": {"kind": MediaKind.IMAGE, "recorded_at": at(2, 10, 30, 0), "gps": None,
                            "note": "no recording time in the file: the file time is used"},
        d + "DSC_0003.MOV": {"kind": MediaKind.VIDEO, "recorded_at": at(2, 10, 31, 10), "gps": None, "note": ""},
        "DCIM/101_PANA/P1010001.JPG": {"kind": MediaKind.IMAGE, "recorded_at": at(1, 16, 45, 10), "gps": None},
    }
    for relpath, fields in expect.items():
        fields.update(modified_at=files[relpath][1])
    return Sample(files=files, expect=expect, label="CAMERA")


# ---- recorder: a voice recorder -------------------------------------------------------------------
def _recorder() -> Sample:
    file_time = "no recording time in the file: the file time is used"
    rows = [  # relpath, mtime, recorded_at, note
        ("RECORD/REC20260302-101500.WAV", at(2, 10, 32, 0), at(2, 10, 15, 0), ""),
        ("RECORD/REC20260302-143012.MP3", at(2, 14, 40, 0), at(2, 14, 30, 12), ""),
        ("RECORD/FOLDER01/20260301_090000.WAV", at(1, 9, 30, 0), at(1, 9, 0, 0), ""),
        ("RECORD/REC20261340-101500.WAV", at(2, 11, 0, 0), at(2, 11, 0, 0),
         "the time in the file name is not a valid date: the file time is used"),
        ("VOICE/会议录音.WAV", at(2, 16, 0, 4), at(2, 16, 0, 4), file_time),
    ]
    files = {relpath: (wav(i + 1), mtime) for i, (relpath, mtime, _r, _n) in enumerate(rows)}
    expect = {relpath: {"kind": MediaKind.AUDIO, "recorded_at": rec, "note": note, "modified_at": mtime}
              for relpath, mtime, rec, note in rows}
    return Sample(files=files, expect=expect, label="RECORDER")


# ---- custom: a device an administrator declared -----------------------------------------------
SAMPLE_DEFINITION = DeviceDefinition(uuid="5f0c2a1e-7d4b-4c53-9a8e-1b2c3d4e5f60", name="某型号执法录音笔",
                                     vendor_id=0x3412, product_id=0x0001,
                                     pattern="执法录音/{officer}_{date}_{time}_{seq}.wav", kind=MediaKind.AUDIO)


def _custom() -> Sample:
    rows = [  # relpath, mtime, officer, recorded_at, seq, note
        ("执法录音/031582_20260302_101500_001.WAV", at(2, 10, 30, 0), "031582", at(2, 10, 15, 0), 1, ""),
        ("执法录音/031582_20260302_113045_002.wav", at(2, 11, 40, 0), "031582", at(2, 11, 30, 45), 2, ""),
        ("执法录音/031583_20260302_140000_003.WAV", at(2, 14, 20, 0), "031583", at(2, 14, 0, 0), 3, ""),
        ("执法录音/031582_20260302_996000_005.WAV", at(2, 15, 0, 0), "031582", None, 5,
         "the time in the file name is not a valid date"),
        ("执法录音/说明.txt", at(1, 9, 0, 0), "", None, None, "name does not match the device's file-name pattern"),
    ]
    files = {relpath: (wav(3) if relpath.lower().endswith(".wav") else "设备说明".encode(), mtime)
             for relpath, mtime, *_ in rows}
    expect = {relpath: {"kind": MediaKind.AUDIO if relpath.lower().endswith(".wav") else MediaKind.OTHER,
                        "officer_no": officer, "recorded_at": rec, "sequence": seq, "note": note, "modified_at": mtime}
              for relpath, mtime, officer, rec, seq, note in rows}
    return Sample(files=files, expect=expect, label="RECPEN")


SAMPLES: dict[str, Sample] = {"ga947": _ga947(), "rapid_test": _rapid_test(), "camera": _camera(),
                              "recorder": _recorder(), "custom": _custom()}

# Odd names every driver must list without raising (FAT forbids only "*/:<>?\| and control characters).
ODD_FILES: dict[str, bytes | tuple[bytes, datetime]] = {
    "DCIM/20260302/HK7B00315_031582_2026030209150_0001.MP4": mp4(1),  # 13 digits
    "DCIM/20260302/___.mp4": mp4(2),
    "DCIM/20260302/没有扩展名": b"x",
    "DCIM/20260302/a.b.c.JPG": b"not a jpeg at all",
    "DCIM/20260302/{officer}_%s%n.MP4": mp4(3),
    "DCIM/20260302/😀 现场.JPG": jpeg(),
    "DCIM/100MEDIA/broken.jpg": jpeg("2026:03:02 10:20:30")[:40],
    "DCIM/100MEDIA/bad_exif.JPG": jpeg("9999:99:99 99:99:99", "+99:99", gps=("N", (999.0, 0.0, 0.0), "X", (1.0,))),
    "RECORD/REC99999999-999999.WAV": wav(1),
    "检测结果/空.csv": b"",
    "检测结果/garbage.csv": bytes(range(256)) * 4,
    "检测结果/only_header.csv": (NC_HEADER + "\n").encode("gbk"),
    "检测结果/not_xml.xml": b"\xff\xfe\x00<",
    "执法录音/ .wav": wav(1),
    "DEVINFO.TXT": b"\xff\xfe garbage = = =\n\x00\x01",
    "empty folder/": b"",
    ".hidden": b"h",
}
