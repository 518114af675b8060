"""The iStandaarden categories (iWmo WMO020 01-18, iJw JZ020 40-55) a zorgaanbieder can deliver; see
docs/domain.md and docs/berichtenverkeer.md."""

from django.db import models


class IStandaardCategorie(models.TextChoices):
    # Wmo
    HULP_BIJ_HUISHOUDEN = "01", "01 Hulp bij het huishouden"
    BEGELEIDING = "02", "02 Begeleiding"
    PERSOONLIJKE_VERZORGING = "03", "03 Persoonlijke verzorging"
    KORTDUREND_VERBLIJF = "04", "04 Kortdurend verblijf"
    WOONDIENSTEN = "05", "05 Woondiensten"
    OVERIGE_ONDERSTEUNING = "06", "06 Overige ondersteuning"
    DAGBESTEDING = "07", "07 Dagbesteding"
    VERVOERDIENSTEN = "08", "08 Vervoerdiensten"
    GROEPSGERICHT = "09", "09 Overige groepsgerichte ondersteuning"
    MAATWERKARRANGEMENTEN = "10", "10 Overige maatwerkarrangementen"
    ROLSTOELEN = "11", "11 Rolstoelen"
    VERVOERVOORZIENINGEN = "12", "12 Vervoervoorzieningen"
    WOONVOORZIENINGEN = "13", "13 Woonvoorzieningen"
    OVERIGE_HULPMIDDELEN = "14", "14 Overige hulpmiddelen"
    BESCHERMD_WONEN = "15", "15 Beschermd wonen"
    OPVANG = "16", "16 Opvang"
    SPOEDOPVANG = "17", "17 Spoedopvang"
    OVERIG_BESCHERMD_WONEN = "18", "18 Overige beschermd wonen en opvang"
    # Jeugd
    JEUGD_PERSOONLIJKE_VERZORGING = "40", "40 Persoonlijke verzorging (jeugd)"
    DAGBEHANDELING = "41", "41 Dagbehandeling"
    JEUGD_VERVOERDIENSTEN = "42", "42 Vervoerdiensten (jeugd)"
    VERBLIJF_MET_BEHANDELING = "43", "43 Jeugdhulp verblijf (incl. behandeling)"
    VERBLIJF_ZONDER_BEHANDELING = "44", "44 Jeugdhulp verblijf (excl. behandeling)"
    AMBULANT = "45", "45 Jeugdhulp ambulant"
    CRISIS = "46", "46 Jeugdhulp crisis"
    JEUGDRECLASSERING = "47", "47 Jeugdreclassering"
    JEUGDBESCHERMING = "48", "48 Jeugdbescherming"
    PREVENTIEF_JUSTITIEEL = "49", "49 Activiteiten preventief justitieel kader"
    MAATWERK_JEUGD = "50", "50 Maatwerkarrangementen jeugd"
    GENERALISTISCHE_BASIS_GGZ = "51", "51 Generalistische basis-ggz"
    SPECIALISTISCHE_GGZ = "52", "52 Specialistische ggz"
    KINDERGENEESKUNDE = "53", "53 Kindergeneeskunde"
    JEUGD_GGZ = "54", "54 Jeugd-ggz"
    LANDELIJK_INGEKOCHT = "55", "55 Landelijk ingekochte zorg"
