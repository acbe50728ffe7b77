"""The PySide6 desktop interface. Talks to ``app.services`` and ``app.domain`` only."""
