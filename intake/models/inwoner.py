"""Inwoners and their households (1 huishouden, 1 plan, 1 regisseur)."""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q, Value

from altena.access import Rol, user_roles
from netwerk.models import Kern

from ..scope import gemeenten_query
from ..validators import mask_bsn, validate_bsn, validate_postcode

GEMEENTE_HELP = "De gemeente (verwerkingsverantwoordelijke) waartoe dit gegeven hoort; volgt uit de kern."


class HuishoudenQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """Households of the user's own gemeenten only, and there only with a reason of the user's
        own: a case of the household in the user's scope, the regie, or (front door) a member living
        in the user's werkgebied. A household is NOT visible merely because some member is visible
        (a desk worker finds any person of the gemeente), and a member of another gemeente never
        opens one, so a made-up inwoner at someone else's address reveals nothing."""
        from .casus import Casus

        if not user.is_authenticated:
            return self.none()
        roles = user_roles(user)
        # Correlated EXISTS per household row (index lookups by household and member), never
        # "pk IN the households of every visible case": that reads every case in scope.
        zichtbare_casussen = Casus.objects.zichtbaar_voor(user).order_by()
        reden = (
            Exists(zichtbare_casussen.filter(huishouden_id=OuterRef("pk")))
            | Exists(zichtbare_casussen.filter(inwoner__huishouden_id=OuterRef("pk")))
            | Q(regisseur=user)
        )
        if Rol.FRONTOFFICE in roles:
            from ..scope import werkgebied_kernen

            in_werkgebied = Inwoner.objects.filter(
                huishouden_id=OuterRef("pk"), kern__in=werkgebied_kernen(user).values("pk")
            )
            reden |= Exists(in_werkgebied)
        return self.filter(reden, gemeente__in=gemeenten_query(user))


class Huishouden(models.Model):
    """A household: 1 huishouden, 1 plan, 1 regisseur."""

    naam = models.CharField(
        "naam", max_length=150, help_text="Bijvoorbeeld 'Huishouden De Vries, Dorpsstraat 1'."
    )
    gemeente = models.CharField("gemeente", max_length=100, db_index=True, help_text=GEMEENTE_HELP)
    regisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="regisseur",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="geregisseerde_huishoudens",
    )
    versie = models.PositiveIntegerField("versie", default=1)

    objects = HuishoudenQuerySet.as_manager()

    class Meta:
        verbose_name = "huishouden"
        verbose_name_plural = "huishoudens"
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class BrpStatus(models.TextChoices):
    GECONTROLEERD = "gecontroleerd", "Uit de BRP"
    NIET_GECONTROLEERD = "niet_gecontroleerd", "Niet gecontroleerd in de BRP"


class InwonerQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """Frontoffice: every inwoner of its municipality (the front door serves all kernen, and a
        desk worker must find a person to avoid a second registration). Consultant and teamleider:
        inwoners with a case they may see, or in a household they direct."""
        if not user.is_authenticated:
            return self.none()
        roles = user_roles(user)
        condition = Q(pk__in=[])
        if Rol.FRONTOFFICE in roles:
            condition |= Q(gemeente__in=gemeenten_query(user))
        if roles & {Rol.CONSULTANT, Rol.TEAMLEIDER}:
            from .casus import Casus

            zichtbaar = Casus.objects.zichtbaar_voor(user)
            # correlated EXISTS by the inwoner's own id, not "pk IN the inwoners of every case"
            condition |= Exists(zichtbaar.order_by().filter(inwoner_id=OuterRef("pk"))) | Q(
                huishouden__regisseur=user
            )
        if condition == Q(pk__in=[]):
            return self.none()
        # Never across gemeenten, whatever the role: each gemeente is its own controller.
        return self.filter(condition, gemeente__in=gemeenten_query(user))


class Inwoner(models.Model):
    # Unique per gemeente, not globally: a shared-service deployment holds several controllers.
    bsn = models.CharField("BSN", max_length=9, validators=[validate_bsn])
    gemeente = models.CharField(
        "gemeente", max_length=100, db_index=True, editable=False, help_text=GEMEENTE_HELP
    )
    voornamen = models.CharField("voornamen", max_length=150)
    tussenvoegsel = models.CharField("tussenvoegsel", max_length=20, blank=True)
    achternaam = models.CharField("achternaam", max_length=150)
    geboortedatum = models.DateField("geboortedatum")
    straat = models.CharField("straat", max_length=150)
    huisnummer = models.CharField(
        "huisnummer", max_length=10, help_text="Met eventuele toevoeging, bijv. 12a."
    )
    postcode = models.CharField("postcode", max_length=7, validators=[validate_postcode])
    woonplaats = models.CharField("woonplaats", max_length=100, blank=True)
    kern = models.ForeignKey(Kern, verbose_name="kern", on_delete=models.PROTECT, related_name="inwoners")
    telefoon = models.CharField("telefoon", max_length=20, blank=True)
    email = models.EmailField("e-mail", blank=True)
    huishouden = models.ForeignKey(
        Huishouden,
        verbose_name="huishouden",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="leden",
    )
    aangemaakt = models.DateTimeField("aangemaakt", auto_now_add=True)
    # From the BRP (docs/brp.md): read-only in the application, refreshed on every look and by the
    # nightly sweep. Manual name, birth and address apply only to an inwoner "niet gecontroleerd".
    brp_status = models.CharField(
        "BRP", max_length=20, choices=BrpStatus.choices, default=BrpStatus.NIET_GECONTROLEERD,
        db_default=BrpStatus.NIET_GECONTROLEERD,
    )  # fmt: skip
    brp_gelezen_op = models.DateTimeField("gelezen uit de BRP op", null=True, blank=True, editable=False)
    brp_gegevens = models.JSONField(
        "BRP-gegevens (cache)",
        default=dict,
        db_default=Value({}, models.JSONField()),
        blank=True,
        editable=False,
    )
    overleden_op = models.DateField("overleden op", null=True, blank=True, editable=False)
    geheimhouding = models.BooleanField(
        "geheimhouding persoonsgegevens", default=False, db_default=False, editable=False,
        help_text="Verstrekkingsbeperking in de BRP: het adres verlaat de gemeente niet.",
    )  # fmt: skip
    geanonimiseerd_op = models.DateTimeField("geanonimiseerd op", null=True, blank=True, editable=False)

    objects = InwonerQuerySet.as_manager()

    class Meta:
        verbose_name = "inwoner"
        verbose_name_plural = "inwoners"
        ordering = ["achternaam", "voornamen"]
        indexes = [
            models.Index(fields=["achternaam", "geboortedatum"], name="inwoner_naam_gebdat"),
            models.Index(fields=["postcode", "huisnummer"], name="inwoner_adres"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "bsn"], name="inwoner_bsn_uniek_per_gemeente")
        ]

    def __str__(self):
        return self.naam

    def save(self, *args, **kwargs):
        # The gemeente follows the kern (also for factories and fixtures that only give a kern).
        if self.kern_id and not self.gemeente:
            self.gemeente = self.kern.gemeente
        super().save(*args, **kwargs)

    @property
    def naam(self) -> str:
        return " ".join(p for p in (self.voornamen, self.tussenvoegsel, self.achternaam) if p)

    @property
    def bsn_gemaskeerd(self) -> str:
        return mask_bsn(self.bsn)

    @property
    def uit_brp(self) -> bool:
        return self.brp_status == BrpStatus.GECONTROLEERD

    @property
    def overleden(self) -> bool:
        return self.overleden_op is not None or bool((self.brp_gegevens or {}).get("overleden"))

    @property
    def in_onderzoek(self) -> list[str]:
        return list((self.brp_gegevens or {}).get("in_onderzoek") or [])

    @property
    def adres(self) -> str:
        return f"{self.straat} {self.huisnummer}, {self.postcode} {self.woonplaats}".strip()
