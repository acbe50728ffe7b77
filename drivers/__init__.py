"""Device drivers, one module per device family (body cameras, rapid-test kits, cameras).

The explicit list below is what the composition root hands to the device manager, so a frozen
build finds every driver. The USB import issue adds the drivers; until then no device is matched.
"""

DRIVERS: tuple[type, ...] = ()
