"""Evidence from devices in the UI: thumbnails, the player, rapid-test results, the custody report
export and the case's evidence panel (证据 tab)."""
