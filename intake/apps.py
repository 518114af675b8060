from django.apps import AppConfig


def inwoner_ids_voor_bsn(bsn: str) -> list[int]:
    from .models import Inwoner

    return list(Inwoner.objects.filter(bsn=bsn).values_list("pk", flat=True))


def _getal(tekst: str) -> int | None:
    return int(tekst) if tekst.isdigit() and len(tekst) < 19 else None


def inwoner_van_casus(nummer: str) -> int | None:
    from .models import Casus

    return Casus.objects.filter(nummer=nummer).values_list("inwoner_id", flat=True).first()


def inwoner_van_inwoner(pk: str) -> int | None:
    from .models import Inwoner

    pk = _getal(pk)
    return pk if pk is not None and Inwoner.objects.filter(pk=pk).exists() else None


def inwoner_van_verwijzing(pk: str) -> int | None:
    from .models import Verwijzing

    pk = _getal(pk)
    if pk is None:
        return None
    return Verwijzing.objects.filter(pk=pk).values_list("casus__inwoner_id", flat=True).first()


class IntakeConfig(AppConfig):
    name = "intake"
    verbose_name = "Toegang (inwoners en casussen)"

    def ready(self):
        from altena.privacy import registreer_bsn_zoeker

        # The privacy officer searches the verwerkingenlog by BSN; the log itself holds only ids.
        registreer_bsn_zoeker(inwoner_ids_voor_bsn)
        # A refused attempt on a known case, inwoner or referral names its inwoner in that log.
        from altena.verwerkingen import registreer_inwoner_zoeker

        registreer_inwoner_zoeker("casus", inwoner_van_casus)
        registreer_inwoner_zoeker("inwoner", inwoner_van_inwoner)
        registreer_inwoner_zoeker("verwijzing", inwoner_van_verwijzing)
