"""The BRP's own protocol: one row per call to the BRP API (who, why, what was asked, whom it returned).

Beside the verwerkingenlog (``altena.verwerkingen``, which never holds a BSN) this table keeps the BSNs
a call returned: the BRP's protocollering requires that a gemeente can say whose data it read, when,
by whom and for what. Only the privacy officer reads it (admin, read-only); nothing changes a row.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models

from .velden import Doel


class BrpBevraging(models.Model):
    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="medewerker", null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_naam = models.CharField("medewerker (naam)", max_length=150)
    doel = models.CharField("doel", max_length=20, choices=Doel.choices)
    zoekvraag = models.CharField("soort vraag", max_length=60)
    casus_nummer = models.CharField("casus", max_length=20, blank=True)
    inwoner_id = models.BigIntegerField("inwoner-id", null=True, blank=True)
    velden = ArrayField(models.CharField(max_length=200), verbose_name="gevraagde velden")
    bsns = ArrayField(
        models.CharField(max_length=9), verbose_name="geleverde BSN's", default=list, blank=True
    )
    resultaat = models.CharField("resultaat", max_length=40)
    duur_ms = models.PositiveIntegerField("duur (ms)", default=0)

    class Meta:
        verbose_name = "BRP-bevraging"
        verbose_name_plural = "BRP-bevragingen"
        ordering = ["-tijdstip"]

    def __str__(self):
        return f"{self.tijdstip:%d-%m-%Y %H:%M} {self.zoekvraag} ({self.get_doel_display()})"
