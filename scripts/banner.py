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
    privacy       verwerkingenlogging

  Database: {os.environ.get("ALTENA_DATABASE_INFO", "PostgreSQL uit DATABASE_URL")}
  Redis:    {os.environ.get("ALTENA_REDIS_INFO", "Redis uit REDIS_URL")}

  Gezondheid: http://127.0.0.1:8000/health/   (stoppen: Ctrl-C)
"""
)
