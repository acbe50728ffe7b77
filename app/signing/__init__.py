"""Electronic seals and signatures: signing keys (software keys protected by the OS keyring or a PIN,
hardware tokens through PKCS#11), the bureau's small CA and its certificates, PAdES/CMS signing and
verification, seal images. Imports ``app.domain`` and its own libraries only; never the store,
services or UI. No private key is ever written unencrypted to disk or to a log."""
