"""Project-wide records: the verwerkingenlogging (processing log) and the beat heartbeat."""

from django.conf import settings
from django.db import models


class Verwerking(models.Model):
    """One processing of personal data (VNG Verwerkingenlogging). Append-only: a trigger refuses
    UPDATE and DELETE (migration 0003). Holds no BSN: the inwoner is referred to by its id."""

    class Handeling(models.TextChoices):
        LEZEN = "lezen", "Lezen"
        AANMAKEN = "aanmaken", "Aanmaken"
        WIJZIGEN = "wijzigen", "Wijzigen"
        EXPORTEREN = "exporteren", "Exporteren"
        ZOEKEN = "zoeken", "Zoeken"
        VERNIETIGEN = "vernietigen", "Vernietigen of anonimiseren"

    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="actor", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_naam = models.CharField("actor (naam)", max_length=150)
    handeling = models.CharField("handeling", max_length=20, choices=Handeling.choices)
    verwerkingsactiviteit = models.CharField("verwerkingsactiviteit (doel)", max_length=100)
    object_type = models.CharField("objecttype", max_length=50)
    object_id = models.CharField("object", max_length=50)
    inwoner_id = models.BigIntegerField("inwoner-id", null=True, blank=True, db_index=True)
    casus_nummer = models.CharField("casusnummer", max_length=20, blank=True, db_index=True)
    vertrouwelijkheid = models.CharField("vertrouwelijkheid", max_length=20, default="vertrouwelijk")
    bewaartermijn = models.CharField("bewaartermijn", max_length=20, default="P10Y")
    resultaat = models.CharField("resultaat", max_length=20, default="geslaagd")
    oorsprong = models.CharField("oorsprong", max_length=200, blank=True)

    class Meta:
        verbose_name = "verwerking"
        verbose_name_plural = "verwerkingenlogging"
        ordering = ["-tijdstip", "-id"]

    def __str__(self):
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.actor_naam} {self.handeling} {self.object_type}"

    @property
    def is_geweigerd(self) -> bool:
        from .verwerkingen import GEWEIGERD

        return self.resultaat == GEWEIGERD


class Heartbeat(models.Model):
    """When a periodic process (Celery beat) last ran; shown on /health/."""

    naam = models.CharField(max_length=50, primary_key=True)
    laatst = models.DateTimeField()

    class Meta:
        verbose_name = "heartbeat"

    def __str__(self):
        return f"{self.naam}: {self.laatst:%Y-%m-%d %H:%M:%S}"


class GebruikerAudit(models.Model):
    """One change of a user's roles, active state or rights (created, role added or removed,
    (de)activated, sessions ended, two-factor reset). Append-only: a trigger refuses UPDATE and DELETE
    (migration 0004), like the verwerkingenlog. Names are copied so the row outlives renames."""

    class Wijziging(models.TextChoices):
        AANGEMAAKT = "aangemaakt", "Account aangemaakt"
        ROL_TOEGEVOEGD = "rol_toegevoegd", "Rol toegekend"
        ROL_VERWIJDERD = "rol_verwijderd", "Rol ingetrokken"
        GEACTIVEERD = "geactiveerd", "Geactiveerd"
        GEDEACTIVEERD = "gedeactiveerd", "Gedeactiveerd"
        SUPERUSER = "superuser", "Superuser-status gewijzigd"
        STAFF = "staff", "Staff-status gewijzigd"
        RECHT = "recht", "Losse rechten gewijzigd"
        SESSIES_BEEINDIGD = "sessies_beeindigd", "Sessies beëindigd"
        TWEESTAPS_GEWIST = "tweestaps_gewist", "Tweestapsverificatie gewist"
        TWEESTAPS_INGESTELD = "tweestaps_ingesteld", "Tweestapsverificatie ingesteld"
        EMAIL_GEWIJZIGD = "email_gewijzigd", "E-mailadres gewijzigd"
        WACHTWOORD_INGESTELD = "wachtwoord_ingesteld", "Wachtwoord ingesteld via link"
        UITNODIGING_VERSTUURD = "uitnodiging_verstuurd", "Wachtwoordlink verstuurd"
        TEAM_TOEGEVOEGD = "team_toegevoegd", "Lid gemaakt van team"
        TEAM_VERWIJDERD = "team_verwijderd", "Uit team gehaald"
        VOORSTEL_GEDAAN = "voorstel_gedaan", "Wijziging voorgesteld"
        VOORSTEL_GOEDGEKEURD = "voorstel_goedgekeurd", "Voorstel goedgekeurd"
        VOORSTEL_AFGEWEZEN = "voorstel_afgewezen", "Voorstel afgewezen"
        INLOG_MISLUKT = "inlog_mislukt", "Tweede stap mislukt"
        GEBLOKKEERD = "geblokkeerd", "Account tijdelijk geblokkeerd"
        ONTGRENDELD = "ontgrendeld", "Account ontgrendeld"

    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="door",
        null=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
    )
    actor_naam = models.CharField("door (naam)", max_length=150)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gebruiker",
        null=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_constraint=False,
    )
    gebruiker_naam = models.CharField("gebruiker (naam)", max_length=150, db_index=True)
    wijziging = models.CharField("wijziging", max_length=30, choices=Wijziging.choices)
    oude_waarde = models.CharField("oude waarde", max_length=200, blank=True)
    waarde = models.CharField("(nieuwe) waarde", max_length=200, blank=True)

    class Meta:
        verbose_name = "gebruikerswijziging"
        verbose_name_plural = "gebruikersaudit"
        ordering = ["-tijdstip", "-id"]

    def __str__(self):
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.actor_naam}: {self.gebruiker_naam} {self.wijziging}"


class Inlogsessie(models.Model):
    """The session keys of a user's logins, so a beheerder can end them (any session engine)."""

    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    session_key = models.CharField(max_length=64, unique=True)
    begonnen = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "inlogsessie"
        verbose_name_plural = "inlogsessies"

    def __str__(self):
        return f"{self.gebruiker_id} {self.begonnen:%Y-%m-%d %H:%M}"


class AccountVoorstel(models.Model):
    """A change of an account that gives access to case data, waiting for a second person (ADR 0009).

    The beheerder proposes; the teamleider of the team concerned approves a work role or a team
    membership, the privacy officer approves a new e-mail address, a wiped second factor or a
    password link to an account that has ever logged in. Nobody approves their own proposal or a
    change of their own account. The team is kept by id and name (altena imports no domain app)."""

    class Soort(models.TextChoices):
        ROL = "rol", "Werkrol toekennen"
        TEAM = "team", "Lid maken van team"
        EMAIL = "email", "E-mailadres wijzigen"
        TWEESTAPS = "tweestaps", "Tweestapsverificatie wissen"
        LINK = "link", "Wachtwoordlink versturen"

    class Status(models.TextChoices):
        OPEN = "open", "Wacht op goedkeuring"
        GOEDGEKEURD = "goedgekeurd", "Goedgekeurd en uitgevoerd"
        AFGEWEZEN = "afgewezen", "Afgewezen"

    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="account", on_delete=models.PROTECT, related_name="+"
    )
    team_id = models.BigIntegerField("team", null=True, blank=True)
    team_naam = models.CharField("team (naam)", max_length=100, blank=True)
    oude_waarde = models.CharField("oude waarde", max_length=254, blank=True)
    nieuwe_waarde = models.CharField("nieuwe waarde", max_length=254, blank=True)
    reden = models.CharField("reden", max_length=200, blank=True)
    voorgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="voorgesteld door", on_delete=models.PROTECT, related_name="+"
    )
    voorgesteld_op = models.DateTimeField("voorgesteld op", auto_now_add=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="beoordeeld door",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    beoordeeld_op = models.DateTimeField("beoordeeld op", null=True, blank=True)

    class Meta:
        verbose_name = "accountvoorstel"
        verbose_name_plural = "accountvoorstellen"
        ordering = ["-voorgesteld_op", "-id"]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.gebruiker_id} {self.nieuwe_waarde}"
