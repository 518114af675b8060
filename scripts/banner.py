"""Print the URL and demo logins when `make run` starts."""

import os

password = os.environ.get("DEMO_PASSWORD", "altena-demo")
print(
    f"""
  Altena Toegang draait op http://127.0.0.1:8000/

  Demo-accounts (wachtwoord: {password})
    frontoffice   balie / toegang: hulpvragen registreren en triëren
    consultant    backoffice: maatwerk van melding tot beschikking
    teamleider    dashboard, termijnen, toewijzen
    beheerder     Django admin: kernen, partners, catalogus
    privacy       verwerkingenlogging, gebruikersaudit
    beleid        raadsrapportage en exports (geen casussen)
    partner       partnerportaal: verwijzingen aan Welzijn Altena Samen (Almkerk)

  Mijn Toegang (inwoners): http://127.0.0.1:8000/mijn/  ->  "Inloggen met DigiD (demo)", kies demo A
    (een Wmo-zaak met verschoven beslisdatum, een beschikking, en wie keek) of demo B.
  Partners met eHerkenning: http://127.0.0.1:8000/partner/eherkenning/  ->  "eHerkenning (demo)".
  De demo-identiteitsproviders (MIJN_DEMO_IDP) bestaan alleen lokaal; productie weigert ze.

  Database: {os.environ.get("ALTENA_DATABASE_INFO", "PostgreSQL uit DATABASE_URL")}
  Redis:    {os.environ.get("ALTENA_REDIS_INFO", "Redis uit REDIS_URL")}

  LET OP: tweestapsverificatie is in deze lokale demo NIET verplicht (DJANGO_2FA_REQUIRED=false in
  altena/settings/local.py), zodat de demo-accounts zonder authenticator-app werken. In productie is
  het verplicht voor teamleider, beheerder, privacy en beleid (productie weigert te starten zonder).
  Proberen: http://127.0.0.1:8000/accounts/tweestaps/instellen/  (of start met DJANGO_2FA_REQUIRED=true)

  Gezondheid: http://127.0.0.1:8000/health/   (stoppen: Ctrl-C)
"""
)
