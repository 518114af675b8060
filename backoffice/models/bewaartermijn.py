"""Retention rules per law and outcome (Selectielijst gemeenten 2020), configurable in the admin."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from intake.models import Wet


class Bewaartermijn(models.Model):
    """How long a closed case is kept after its end (the later of closing and the end of its last
    voorziening), per law and outcome. ``actief`` off: only the beheerder's dry-run report shows what
    would go; on: the nightly task anonymises it."""

    wet = models.CharField(
        "wet", max_length=20, choices=Wet.choices, blank=True, help_text="Leeg: toegang zonder maatwerk."
    )
    met_voorziening = models.BooleanField("met voorziening", help_text="Is er een voorziening verstrekt?")
    jaren = models.PositiveSmallIntegerField(
        "bewaartermijn (jaren)", validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    grondslag = models.CharField("grondslag", max_length=200, blank=True)
    actief = models.BooleanField(
        "vernietigen",
        default=False,
        help_text=(
            "Uit: alleen in het proefrapport. Aan: de nachtelijke taak anonimiseert wat over de termijn is."
        ),
    )

    # The dry run of this rule, computed at night and whenever the report finds it stale: counting
    # a million closed cases takes most of a second, too long for every view of the report.
    proef_aantal = models.PositiveIntegerField("voorbij termijn (proef)", null=True, editable=False)
    proef_oudste_einde = models.DateField("oudste einde (proef)", null=True, editable=False)
    proef_berekend_op = models.DateTimeField("proef berekend op", null=True, editable=False)

    PROEF_VELDEN = frozenset({"proef_aantal", "proef_oudste_einde", "proef_berekend_op"})

    class Meta:
        verbose_name = "bewaartermijn"
        verbose_name_plural = "bewaartermijnen"
        ordering = ["wet", "-met_voorziening"]
        constraints = [models.UniqueConstraint(fields=["wet", "met_voorziening"], name="bewaartermijn_uniek")]

    def __str__(self):
        wet = self.get_wet_display() or "Toegang"
        return f"{wet} {'met' if self.met_voorziening else 'zonder'} voorziening: {self.jaren} jaar"

    def save(self, *args, **kwargs):
        """A change of the rule itself makes its stored dry run stale (the report recomputes it)."""
        update_fields = kwargs.get("update_fields")
        if update_fields is None or not set(update_fields) <= self.PROEF_VELDEN:
            self.proef_aantal = self.proef_oudste_einde = self.proef_berekend_op = None
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *self.PROEF_VELDEN}
        super().save(*args, **kwargs)
