from .document import DocumentFile, DocumentReplacement, DocumentStatus, OfficialDocumentPage
from .register import DocumentRegisterPage
from .taxonomy import DocumentArea, DocumentType, IssuingBody

__all__ = [
    "DocumentArea",
    "DocumentFile",
    "DocumentRegisterPage",
    "DocumentReplacement",
    "DocumentStatus",
    "DocumentType",
    "IssuingBody",
    "OfficialDocumentPage",
]
