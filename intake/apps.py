from django.apps import AppConfig


def inwoner_ids_voor_bsn(bsn: str) -> list[int]:
    from .models import Inwoner

    return list(Inwoner.objects.filter(bsn=bsn).values_list("pk", flat=True))


class IntakeConfig(AppConfig):
    name = "intake"
    verbose_name = "Toegang (inwoners en casussen)"

    def ready(self):
        from altena.privacy import registreer_bsn_zoeker

        # The privacy officer searches the verwerkingenlog by BSN; the log itself holds only ids.
        registreer_bsn_zoeker(inwoner_ids_voor_bsn)
