"""Pure business rules: standard library only (plus chinesecalendar and python-stdnum)."""
