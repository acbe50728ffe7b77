"""`zhifa import --device auto|PATH`: a headless docking station. Imports every docked device (auto) or
a mounted volume / folder (PATH), resuming an unfinished import of the same device first; prints each
file's outcome and a summary. Exit code 0 when every file was copied or already stored, 1 when a file
was refused or failed (or the import stopped), 2 on bad arguments.

Without --user the import is done by the docking station itself (role "system", named after the
workstation); with --user the person signs in (password asked, or ZHIFA_PASSWORD for scripts)."""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
WAIT_FOR_DEVICES_S = 30.0  # auto: how long docked devices may take to mount and be read
POLL_S = 2.0


class CliHandler:
    """How a driver asks the person at the station: on the terminal (a script gets no prompts)."""

    def __init__(self, out=None):  # type: ignore[no-untyped-def]
        self.out = out or sys.stdout

    def show_message(self, text: str, /, **params: object) -> None:
        from app.domain.i18n import tr

        print(tr(text, **params), file=self.out)

    def ask_yes_no(self, text: str, /, **params: object) -> bool:
        from app.domain.i18n import tr

        if not sys.stdin.isatty():
            return False
        return input(f"{tr(text, **params)} [y/N] ").strip().lower() in ("y", "yes", "是")

    def ask_password(self, text: str, /, **params: object) -> str:
        from app.cli_secrets import read_secret
        from app.domain.errors import UserCancelled
        from app.domain.i18n import tr

        password = read_secret(f"{tr(text, **params)}: ", "ZHIFA_DEVICE_PASSWORD")
        if password is None:  # no one to ask: this device is left, the others are still imported
            raise UserCancelled()
        return password


def _actor(args: argparse.Namespace, services: Any) -> Any:
    from app.domain.officers import Actor, Role

    if not args.user:
        station = services.workstation or platform.node() or "workstation"
        return Actor(f"station:{station}"[:64], f"接入站 {station}"[:50], Role.SYSTEM)
    from app.cli_secrets import require_secret

    password = require_secret(f"password for {args.user}: ", "ZHIFA_PASSWORD")
    return services.auth.sign_in(args.user, password).actor


def _manager(services: Any, handler: CliHandler) -> Any:
    """The services' device manager, asking on this terminal; run in this thread (not started)."""
    manager = services.devices
    manager.handler = handler
    return manager


def _source(device: Any) -> Any:
    from app.domain.i18n import tr
    from app.services.evidence import ImportSource

    usb = device.usb
    where = f"usb {usb.ids} bus {usb.bus} addr {usb.address}" if usb is not None else str(device.volume)
    serial = device.info.serial if device.info else ""
    label = f"{tr(device.label)} {serial}".strip()
    return ImportSource(volume=Path(device.volume), driver=device.driver, info=device.info, label=label, source=where)


def import_device(evidence: Any, actor: Any, device: Any, out=None) -> int:  # type: ignore[no-untyped-def]
    """Import one ready device: first its unfinished import, if any (it copies what it listed), then,
    once that is done, a fresh one for files added since (files stored already are only hashed)."""
    out = out or sys.stdout
    source = _source(device)
    driver = device.driver.NAME or type(device.driver).__name__
    code = EXIT_OK
    record = evidence.resumable(source)
    if record is not None:
        print(f"resuming {source.label} from {source.volume} (driver {driver})", file=out, flush=True)
        record, code = _run(evidence, actor, record.uuid, source.label, out)
        if record.state.value != "done":
            return code
    print(f"importing {source.label} from {source.volume} (driver {driver})", file=out, flush=True)
    record, fresh = _run(evidence, actor, evidence.plan(source, actor).uuid, source.label, out)
    return max(code, fresh)


def _run(evidence: Any, actor: Any, import_uuid: str, label: str, out) -> tuple[Any, int]:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    record = evidence.run(import_uuid, actor)
    elapsed = time.monotonic() - started
    for f in evidence.files(record.uuid):
        print(f"  [{f.outcome.value:<9}] {f.original_path}" + (f"  {f.message}" if f.message else ""), file=out)
    mb = record.bytes / (1 << 20)
    print(f"{label}: {record.files} files ({mb:.1f} MB): {record.copied} copied, {record.duplicates} already "
          f"stored, {record.refused} refused, {record.failed} failed, {record.pending} pending "
          f"[{record.state.value}] in {elapsed:.1f} s" + (f": {record.stop_reason}" if record.stop_reason else ""),
          file=out, flush=True)
    clean = record.refused == 0 and record.failed == 0 and record.pending == 0
    return record, EXIT_OK if clean else EXIT_FAILED


def _ready(manager: Any, wait_s: float, sleep: Callable[[float], None]) -> list[Any]:
    """Docked devices once none is still being detected or mounted (or ``wait_s`` passed)."""
    deadline = time.monotonic() + wait_s
    while True:
        devices = manager.scan_once()
        if all(d.state not in ("detected", "mounting") for d in devices) or time.monotonic() >= deadline:
            return devices
        sleep(0.5)


def _import_ready(evidence: Any, actor: Any, manager: Any, devices: list[Any], done: set[str], out) -> int:  # type: ignore[no-untyped-def]
    from app.domain.errors import UserError
    from app.domain.i18n import tr

    code = EXIT_OK
    for device in devices:
        if device.id in done:
            continue
        if device.state == "problem":
            print(f"{tr(device.label)}: {device.problem.message if device.problem else '?'}", file=out)
            done.add(device.id)
            code = EXIT_FAILED
            continue
        if device.state != "ready" or device.volume is None:
            continue
        done.add(device.id)
        try:
            if not device.prepared:
                device = manager.prepare(device.id).result()
            manager.set_busy(device.id, True)
            try:
                code = max(code, import_device(evidence, actor, device, out))
            finally:
                manager.set_busy(device.id, False)
        except UserError as exc:  # this device could not be imported; the others still are
            print(f"{tr(device.label)}: {exc.message}", file=out)
            code = EXIT_FAILED
    return code


def cmd_import(args: argparse.Namespace, services: Any, *, out=None,  # type: ignore[no-untyped-def]
               sleep: Callable[[float], None] = time.sleep, manager: Any = None) -> int:
    out = out or sys.stdout
    if args.device != "auto" and not Path(args.device).is_dir():
        print(f"zhifa import: {args.device} is not a folder (give a mounted volume or folder, or 'auto')",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    evidence = services.evidence
    actor = _actor(args, services)
    manager = manager or _manager(services, CliHandler(out))
    done: set[str] = set()
    code = EXIT_OK
    try:
        while True:
            if args.device == "auto":
                devices = _ready(manager, WAIT_FOR_DEVICES_S, sleep)
                if not devices and not args.watch:
                    problem = getattr(manager, "bus_problem", None)
                    print(f"no device is docked{f' ({problem.message})' if problem else ''}", file=out)
                    return EXIT_FAILED
            else:
                path = Path(os.path.abspath(args.device))  # kept with the import: resumable from anywhere
                devices = [manager.add_folder(path)] if _has_files(path) else []
            code = max(code, _import_ready(evidence, actor, manager, devices, done, out))
            if not args.watch:
                return code
            present = {d.id for d in devices if d.state != "gone"}
            done &= present  # a device that left may come back: import it again then
            sleep(POLL_S)
    except KeyboardInterrupt:
        return code
    finally:
        manager.stop()


def _has_files(path: Path) -> bool:
    try:
        return any(path.iterdir())
    except OSError:
        return False


def add_parser(sub: argparse._SubParsersAction, run: Callable) -> None:  # type: ignore[type-arg]
    """``run(command)`` wraps a command taking (args, services) into an argparse ``func``."""
    imp = sub.add_parser("import", help="import evidence from docked devices or a folder (headless docking station)")
    imp.add_argument("--device", required=True, metavar="auto|PATH",
                     help="auto: every docked USB device; PATH: a mounted volume or folder")
    imp.add_argument("--user", metavar="LOGIN", help="import as this user (password asked, or ZHIFA_PASSWORD); "
                     "default: the docking station itself")
    imp.add_argument("--watch", action="store_true", help="keep running and import each device as it is docked")
    imp.set_defaults(func=run(cmd_import))
