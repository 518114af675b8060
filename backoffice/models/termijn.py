"""The stored legal terms of a case, with their opschortingen and verdagingen.

``uiterste_datum`` is the deadline computed by ``backoffice.termijnen`` and stored, so signals and
reports can query it in SQL; it is recomputed by ``services.termijnen`` whenever an input changes.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from intake.models import Casus

from ..termijnen import TermijnSoort


class TermijnQuerySet(models.QuerySet):
    def lopend(self):
        return self.filter(afgerond_op__isnull=True)

    def verstreken(self, op=None):
        op = op or timezone.localdate()
        return self.lopend().filter(opgeschort_sinds__isnull=True, uiterste_datum__lt=op)


class Termijn(models.Model):
    casus = models.ForeignKey(Casus, verbose_name="casus", on_delete=models.CASCADE, related_name="termijnen")
    soort = models.CharField("soort", max_length=30, choices=TermijnSoort.CHOICES)
    bezwaar = models.ForeignKey(
        "backoffice.Bezwaar",
        verbose_name="bezwaar",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="termijnen",
    )
    startdatum = models.DateField(
        "startdatum", help_text="De dag van de gebeurtenis; de termijn loopt vanaf de dag erna."
    )
    uiterste_datum = models.DateField("uiterste datum")
    regel = models.TextField("berekening")
    opgeschort_dagen = models.PositiveIntegerField("opgeschorte dagen", default=0)
    opgeschort_sinds = models.DateField("opgeschort sinds", null=True, blank=True)
    verdaagd_tot = models.DateField("verdaagd tot", null=True, blank=True)
    afgerond_op = models.DateField("afgerond op", null=True, blank=True)
    berekend_op = models.DateTimeField("berekend op", default=timezone.now)

    objects = TermijnQuerySet.as_manager()

    class Meta:
        verbose_name = "termijn"
        verbose_name_plural = "termijnen"
        ordering = ["uiterste_datum", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["casus", "soort"],
                condition=Q(afgerond_op__isnull=True, bezwaar__isnull=True),
                name="termijn_een_lopende_per_soort",
            ),
            models.UniqueConstraint(
                fields=["bezwaar", "soort"],
                condition=Q(afgerond_op__isnull=True, bezwaar__isnull=False),
                name="termijn_een_lopende_per_bezwaar",
            ),
        ]
        indexes = [
            models.Index(
                fields=["soort", "uiterste_datum"],
                name="termijn_lopend_uiterste",
                condition=Q(afgerond_op__isnull=True),
            ),
            models.Index(
                fields=["casus", "uiterste_datum"],
                name="termijn_casus_lopend",
                condition=Q(afgerond_op__isnull=True),
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.uiterste_datum:%d-%m-%Y}"

    @property
    def is_lopend(self) -> bool:
        return self.afgerond_op is None

    @property
    def is_van_inwoner(self) -> bool:
        """The persoonlijk-plan window is the inhabitant's right, not the municipality's deadline:
        never overdue, never extended, and at its end "niet ingeleverd" rather than "afgerond"."""
        return self.soort == TermijnSoort.WMO_PLAN

    @property
    def verdaagbaar(self) -> bool:
        return not self.is_van_inwoner


class Opschorting(models.Model):
    """A pause of a term (Awb 4:15, 7:10 lid 2): from ``van`` the term stands still; it resumes on
    ``tot``. The days between (tot - van) are added to the deadline."""

    termijn = models.ForeignKey(
        Termijn, verbose_name="termijn", on_delete=models.CASCADE, related_name="opschortingen"
    )
    van = models.DateField("opgeschort vanaf")
    tot = models.DateField("hervat op", null=True, blank=True)
    reden = models.CharField("reden", max_length=300)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="door", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "opschorting"
        verbose_name_plural = "opschortingen"
        ordering = ["van", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=models.F("van")), name="opschorting_tot_na_van"
            ),
            models.UniqueConstraint(
                fields=["termijn"], condition=Q(tot__isnull=True), name="opschorting_een_open_per_termijn"
            ),
        ]

    def __str__(self):
        return f"Opschorting {self.van:%d-%m-%Y}"

    @property
    def dagen(self) -> int | None:
        return (self.tot - self.van).days if self.tot else None


class Verdaging(models.Model):
    """An extension of a term, told to the inhabitant within the term (Awb 4:14, 7:10 lid 3)."""

    termijn = models.ForeignKey(
        Termijn, verbose_name="termijn", on_delete=models.CASCADE, related_name="verdagingen"
    )
    medegedeeld_op = models.DateField("medegedeeld aan de inwoner op")
    nieuwe_datum = models.DateField("nieuwe uiterste datum")
    mededeling = models.TextField("mededeling aan de inwoner (reden en nieuwe termijn)")
    met_instemming = models.BooleanField("met instemming van de belanghebbende", default=False)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="door", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "verdaging"
        verbose_name_plural = "verdagingen"
        ordering = ["medegedeeld_op", "id"]

    def __str__(self):
        return f"Verdaagd tot {self.nieuwe_datum:%d-%m-%Y}"
