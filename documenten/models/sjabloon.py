"""Letter templates: one per kind, per law, per gemeente, kept by the beheerder in admin, and the
letterhead (logo, signatory, mandate) a gemeente's letters carry."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from intake.models import Wet
from netwerk.models import Gemeente

from .opslag import logo_pad


class BriefSoort(models.TextChoices):
    BESCHIKKING_TOEKENNING = "beschikking_toekenning", "Beschikking: toekenning"
    BESCHIKKING_GEDEELTELIJK = "beschikking_gedeeltelijk", "Beschikking: gedeeltelijke toekenning"
    BESCHIKKING_AFWIJZING = "beschikking_afwijzing", "Beschikking: afwijzing"
    BUITEN_BEHANDELING = "buiten_behandeling", "Besluit: aanvraag buiten behandeling"
    VERDAGING = "verdagingsbrief", "Verdagingsbrief"
    ONDERZOEKSVERSLAG = "onderzoeksverslag", "Verslag van het onderzoek"
    ONTVANGSTBEVESTIGING = "ontvangstbevestiging", "Ontvangstbevestiging aanvraag"
    BESLISSING_OP_BEZWAAR = "beslissing_op_bezwaar", "Beslissing op bezwaar"


class Briefhoofd(models.Model):
    """What a gemeente's letters need beyond ``netwerk.Gemeente``: logo and signatory (mandaat)."""

    gemeente = models.OneToOneField(
        Gemeente, verbose_name="gemeente", on_delete=models.CASCADE, related_name="briefhoofd"
    )
    logo = models.FileField(
        "logo",
        upload_to=logo_pad,
        blank=True,
        help_text="PNG of JPEG, bij voorkeur breed en klein (< 200 kB).",
    )
    ondertekenaar_naam = models.CharField("naam ondertekenaar", max_length=150)
    ondertekenaar_functie = models.CharField("functie ondertekenaar", max_length=150)
    mandaat = models.CharField(
        "mandaat",
        max_length=250,
        default="Namens het college van burgemeester en wethouders,",
        help_text="Namens wie de ondertekenaar tekent.",
    )

    class Meta:
        verbose_name = "briefhoofd"
        verbose_name_plural = "briefhoofden"

    def __str__(self):
        return f"Briefhoofd {self.gemeente}"


class BriefSjabloon(models.Model):
    """The current text of one kind of letter. Every change makes a new ``BriefSjabloonVersie``;
    a letter points at the version it was made with."""

    gemeente = models.ForeignKey(
        Gemeente, verbose_name="gemeente", on_delete=models.PROTECT, related_name="briefsjablonen"
    )
    soort = models.CharField("soort brief", max_length=30, choices=BriefSoort.choices)
    wet = models.CharField("wet", max_length=20, choices=Wet.choices)
    onderwerp = models.CharField("onderwerp", max_length=200)
    inhoud = models.TextField(
        "inhoud",
        help_text="Django-sjabloontaal met alleen de gedocumenteerde velden (zie de lijst hieronder).",
    )
    versie = models.PositiveIntegerField("versie", default=0, editable=False)
    gewijzigd = models.DateTimeField("gewijzigd", default=timezone.now, editable=False)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gewijzigd door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = "briefsjabloon"
        verbose_name_plural = "briefsjablonen"
        ordering = ["gemeente", "wet", "soort"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "soort", "wet"], name="briefsjabloon_uniek"),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.get_wet_display()}, {self.gemeente}) v{self.versie}"


class BriefSjabloonVersie(models.Model):
    """A frozen version of a template: never changed, so every letter can be traced to its text."""

    sjabloon = models.ForeignKey(
        BriefSjabloon, verbose_name="sjabloon", on_delete=models.PROTECT, related_name="versies"
    )
    versie = models.PositiveIntegerField("versie")
    onderwerp = models.CharField("onderwerp", max_length=200)
    inhoud = models.TextField("inhoud")
    aangemaakt = models.DateTimeField("vastgelegd", default=timezone.now)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="door", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "versie van een briefsjabloon"
        verbose_name_plural = "versies van briefsjablonen"
        ordering = ["sjabloon", "-versie"]
        constraints = [
            models.UniqueConstraint(fields=["sjabloon", "versie"], name="briefsjabloonversie_uniek"),
        ]

    def __str__(self):
        return f"{self.sjabloon_id} v{self.versie}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Een vastgelegde sjabloonversie kan niet worden gewijzigd.")
        super().save(*args, **kwargs)
