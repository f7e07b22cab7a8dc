from .directory import UnitDirectoryPage
from .leadership import Leader, LeadershipPage, Term
from .structure import OrganisationStructurePage, StructureBody

__all__ = ["Leader", "LeadershipPage", "OrganisationStructurePage", "StructureBody", "Term", "UnitDirectoryPage"]
