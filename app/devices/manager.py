"""The device manager: ONE daemon thread ("usb") owns every libusb call (libusb is not thread-safe,
and a driver asking for a password must not block the GUI). It polls the bus for arrival and removal,
matches drivers, waits for a mass-storage device's volume, probes, and tells listeners.

Listeners are called on the USB thread with a :class:`DockedDevice` snapshot; the UI adapts them to a
Qt signal. Driver calls that ask the user (``handler.ask_password``) also run on the USB thread: the
UI's handler marshals them to the GUI thread and waits. Without :meth:`DeviceManager.start` (the CLI),
every call runs in the caller's thread, which then is the USB thread.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import queue
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from app.devices.base import MASS_STORAGE_CLASS, SHANGHAI, DeviceDriver, DeviceHandler, DeviceInfo, UsbInfo
from app.devices.docked import STATES, DockedDevice, Entry, SystemBus, UsbBus, execute, keep_known, safe
from app.devices.errors import device_text
from app.devices.folder import FolderDriver
from app.domain.errors import UserCancelled, UserError

log = logging.getLogger(__name__)
T = TypeVar("T")

VENDOR_CLASS = 0xFF
__all__ = ["STATES", "DeviceManager", "DockedDevice", "SystemBus", "UsbBus"]


_STOP = object()
_STARTED: weakref.WeakSet[DeviceManager] = weakref.WeakSet()  # managers whose USB thread may run


class DeviceManager:
    """Docked devices and folder sources. ``drivers``: the driver classes from the composition root
    (specific ones, by USB ids, are tried before generic ones, by volume layout). ``handler`` answers
    the drivers' questions. ``bus``, ``clock`` and ``monotonic`` are injectable for tests."""

    def __init__(self, drivers: Sequence[type[DeviceDriver]], handler: DeviceHandler, *,
                 bus: UsbBus | None = None, clock: Callable[[], datetime] | None = None, interval: float = 1.0,
                 mount_timeout: float = 30.0, handover_s: float = 60.0, open_grace_s: float = 3.0,
                 fallback_driver: type[DeviceDriver] | None = None,
                 monotonic: Callable[[], float] = time.monotonic):
        self.drivers = tuple(drivers)
        self.handler = handler
        self.bus: UsbBus = bus if bus is not None else SystemBus()
        self.clock = clock or (lambda: datetime.now(SHANGHAI))
        self.interval = interval
        self.mount_timeout = mount_timeout
        self.handover_s = handover_s
        self.open_grace_s = open_grace_s
        self.fallback_driver = fallback_driver  # for USB storage no driver recognises; None: ignore it
        self.monotonic = monotonic
        self.bus_problem: UserError | None = None
        self._listeners: list[Callable[[DockedDevice], None]] = []
        self._entries: dict[str, Entry] = {}  # USB thread only
        self._by_key: dict[tuple[int, int, int, int], Entry] = {}
        self._ignored: set[tuple[int, int, int, int]] = set()
        self._handovers: list[Entry] = []  # prepared devices that left (a re-enumeration is expected)
        self._snapshots: dict[str, DockedDevice] = {}
        self._lock = threading.Lock()
        self._tasks: queue.Queue[Any] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._stopping = False
        self._queue_lock = threading.Lock()  # a task is queued only while the thread will still run it

    # ---- public API (any thread) ----------------------------------------------------------------------
    def add_listener(self, listener: Callable[[DockedDevice], None]) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[DockedDevice], None]) -> None:
        self._listeners.remove(listener)

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="usb", daemon=True)
        self._thread.start()
        _STARTED.add(self)

    def stop(self, timeout: float = 10.0) -> None:
        thread = self._thread
        if thread is not None and thread.is_alive():
            with self._queue_lock:
                self._stopping = True
                self._tasks.put(_STOP)
            thread.join(timeout)
        else:
            self._close_links()
        self._thread = None

    @staticmethod
    def stop_all(timeout: float = 10.0) -> None:
        """Stop every manager whose USB thread was started (at exit, and between tests)."""
        for manager in list(_STARTED):
            manager.stop(timeout)
            _STARTED.discard(manager)

    def devices(self) -> list[DockedDevice]:
        with self._lock:
            return list(self._snapshots.values())

    def device(self, device_id: str) -> DockedDevice | None:
        with self._lock:
            return self._snapshots.get(device_id)

    def run_on_usb_thread(self, fn: Callable[[], T]) -> Future[T]:
        """Run ``fn`` on the USB thread (inline when the thread is not running or is the caller)."""
        future: Future[T] = Future()
        thread = self._thread
        with self._queue_lock:
            inline = self._stopping or thread is None or not thread.is_alive() or threading.current_thread() is thread
            if not inline:
                self._tasks.put((fn, future))
        if inline:
            if thread is not None and thread is not threading.current_thread():
                thread.join()  # stopping: let the USB thread finish before touching its state here
            execute(fn, future)
        return future

    def scan_once(self) -> list[DockedDevice]:
        """One poll (the CLI calls it until a device is ready)."""
        self.run_on_usb_thread(self._poll).result()
        return self.devices()

    def add_folder(self, path: Path | str) -> DockedDevice:
        """A folder or volume given by path, probed with the driver that recognises it (else the plain
        folder driver). Blocks until probed: call it off the GUI thread."""
        return self.run_on_usb_thread(lambda: self._add_folder(Path(path))).result()

    def forget(self, device_id: str) -> None:
        """Drop a folder source (USB devices leave when unplugged)."""
        self.run_on_usb_thread(lambda: self._forget(device_id)).result()

    def prepare(self, device_id: str) -> Future[DockedDevice]:
        """``driver.prepare`` on the USB thread (log in, set the clock, switch to storage mode)."""
        return self.run_on_usb_thread(lambda: self._prepare(device_id))

    def reprobe(self, device_id: str) -> Future[DockedDevice]:
        """Probe again (after a cancelled password prompt or a problem the user fixed)."""
        return self.run_on_usb_thread(lambda: self._reprobe(device_id))

    def set_busy(self, device_id: str, busy: bool) -> None:
        """Mark a ready device busy while the import runs (and ready again after)."""
        self.run_on_usb_thread(lambda: self._set_busy(device_id, busy)).result()

    def eject(self, device_id: str) -> Future[Any]:
        """Close the device's link and eject its volume (:func:`app.devices.eject.eject`)."""
        return self.run_on_usb_thread(lambda: self._eject(device_id))

    # ---- the USB thread ---------------------------------------------------------------------------------
    def _run(self) -> None:
        next_poll = 0.0
        while True:
            try:
                task = self._tasks.get(timeout=max(0.0, next_poll - time.monotonic()))
            except queue.Empty:
                task = None
            if task is _STOP:
                break
            if task is not None:
                execute(*task)
                continue
            try:
                self._poll()
            except Exception:  # never let one bad poll kill the thread
                log.exception("device poll failed")
            next_poll = time.monotonic() + self.interval
        self._close_links()

    def _poll(self) -> None:
        try:
            infos = self.bus.enumerate()
        except UserError as exc:
            if self.bus_problem is None:
                log.warning("USB enumeration failed: %s", exc.english)
            self.bus_problem = exc
            return
        self.bus_problem = None
        horizon = self.monotonic() - self.handover_s
        self._handovers = [e for e in self._handovers if e.gone_at >= horizon]
        present = {info.key: info for info in infos}
        for key in [k for k in self._by_key if k not in present]:
            self._gone(self._by_key.pop(key))
        self._ignored &= set(present)
        for key, info in present.items():
            if key not in self._by_key and key not in self._ignored:
                try:
                    self._arrive(info)
                except Exception:
                    log.exception("a driver failed on the arrival of %s: ignored", device_text(info))
                    self._ignored.add(key)
        for entry in list(self._entries.values()):
            if entry.usb is None and entry.volume is not None and not os.path.isdir(entry.volume):
                self._gone(entry)  # a folder source whose volume was unplugged
            elif entry.waiting and entry.usb is not None:
                try:
                    self._advance(entry)
                except Exception as exc:  # a driver bug outside probe: show it, stop retrying
                    log.exception("advancing %s failed", entry.id)
                    self._set_problem(entry, self._driver_failed(entry, exc))

    def _arrive(self, usb: UsbInfo) -> None:
        driver_cls = next((d for d in self.drivers if d.VENDOR_ID and safe(d.matches, usb)), None)
        if driver_cls is None and MASS_STORAGE_CLASS not in usb.interface_classes:
            self._ignored.add(usb.key)
            return
        entry = Entry(id=f"usb:{usb.bus}-{usb.address}:{usb.ids}", usb=usb,
                       driver=driver_cls(usb) if driver_cls else None, first_seen=self.monotonic())
        self._by_key[usb.key] = entry
        self._entries[entry.id] = entry
        self._notify(entry)
        log.info("USB device arrived: %s (%s)", device_text(usb), driver_cls.NAME if driver_cls else "storage")

    def _advance(self, entry: Entry) -> None:
        usb = entry.usb
        assert usb is not None
        wants_volume = MASS_STORAGE_CLASS in usb.interface_classes and (
            entry.driver is None or entry.driver.MASS_STORAGE)
        if wants_volume and entry.volume is None:
            try:
                entry.volume = self.bus.volume(usb)
            except Exception:
                log.exception("looking up the volume of %s failed", device_text(usb))
            if entry.volume is None:
                self._wait_for_volume(entry)
                return
        if entry.driver is None:
            driver_cls = self._recognise(entry.volume, generic_only=True) or self.fallback_driver
            if driver_cls is None:
                log.info("no driver recognises the storage of %s: ignored", device_text(usb))
                self._ignored.add(usb.key)
                self._by_key.pop(usb.key, None)
                self._gone(entry)
                return
            entry.driver = driver_cls(usb)
        if VENDOR_CLASS in usb.interface_classes and entry.link is None and entry.driver.VENDOR_ID:
            try:
                entry.link = self.bus.open(usb)
            except Exception as exc:
                if self.monotonic() - entry.first_seen < self.open_grace_s:
                    return  # udev may not have applied its rule (or libusb listed the device) yet: next poll
                if not isinstance(exc, UserError):
                    log.exception("opening %s failed", device_text(usb))
                    exc = UserError("USB error with {device}: {reason}", rule="usb", device=device_text(usb),
                                    reason=f"{type(exc).__name__}: {exc}")
                self._set_problem(entry, exc)
                return
        self._probe(entry)

    def _wait_for_volume(self, entry: Entry) -> None:
        if self.monotonic() - entry.first_seen <= self.mount_timeout:
            if entry.state != "mounting":
                entry.state = "mounting"
                self._notify(entry)
        elif entry.state != "problem":
            self._set_problem(entry, UserError(
                "the storage of {device} did not appear as a mounted volume within {seconds} s: mount it (or "
                "turn on automatic mounting), or use \"import from folder\"", rule="device",
                device=device_text(entry.usb), seconds=int(self.mount_timeout)), keep_waiting=True)

    def _recognise(self, volume: Path | None, *, generic_only: bool) -> type[DeviceDriver] | None:
        if volume is None:
            return None
        order = [d for d in self.drivers if not d.VENDOR_ID]
        if not generic_only:
            order += [d for d in self.drivers if d.VENDOR_ID]
        return next((d for d in order if safe(d.recognises, volume)), None)

    def _probe(self, entry: Entry) -> None:
        entry.waiting = False
        driver = entry.driver
        assert driver is not None
        try:
            info = driver.probe(entry.link, entry.volume, self.handler, self.clock())
        except UserCancelled:
            self._set_problem(entry, UserError("reading {device} was cancelled: choose \"retry\" to read it again",
                                               rule="device", device=self._text(entry)))
            return
        except UserError as exc:
            self._set_problem(entry, exc)
            return
        except Exception as exc:
            log.exception("driver %s failed while probing %s", driver.NAME, self._text(entry))
            self._set_problem(entry, self._driver_failed(entry, exc))
            return
        if info.device_time is not None and info.clock_offset_s is None:
            # measured after the probe: a password prompt can take a while before the clock is read
            offset = (info.device_time - self.clock()).total_seconds()
            info = dataclasses.replace(info, clock_offset_s=offset)
        entry.info = self._take_over(entry, info)
        entry.state, entry.problem = "ready", None
        self._notify(entry)

    def _take_over(self, entry: Entry, info: DeviceInfo) -> DeviceInfo:
        """A prepared protocol device comes back as a mass-storage device: keep what the protocol read."""
        for old in self._handovers:
            if entry.succeeds(old, info):
                self._handovers.remove(old)
                entry.prepared = True
                return keep_known(info, old.info)
        return info

    def _gone(self, entry: Entry) -> None:
        self._close(entry)
        entry.state = "gone"
        entry.gone_at = self.monotonic()
        self._entries.pop(entry.id, None)
        if entry.prepared and entry.info is not None:
            self._handovers.append(entry)
        self._notify(entry)
        with self._lock:
            self._snapshots.pop(entry.id, None)

    def _add_folder(self, path: Path) -> DockedDevice:
        if not path.is_dir():
            raise UserError("{path} is not a folder", rule="device", path=str(path))
        device_id = f"folder:{os.path.realpath(path)}"
        old = self._entries.pop(device_id, None)
        if old is not None:
            self._close(old)
        driver_cls = self._recognise(path, generic_only=False) or FolderDriver
        entry = Entry(id=device_id, usb=None, driver=driver_cls(None), volume=path, first_seen=self.monotonic())
        self._entries[device_id] = entry
        self._notify(entry)
        self._probe(entry)
        return entry.snapshot()

    def _forget(self, device_id: str) -> None:
        entry = self._entries.get(device_id)
        if entry is not None and entry.usb is None:
            self._gone(entry)

    def _entry(self, device_id: str) -> Entry:
        entry = self._entries.get(device_id)
        if entry is None:
            raise UserError("the device {device} is no longer connected", rule="device", device=device_id)
        return entry

    def _prepare(self, device_id: str) -> DockedDevice:
        entry = self._entry(device_id)
        if entry.driver is None or entry.state not in ("ready", "busy"):
            raise UserError("the device {device} is not ready yet", rule="device", device=self._text(entry))
        entry.state = "busy"
        self._notify(entry)
        try:
            entry.driver.prepare(entry.link, self.handler, self.clock())
        except BaseException:
            entry.state = "ready"
            self._notify(entry)
            raise
        entry.state, entry.prepared = "ready", True
        self._notify(entry)
        return entry.snapshot()

    def _reprobe(self, device_id: str) -> DockedDevice:
        entry = self._entry(device_id)
        if entry.usb is None:
            self._probe(entry)
        else:
            entry.waiting, entry.first_seen = True, self.monotonic()
            self._advance(entry)
        return entry.snapshot()

    def _set_busy(self, device_id: str, busy: bool) -> None:
        entry = self._entry(device_id)
        if entry.state in ("ready", "busy"):
            entry.state = "busy" if busy else "ready"
            self._notify(entry)

    def _eject(self, device_id: str) -> Any:
        from app.devices.eject import eject

        entry = self._entry(device_id)
        if entry.volume is None:
            raise UserError("the device {device} has no volume to eject", rule="device", device=self._text(entry))
        self._close(entry)
        return eject(entry.volume)

    # ---- helpers ------------------------------------------------------------------------------------------
    def _set_problem(self, entry: Entry, problem: UserError, *, keep_waiting: bool = False) -> None:
        entry.state, entry.problem, entry.waiting = "problem", problem, keep_waiting
        log.info("device %s: %s", entry.id, problem.english)
        self._notify(entry)

    def _driver_failed(self, entry: Entry, exc: Exception) -> UserError:
        name = (entry.driver.NAME or type(entry.driver).__name__) if entry.driver else "?"
        return UserError("the {driver} driver failed while reading {device}: {error}", rule="driver", driver=name,
                         device=self._text(entry), error=f"{type(exc).__name__}: {exc}")

    def _text(self, entry: Entry) -> str:
        return device_text(entry.usb) if entry.usb is not None else str(entry.volume)

    def _close(self, entry: Entry) -> None:
        link, entry.link = entry.link, None
        close = getattr(link, "close", None)
        if close is not None:
            try:
                close()
            except Exception:
                log.exception("closing the link to %s failed", entry.id)

    def _close_links(self) -> None:
        for entry in list(self._entries.values()):
            self._close(entry)

    def _notify(self, entry: Entry) -> None:
        snapshot = entry.snapshot()
        with self._lock:
            self._snapshots[entry.id] = snapshot
        for listener in list(self._listeners):
            try:
                listener(snapshot)
            except Exception:
                log.exception("device listener failed")
