"""Devices docked at the workstation: the driver base (``base``), USB enumeration and links (``usb``,
the only pyusb import), where a device's storage is mounted (``volumes``, ``volumes_windows``), the
device manager thread (``manager``), folder sources (``folder``) and ejecting (``eject``).

Drivers live in ``drivers/`` and are handed to :class:`app.devices.manager.DeviceManager` by the
composition root; nothing here imports them."""
