from .bestanden import DocumentDownloadView, DocumentToevoegenView, DocumentVerwijderenView
from .brieven import BriefDownloadView, BriefView, DocumentenView

__all__ = [
    "BriefDownloadView",
    "BriefView",
    "DocumentDownloadView",
    "DocumentToevoegenView",
    "DocumentVerwijderenView",
    "DocumentenView",
]
