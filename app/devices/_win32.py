"""The few Windows calls the device layer needs, through ctypes (kernel32, setupapi, cfgmgr32).
Imported only on Windows; every function returns plain data for the pure code in volumes_windows/eject."""

from __future__ import annotations

import ctypes
from ctypes import wintypes as w
from typing import Any

ERROR_MORE_DATA = 234
IOCTL_STORAGE_GET_DEVICE_NUMBER = 0x2D1080
DIGCF_PRESENT, DIGCF_ALLCLASSES, DIGCF_DEVICEINTERFACE = 0x2, 0x4, 0x10
FILE_SHARE_READ_WRITE, OPEN_EXISTING = 0x3, 3
CR_SUCCESS = 0
MAX_DEVICE_ID_LEN = 200
INVALID_HANDLE_VALUE = ctypes.c_void_p(-1).value


class GUID(ctypes.Structure):
    _fields_ = [("Data1", w.DWORD), ("Data2", w.WORD), ("Data3", w.WORD), ("Data4", ctypes.c_ubyte * 8)]


class SP_DEVINFO_DATA(ctypes.Structure):
    _fields_ = [("cbSize", w.DWORD), ("ClassGuid", GUID), ("DevInst", w.DWORD), ("Reserved", ctypes.c_size_t)]


class SP_DEVICE_INTERFACE_DATA(ctypes.Structure):
    _fields_ = [("cbSize", w.DWORD), ("InterfaceClassGuid", GUID), ("Flags", w.DWORD),
                ("Reserved", ctypes.c_size_t)]


class STORAGE_DEVICE_NUMBER(ctypes.Structure):
    _fields_ = [("DeviceType", w.DWORD), ("DeviceNumber", w.DWORD), ("PartitionNumber", w.DWORD)]


GUID_DEVINTERFACE_DISK = GUID(0x53F56307, 0xB6BF, 0x11D0,
                              (ctypes.c_ubyte * 8)(0x94, 0xF2, 0x00, 0xA0, 0xC9, 0x1E, 0xFB, 0x8B))

_dlls: dict[str, Any] = {}


def _dll(name: str) -> Any:
    if name not in _dlls:
        dll = ctypes.WinDLL(name, use_last_error=True)  # type: ignore[attr-defined]
        if name == "kernel32":
            dll.FindFirstVolumeW.restype = w.HANDLE
            dll.FindNextVolumeW.argtypes = [w.HANDLE, w.LPWSTR, w.DWORD]
            dll.FindVolumeClose.argtypes = [w.HANDLE]
            dll.CreateFileW.restype = w.HANDLE
            dll.CreateFileW.argtypes = [w.LPCWSTR, w.DWORD, w.DWORD, w.LPVOID, w.DWORD, w.DWORD, w.HANDLE]
            dll.DeviceIoControl.argtypes = [w.HANDLE, w.DWORD, w.LPVOID, w.DWORD, w.LPVOID, w.DWORD,
                                            ctypes.POINTER(w.DWORD), w.LPVOID]
            dll.CloseHandle.argtypes = [w.HANDLE]
        elif name == "setupapi":
            dll.SetupDiGetClassDevsW.restype = w.HANDLE
            dll.SetupDiGetClassDevsW.argtypes = [ctypes.POINTER(GUID), w.LPCWSTR, w.HWND, w.DWORD]
            dll.SetupDiEnumDeviceInterfaces.argtypes = [w.HANDLE, w.LPVOID, ctypes.POINTER(GUID), w.DWORD,
                                                        ctypes.POINTER(SP_DEVICE_INTERFACE_DATA)]
            dll.SetupDiGetDeviceInterfaceDetailW.argtypes = [
                w.HANDLE, ctypes.POINTER(SP_DEVICE_INTERFACE_DATA), w.LPVOID, w.DWORD, ctypes.POINTER(w.DWORD),
                ctypes.POINTER(SP_DEVINFO_DATA)]
            dll.SetupDiEnumDeviceInfo.argtypes = [w.HANDLE, w.DWORD, ctypes.POINTER(SP_DEVINFO_DATA)]
            dll.SetupDiDestroyDeviceInfoList.argtypes = [w.HANDLE]
        _dlls[name] = dll
    return _dlls[name]


def volumes() -> list[str]:
    """Every volume GUID path, "\\\\?\\Volume{...}\\"."""
    k32 = _dll("kernel32")
    buf = ctypes.create_unicode_buffer(1024)
    handle = k32.FindFirstVolumeW(buf, 1024)
    if handle in (None, INVALID_HANDLE_VALUE):
        return []
    found = []
    try:
        while True:
            found.append(buf.value)
            if not k32.FindNextVolumeW(handle, buf, 1024):
                break
    finally:
        k32.FindVolumeClose(handle)
    return found


def volume_paths(volume: str) -> list[str]:
    """Drive letters and mounted folders of a volume ("E:\\")."""
    k32 = _dll("kernel32")
    size = w.DWORD(1024)
    for _attempt in range(2):
        buf = ctypes.create_unicode_buffer(size.value)
        if k32.GetVolumePathNamesForVolumeNameW(volume, buf, size.value, ctypes.byref(size)):
            text = ctypes.wstring_at(ctypes.addressof(buf), size.value)
            return [p for p in text.split("\0") if p]
        if ctypes.get_last_error() != ERROR_MORE_DATA:
            break
    return []


def disk_number(path: str) -> int | None:
    """The physical disk number behind a volume or disk interface path."""
    k32 = _dll("kernel32")
    handle = k32.CreateFileW(path, 0, FILE_SHARE_READ_WRITE, None, OPEN_EXISTING, 0, None)
    if handle in (None, INVALID_HANDLE_VALUE):
        return None
    try:
        number = STORAGE_DEVICE_NUMBER()
        returned = w.DWORD()
        if not k32.DeviceIoControl(handle, IOCTL_STORAGE_GET_DEVICE_NUMBER, None, 0, ctypes.byref(number),
                                   ctypes.sizeof(number), ctypes.byref(returned), None):
            return None
        return int(number.DeviceNumber)
    finally:
        k32.CloseHandle(handle)


def device_id(devinst: int) -> str:
    buf = ctypes.create_unicode_buffer(MAX_DEVICE_ID_LEN + 1)
    if _dll("cfgmgr32").CM_Get_Device_IDW(w.DWORD(devinst), buf, len(buf), 0) != CR_SUCCESS:
        return ""
    return buf.value


def usb_ancestor(devinst: int) -> str:
    """The instance id of the USB device a disk hangs off (past USBSTOR/UAS and composite functions)."""
    node = devinst
    for _level in range(5):
        parent = w.DWORD()
        if _dll("cfgmgr32").CM_Get_Parent(ctypes.byref(parent), w.DWORD(node), 0) != CR_SUCCESS:
            return ""
        node = parent.value
        found = device_id(node)
        if found.upper().startswith("USB\\") and "&MI_" not in found.upper():
            return found
    return ""


def usb_parents_of_disks() -> dict[int, str]:
    """Disk number -> USB instance id, for disks on USB."""
    setup = _dll("setupapi")
    devs = setup.SetupDiGetClassDevsW(ctypes.byref(GUID_DEVINTERFACE_DISK), None, None,
                                      DIGCF_PRESENT | DIGCF_DEVICEINTERFACE)
    if devs in (None, INVALID_HANDLE_VALUE):
        return {}
    found: dict[int, str] = {}
    try:
        index = 0
        while True:
            iface = SP_DEVICE_INTERFACE_DATA(cbSize=ctypes.sizeof(SP_DEVICE_INTERFACE_DATA))
            if not setup.SetupDiEnumDeviceInterfaces(devs, None, ctypes.byref(GUID_DEVINTERFACE_DISK), index,
                                                     ctypes.byref(iface)):
                break
            index += 1
            required = w.DWORD()
            setup.SetupDiGetDeviceInterfaceDetailW(devs, ctypes.byref(iface), None, 0, ctypes.byref(required), None)
            if not required.value:
                continue
            detail = ctypes.create_string_buffer(required.value)
            # SP_DEVICE_INTERFACE_DETAIL_DATA_W.cbSize: the fixed part, padded (8 on 64-bit, 6 on 32-bit)
            ctypes.c_uint32.from_buffer(detail).value = 8 if ctypes.sizeof(ctypes.c_void_p) == 8 else 6
            info = SP_DEVINFO_DATA(cbSize=ctypes.sizeof(SP_DEVINFO_DATA))
            if not setup.SetupDiGetDeviceInterfaceDetailW(devs, ctypes.byref(iface), detail, required,
                                                          None, ctypes.byref(info)):
                continue
            number = disk_number(ctypes.wstring_at(ctypes.addressof(detail) + 4))
            parent = usb_ancestor(info.DevInst)
            if number is not None and parent:
                found[number] = parent
    finally:
        setup.SetupDiDestroyDeviceInfoList(devs)
    return found


def usb_device_ids() -> list[str]:
    """Instance ids of every present device on the USB enumerator."""
    setup = _dll("setupapi")
    devs = setup.SetupDiGetClassDevsW(None, "USB", None, DIGCF_PRESENT | DIGCF_ALLCLASSES)
    if devs in (None, INVALID_HANDLE_VALUE):
        return []
    found = []
    try:
        index = 0
        info = SP_DEVINFO_DATA(cbSize=ctypes.sizeof(SP_DEVINFO_DATA))
        while setup.SetupDiEnumDeviceInfo(devs, index, ctypes.byref(info)):
            index += 1
            found.append(device_id(info.DevInst))
    finally:
        setup.SetupDiDestroyDeviceInfoList(devs)
    return [f for f in found if f]


def request_eject(instance_id: str) -> tuple[int, int, str]:
    """Ask Windows to eject a device: (config manager result, veto type, veto name)."""
    cfg = _dll("cfgmgr32")
    devinst = w.DWORD()
    result = cfg.CM_Locate_DevNodeW(ctypes.byref(devinst), instance_id, 0)
    if result != CR_SUCCESS:
        return result, 0, ""
    veto_type = ctypes.c_int()
    veto_name = ctypes.create_unicode_buffer(260)
    result = cfg.CM_Request_Device_EjectW(devinst, ctypes.byref(veto_type), veto_name, len(veto_name), 0)
    return result, veto_type.value, veto_name.value
