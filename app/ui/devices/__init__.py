"""设备: docked devices (body cameras, rapid-test kits, cameras, recorders), their import with
progress, the imports made, and the triage queue of evidence still waiting for a case."""
