"""Seals and signatures in the UI: PIN entry, the seals and certificates settings, sealing from the 文书
tab, signature badges on approvals, and the verify dialog."""
