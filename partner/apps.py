from django.apps import AppConfig


class PartnerConfig(AppConfig):
    name = "partner"
    verbose_name = "Partnerportaal"

    def ready(self):
        from intake.hooks import verwijzing_gemaakt

        from .meldingen import bij_verwijzing_gemaakt

        # A new referral: mail the partner's workers a link (after commit, no personal data).
        verwijzing_gemaakt.connect(bij_verwijzing_gemaakt, dispatch_uid="partner_nieuwe_verwijzing")
