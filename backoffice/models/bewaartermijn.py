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

    class Meta:
        verbose_name = "bewaartermijn"
        verbose_name_plural = "bewaartermijnen"
        ordering = ["wet", "-met_voorziening"]
        constraints = [models.UniqueConstraint(fields=["wet", "met_voorziening"], name="bewaartermijn_uniek")]

    def __str__(self):
        wet = self.get_wet_display() or "Toegang"
        return f"{wet} {'met' if self.met_voorziening else 'zonder'} voorziening: {self.jaren} jaar"
