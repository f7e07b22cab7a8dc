"""What the admin's date pickers send back (WAGTAIL_DATE_FORMAT, WAGTAIL_DATETIME_FORMAT: day first) must be
read day first: without these, Django's fallback formats read "01/12/2026 07:00" as 12 January."""

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%d/%m/%Y",
]
