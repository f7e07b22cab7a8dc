"""The English admin reads the admin's day-first dates as the Vietnamese one does (see ``portal/formats/vi``)."""

from ..vi.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS

__all__ = ["DATE_INPUT_FORMATS", "DATETIME_INPUT_FORMATS"]
